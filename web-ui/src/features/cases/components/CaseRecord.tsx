import { useEffect, useState, type FormEvent } from 'react';
import { QueryState } from '../../../components/QueryState';
import { ApiError, api } from '../../../lib/api/client';
import { useCounselors, useRecord } from '../api/queries';
import { useApp } from '../../../lib/session';
import { zones } from '../../../lib/zones';

const STATUSES = ['OPEN', 'IN_NEGOTIATION', 'PLAN_ACTIVE', 'RESOLVED', 'CLOSED'];

/** Staff only: the client record, status with reason, reassignment (supervisors). */
export default function CaseRecord({
  caseId,
  mine,
  supervisor,
  onChanged,
}: {
  caseId: string;
  mine: boolean;
  supervisor: boolean;
  onChanged: () => void;
}) {
  const { t } = useApp();
  const query = useRecord(caseId);
  const record = query.data;
  const [form, setForm] = useState({ phone: '', email: '', idNumber: '', householdNotes: '', zone: '' });
  const [revealed, setRevealed] = useState<string | null>(null);
  const [status, setStatus] = useState({ status: 'OPEN', reason: '' });
  const counselorsQuery = useCounselors(supervisor);
  const counselors = counselorsQuery.data ?? [];
  const [assignTo, setAssignTo] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  // the forms start from the record as last read, again whenever it changes
  useEffect(() => {
    if (!record) return;
    setForm({
      phone: record.phone ?? '',
      email: record.email ?? '',
      idNumber: '',
      householdNotes: record.householdNotes ?? '',
      zone: record.zone ?? '',
    });
    setStatus({ status: record.status, reason: '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record?.version, caseId]);
  const load = () => query.refetch();

  const attempt = async (action: () => Promise<unknown>) => {
    setFailure(null);
    setMessage(null);
    try {
      await action();
      await load();
      setMessage(t('record.saved'));
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.problem.status === 409) {
        await load();
        setMessage(t('record.conflict'));
      } else if (e instanceof ApiError) setFailure(e);
    }
  };
  const err = (field: string) => {
    const m = failure?.fieldError(field);
    return m ? <p className="field-error">{m}</p> : null;
  };

  if (!record) return <QueryState query={query}>{() => null}</QueryState>;
  const saveRecord = (e: FormEvent) => {
    e.preventDefault();
    attempt(() =>
      api.saveRecord(caseId, {
        phone: form.phone,
        email: form.email,
        idNumber: form.idNumber.trim() === '' ? null : form.idNumber,
        householdNotes: form.householdNotes,
        zone: form.zone || null,
        version: record.version,
      }),
    );
  };

  return (
    <section className="card" data-testid="case-record">
      <h2>{t('record.title')}</h2>
      <dl className="facts">
        <dt>{t('record.phone')}</dt>
        <dd>{record.phone ?? '—'}</dd>
        <dt>{t('record.email')}</dt>
        <dd>{record.email ?? '—'}</dd>
        <dt>{t('record.idNumber')}</dt>
        <dd>
          <span data-testid="id-number">{revealed ?? record.idNumberMasked ?? '—'}</span>{' '}
          {record.idNumberMasked && !revealed && (
            <button type="button" className="secondary small" data-testid="reveal-id"
              onClick={() => api.revealId(caseId).then((r) => setRevealed(r.idNumber))}>
              {t('record.reveal')}
            </button>
          )}
        </dd>
        <dt>{t('record.zone')}</dt>
        <dd data-testid="client-zone">{record.zone ?? t('record.officeZone', { zone: record.officeZone })}</dd>
        <dt>{t('record.notes')}</dt>
        <dd data-testid="household-notes" className="user-text">{record.householdNotes ?? '—'}</dd>
        <dt>{t('cases.status')}</dt>
        <dd>
          {t(`status.${record.status}`)}
          {record.statusReason && <span className="muted user-text"> · {record.statusReason}</span>}
        </dd>
      </dl>
      {message && <p className="notice" data-testid="record-message">{message}</p>}
      {mine && (
        <>
          <form onSubmit={saveRecord} data-testid="record-form" noValidate>
            <div className="row">
              <label>
                {t('record.phone')}
                <input name="phone" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
                {err('phone')}
              </label>
              <label>
                {t('record.email')}
                <input name="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
                {err('email')}
              </label>
            </div>
            <label>
              {t('record.idNumber')}
              <input name="idNumber" placeholder={t('record.idKeep')} value={form.idNumber}
                onChange={(e) => setForm({ ...form, idNumber: e.target.value })} autoComplete="off" />
              {err('idNumber')}
            </label>
            <label>
              {t('record.zone')}
              <select name="zone" value={form.zone} onChange={(e) => setForm({ ...form, zone: e.target.value })}>
                <option value="">{t('record.officeZone', { zone: record.officeZone })}</option>
                {zones(record.zone).map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
              {err('zone')}
            </label>
            <label>
              {t('record.notes')}
              <textarea name="householdNotes" rows={3} value={form.householdNotes}
                onChange={(e) => setForm({ ...form, householdNotes: e.target.value })} />
              {err('householdNotes')}
            </label>
            <button type="submit" data-testid="save-record">{t('record.save')}</button>
          </form>
          <form className="inline-form" data-testid="status-form" noValidate
            onSubmit={(e) => {
              e.preventDefault();
              attempt(() => api.setStatus(caseId, status.status, status.reason, record.version));
            }}>
            <h3>{t('status.change')}</h3>
            <div className="row">
              <select name="status" aria-label={t('cases.status')} value={status.status}
                onChange={(e) => setStatus({ ...status, status: e.target.value })}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>{t(`status.${s}`)}</option>
                ))}
              </select>
              <input name="reason" aria-label={t('status.reason')} placeholder={t('status.reason')} value={status.reason}
                onChange={(e) => setStatus({ ...status, reason: e.target.value })} />
            </div>
            {err('reason')}
            <button type="submit" data-testid="save-status">{t('status.change')}</button>
          </form>
        </>
      )}
      {supervisor && (
        <form data-testid="assign-form" noValidate
          onSubmit={(e) => {
            e.preventDefault();
            attempt(() => api.reassign(caseId, assignTo, record.version));
          }}>
          <h3>{t('assign.title')}</h3>
          <div className="row">
            <select name="counselor" aria-label={t('assign.to')} value={assignTo} onChange={(e) => setAssignTo(e.target.value)}>
              <option value="">{t('assign.to')}</option>
              {counselors.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.username}{c.id === record.counselorId ? ' ✓' : ''}
                </option>
              ))}
            </select>
            <button type="submit" data-testid="save-assign">{t('assign.save')}</button>
          </div>
          {err('counselorId')}
        </form>
      )}
    </section>
  );
}
