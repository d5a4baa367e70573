import { useState, type FormEvent } from 'react';
import {
  ApiError,
  api,
  type BodyView,
  type ComplaintView,
  type ContactView,
  type EvidenceView,
  type FindingView,
  type FlagView,
} from '../../../lib/api/client';
import { useApp } from '../../../lib/session';
import { isoDay } from '../../../lib/i18n';
import { ComplaintCard } from './Complaints';
import { isWritten, say, textOr } from '../../../lib/messages';


export const FLAG_KINDS = [
  'THREATS',
  'INSULTS',
  'DISCLOSURE',
  'IMPERSONATION',
  'FAKE_LEGAL_DOCUMENTS',
  'UNANNOUNCED_VISIT',
  'FEES_NOT_OWED',
  'EXCESSIVE_CALLS',
  'UNREASONABLE_HOURS',
  'THIRD_PARTY_CONTACT',
  'OTHER',
];

/** Findings of the rules, flags (from findings, by hand, from the client) and complaints from them. */
export default function Harassment({
  caseId,
  mine,
  supervisor,
  entries,
  files,
  findings,
  flags,
  complaints,
  bodies,
  onChanged,
}: {
  caseId: string;
  mine: boolean;
  supervisor: boolean;
  entries: ContactView[];
  files: EvidenceView[];
  findings: FindingView[];
  flags: FlagView[];
  complaints: ComplaintView[];
  bodies: BodyView[];
  onChanged: () => void;
}) {
  const { t, lang } = useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [bodyCode, setBodyCode] = useState('');
  const [language, setLanguage] = useState<string>(lang);
  const [kind, setKind] = useState(FLAG_KINDS[0]);
  const [description, setDescription] = useState('');
  const [from, setFrom] = useState(isoDay(new Date()));
  const [to, setTo] = useState('');
  const [entryIds, setEntryIds] = useState<string[]>([]);
  const [fileIds, setFileIds] = useState<string[]>([]);
  const [dismissing, setDismissing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);

  const run = async (action: () => Promise<unknown>, after?: () => void) => {
    setFailure(null);
    try {
      await action();
      after?.();
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
    }
  };
  const err = (field: string) => {
    const message = failure?.fieldError(field);
    return message ? <p className="field-error">{message}</p> : null;
  };
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const current = entries.filter((e) => !entries.some((o) => o.corrects === e.id));
  const entryLabel = (id: string) => {
    const e = entries.find((x) => x.id === id);
    return e ? `${e.localTime.replace('T', ' ')} ${t(`channel.${e.channel}`)} → ${t(`party.${e.contacted}`)}` : id;
  };

  const raise = (event: FormEvent) => {
    event.preventDefault();
    run(
      () => api.raiseFlag(caseId, { kind, description, from, to: to || undefined, contactIds: entryIds, evidenceIds: fileIds }),
      () => {
        setDescription('');
        setEntryIds([]);
        setFileIds([]);
      },
    );
  };
  const draft = (event: FormEvent) => {
    event.preventDefault();
    run(() => api.draftComplaint(caseId, bodyCode || bodies[0]?.code || '', selected, language), () => setSelected([]));
  };

  return (
    <section data-testid="harassment">
      <h2>{t('harassment.title')}</h2>
      <h3>{t('harassment.findings')}</h3>
      {findings.length === 0 ? (
        <p className="muted" data-testid="no-findings">
          {t('harassment.noFindings')}
        </p>
      ) : (
        <ul>
          {findings.map((f) => (
            <li key={f.key} data-testid="finding" data-rule={f.rule}>
              <strong>{t(`flag.${f.kind}`)}</strong> · {f.from}
              {f.to !== f.from && ` – ${f.to}`} · <span className={isWritten(f.why) ? 'user-text' : undefined}>{say(t, lang, f.why, f.description)}</span>{' '}
              <span className="muted small">
                ({/* a rule this UI does not know shows by its id alone */ textOr(t, `rule.${f.rule}`, '')} <code>{f.rule}</code>, {f.entryIds.length})
              </span>{' '}
              {f.flagged ? (
                <span className="badge">{t('harassment.flagged')}</span>
              ) : (
                mine && (
                  <button type="button" className="secondary small" data-testid="flag-finding" onClick={() => run(() => api.flagFinding(caseId, f.key))}>
                    {t('harassment.flagIt')}
                  </button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('harassment.flags')}</h3>
      {flags.length === 0 ? (
        <p className="muted">{t('harassment.noFlags')}</p>
      ) : (
        <ul className="flags">
          {flags.map((f) => (
            <li key={f.id} data-testid="flag" data-kind={f.kind} className={f.status === 'DISMISSED' ? 'superseded' : ''}>
              {mine && f.status === 'OPEN' && (
                <label className="check inline">
                  <input
                    type="checkbox"
                    data-testid="select-flag"
                    checked={selected.includes(f.id)}
                    onChange={() => setSelected(toggle(selected, f.id))}
                  />
                  <span className="sr-only">{t('harassment.select')}</span>
                </label>
              )}
              <strong>{t(`flag.${f.kind}`)}</strong> · {t(`harassment.source.${f.source}`)} · {f.from}
              {f.to && f.to !== f.from && ` – ${f.to}`} · {f.raisedByName}
              <div className={isWritten(f.why) ? 'user-text' : undefined}>{say(t, lang, f.why, f.description)}</div>
              {f.contactIds.length > 0 && (
                <div className="muted small">{f.contactIds.map(entryLabel).join('; ')}</div>
              )}
              {f.evidenceIds.map((id) => {
                const file = files.find((x) => x.id === id);
                return (
                  <div key={id} className="small">
                    📎 <a href={api.evidenceUrl(id)}>{file?.name ?? id}</a>
                  </div>
                );
              })}
              {f.status === 'DISMISSED' && (
                <div className="muted small">
                  {t('harassment.dismissed')}: <span className="user-text">{f.dismissReason}</span>
                </div>
              )}
              {mine && f.status === 'OPEN' && dismissing !== f.id && (
                <button type="button" className="secondary small" onClick={() => setDismissing(f.id)}>
                  {t('harassment.dismiss')}
                </button>
              )}
              {dismissing === f.id && (
                <span>
                  <input aria-label={t('harassment.dismissReason')} placeholder={t('harassment.dismissReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => run(() => api.dismissFlag(f.id, reason, f.version), () => setDismissing(null))}
                  >
                    {t('harassment.dismiss')}
                  </button>
                  {err('reason')}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {mine && (
        <form className="card" onSubmit={draft} data-testid="complaint-form" noValidate>
          <h3>{t('complaint.draft')}</h3>
          {selected.length === 0 && <p className="muted small">{t('complaint.pickFlags')}</p>}
          <div className="row four">
            <label>
              {t('complaint.body')}
              <select name="bodyCode" value={bodyCode || bodies[0]?.code || ''} onChange={(e) => setBodyCode(e.target.value)}>
                {bodies.map((b) => (
                  <option key={b.code} value={b.code}>
                    {lang === 'en' ? b.nameEn : b.nameZh}
                  </option>
                ))}
              </select>
              {err('bodyCode')}
            </label>
            <label>
              {t('complaint.language')}
              <select name="language" value={language} onChange={(e) => setLanguage(e.target.value)}>
                <option value="zh-CN">中文</option>
                <option value="en">English</option>
              </select>
            </label>
          </div>
          {err('flagIds')}
          <button type="submit" disabled={selected.length === 0} data-testid="draft-complaint">
            {t('complaint.draft')}
          </button>
        </form>
      )}
      {mine && (
        <form className="card" onSubmit={raise} data-testid="flag-form" noValidate>
          <h3>{t('harassment.manual')}</h3>
          <div className="row four">
            <label>
              {t('harassment.kind')}
              <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                {FLAG_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`flag.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('harassment.from')}
              <input name="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
              {err('from')}
            </label>
            <label>
              {t('harassment.to')}
              <input name="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
              {err('to')}
            </label>
          </div>
          <label>
            {t('harassment.description')}
            <textarea name="description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
            {err('description')}
          </label>
          {current.length > 0 && (
            <fieldset>
              <legend>{t('harassment.entries')}</legend>
              {current.map((e) => (
                <label key={e.id} className="check">
                  <input type="checkbox" checked={entryIds.includes(e.id)} onChange={() => setEntryIds(toggle(entryIds, e.id))} />
                  {entryLabel(e.id)} · <span className="user-text">{e.summary}</span>
                </label>
              ))}
            </fieldset>
          )}
          {files.length > 0 && (
            <fieldset>
              <legend>{t('harassment.files')}</legend>
              {files.map((f) => (
                <label key={f.id} className="check">
                  <input type="checkbox" checked={fileIds.includes(f.id)} onChange={() => setFileIds(toggle(fileIds, f.id))} />
                  {f.name}
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit" data-testid="raise-flag">
            {t('harassment.raise')}
          </button>
        </form>
      )}
      {failure && failure.problem.errors.length === 0 && <p className="error">{failure.message}</p>}
      <h2>{t('complaint.title')}</h2>
      {complaints.length === 0 ? (
        <p className="muted">{t('complaint.none')}</p>
      ) : (
        complaints.map((c) => (
          <ComplaintCard key={`${c.id}-${c.version}`} complaint={c} bodies={bodies} mine={mine} supervisor={supervisor} onChanged={onChanged} />
        ))
      )}
    </section>
  );
}
