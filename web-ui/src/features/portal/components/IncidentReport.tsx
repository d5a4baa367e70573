import { useState, type FormEvent } from 'react';
import { QueryState } from '../../../components/QueryState';
import { ApiError, api } from '../../../lib/api/client';
import { useIncidents } from '../api/queries';
import { useApp } from '../../../lib/session';
import { isoDay } from '../../../lib/i18n';
import { FLAG_KINDS } from '../../harassment';

/** The client tells their counselor about harassing collection, with screenshots or recordings. */
export default function IncidentReport({ caseId }: { caseId: string }) {
  const { t } = useApp();
  const query = useIncidents(caseId);
  const reports = query.data ?? [];
  const [kind, setKind] = useState(FLAG_KINDS[0]);
  const [description, setDescription] = useState('');
  const [happenedOn, setHappenedOn] = useState(isoDay(new Date()));
  const [files, setFiles] = useState<File[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSent(false);
    setBusy(true);
    try {
      const evidenceIds: string[] = [];
      for (const file of files) evidenceIds.push((await api.upload(caseId, file)).id);
      await api.reportIncident(caseId, { kind, description, happenedOn, evidenceIds });
      setDescription('');
      setFiles([]);
      setInputKey((k) => k + 1);
      setSent(true);
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const err = (field: string) => {
    const message = failure?.fieldError(field);
    return message ? <p className="field-error">{message}</p> : null;
  };

  return (
    <section data-testid="incident-report">
      <h3>{t('incident.title')}</h3>
      <p className="muted small">{t('incident.hint')}</p>
      <form className="card" onSubmit={submit} noValidate>
        <div className="row four">
          <label>
            {t('incident.kind')}
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {FLAG_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`flag.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('incident.happenedOn')}
            <input name="happenedOn" type="date" value={happenedOn} onChange={(e) => setHappenedOn(e.target.value)} />
            {err('happenedOn')}
          </label>
          <label>
            {t('incident.files')}
            <input key={inputKey} name="files" type="file" multiple onChange={(e) => setFiles((now) => [...now, ...Array.from(e.target.files ?? [])])} />
          </label>
          <label className="camera">
            {t('incident.photo')}
            {/* on a phone this opens the camera straight away */}
            <input key={`camera-${inputKey}`} name="photo" type="file" accept="image/*" capture="environment"
              onChange={(e) => setFiles((now) => [...now, ...Array.from(e.target.files ?? [])])} />
            {files.length > 0 && (
              <span className="muted small" data-testid="incident-files">
                {t('incident.attached', { n: files.length })}
              </span>
            )}
            {err('file')}
            {err('name')}
          </label>
        </div>
        <label>
          {t('incident.description')}
          <textarea name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
          {err('description')}
        </label>
        {failure && failure.problem.errors.length === 0 && <p className="error">{failure.message}</p>}
        {sent && (
          <p className="ok" data-testid="incident-sent">
            {t('incident.sent')}
          </p>
        )}
        <button type="submit" disabled={busy} data-testid="send-incident">
          {t('incident.send')}
        </button>
      </form>
      <QueryState query={query} quiet>{() => null}</QueryState>
      {reports.length > 0 && (
        <>
          <h4>{t('incident.mine')}</h4>
          <ul>
            {reports.map((r) => (
              <li key={r.id} data-testid="my-incident">
                {r.from} · {t(`flag.${r.kind}`)} · <span className="user-text">{r.description}</span> ·{' '}
                <span className="muted">{t(`incident.status.${r.status}`)}</span>
                {r.evidenceIds.length > 0 && <span className="muted"> · 📎 {r.evidenceIds.length}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
