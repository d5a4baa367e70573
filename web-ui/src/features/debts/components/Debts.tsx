import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, api, type DebtView, type LenderView } from '../../../lib/api/client';
import { useApp } from '../../../lib/session';
import { isoDay, type Key } from '../../../lib/i18n';
import { StageBadge } from '../../stages';
import { QueryState } from '../../../components/QueryState';
import { useDebts, useLenders } from '../api/queries';

const KINDS = ['ONLINE_PLATFORM', 'BANK_CARD', 'CONSUMER_FINANCE', 'INSTALMENT_LOAN', 'BNPL', 'OTHER'];

/** A case's debts; the case's counselor can record debts, repayments and closings. */
export default function Debts({
  caseId,
  canChange,
  onChanged,
}: {
  caseId: string;
  canChange: boolean;
  onChanged: () => void;
}) {
  const { t } = useApp();
  const query = useDebts(caseId);
  const changed = onChanged;

  return (
    <section data-testid="debts">
      <h2>{t('debts.title')}</h2>
      <QueryState query={query}>{(debts) => debts.length === 0 ? (
        <p className="muted">{t('debts.none')}</p>
      ) : (
        <table className="cases" tabIndex={0} aria-label={t('debts.title')}>
          <thead>
            <tr>
              <th>{t('debts.lender')}</th>
              <th>{t('debts.total')}</th>
              <th>{t('debts.outstanding')}</th>
              <th>{t('debts.dpd')}</th>
              <th>{t('cases.stage')}</th>
              <th>{t('debts.status')}</th>
              {canChange && <th />}
            </tr>
          </thead>
          <tbody>
            {debts.map((d) => (
              <DebtRow key={d.id} debt={d} canChange={canChange} onChanged={changed} />
            ))}
          </tbody>
        </table>
      )}</QueryState>
      {canChange && <NewDebtForm caseId={caseId} onAdded={changed} />}
    </section>
  );
}

