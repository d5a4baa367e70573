import { useState, type FormEvent } from 'react';
import { ApiError, api, type BudgetView } from '../../../lib/api/client';
import { ProblemMessage } from '../../../components/Problem';
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
export default function Budget({
  caseId,
  canChange,
  onSaved,
}: {
  caseId: string;
  canChange: boolean;
  onSaved: () => void;
}) {
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
      {canChange && !editing && (
        <button type="button" onClick={() => setEditing(true)} data-testid="edit-budget">
          {latest ? t('budget.edit') : t('budget.start')}
        </button>
      )}
      {canChange && editing && (
        <BudgetForm
          caseId={caseId}
          latest={latest}
          onSaved={() => {
            setEditing(false);
            onSaved();
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

function BudgetForm({
  caseId,
  latest,
  onSaved,
  onCancel,
}: {
  caseId: string;
  latest?: BudgetView;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useApp();
  const from = (section: Section): Line[] =>
    latest && latest[section].length > 0 ? latest[section].map((l) => ({ ...l })) : [blank(section)];
  const [currency, setCurrency] = useState(latest?.currency ?? 'CNY');
  const [lines, setLines] = useState<Record<Section, Line[]>>({
    incomes: from('incomes'),
    expenses: from('expenses'),
    assets: latest ? latest.assets.map((l) => ({ ...l })) : [],
  });
  const [note, setNote] = useState(latest?.note ?? '');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (section: Section, i: number, patch: Partial<Line>) =>
    setLines((all) => ({ ...all, [section]: all[section].map((l, j) => (j === i ? { ...l, ...patch } : l)) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const keep = (l: Line) => l.amount.trim() !== '';
    try {
      await api.saveBudget(caseId, {
        basedOn: latest?.version ?? 0,
        currency,
        incomes: lines.incomes.filter(keep).map(({ kind, label, amount }) => ({ kind, label, amount })),
        expenses: lines.expenses.filter(keep),
        assets: lines.assets.filter(keep).map(({ kind, label, amount }) => ({ kind, label, amount })),
        note,
      });
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const section = (name: Section) => (
    <fieldset key={name} data-testid={`budget-${name}`}>
      <legend>{t(`budget.section.${name}`)}</legend>
      {lines[name].map((l, i) => (
        <div className="row four" key={i}>
          <select
            aria-label={t('budget.kind')}
            name={`${name}-${i}-kind`}
            value={l.kind}
            onChange={(e) =>
              change(name, i, { kind: e.target.value, essential: name === 'expenses' && ESSENTIAL.has(e.target.value) })
            }
          >
            {KINDS[name].map((k) => (
              <option key={k} value={k}>
                {t(`budget.kind.${k}`)}
              </option>
            ))}
          </select>
          <input
            aria-label={t('budget.label')}
            placeholder={t('budget.label')}
            name={`${name}-${i}-label`}
            value={l.label}
            onChange={(e) => change(name, i, { label: e.target.value })}
          />
          <input
            aria-label={t('budget.amount')}
            placeholder={t('budget.amount')}
            name={`${name}-${i}-amount`}
            inputMode="decimal"
            value={l.amount}
            aria-invalid={!!failure?.fieldError(`${name}[${i}].amount`)}
            onChange={(e) => change(name, i, { amount: e.target.value })}
          />
          {name === 'expenses' ? (
            <label className="check">
              <input
                type="checkbox"
                name={`${name}-${i}-essential`}
                checked={l.essential}
                onChange={(e) => change(name, i, { essential: e.target.checked })}
              />
              {t('budget.essential')}
            </label>
          ) : (
            <span />
          )}
        </div>
      ))}
      <button
        type="button"
        className="secondary small"
        data-testid={`add-${name}`}
        onClick={() => setLines((all) => ({ ...all, [name]: [...all[name], blank(name)] }))}
      >
        + {t('budget.addLine')}
      </button>
    </fieldset>
  );

  return (
    <form className="card" onSubmit={submit} data-testid="budget-form" noValidate>
      <h3>{latest ? t('budget.edit') : t('budget.start')}</h3>
      <p className="muted small">{t('budget.hint')}</p>
      <label>
        {t('debts.currency')}
        <input name="currency" value={currency} onChange={(e) => setCurrency(e.target.value)} maxLength={3} />
      </label>
      {section('incomes')}
      {section('expenses')}
      {section('assets')}
      <label>
        {t('budget.note')}
        <textarea name="note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      </label>
      {failure && <ProblemMessage failure={failure} />}
      <button type="submit" disabled={busy} data-testid="save-budget">
        {t('budget.save')}
      </button>{' '}
      <button type="button" className="secondary" onClick={onCancel}>
        {t('budget.cancel')}
      </button>
    </form>
  );
}

/** Every field the server named, or its message. */
