import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useServerForm } from '../../../components/forms';
import { QueryState } from '../../../components/QueryState';
import { api } from '../../../lib/api/client';
import { useIncidents } from '../api/queries';
import { useApp } from '../../../lib/session';
import { isoDay } from '../../../lib/i18n';
import { FLAG_KINDS } from '../../harassment';

type IncidentFields = { kind: string; happenedOn: string; description: string; files: string };

/** The client tells their counselor about harassing collection, with screenshots or recordings. */
export default function IncidentReport({ caseId }: { caseId: string }) {
  const { t } = useApp();
  const query = useIncidents(caseId);
  const reports = query.data ?? [];
  const [files, setFiles] = useState<File[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const [sent, setSent] = useState(false);
  // file refusals name "file" or "name": both are said under the files
  const { form, run, busy, problem } = useServerForm<IncidentFields>({ file: 'files', name: 'files' });

  const send = async (v: IncidentFields) => {
    setSent(false);
    const ok = await run(async () => {
      const evidenceIds: string[] = [];
      for (const file of files) evidenceIds.push((await api.upload(caseId, file)).id);
      await api.reportIncident(caseId, { kind: v.kind, description: v.description, happenedOn: v.happenedOn, evidenceIds });
    });
    if (ok) {
      form.setFieldsValue({ description: '' });
      setFiles([]);
      setInputKey((k) => k + 1);
      setSent(true);
    }
  };
  const add = (list: FileList | null) => setFiles((now) => [...now, ...Array.from(list ?? [])]);

  return (
    <section data-testid="incident-report">
      <h3>{t('incident.title')}</h3>
      <p className="muted small">{t('incident.hint')}</p>
      <Form<IncidentFields>
        form={form}
        name="incident-form"
        className="card"
        layout="vertical"
        onFinish={send}
        initialValues={{ kind: FLAG_KINDS[0], happenedOn: isoDay(new Date()), description: '', files: '' }}
      >
        <Form.Item name="kind" label={t('incident.kind')}>
          {/* a native list: on a phone it opens the system picker, easy with one hand */}
          <select name="kind" className="native">
            {FLAG_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`flag.${k}`)}
              </option>
            ))}
          </select>
        </Form.Item>
        <Form.Item name="happenedOn" label={t('incident.happenedOn')}>
          <Input type="date" name="happenedOn" />
        </Form.Item>
        <Form.Item name="description" label={t('incident.description')}>
          <Input.TextArea name="description" rows={3} />
        </Form.Item>
        <Form.Item name="files" label={t('incident.files')} extra={files.length > 0 && <span data-testid="incident-files">{t('incident.attached', { n: files.length })}</span>}>
          <div className="incident-files">
            <input key={inputKey} name="files" type="file" multiple aria-label={t('incident.files')} onChange={(e) => add(e.target.files)} />
            <label className="camera">
              {t('incident.photo')}
              {/* on a phone this opens the camera straight away */}
              <input key={`camera-${inputKey}`} name="photo" type="file" accept="image/*" capture="environment" onChange={(e) => add(e.target.files)} />
            </label>
          </div>
        </Form.Item>
        {problem}
        {sent && <Alert type="success" showIcon data-testid="incident-sent" message={t('incident.sent')} />}
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="send-incident" style={{ marginTop: 12 }}>
          {t('incident.send')}
        </Button>
      </Form>
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