function DebtRow({ debt, canChange, onChanged }: { debt: DebtView; canChange: boolean; onChanged: () => void }) {
  const { t } = useApp();
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(isoDay(new Date()));
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<null | {
    product: string;
    principal: string;
    interest: string;
    penaltyInterest: string;
    fees: string;
  }>(null);

  const saveCorrection = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    setError(null);
    try {
      await api.correctDebt(debt.id, { ...editing, version: debt.version });
      setEditing(null);
      onChanged();
    } catch (e) {
      fail(e);
    }
  };

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.problem.status === 409) {
      setError(t('debts.conflict'));
      onChanged();
    } else if (e instanceof ApiError) {
      setError(e.problem.detail ?? t('error.generic'));
    } else setError(t('error.generic'));
  };

  const repay = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await api.repay(debt.id, paidOn, amount, debt.version);
      setAmount('');
      onChanged();
    } catch (e) {
      fail(e);
    }
  };

  const setStatus = async (status: string) => {
    setError(null);
    try {
      await api.setDebtStatus(debt.id, status, debt.version);
      onChanged();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <tr data-testid="debt-row">
      <td>
        {debt.lenderName}
        {debt.product && <span className="muted"> · {debt.product}</span>}
        <div className="muted small">{t(`kind.${debt.lenderKind}`)}</div>
      </td>
      <td>
        {debt.total} {debt.currency}
      </td>
      <td data-testid="debt-outstanding">
        {debt.outstanding} {debt.currency}
      </td>
      <td data-testid="debt-dpd">{debt.daysPastDue}</td>
      <td>
        <StageBadge stage={debt.stage} />
        {debt.planStatus && (
          <div className="muted small" data-testid="debt-under-plan">
            {t('debts.underPlan')} ({t(`plan.status.${debt.planStatus}`)})
          </div>
        )}
      </td>
      <td>
        {canChange ? (
          <select
            aria-label={t('debts.status')}
            value={debt.status}
            onChange={(e) => setStatus(e.target.value)}
            data-testid="debt-status"
          >
            {['OPEN', 'PAID_OFF', 'SETTLED', 'WRITTEN_OFF'].map((s) => (
              <option key={s} value={s}>
                {t(`debtStatus.${s}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`debtStatus.${debt.status}`)
        )}
      </td>
      {canChange && editing && (
        <td>
          <form className="inline-edit" onSubmit={saveCorrection} data-testid="correct-form">
            {(['product', 'principal', 'interest', 'penaltyInterest', 'fees'] as const).map((field) => (
              <label key={field}>
                {t(`debts.${field}`)}
                <input name={field} value={editing[field]} onChange={(e) => setEditing({ ...editing, [field]: e.target.value })} />
              </label>
            ))}
            <button type="submit" data-testid="save-correction">{t('debts.saveEdit')}</button>
            <button type="button" className="secondary" onClick={() => setEditing(null)}>{t('debts.cancel')}</button>
          </form>
          {error && <p className="field-error">{error}</p>}
        </td>
      )}
      {canChange && !editing && (
        <td>
          <button type="button" className="secondary small" data-testid="edit-debt"
            onClick={() => setEditing({
              product: debt.product ?? '',
              principal: debt.principal,
              interest: debt.interest,
              penaltyInterest: debt.penaltyInterest,
              fees: debt.fees,
            })}>
            {t('debts.edit')}
          </button>
          <form className="inline" onSubmit={repay} data-testid="repay-form">
            <input
              aria-label={t('debts.amount')}
              placeholder={t('debts.amount')}
              name="amount"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
            <input aria-label={t('debts.paidOn')} type="date" name="paidOn" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
            <button type="submit">{t('debts.repay')}</button>
          </form>
          {error && <p className="field-error">{error}</p>}
        </td>
      )}
    </tr>
  );
}

function NewDebtForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t } = useApp();
  const [lenders, setLenders] = useState<LenderView[]>([]);
  const [lenderId, setLenderId] = useState('');
  const [newLender, setNewLender] = useState({ name: '', kind: 'ONLINE_PLATFORM' });
  const [fields, setFields] = useState({
    product: '',
    currency: 'CNY',
    principal: '',
    interest: '',
    penaltyInterest: '',
    fees: '',
    dueDate: '',
    dueAmount: '',
  });
  const [failure, setFailure] = useState<ApiError | null>(null);

  const known = useLenders();
  useEffect(() => {
    if (known.data) setLenders(known.data);
  }, [known.data]);

  const set = (name: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [name]: e.target.value });

  const addLender = async () => {
    setFailure(null);
    try {
      const lender = await api.addLender(newLender.name, newLender.kind);
      setLenders([...lenders, lender].sort((a, b) => a.name.localeCompare(b.name)));
      setLenderId(lender.id);
      setNewLender({ name: '', kind: newLender.kind });
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await api.addDebt(caseId, {
        lenderId,
        product: fields.product,
        currency: fields.currency,
        principal: fields.principal,
        interest: fields.interest,
        penaltyInterest: fields.penaltyInterest,
        fees: fields.fees,
        dues: [{ date: fields.dueDate, amount: fields.dueAmount }],
      });
      setFields({ ...fields, product: '', principal: '', interest: '', penaltyInterest: '', fees: '', dueDate: '', dueAmount: '' });
      onAdded();
    } catch (e) {
      setFailure(e instanceof ApiError ? e : new ApiError({ status: 0, title: t('error.generic'), errors: [] }));
    }
  };

  const err = (field: string) => {
    const message = failure?.fieldError(field);
    return message ? <p className="field-error">{message}</p> : null;
  };
  const input = (name: keyof typeof fields, label: Key, type = 'text', errorField: string = name) => (
    <label>
      {t(label)}
      <input name={name} type={type} inputMode={type === 'text' && name !== 'product' ? 'decimal' : undefined} value={fields[name]} onChange={set(name)} />
      {err(errorField)}
    </label>
  );

  return (
    <form className="card" onSubmit={submit} data-testid="new-debt-form" noValidate>
      <h3>{t('debts.add')}</h3>
      <div className="row">
        <label>
          {t('debts.lender')}
          <select name="lenderId" value={lenderId} onChange={(e) => setLenderId(e.target.value)}>
            <option value="">{t('debts.chooseLender')}</option>
            {lenders.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} ({t(`kind.${l.kind}`)})
              </option>
            ))}
          </select>
          {err('lenderId')}
        </label>
        <fieldset className="new-lender">
          <legend>{t('debts.newLender')}</legend>
          <input
            name="lenderName"
            aria-label={t('debts.lenderName')}
            placeholder={t('debts.lenderName')}
            value={newLender.name}
            onChange={(e) => setNewLender({ ...newLender, name: e.target.value })}
          />
          <select
            name="lenderKind"
            aria-label={t('debts.lenderKind')}
            value={newLender.kind}
            onChange={(e) => setNewLender({ ...newLender, kind: e.target.value })}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
          <button type="button" className="secondary" onClick={addLender} data-testid="add-lender">
            +
          </button>
          {err('name')}
        </fieldset>
      </div>
      <div className="row">
        {input('product', 'debts.product')}
        {input('currency', 'debts.currency')}
      </div>
      <div className="row four">
        {input('principal', 'debts.principal')}
        {input('interest', 'debts.interest')}
        {input('penaltyInterest', 'debts.penaltyInterest')}
        {input('fees', 'debts.fees')}
      </div>
      <div className="row">
        {input('dueDate', 'debts.dueDate', 'date', 'dues[0].date')}
        {input('dueAmount', 'debts.dueAmount', 'text', 'dues[0].amount')}
      </div>
      {failure && failure.problem.errors.length === 0 && <p className="error">{failure.problem.detail}</p>}
      <button type="submit" data-testid="save-debt">
        {t('debts.save')}
      </button>
    </form>
  );
}
