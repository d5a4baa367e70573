import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { FormDrawer, useServerForm } from '../../../components/forms';
import { api, type BudgetView } from '../../../lib/api/client';
import { QueryState } from '../../../components/QueryState';
import { useBudgets } from '../api/queries';
import { useApp } from '../../../lib/session';
import { formatInstant } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';

export const INCOME_KINDS = ['WAGES', 'BENEFITS', 'SIDE_INCOME', 'PENSION', 'FAMILY_SUPPORT', 'OTHER'];
export const EXPENSE_KINDS = [
  'HOUSING', 'FOOD', 'UTILITIES', 'TRANSPORT', 'MEDICAL', 'CHILDREN', 'INSURANCE', 'PHONE',
  'EDUCATION', 'FAMILY_SUPPORT', 'LEISURE', 'OTHER',
];
const ESSENTIAL = new Set(['HOUSING', 'FOOD', 'UTILITIES', 'TRANSPORT', 'MEDICAL', 'CHILDREN', 'INSURANCE', 'PHONE']);
export const ASSET_KINDS = ['SAVINGS', 'VEHICLE', 'PROPERTY', 'INVESTMENT', 'OTHER'];

type Line = { kind: string; label: string; amount: string; essential: boolean };
type Section = 'incomes' | 'expenses' | 'assets';
const KINDS: Record<Section, string[]> = { incomes: INCOME_KINDS, expenses: EXPENSE_KINDS, assets: ASSET_KINDS };

function blank(section: Section): Line {
  const kind = KINDS[section][0];
  return { kind, label: '', amount: '', essential: ESSENTIAL.has(kind) };
}

