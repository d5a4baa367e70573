import { useState, type FormEvent } from 'react';
import { ApiError, api, type AffordabilityView, type DebtView, type FeedView, type PlanView, type ShareView } from '../../../lib/api/client';
import { useApp } from '../../../lib/session';
import { formatInstant, isoDay } from '../../../lib/i18n';
import { formatDay, formatMoney } from '../../../lib/money';
import { ProblemMessage } from '../../../components/Problem';
import { QueryState } from '../../../components/QueryState';
import { useDebts } from '../../debts';
import { useAffordability, useFeed, usePlans } from '../api/queries';

export const PLAN_KINDS = ['INSTALMENTS', 'INTEREST_STOP', 'EXTENSION', 'SETTLEMENT'];
export const WAIVER_KINDS = ['PENALTY_INTEREST', 'FEES', 'INTEREST', 'PRINCIPAL'];

/**
 * A case's repayment plans. Staff see every plan, the affordability check and the pro-rata split;
 * the case's counselor proposes plans and records agreements, payments and breaks; the client sees
 * their agreed plans, the next payment, the history and their calendar feed.
 */
export default function Plans({
  caseId,
  staff,
  mine,
  client,
  onChanged,
}: {
  caseId: string;
  staff: boolean;
  mine: boolean;
  client: boolean;
  onChanged: () => void;
}) {
  const { t } = useApp();
  const plansQuery = usePlans(caseId);
  const debtsQuery = useDebts(caseId, staff);
  const affordabilityQuery = useAffordability(caseId, staff);
  const debts = debtsQuery.data ?? [];
  const affordability = affordabilityQuery.data ?? null;
  const changed = onChanged;
  if (!plansQuery.isSuccess) return <QueryState query={plansQuery}>{() => null}</QueryState>;
  const plans = plansQuery.data;
  return (
    <section data-testid="plans">
      <QueryState query={debtsQuery} quiet>{() => null}</QueryState>
      <QueryState query={affordabilityQuery} quiet>{() => null}</QueryState>
      <h2>{t('plans.title')}</h2>
      {plans.length === 0 ? (
        <p className="muted">{client ? t('plans.noneClient') : t('plans.none')}</p>
      ) : (
        plans.map((p) => (
          <PlanCard key={p.id} plan={p} mine={mine} staff={staff} caseId={caseId} onChanged={changed} />
        ))
      )}
      {plans.length > 0 && (
        <p className="small">
          <a href={api.plansCsvUrl(caseId)} data-testid="plans-csv">
            {t('plans.csvPlans')}
          </a>{' '}
          ·{' '}
          <a href={api.paymentsCsvUrl(caseId)} data-testid="payments-csv">
            {t('plans.csvPayments')}
          </a>
        </p>
      )}
      {staff && affordability && <Affordability a={affordability} />}
      {staff && <SplitTool caseId={caseId} debts={debts} disposable={affordability?.disposable ?? undefined} />}
      {mine && <ProposeForm caseId={caseId} debts={debts} plans={plans} onProposed={changed} />}
      {client && <CalendarFeed caseId={caseId} />}
    </section>
  );
}

function StatusBadge({ status }: { status: string }) {
  const { t } = useApp();
  return (
    <span className={`badge plan-${status.toLowerCase()}`} data-testid="plan-status">
      {t(`plan.status.${status}`)}
    </span>
  );
}

