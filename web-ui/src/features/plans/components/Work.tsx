import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { api } from '../../../lib/api/client';
import { WORK_PAGE, useRisks, useTasks } from '../api/queries';
import { useApp } from '../../../lib/session';
import { formatInstant } from '../../../lib/i18n';
import { formatDay, formatMoney } from '../../../lib/money';

/** Open tasks: a counselor's own (with "done"), every counselor's for a supervisor. */
export function Tasks({ canClose }: { canClose: boolean }) {
  const { t, lang } = useApp();
  const [page, setPage] = useState(0);
  const query = useTasks(page);
  if (query.isPending || (query.isSuccess && query.data.total === 0)) return null;
  return (
    <QueryState query={query}>{({ items: tasks, total }) => (
    <section className="card" data-testid="tasks">
      <h2>
        {t('tasks.title')} <span className="muted small" data-testid="tasks-total">({total})</span>
      </h2>
      <ul>
        {tasks.map((task) => (
          <li key={task.id} data-testid="task">
            <Link to={`/cases/${task.caseId}`}>{task.clientName}</Link> ·{' '}
            {task.kind === 'INSTALMENT_MISSED'
              ? t('tasks.missed', {
                  n: task.instalment ?? '',
                  due: formatDay(task.dueOn ?? undefined, lang),
                  amount: formatMoney(task.amount ?? undefined, task.currency ?? 'CNY', lang),
                })
              : task.kind === 'WELLBEING_CRISIS'
                ? t('tasks.crisis')
                : task.kind === 'REVIEW_ACTION'
                  ? t('tasks.review', { text: task.note ?? '', due: formatDay(task.dueOn ?? undefined, lang) })
                  : t('tasks.broken')}
            <span className="muted small">
              {' '}
              · {task.counselorName} · {formatInstant(task.createdAt, lang)}
            </span>{' '}
            {canClose && (
              <button
                type="button"
                className="small"
                data-testid="task-done"
                onClick={() => void api.taskDone(task.id)}
              >
                {t('tasks.done')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <Pager page={page} pageSize={WORK_PAGE} total={total} onChange={setPage} testId="tasks-pager" small />
    </section>
    )}</QueryState>
  );
}

/** The supervisor's risk list: missed instalments still unpaid, and recently broken plans. */
export function Risks() {
  const { t, lang } = useApp();
  const [page, setPage] = useState(0);
  const query = useRisks(page);
  return (
    <QueryState query={query}>{({ items: risks, total }) => (
    <section className="card" data-testid="risks">
      <h2>
        {t('risks.title')} {total > 0 && <span className="muted small">({total})</span>}
      </h2>
      {risks.length === 0 ? (
        <p className="muted">{t('risks.none')}</p>
      ) : (
        <table className="cases">
          <thead>
            <tr>
              <th>{t('cases.client')}</th>
              <th>{t('cases.counselor')}</th>
              <th>{t('plan.debts')}</th>
              <th>{t('plan.state')}</th>
              <th>{t('risks.unpaid')}</th>
            </tr>
          </thead>
          <tbody>
            {risks.map((r) => (
              <tr key={r.planId} data-testid="risk">
                <td>
                  <Link to={`/cases/${r.caseId}`}>{r.clientName}</Link>
                </td>
                <td>{r.counselorName}</td>
                <td>{r.debts}</td>
                <td className="error">
                  {r.status === 'BROKEN'
                    ? `${t('plan.status.BROKEN')} ${formatDay(r.statusOn, lang)}`
                    : t('plan.missedCount', { n: r.missedUnpaid }) +
                      ` · ${t('risks.since')} ${formatDay(r.oldestMissedDue, lang)}`}
                </td>
                <td>{formatMoney(r.status === 'BROKEN' ? r.remaining : r.unpaid, r.currency, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pageSize={WORK_PAGE} total={total} onChange={setPage} testId="risks-pager" small />
    </section>
    )}</QueryState>
  );
}
