import { useEffect, useState, type FormEvent } from 'react';
import { zones } from '../../../lib/zones';
import { useRecord } from '../../cases';
import { QueryState } from '../../../components/QueryState';
import { useDebts, useLenders } from '../../debts';
import { ApiError, api, type ContactRequest, type ContactView, type EvidenceView } from '../../../lib/api/client';
import { useApp } from '../../../lib/session';

const DIRECTIONS = ['INBOUND', 'OUTBOUND'];
const CHANNELS = ['PHONE', 'SMS', 'EMAIL', 'APP_MESSAGE', 'LETTER', 'VISIT', 'IN_PERSON', 'MESSAGING_APP'];
const PARTIES = ['CLIENT', 'FAMILY', 'EMPLOYER', 'FRIEND_OR_CONTACT', 'OTHER_THIRD_PARTY'];
const OUTCOMES = ['', 'PROMISE_TO_PAY', 'PLAN_OFFERED', 'PLAN_AGREED', 'REFUSED', 'DISPUTED', 'NO_ANSWER', 'CALLBACK_REQUESTED', 'OTHER'];


function nowLocal(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The form's fields: every one present, empty text for "not given". */
type ContactForm = { [K in keyof ContactRequest]-?: NonNullable<ContactRequest[K]> };

function blank(zone: string): ContactForm {
  return {
    localTime: nowLocal(),
    zone,
    direction: 'INBOUND',
    channel: 'PHONE',
    contacted: 'CLIENT',
    conversation: false,
    summary: '',
    outcome: '',
    lenderId: '',
    debtId: '',
    agency: '',
    collectorName: '',
    collectorNumber: '',
    contactedNumber: '',
    followUp: '',
    reason: '',
  };
}

function fromEntry(e: ContactView): ContactForm {
  return {
    localTime: e.localTime,
    zone: e.zone,
    lenderId: e.lenderId ?? '',
    debtId: e.debtId ?? '',
    agency: e.agency ?? '',
    collectorName: e.collectorName ?? '',
    collectorNumber: e.collectorNumber ?? '',
    direction: e.direction,
    channel: e.channel,
    contacted: e.contacted,
    contactedNumber: e.contactedNumber ?? '',
    conversation: e.conversation,
    summary: e.summary,
    outcome: e.outcome ?? '',
    followUp: e.followUp ?? '',
    reason: '',
  };
}

/** The contact log: every entry, corrections beside what they correct, and the form to add one. */
export default function Contacts({
  caseId,
  canChange,
  entries,
  files,
  onChanged,
}: {
  caseId: string;
  canChange: boolean;
  entries: ContactView[];
  files: EvidenceView[];
  onChanged: () => void;
}) {
  const { t } = useApp();
  const lendersQuery = useLenders(canChange);
  const debtsQuery = useDebts(caseId, canChange);
  const lenders = lendersQuery.data ?? [];
  const debts = debtsQuery.data ?? [];
  // the client's time zone (the office's when the record has none) presets the form
  const record = useRecord(caseId);
  const caseZone = record.data ? (record.data.zone ?? record.data.officeZone) : null;
  const [form, setForm] = useState<ContactForm>(() => blank(zones()[0]));
  const [zoneTouched, setZoneTouched] = useState(false);
  useEffect(() => {
    if (caseZone && !zoneTouched) setForm((f) => ({ ...f, zone: caseZone }));
  }, [caseZone, zoneTouched]);
  const [correcting, setCorrecting] = useState<ContactView | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);


  const set = (field: keyof ContactForm, value: string | boolean) => setForm((f) => ({ ...f, [field]: value }));
  const err = (field: string) => {
    const message = failure?.fieldError(field);
    return message ? <p className="field-error">{message}</p> : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    const body: ContactRequest = { ...form };
    for (const k of Object.keys(body) as (keyof ContactRequest)[]) if (body[k] === '') delete body[k];
    try {
      const saved = correcting ? await api.correctContact(caseId, correcting.id, body) : await api.logContact(caseId, body);
      if (file) await api.upload(caseId, file, saved.id);
      setForm(blank(form.zone));
      setCorrecting(null);
      setFile(null);
      setFileKey((k) => k + 1);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) {
        setFailure(e);
        onChanged();
      }
    } finally {
      setBusy(false);
    }
  };

  const corrected = new Set(entries.filter((e) => e.corrects).map((e) => e.corrects));
  const byId = new Map(entries.map((e) => [e.id, e]));
  // an entry's attachments include those of the entries it corrects
  const lineage = (entry: ContactView): string[] => {
    const ids: string[] = [];
    for (let at: ContactView | undefined = entry; at && !ids.includes(at.id); at = at.corrects ? byId.get(at.corrects) : undefined)
      ids.push(at.id);
    return ids;
  };
  const sorted = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section data-testid="contacts">
      <h2>{t('contacts.title')}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('contacts.none')}</p>
      ) : (
        <table className="contacts">
          <thead>
            <tr>
              <th>{t('contacts.localTime')}</th>
              <th>{t('contacts.channel')}</th>
              <th>{t('contacts.contacted')}</th>
              <th>{t('contacts.lender')}</th>
              <th>{t('contacts.summary')}</th>
              <th>{t('contacts.outcome')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sorted.map((e) => {
              const old = corrected.has(e.id);
              return (
                <tr key={e.id} className={old ? 'superseded' : ''} data-testid="contact-entry" data-corrected={old ? 'yes' : 'no'}>
                  <td>
                    {e.localTime.replace('T', ' ')}
                    <div className="muted small">{e.zone}</div>
                  </td>
                  <td>
                    {t(`direction.${e.direction}`)} · {t(`channel.${e.channel}`)}
                    {e.conversation && <div className="muted small">{t('contacts.conversation')}</div>}
                  </td>
                  <td>
                    {t(`party.${e.contacted}`)}
                    {e.contactedNumber && <div className="muted small">{e.contactedNumber}</div>}
                  </td>
                  <td>
                    {[e.lenderName, e.agency].filter(Boolean).join(' / ')}
                    {(e.collectorName || e.collectorNumber) && (
                      <div className="muted small">{[e.collectorName, e.collectorNumber].filter(Boolean).join(' ')}</div>
                    )}
                  </td>
                  <td>
                    <span className="user-text">{e.summary}</span>
                    {e.corrects && (
                      <div className="muted small">
                        {t('contacts.correctionOf')}: <span className="user-text">{e.correctionReason}</span>
                      </div>
                    )}
                    {files
                      .filter((f) => f.contactId != null && lineage(e).includes(f.contactId))
                      .map((f) => (
                        <div key={f.id} className="small">
                          📎 <a href={api.evidenceUrl(f.id)}>{f.name}</a>
                        </div>
                      ))}
                  </td>
                  <td>
                    {e.outcome ? t(`outcome.${e.outcome}`) : ''}
                    {e.followUp && <div className="muted small">→ {e.followUp}</div>}
                    {old && <div className="badge">{t('contacts.corrected')}</div>}
                  </td>
                  <td>
                    {canChange && !old && (
                      <button
                        type="button"
                        className="secondary small"
                        data-testid="correct-contact"
                        onClick={() => {
                          setCorrecting(e);
                          setForm(fromEntry(e));
                          setFailure(null);
                        }}
                      >
                        {t('contacts.correct')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canChange && (
        <form className="card" onSubmit={submit} data-testid="contact-form" noValidate>
          <QueryState query={lendersQuery} quiet>{() => null}</QueryState>
          <QueryState query={debtsQuery} quiet>{() => null}</QueryState>
          <h3>{correcting ? t('contacts.correcting') : t('contacts.add')}</h3>
          <div className="row four">
            <label>
              {t('contacts.localTime')}
              <input name="localTime" type="datetime-local" value={form.localTime} onChange={(e) => set('localTime', e.target.value)} />
              {err('localTime')}
              {err('at')}
            </label>
            <label>
              {t('contacts.zone')}
              <select
                name="zone"
                value={form.zone}
                onChange={(e) => {
                  setZoneTouched(true);
                  set('zone', e.target.value);
                }}
              >
                {zones(caseZone).map((z) => (
                  <option key={z}>{z}</option>
                ))}
              </select>
              {err('zone')}
            </label>
            <label>
              {t('contacts.direction')}
              <select name="direction" value={form.direction} onChange={(e) => set('direction', e.target.value)}>
                {DIRECTIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`direction.${d}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('contacts.channel')}
              <select name="channel" value={form.channel} onChange={(e) => set('channel', e.target.value)}>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`channel.${c}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="row four">
            <label>
              {t('contacts.contacted')}
              <select name="contacted" value={form.contacted} onChange={(e) => set('contacted', e.target.value)}>
                {PARTIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`party.${p}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('contacts.contactedNumber')}
              <input name="contactedNumber" value={form.contactedNumber} onChange={(e) => set('contactedNumber', e.target.value)} />
              {err('contactedNumber')}
            </label>
            <label>
              {t('contacts.lender')}
              <select name="lenderId" value={form.lenderId} onChange={(e) => set('lenderId', e.target.value)}>
                <option value="">{t('contacts.noLender')}</option>
                {lenders.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
              {err('lenderId')}
            </label>
            <label>
              {t('contacts.debt')}
              <select name="debtId" value={form.debtId} onChange={(e) => set('debtId', e.target.value)}>
                <option value="">{t('contacts.noLender')}</option>
                {debts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.lenderName} {d.product ?? ''}
                  </option>
                ))}
              </select>
              {err('debtId')}
            </label>
          </div>
          <div className="row four">
            <label>
              {t('contacts.agency')}
              <input name="agency" value={form.agency} onChange={(e) => set('agency', e.target.value)} />
              {err('agency')}
            </label>
            <label>
              {t('contacts.collectorName')}
              <input name="collectorName" value={form.collectorName} onChange={(e) => set('collectorName', e.target.value)} />
            </label>
            <label>
              {t('contacts.collectorNumber')}
              <input name="collectorNumber" value={form.collectorNumber} onChange={(e) => set('collectorNumber', e.target.value)} />
            </label>
            <label className="check">
              <input
                name="conversation"
                type="checkbox"
                checked={form.conversation}
                onChange={(e) => set('conversation', e.target.checked)}
              />
              {t('contacts.conversation')}
            </label>
          </div>
          <label>
            {t('contacts.summary')}
            <textarea name="summary" rows={2} value={form.summary} onChange={(e) => set('summary', e.target.value)} />
            {err('summary')}
          </label>
          <div className="row four">
            <label>
              {t('contacts.outcome')}
              <select name="outcome" value={form.outcome} onChange={(e) => set('outcome', e.target.value)}>
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`outcome.${o}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('contacts.followUp')}
              <input name="followUp" type="date" value={form.followUp} onChange={(e) => set('followUp', e.target.value)} />
              {err('followUp')}
            </label>
            <label>
              {t('contacts.file')}
              <input key={fileKey} name="file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
              {err('file')}
            </label>
            {correcting && (
              <label>
                {t('contacts.reason')}
                <input name="reason" value={form.reason ?? ''} onChange={(e) => set('reason', e.target.value)} />
                {err('reason')}
              </label>
            )}
          </div>
          {failure && failure.problem.errors.length === 0 && <p className="error">{failure.message}</p>}
          <button type="submit" disabled={busy} data-testid="save-contact">
            {t('contacts.save')}
          </button>
          {correcting && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setCorrecting(null);
                setForm(blank(form.zone));
              }}
            >
              {t('contacts.cancel')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