function PlanCard({
  plan,
  mine,
  staff,
  caseId,
  onChanged,
}: {
  plan: PlanView;
  mine: boolean;
  staff: boolean;
  caseId: string;
  onChanged: () => void;
}) {
  const { t, lang } = useApp();
  const m = (amount: string) => formatMoney(amount, plan.currency, lang);
  const inForce = plan.status === 'AGREED' || plan.status === 'ACTIVE';
  return (
    <article className={`card plan ${plan.missed > 0 ? 'overdue' : ''}`} data-testid="plan">
      <h3>
        {t(`plan.kind.${plan.kind}`)} · {plan.debts.map((d) => d.label).join('、')} <StatusBadge status={plan.status} />
        {plan.missed > 0 && (
          <span className="badge danger" data-testid="plan-missed">
            {t('plan.missedCount', { n: plan.missed })}
          </span>
        )}
      </h3>
      {plan.next && (
        <p className="notice" data-testid="plan-next">
          {t('plan.next')}: <strong>{formatDay(plan.next.dueOn, lang)}</strong> · <strong>{m(plan.next.unpaid)}</strong>
          {plan.next.state === 'MISSED' && <span className="error"> · {t('plan.state.MISSED')}</span>}
        </p>
      )}
      <dl className="facts">
        <dt>{t('plan.balanceBefore')}</dt>
        <dd>{m(plan.balanceBefore)}</dd>
        {plan.waivers.length > 0 && (
          <>
            <dt>{t('plan.waivers')}</dt>
            <dd>{plan.waivers.map((w) => `${t(`plan.waiver.${w.kind}`)} ${m(w.amount)}`).join('；')}</dd>
          </>
        )}
        <dt>{t('plan.agreedTotal')}</dt>
        <dd data-testid="plan-total">{m(plan.agreedTotal)}</dd>
        <dt>{t('plan.paid')}</dt>
        <dd data-testid="plan-paid">{m(plan.paid)}</dd>
        <dt>{t('plan.remaining')}</dt>
        <dd data-testid="plan-remaining">{m(plan.remaining)}</dd>
        {plan.agreedOn && (
          <>
            <dt>{t('plan.agreedOn')}</dt>
            <dd>
              {formatDay(plan.agreedOn, lang)}
              {staff && plan.agreementFileId && (
                <>
                  {' · '}
                  <a href={api.evidenceUrl(plan.agreementFileId)} data-testid="plan-agreement">
                    {t('plan.agreement')}
                  </a>
                </>
              )}
            </dd>
          </>
        )}
        {plan.statusReason && (
          <>
            <dt>{t('plan.reason')}</dt>
            <dd className="user-text">{plan.statusReason}</dd>
          </>
        )}
      </dl>
      {plan.terms && <p className="note user-text">{plan.terms}</p>}
      <table className="cases small" data-testid="plan-schedule" tabIndex={0} aria-label={t('plan.instalments')}>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('plan.dueOn')}</th>
            <th>{t('plan.amount')}</th>
            <th>{t('plan.paid')}</th>
            <th>{t('plan.state')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.instalments.map((i) => (
            <tr key={i.number} data-testid="instalment" data-state={i.state}>
              <td>{i.number}</td>
              <td>{formatDay(i.dueOn, lang)}</td>
              <td>{m(i.amount)}</td>
              <td>{m(i.paid)}</td>
              <td className={i.state === 'MISSED' ? 'error' : ''}>
                {t(`plan.state.${i.state}`)}
                {i.early && ` · ${t('plan.early')}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.payments.length > 0 && (
        <>
          <h4>{t('plan.payments')}</h4>
          <ul data-testid="plan-payments">
            {plan.payments.map((p) => (
              <li key={p.id} data-testid="plan-payment">
                {formatDay(p.paidOn, lang)} · {m(p.amount)}
                {p.note && <span className="user-text"> · {p.note}</span>}
                <span className="muted small">
                  {' '}
                  · {p.recordedByName} · {formatInstant(p.recordedAt, lang)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {mine && plan.status === 'PROPOSED' && <AgreeForm plan={plan} caseId={caseId} onChanged={onChanged} />}
      {mine && plan.status === 'PROPOSED' && <ReasonForm plan={plan} action="withdraw" onChanged={onChanged} />}
      {mine && inForce && <PaymentForm plan={plan} onChanged={onChanged} />}
      {mine && inForce && <ReasonForm plan={plan} action="break" onChanged={onChanged} />}
    </article>
  );
}

function AgreeForm({ plan, caseId, onChanged }: { plan: PlanView; caseId: string; onChanged: () => void }) {
  const { t } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [agreedOn, setAgreedOn] = useState(isoDay(new Date()));
  const [failure, setFailure] = useState<ApiError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setFailure(null);
    try {
      const stored = await api.upload(caseId, file, undefined, t('plan.agreement'));
      await api.agreePlan(plan.id, agreedOn, stored.id, plan.version);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="agree-form" noValidate>
      <h4>{t('plan.agree')}</h4>
      <p className="muted small">{t('plan.agreeHint')}</p>
      <div className="row">
        <label>
          {t('plan.agreementFile')}
          <input name="agreement" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          {t('plan.agreedOn')}
          <input name="agreedOn" type="date" value={agreedOn} onChange={(e) => setAgreedOn(e.target.value)} />
        </label>
      </div>
      {failure && <ProblemMessage failure={failure} />}
      <button type="submit" disabled={!file} data-testid="agree-plan">
        {t('plan.agree')}
      </button>
    </form>
  );
}

function PaymentForm({ plan, onChanged }: { plan: PlanView; onChanged: () => void }) {
  const { t } = useApp();
  const [paidOn, setPaidOn] = useState(isoDay(new Date()));
  const [amount, setAmount] = useState(plan.next?.unpaid ?? '');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await api.payPlan(plan.id, paidOn, amount, note, plan.version);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="payment-form" noValidate>
      <h4>{t('plan.recordPayment')}</h4>
      <div className="row four">
        <label>
          {t('plan.paidOn')}
          <input name="paidOn" type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
        </label>
        <label>
          {t('plan.amount')}
          <input name="amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label>
          {t('plan.note')}
          <input name="note" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      </div>
      {failure && <ProblemMessage failure={failure} />}
      <button type="submit" data-testid="record-payment">
        {t('plan.recordPayment')}
      </button>
    </form>
  );
}

function ReasonForm({ plan, action, onChanged }: { plan: PlanView; action: 'withdraw' | 'break'; onChanged: () => void }) {
  const { t } = useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  if (!open)
    return (
      <button type="button" className="secondary small" onClick={() => setOpen(true)} data-testid={`${action}-plan`}>
        {t(`plan.${action}`)}
      </button>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      if (action === 'withdraw') await api.withdrawPlan(plan.id, reason, plan.version);
      else await api.breakPlan(plan.id, reason, plan.version);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
    }
  };
  return (
    <form className="inline" onSubmit={submit} noValidate>
      <input name="reason" placeholder={t('plan.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="small" data-testid={`confirm-${action}`}>
        {t(`plan.${action}`)}
      </button>
      {failure && <ProblemMessage failure={failure} />}
    </form>
  );
}

function Affordability({ a }: { a: AffordabilityView }) {
  const { t, lang } = useApp();
  if (!a.hasBudget) return <p className="muted" data-testid="affordability">{t('plan.noBudget')}</p>;
  const currency = a.currency ?? 'CNY';
  return (
    <div className={a.exceeds ? 'card overdue' : 'card'} data-testid="affordability">
      <p>
        {t('budget.disposable')}: <strong>{formatMoney(a.disposable, currency, lang)}</strong>
        {a.exceeds ? (
          <strong className="error" data-testid="affordability-warning">
            {' '}
            · {t('plan.unaffordable')}
          </strong>
        ) : (
          <span> · {t('plan.affordable')}</span>
        )}
      </p>
      {a.months.length > 0 && (
        <p className="small">
          {a.months.slice(0, 12).map((mo) => (
            <span key={mo.month} className={mo.over ? 'error' : 'muted'}>
              {mo.month}: {formatMoney(mo.amount, currency, lang)}{'\u3000'}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

function SplitTool({ caseId, debts, disposable }: { caseId: string; debts: DebtView[]; disposable?: string }) {
  const { t, lang } = useApp();
  const open = debts.filter((d) => d.status === 'OPEN');
  const currency = open[0]?.currency ?? 'CNY';
  const [amount, setAmount] = useState('');
  const [shares, setShares] = useState<ShareView[] | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  if (open.length < 2) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      setShares(await api.split(caseId, amount || disposable || '', currency));
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="split-form" noValidate>
      <h4>{t('plan.split')}</h4>
      <p className="muted small">{t('plan.splitHint')}</p>
      <div className="row">
        <input
          name="available"
          inputMode="decimal"
          placeholder={disposable ?? ''}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        <button type="submit" data-testid="split">
          {t('plan.split')}
        </button>
      </div>
      {failure && <ProblemMessage failure={failure} />}
      {shares && (
        <ul data-testid="shares">
          {shares.map((s) => (
            <li key={s.debtId}>
              {s.label}: {formatMoney(s.share, currency, lang)}{' '}
              <span className="muted small">
                ({t('debts.outstanding')} {formatMoney(s.outstanding, currency, lang)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

function ProposeForm({
  caseId,
  debts,
  plans,
  onProposed,
}: {
  caseId: string;
  debts: DebtView[];
  plans: PlanView[];
  onProposed: () => void;
}) {
  const { t, lang } = useApp();
  const taken = new Set(
    plans
      .filter((p) => ['PROPOSED', 'AGREED', 'ACTIVE'].includes(p.status))
      .flatMap((p) => p.debts.map((d) => d.debtId)),
  );
  const open = debts.filter((d) => d.status === 'OPEN' && !taken.has(d.id));
  const [kind, setKind] = useState('INSTALMENTS');
  const [chosen, setChosen] = useState<string[]>([]);
  const [waivers, setWaivers] = useState<{ kind: string; amount: string }[]>([]);
  const [total, setTotal] = useState('');
  const [count, setCount] = useState('12');
  const [firstDue, setFirstDue] = useState('');
  const [terms, setTerms] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [warning, setWarning] = useState<AffordabilityView | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      const result = await api.propose(caseId, {
        kind,
        debtIds: chosen,
        waivers,
        agreedTotal: total,
        instalments: kind === 'SETTLEMENT' ? 1 : Number(count),
        firstDue,
        terms,
      });
      setWarning(result.affordability.exceeds ? result.affordability : null);
      setChosen([]);
      setWaivers([]);
      setTotal('');
      setTerms('');
      onProposed();
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
    }
  };
  return (
    <>
      {warning && (
        <p className="notice error" data-testid="proposal-warning">
          {t('plan.unaffordable')} ({t('budget.disposable')} {formatMoney(warning.disposable, warning.currency ?? 'CNY', lang)})
        </p>
      )}
      {open.length > 0 && (
      <form className="card" onSubmit={submit} data-testid="propose-form" noValidate>
        <h3>{t('plan.propose')}</h3>
        <p className="muted small">{t('plan.proposeHint')}</p>
        <fieldset>
          <legend>{t('plan.debts')}</legend>
          {open.map((d) => (
            <label className="check" key={d.id}>
              <input
                type="checkbox"
                name="debt"
                value={d.id}
                checked={chosen.includes(d.id)}
                onChange={(e) => setChosen((c) => (e.target.checked ? [...c, d.id] : c.filter((x) => x !== d.id)))}
              />
              {d.lenderName} {d.product ?? ''} · {t('debts.outstanding')} {formatMoney(d.outstanding, d.currency, lang)}
            </label>
          ))}
        </fieldset>
        <div className="row four">
          <label>
            {t('plan.kind')}
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {PLAN_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`plan.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('plan.agreedTotal')}
            <input name="agreedTotal" inputMode="decimal" value={total} onChange={(e) => setTotal(e.target.value)} />
          </label>
          <label>
            {t('plan.instalments')}
            <input
              name="instalments"
              type="number"
              min={1}
              max={kind === 'INTEREST_STOP' ? 60 : 120}
              value={kind === 'SETTLEMENT' ? '1' : count}
              disabled={kind === 'SETTLEMENT'}
              onChange={(e) => setCount(e.target.value)}
            />
          </label>
          <label>
            {t('plan.firstDue')}
            <input name="firstDue" type="date" value={firstDue} onChange={(e) => setFirstDue(e.target.value)} />
          </label>
        </div>
        <fieldset>
          <legend>{t('plan.waivers')}</legend>
          {waivers.map((w, i) => (
            <div className="row" key={i}>
              <select
                name={`waiver-${i}-kind`}
                value={w.kind}
                onChange={(e) => setWaivers((all) => all.map((x, j) => (j === i ? { ...x, kind: e.target.value } : x)))}
              >
                {WAIVER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`plan.waiver.${k}`)}
                  </option>
                ))}
              </select>
              <input
                name={`waiver-${i}-amount`}
                inputMode="decimal"
                value={w.amount}
                onChange={(e) => setWaivers((all) => all.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)))}
              />
            </div>
          ))}
          <button
            type="button"
            className="secondary small"
            onClick={() => setWaivers((all) => [...all, { kind: 'PENALTY_INTEREST', amount: '' }])}
          >
            + {t('plan.addWaiver')}
          </button>
        </fieldset>
        <label>
          {t('plan.terms')}
          <textarea name="terms" rows={2} value={terms} onChange={(e) => setTerms(e.target.value)} />
        </label>
        {failure && <ProblemMessage failure={failure} />}
        <button type="submit" data-testid="propose-plan">
          {t('plan.propose')}
        </button>
      </form>
      )}
    </>
  );
}

