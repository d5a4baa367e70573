import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Empty, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { SectionTitle } from '../../../components/SectionTitle';
import { FormDrawer, pickedDay, useServerForm } from '../../../components/forms';
import { QueryState } from '../../../components/QueryState';
import { ApiError, api, type DebtView, type LenderView } from '../../../lib/api/client';
import type { Key } from '../../../lib/i18n';
import { useApp } from '../../../lib/session';
import { StageBadge } from '../../stages';
import { useDebts, useLenders } from '../api/queries';

const KINDS = ['ONLINE_PLATFORM', 'BANK_CARD', 'CONSUMER_FINANCE', 'INSTALMENT_LOAN', 'BNPL', 'OTHER'] as const;
const STATUSES = ['OPEN', 'PAID_OFF', 'SETTLED', 'WRITTEN_OFF'] as const;
const AMOUNTS = ['principal', 'interest', 'penaltyInterest', 'fees'] as const;

type Open = { form: 'new' } | { form: 'correct' | 'repay'; debt: DebtView };

/** A case's debts; the case's counselor records debts, corrects them, records repayments and closings. */
export default function Debts({ caseId, canChange }: { caseId: string; canChange: boolean }) {
  const { t } = useApp();
  const query = useDebts(caseId);
  const [open, setOpen] = useState<Open | null>(null);
  const close = () => setOpen(null);

  return (
    <section data-testid="debts">
      <SectionTitle title={t('debts.title')}>
        {canChange && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="add-debt" onClick={() => setOpen({ form: 'new' })}>
            {t('debts.add')}
          </Button>
        )}
      </SectionTitle>
      <QueryState query={query}>
        {(debts) =>
          debts.length === 0 ? (
            <Empty description={t('debts.none')} />
          ) : (
            <ScrollRegion label={t('debts.title')}>
              <Table<DebtView>
                size="small"
                rowKey="id"
                dataSource={debts}
                pagination={false}
                style={{ marginTop: 12 }}
                onRow={() => ({ 'data-testid': 'debt-row' }) as never}
                columns={[
                  {
                    title: t('debts.lender'),
                    key: 'lender',
                    render: (_, d) => (
                      <>
                        <span className="user-text">{d.lenderName}</span>
                        {d.product && <span className="muted user-text"> · {d.product}</span>}
                        <div className="muted small">{t(`kind.${d.lenderKind}`)}</div>
                      </>
                    ),
                  },
                  { title: t('debts.total'), key: 'total', render: (_, d) => `${d.total} ${d.currency}` },
                  {
                    title: t('debts.outstanding'),
                    key: 'outstanding',
                    onCell: () => ({ 'data-testid': 'debt-outstanding' }) as never,
                    render: (_, d) => `${d.outstanding} ${d.currency}`,
                  },
                  {
                    title: t('debts.dpd'),
                    dataIndex: 'daysPastDue',
                    onCell: () => ({ 'data-testid': 'debt-dpd' }) as never,
                  },
                  {
                    title: t('cases.stage'),
                    key: 'stage',
                    render: (_, d) => (
                      <>
                        <StageBadge stage={d.stage} />
                        {d.planStatus && (
                          <div className="muted small" data-testid="debt-under-plan">
                            {t('debts.underPlan')} ({t(`plan.status.${d.planStatus}`)})
                          </div>
                        )}
                      </>
                    ),
                  },
                  {
                    title: t('debts.status'),
                    key: 'status',
                    render: (_, d) => (canChange ? <DebtStatus debt={d} /> : t(`debtStatus.${d.status}`)),
                  },
                  ...(canChange
                    ? [
                        {
                          title: <span className="sr-only">{t('debts.actions')}</span>,
                          key: 'act',
                          render: (_: unknown, d: DebtView) => (
                            <Space size="small" wrap>
                              <Button size="small" data-testid="edit-debt" onClick={() => setOpen({ form: 'correct', debt: d })}>
                                {t('debts.edit')}
                              </Button>
                              <Button size="small" data-testid="repay-debt" onClick={() => setOpen({ form: 'repay', debt: d })}>
                                {t('debts.repay')}
                              </Button>
                            </Space>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </ScrollRegion>
          )
        }
      </QueryState>
      {canChange && open?.form === 'new' && <NewDebt caseId={caseId} onClose={close} />}
      {canChange && open?.form === 'correct' && <CorrectDebt debt={open.debt} onClose={close} />}
      {canChange && open?.form === 'repay' && <Repay debt={open.debt} onClose={close} />}
    </section>
  );
}

/** Closing a debt (paid off, settled, written off) or opening it again, straight from the table. */
function DebtStatus({ debt }: { debt: DebtView }) {
  const { t } = useApp();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const change = async (status: string) => {
    setBusy(true);
    try {
      await api.setDebtStatus(debt.id, status, debt.version);
    } catch (e) {
      void message.error(e instanceof ApiError && e.status === 409 ? t('debts.conflict') : e instanceof ApiError ? e.message : t('error.generic'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Select
      size="small"
      aria-label={t('debts.status')}
      data-testid="debt-status"
      value={debt.status}
      loading={busy}
      onChange={change}
      style={{ minWidth: 130 }}
      options={STATUSES.map((s) => ({ value: s, label: t(`debtStatus.${s}`) }))}
    />
  );
}

type NewDebtFields = {
  lenderId: string;
  lenderName: string;
  lenderKind: string;
  product: string;
  currency: string;
  principal: string;
  interest: string;
  penaltyInterest: string;
  fees: string;
  dues: { date: Dayjs | null; amount: string }[];
};

const money = (name: string, label: string) => (
  <Form.Item name={name} label={label}>
    <Input inputMode="decimal" />
  </Form.Item>
);

/** Records a debt: the lender (added here when new), what is owed, and when what falls due. */
function NewDebt({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useApp();
  const known = useLenders();
  const [added, setAdded] = useState<LenderView[]>([]);
  // a lender added here belongs to the server's answer to the lenders' name field
  const { form, run, busy, problem } = useServerForm<NewDebtFields>({ name: 'lenderName', kind: 'lenderKind' });
  const lenders = [...(known.data ?? []), ...added.filter((a) => !(known.data ?? []).some((k) => k.id === a.id))];

  const addLender = async () => {
    const { lenderName, lenderKind } = form.getFieldsValue(['lenderName', 'lenderKind']);
    let lender: LenderView | undefined;
    if (await run(async () => (lender = await api.addLender(lenderName, lenderKind)))) {
      setAdded((list) => [...list, lender!]);
      form.setFieldsValue({ lenderId: lender!.id, lenderName: '' });
    }
  };

  const save = async (v: NewDebtFields) => {
    const saved = await run(() =>
      api.addDebt(caseId, {
        lenderId: v.lenderId,
        product: v.product,
        currency: v.currency,
        principal: v.principal,
        interest: v.interest,
        penaltyInterest: v.penaltyInterest,
        fees: v.fees,
        dues: v.dues.map((d) => ({ date: pickedDay(d.date) ?? '', amount: d.amount })),
      }),
    );
    if (saved) onClose();
  };

  return (
    <FormDrawer<NewDebtFields>
      open
      name="new-debt-form"
      title={t('debts.add')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('debts.save')}
      initialValues={{
        lenderId: '',
        lenderName: '',
        lenderKind: 'ONLINE_PLATFORM',
        product: '',
        currency: 'CNY',
        principal: '',
        interest: '',
        penaltyInterest: '',
        fees: '',
        dues: [{ date: null, amount: '' }],
      }}
    >
      <QueryState query={known} quiet>{() => null}</QueryState>
      <Form.Item name="lenderId" label={t('debts.lender')}>
        <Select
          showSearch
          optionFilterProp="label"
          options={[
            { value: '', label: t('debts.chooseLender') },
            ...lenders
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((l) => ({ value: l.id, label: `${l.name} (${t(`kind.${l.kind}`)})` })),
          ]}
        />
      </Form.Item>
      <fieldset className="new-lender">
        <legend>{t('debts.newLender')}</legend>
        <Row gutter={8} align="bottom">
          <Col flex="auto">
            <Form.Item name="lenderName" label={t('debts.lenderName')}>
              <Input />
            </Form.Item>
          </Col>
          <Col flex="180px">
            <Form.Item name="lenderKind" label={t('debts.lenderKind')}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col>
            <Form.Item>
              <Button onClick={addLender} data-testid="add-lender" aria-label={t('debts.addLender')} icon={<PlusOutlined />} />
            </Form.Item>
          </Col>
        </Row>
      </fieldset>
      <Row gutter={12}>
        <Col xs={24} sm={16}>
          <Form.Item name="product" label={t('debts.product')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="currency" label={t('debts.currency')}>
            <Input />
          </Form.Item>
        </Col>
        {AMOUNTS.map((a) => (
          <Col xs={12} sm={6} key={a}>
            {money(a, t(`debts.${a}` as Key))}
          </Col>
        ))}
      </Row>
      <Typography.Title level={4}>{t('debts.dues')}</Typography.Title>
      <Form.List name="dues">
        {(dues, { add, remove }) => (
          <>
            {dues.map((due) => (
              <Row gutter={8} key={due.key} align="top">
                <Col flex="1">
                  <Form.Item name={[due.name, 'date']} label={t('debts.dueDate')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col flex="1">
                  <Form.Item name={[due.name, 'amount']} label={t('debts.dueAmount')}>
                    <Input inputMode="decimal" />
                  </Form.Item>
                </Col>
                {dues.length > 1 && (
                  <Col>
                    <Form.Item label={<span className="sr-only">{t('debts.removeDue')}</span>}>
                      <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('debts.removeDue')} onClick={() => remove(due.name)} />
                    </Form.Item>
                  </Col>
                )}
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ date: null, amount: '' })} data-testid="add-due">
              {t('debts.addDue')}
            </Button>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}

type CorrectionFields = { product: string; principal: string; interest: string; penaltyInterest: string; fees: string };

/** Corrects a mistyped debt in place (audited with the old and new amounts). */
function CorrectDebt({ debt, onClose }: { debt: DebtView; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<CorrectionFields>();
  const save = async (v: CorrectionFields) => {
    if (await run(() => api.correctDebt(debt.id, { ...v, version: debt.version }))) onClose();
  };
  return (
    <FormDrawer<CorrectionFields>
      open
      name="correct-debt-form"
      title={`${t('debts.edit')} · ${debt.lenderName}`}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('debts.saveEdit')}
      initialValues={{
        product: debt.product ?? '',
        principal: debt.principal,
        interest: debt.interest,
        penaltyInterest: debt.penaltyInterest,
        fees: debt.fees,
      }}
    >
      <Form.Item name="product" label={t('debts.product')}>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        {AMOUNTS.map((a) => (
          <Col xs={12} key={a}>
            {money(a, t(`debts.${a}` as Key))}
          </Col>
        ))}
      </Row>
    </FormDrawer>
  );
}

type RepaymentFields = { amount: string; paidOn: Dayjs | null };

/** Records a repayment the client made to the lender outside a plan. */
function Repay({ debt, onClose }: { debt: DebtView; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<RepaymentFields>();
  const save = async (v: RepaymentFields) => {
    if (await run(() => api.repay(debt.id, pickedDay(v.paidOn) ?? '', v.amount, debt.version))) onClose();
  };
  return (
    <FormDrawer<RepaymentFields>
      open
      name="repay-form"
      title={`${t('debts.repay')} · ${debt.lenderName}`}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('debts.repay')}
      initialValues={{ amount: '', paidOn: dayjs() }}
    >
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="amount" label={`${t('debts.amount')} (${debt.currency})`}>
            <Input inputMode="decimal" autoFocus />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="paidOn" label={t('debts.paidOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <p className="muted">
        {t('debts.outstanding')}: {debt.outstanding} {debt.currency}
      </p>
    </FormDrawer>
  );
}