/** The case's monthly budget: what is left for debts, the emergency fund, and every version. */
export default function Budget({ caseId, canChange }: { caseId: string; canChange: boolean }) {
  const { t, lang } = useApp();
  const query = useBudgets(caseId);
  const [editing, setEditing] = useState(false);
  if (!query.isSuccess) return <QueryState query={query}>{() => null}</QueryState>;
  const history = query.data;
  const latest = history[0];
  const m = (amount: string) => formatMoney(amount, latest.currency, lang);
  return (
    <section data-testid="budget">
      <h2>{t('budget.title')}</h2>
      {!latest ? (
        <p className="muted">{t('budget.none')}</p>
      ) : (
        <div className="card">
          <p className="muted small">
            {t('budget.version')} {latest.version} · {formatInstant(latest.recordedAt, lang)} · {latest.recordedByName}
          </p>
          <dl className="facts" data-testid="budget-summary">
            <dt>{t('budget.income')}</dt>
            <dd>{m(latest.income)}</dd>
            <dt>{t('budget.essentials')}</dt>
            <dd>{m(latest.essentialExpenses)}</dd>
            <dt>{t('budget.other')}</dt>
            <dd>{m(latest.otherExpenses)}</dd>
            <dt>{t('budget.disposable')}</dt>
            <dd data-testid="budget-disposable" className={latest.disposable.startsWith('-') ? 'error' : ''}>
              <strong>{m(latest.disposable)}</strong>
            </dd>
            <dt>{t('budget.afterEssentials')}</dt>
            <dd>{m(latest.afterEssentials)}</dd>
            <dt>{t('budget.fund')}</dt>
            <dd data-testid="budget-fund">
              {m(latest.fundTargetLow)} – {m(latest.fundTargetHigh)}
              <span className="muted small"> · {t('budget.savings')} {m(latest.liquidSavings)}</span>
            </dd>
            <dt>{t('budget.assets')}</dt>
            <dd>{m(latest.assetsTotal)}</dd>
          </dl>
          {latest.note && <p className="note user-text">{latest.note}</p>}
          <BudgetLines budget={latest} />
        </div>
      )}
      {canChange && (
        <Button onClick={() => setEditing(true)} data-testid="edit-budget">
          {latest ? t('budget.edit') : t('budget.start')}
        </Button>
      )}
      {canChange && editing && (
        <BudgetForm
          caseId={caseId}
          latest={latest}
          onSaved={() => {
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {history.length > 1 && (
        <details>
          <summary>{t('budget.history')}</summary>
          <ul data-testid="budget-history">
            {history.map((b) => (
              <li key={b.version}>
                {t('budget.version')} {b.version} · {formatInstant(b.recordedAt, lang)} · {b.recordedByName} ·{' '}
                {t('budget.disposable')} {formatMoney(b.disposable, b.currency, lang)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function BudgetLines({ budget }: { budget: BudgetView }) {
  const { t, lang } = useApp();
  const rows = [
    ...budget.incomes.map((l) => ({ ...l, section: 'incomes' })),
    ...budget.expenses.map((l) => ({ ...l, section: 'expenses' })),
    ...budget.assets.map((l) => ({ ...l, section: 'assets' })),
  ];
  return (
    <table className="cases small">
      <tbody>
        {rows.map((l, i) => (
          <tr key={i}>
            <td>{t(`budget.section.${l.section}`)}</td>
            <td>
              {t(`budget.kind.${l.kind}`)}
              {l.section === 'expenses' && !l.essential && <span className="muted"> · {t('budget.notEssential')}</span>}
            </td>
            <td>{l.label}</td>
            <td>{formatMoney(l.amount, budget.currency, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type BudgetFields = { currency: string; incomes: Line[]; expenses: Line[]; assets: Line[]; note: string };

/** A new version of the budget, starting from the last one; lines left without an amount are dropped. */
function BudgetForm({ caseId, latest, onSaved, onCancel }: { caseId: string; latest?: BudgetView; onSaved: () => void; onCancel: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<BudgetFields>();
  const from = (section: Section): Line[] =>
    latest && latest[section].length > 0 ? latest[section].map((l) => ({ ...l })) : [blank(section)];

  const save = async (v: BudgetFields) => {
    const keep = (l: Line) => (l.amount ?? '').trim() !== '';
    const ok = await run(() =>
      api.saveBudget(caseId, {
        basedOn: latest?.version ?? 0,
        currency: v.currency,
        incomes: v.incomes.filter(keep).map(({ kind, label, amount }) => ({ kind, label, amount })),
        expenses: v.expenses.filter(keep),
        assets: v.assets.filter(keep).map(({ kind, label, amount }) => ({ kind, label, amount })),
        note: v.note,
      }),
    );
    if (ok) onSaved();
  };

  const section = (name: Section) => (
    <Form.List name={name} key={name}>
      {(lines, { add, remove }) => (
        <fieldset data-testid={`budget-${name}`}>
          <legend>{t(`budget.section.${name}`)}</legend>
          {lines.map((line) => (
            <Row gutter={8} key={line.key} align="bottom">
              <Col xs={12} sm={7}>
                <Form.Item name={[line.name, 'kind']} label={t('budget.kind')}>
                  <Select
                    options={KINDS[name].map((k) => ({ value: k, label: t(`budget.kind.${k}`) }))}
                    onChange={(kind: string) =>
                      name === 'expenses' && form.setFieldValue(['expenses', line.name, 'essential'], ESSENTIAL.has(kind))
                    }
                  />
                </Form.Item>
              </Col>
              <Col xs={12} sm={7}>
                <Form.Item name={[line.name, 'label']} label={t('budget.label')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={12} sm={5}>
                <Form.Item name={[line.name, 'amount']} label={t('budget.amount')}>
                  <Input inputMode="decimal" />
                </Form.Item>
              </Col>
              <Col xs={10} sm={4}>
                {name === 'expenses' && (
                  <Form.Item name={[line.name, 'essential']} valuePropName="checked">
                    <Checkbox>{t('budget.essential')}</Checkbox>
                  </Form.Item>
                )}
              </Col>
              <Col xs={2} sm={1}>
                <Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('budget.removeLine')} onClick={() => remove(line.name)} />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} data-testid={`add-${name}`} onClick={() => add(blank(name))}>
            {t('budget.addLine')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );

  return (
    <FormDrawer<BudgetFields>
      open
      name="budget-form"
      title={latest ? t('budget.edit') : t('budget.start')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onCancel}
      onFinish={save}
      saveLabel={t('budget.save')}
      initialValues={{
        currency: latest?.currency ?? 'CNY',
        incomes: from('incomes'),
        expenses: from('expenses'),
        assets: latest ? latest.assets.map((l) => ({ ...l })) : [],
        note: latest?.note ?? '',
      }}
    >
      <p className="muted small">{t('budget.hint')}</p>
      <Form.Item name="currency" label={t('debts.currency')} style={{ maxWidth: 160 }}>
        <Input maxLength={3} />
      </Form.Item>
      {section('incomes')}
      {section('expenses')}
      {section('assets')}
      <Form.Item name="note" label={t('budget.note')} style={{ marginTop: 12 }}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDrawer>
  );
}