function CalendarFeed({ caseId }: { caseId: string }) {
  const { t, lang } = useApp();
  const query = useFeed(caseId);
  // the link is shown once, as the answer to making it; the server keeps only its hash
  const [made, setMade] = useState<FeedView | null>(null);
  if (!query.isSuccess) return <QueryState query={query} quiet>{() => null}</QueryState>;
  const feed = made?.active && query.data.active ? made : query.data;
  return (
    <div className="card" data-testid="calendar">
      <h3>{t('calendar.title')}</h3>
      <p className="muted small">{t('calendar.hint')}</p>
      {feed.url && (
        <p>
          {t('calendar.copy')} <code data-testid="calendar-url">{feed.url}</code>
        </p>
      )}
      {feed.active && !feed.url && feed.createdAt && (
        <p className="muted small">
          {t('calendar.active')} {formatInstant(feed.createdAt, lang)}
        </p>
      )}
      <button type="button" data-testid="calendar-create" onClick={() => void api.createFeed(caseId).then(setMade)}>
        {feed.active ? t('calendar.renew') : t('calendar.create')}
      </button>{' '}
      {feed.active && (
        <button
          type="button"
          className="secondary"
          data-testid="calendar-revoke"
          onClick={() => void api.revokeFeed(caseId).then(() => setMade(null))}
        >
          {t('calendar.revoke')}
        </button>
      )}
    </div>
  );
}
