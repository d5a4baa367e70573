import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDrawer, pickedDay, useServerForm } from '../../../components/forms';
import { api, type AffordabilityView, type DebtView, type FeedView, type PlanView, type ShareView } from '../../../lib/api/client';
import { useApp } from '../../../lib/session';
import { formatInstant } from '../../../lib/i18n';
import { formatDay, formatMoney } from '../../../lib/money';
import { say } from '../../../lib/messages';
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
}: {
  caseId: string;
  staff: boolean;
  mine: boolean;
  client: boolean;
}) {
  const { t } = useApp();
  const plansQuery = usePlans(caseId);
  const debtsQuery = useDebts(caseId, staff);
  const affordabilityQuery = useAffordability(caseId, staff);
  const debts = debtsQuery.data ?? [];
  const affordability = affordabilityQuery.data ?? null;
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
          <PlanCard key={p.id} plan={p} mine={mine} staff={staff} caseId={caseId} />
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
      {mine && <Propose caseId={caseId} debts={debts} plans={plans} />}
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

function PlanCard({ plan, mine, staff, caseId }: { plan: PlanView; mine: boolean; staff: boolean; caseId: string }) {
  const { t, lang, me } = useApp();
  const m = (amount: string) => formatMoney(amount, plan.currency, lang);
  const inForce = plan.status === 'AGREED' || plan.status === 'ACTIVE';
  const [open, setOpen] = useState<'agree' | 'pay' | 'withdraw' | 'break' | 'return' | null>(null);
  const approval = plan.approval;
  // a proposal that waits for (or was returned by) a supervisor is not agreed yet
  const blocked = !!approval && approval.status !== 'APPROVED';
  const deciding = staff && !!me?.roles.includes('supervisor') && plan.status === 'PROPOSED' && approval?.status === 'PENDING';
  const close = () => setOpen(null);
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
                  {p.recordedByName && <> · {p.recordedByName}</>} · {formatInstant(p.recordedAt, lang)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {staff && approval && plan.status === 'PROPOSED' && (
        <Alert
          data-testid="plan-approval"
          data-status={approval.status}
          style={{ margin: '8px 0' }}
          showIcon
          type={approval.status === 'APPROVED' ? 'success' : approval.status === 'RETURNED' ? 'error' : 'warning'}
          message={t(`plan.approval.${approval.status}`, {
            by: approval.decidedByName ?? '',
            on: approval.decidedAt ? formatInstant(approval.decidedAt, lang) : '',
          })}
          description={
            <>
              <div>{say(t, lang, approval.why, approval.why.code)}</div>
              {approval.note && <div className="user-text">{approval.note}</div>}
            </>
          }
          action={
            deciding && (
              <Space direction="vertical">
                <Button
                  type="primary"
                  size="small"
                  data-testid="approve-plan"
                  onClick={() => void api.decidePlan(plan.id, 'APPROVE', '', approval.version)}
                >
                  {t('plan.approve')}
                </Button>
                <Button size="small" data-testid="return-plan" onClick={() => setOpen('return')}>
                  {t('plan.returnIt')}
                </Button>
              </Space>
            )
          }
        />
      )}
      {mine && (plan.status === 'PROPOSED' || inForce) && (
        <Space wrap style={{ marginTop: 8 }}>
          {plan.status === 'PROPOSED' && !blocked && (
            <Button type="primary" data-testid="agree-plan" onClick={() => setOpen('agree')}>
              {t('plan.agree')}
            </Button>
          )}
          {plan.status === 'PROPOSED' && (
            <Button data-testid="withdraw-plan" onClick={() => setOpen('withdraw')}>
              {t('plan.withdraw')}
            </Button>
          )}
          {inForce && (
            <Button type="primary" data-testid="record-payment" onClick={() => setOpen('pay')}>
              {t('plan.recordPayment')}
            </Button>
          )}
          {inForce && (
            <Button danger data-testid="break-plan" onClick={() => setOpen('break')}>
              {t('plan.break')}
            </Button>
          )}
        </Space>
      )}
      {mine && open === 'agree' && <AgreePlan plan={plan} caseId={caseId} onClose={close} />}
      {mine && open === 'pay' && <RecordPayment plan={plan} onClose={close} />}
      {mine && (open === 'withdraw' || open === 'break') && <EndPlan plan={plan} action={open} onClose={close} />}
      {deciding && open === 'return' && <ReturnPlan plan={plan} onClose={close} />}
    </article>
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

/** What share of an amount (by default what the budget leaves) each open debt gets, pro rata. */
function SplitTool({ caseId, debts, disposable }: { caseId: string; debts: DebtView[]; disposable?: string }) {
  const { t, lang } = useApp();
  const open = debts.filter((d) => d.status === 'OPEN');
  const currency = open[0]?.currency ?? 'CNY';
  const [shares, setShares] = useState<ShareView[] | null>(null);
  const { form, run, busy, problem } = useServerForm<{ amount: string }>();
  if (open.length < 2) return null;
  const split = async (v: { amount: string }) => {
    await run(async () => setShares(await api.split(caseId, v.amount || disposable || '', currency)));
  };
  return (
    <section className="card" data-testid="split-form">
      <h4>{t('plan.split')}</h4>
      <p className="muted small">{t('plan.splitHint')}</p>
      <Form form={form} name="split" layout="inline" onFinish={split} initialValues={{ amount: '' }}>
        <Form.Item name="amount" label={t('plan.amount')}>
          <Input inputMode="decimal" placeholder={disposable ?? ''} />
        </Form.Item>
        <Button htmlType="submit" loading={busy} data-testid="split">
          {t('plan.split')}
        </Button>
      </Form>
      {problem}
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
    </section>
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

type AgreeFields = { agreement: UploadFile[]; agreedOn: Dayjs | null };

/** A plan is agreed only with the signed agreement attached (stored as evidence). */
function AgreePlan({ plan, caseId, onClose }: { plan: PlanView; caseId: string; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<AgreeFields>({ fileId: 'agreement', file: 'agreement' });
  const save = async (v: AgreeFields) => {
    const file = v.agreement[0]?.originFileObj;
    if (!file) {
      form.setFields([{ name: 'agreement', errors: [t('form.required')] }]);
      return;
    }
    const ok = await run(async () => {
      const stored = await api.upload(caseId, file, undefined, t('plan.agreement'));
      await api.agreePlan(plan.id, pickedDay(v.agreedOn) ?? '', stored.id, plan.version);
    });
    if (ok) onClose();
  };
  return (
    <FormDrawer<AgreeFields>
      open
      name="agree-form"
      title={t('plan.agree')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('plan.agree')}
      initialValues={{ agreement: [], agreedOn: dayjs() }}
    >
      <p className="muted small">{t('plan.agreeHint')}</p>
      <Form.Item name="agreement" label={t('plan.agreementFile')} valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}>
        <Upload maxCount={1} beforeUpload={() => false}>
          <Button>{t('contacts.chooseFile')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="agreedOn" label={t('plan.agreedOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormDrawer>
  );
}

type PaymentFields = { paidOn: Dayjs | null; amount: string; note: string };

function RecordPayment({ plan, onClose }: { plan: PlanView; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<PaymentFields>();
  const save = async (v: PaymentFields) => {
    if (await run(() => api.payPlan(plan.id, pickedDay(v.paidOn) ?? '', v.amount, v.note, plan.version))) onClose();
  };
  return (
    <FormDrawer<PaymentFields>
      open
      name="payment-form"
      title={t('plan.recordPayment')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('plan.recordPayment')}
      initialValues={{ paidOn: dayjs(), amount: plan.next?.unpaid ?? '', note: '' }}
    >
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="amount" label={`${t('plan.amount')} (${plan.currency})`}>
            <Input inputMode="decimal" autoFocus />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="paidOn" label={t('plan.paidOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('plan.note')}>
        <Input />
      </Form.Item>
    </FormDrawer>
  );
}

/** Withdrawing a proposal or recording a break needs a reason. */
function EndPlan({ plan, action, onClose }: { plan: PlanView; action: 'withdraw' | 'break'; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<{ reason: string }>();
  const save = async (v: { reason: string }) => {
    const ok = await run(() =>
      action === 'withdraw' ? api.withdrawPlan(plan.id, v.reason, plan.version) : api.breakPlan(plan.id, v.reason, plan.version),
    );
    if (ok) onClose();
  };
  return (
    <FormDrawer<{ reason: string }>
      open
      name={`${action}-form`}
      title={t(`plan.${action}`)}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t(`plan.${action}`)}
      initialValues={{ reason: '' }}
    >
      <Form.Item name="reason" label={t('plan.reason')}>
        <Input.TextArea rows={2} autoFocus />
      </Form.Item>
    </FormDrawer>
  );
}

/** A supervisor sends a proposal back to the counselor, saying why. */
function ReturnPlan({ plan, onClose }: { plan: PlanView; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<{ note: string }>();
  const save = async (v: { note: string }) => {
    if (await run(() => api.decidePlan(plan.id, 'RETURN', v.note, plan.approval?.version ?? 0))) onClose();
  };
  return (
    <FormDrawer<{ note: string }>
      open
      name="return-form"
      title={t('plan.returnIt')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('plan.returnIt')}
      initialValues={{ note: '' }}
    >
      <Form.Item name="note" label={t('plan.returnWhy')}>
        <Input.TextArea rows={3} autoFocus />
      </Form.Item>
    </FormDrawer>
  );
}

type ProposalFields = {
  debtIds: string[];
  kind: string;
  agreedTotal: string;
  instalments: string;
  firstDue: Dayjs | null;
  waivers: { kind: string; amount: string }[];
  terms: string;
};

/** A plan proposed for debts no other plan covers; warned when it asks more than the budget leaves. */
function Propose({ caseId, debts, plans }: { caseId: string; debts: DebtView[]; plans: PlanView[] }) {
  const { t, lang } = useApp();
  const [proposing, setProposing] = useState(false);
  const [warning, setWarning] = useState<AffordabilityView | null>(null);
  const { form, run, busy, problem } = useServerForm<ProposalFields>();
  const kind = Form.useWatch('kind', form);
  const taken = new Set(
    plans.filter((p) => ['PROPOSED', 'AGREED', 'ACTIVE'].includes(p.status)).flatMap((p) => p.debts.map((d) => d.debtId)),
  );
  const open = debts.filter((d) => d.status === 'OPEN' && !taken.has(d.id));
  const save = async (v: ProposalFields) => {
    let answer: Awaited<ReturnType<typeof api.propose>> | undefined;
    const ok = await run(async () => {
      answer = await api.propose(caseId, {
        kind: v.kind,
        debtIds: v.debtIds,
        waivers: v.waivers,
        agreedTotal: v.agreedTotal,
        instalments: v.kind === 'SETTLEMENT' ? 1 : Number(v.instalments),
        firstDue: pickedDay(v.firstDue) ?? '',
        terms: v.terms,
      });
    });
    if (ok && answer) {
      setWarning(answer.affordability.exceeds ? answer.affordability : null);
      setProposing(false);
    }
  };
  return (
    <>
      {warning && (
        <Alert
          type="warning"
          showIcon
          data-testid="proposal-warning"
          message={`${t('plan.unaffordable')} (${t('budget.disposable')} ${formatMoney(warning.disposable, warning.currency ?? 'CNY', lang)})`}
        />
      )}
      {open.length > 0 && (
        <Button type="primary" icon={<PlusOutlined />} data-testid="propose" style={{ marginTop: 12 }} onClick={() => setProposing(true)}>
          {t('plan.propose')}
        </Button>
      )}
      {proposing && (
        <FormDrawer<ProposalFields>
          open
          name="propose-form"
          title={t('plan.propose')}
          form={form}
          busy={busy}
          problem={problem}
          onClose={() => setProposing(false)}
          onFinish={save}
          saveLabel={t('plan.propose')}
          initialValues={{ debtIds: [], kind: 'INSTALMENTS', agreedTotal: '', instalments: '12', firstDue: null, waivers: [], terms: '' }}
        >
          <p className="muted small">{t('plan.proposeHint')}</p>
          <Form.Item name="debtIds" label={t('plan.debts')}>
            <Checkbox.Group
              style={{ display: 'grid', gap: 4 }}
              options={open.map((d) => ({
                value: d.id,
                label: `${d.lenderName} ${d.product ?? ''} · ${t('debts.outstanding')} ${formatMoney(d.outstanding, d.currency, lang)}`,
              }))}
            />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="kind" label={t('plan.kind')}>
                <Select options={PLAN_KINDS.map((k) => ({ value: k, label: t(`plan.kind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="agreedTotal" label={t('plan.agreedTotal')}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="instalments" label={t('plan.instalments')}>
                <Input inputMode="numeric" disabled={kind === 'SETTLEMENT'} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="firstDue" label={t('plan.firstDue')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.List name="waivers">
            {(waivers, { add, remove }) => (
              <fieldset>
                <legend>{t('plan.waivers')}</legend>
                {waivers.map((w) => (
                  <Row gutter={8} key={w.key}>
                    <Col flex="1">
                      <Form.Item name={[w.name, 'kind']} label={t('plan.waiverKind')}>
                        <Select options={WAIVER_KINDS.map((k) => ({ value: k, label: t(`plan.waiver.${k}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col flex="1">
                      <Form.Item name={[w.name, 'amount']} label={t('plan.amount')}>
                        <Input inputMode="decimal" />
                      </Form.Item>
                    </Col>
                    <Col>
                      <Form.Item label={<span className="sr-only">{t('plan.removeWaiver')}</span>}>
                        <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('plan.removeWaiver')} onClick={() => remove(w.name)} />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} data-testid="add-waiver" onClick={() => add({ kind: 'PENALTY_INTEREST', amount: '' })}>
                  {t('plan.addWaiver')}
                </Button>
              </fieldset>
            )}
          </Form.List>
          <Form.Item name="terms" label={t('plan.terms')} style={{ marginTop: 12 }}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormDrawer>
      )}
    </>
  );
}

