import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type RiskView, type TaskView } from '../api';
import { useApp } from '../context';
import { formatInstant } from '../i18n';
import { formatDay, formatMoney } from '../money';

/** Open tasks: a counselor's own (with "done"), every counselor's for a supervisor. */
export function Tasks({ canClose }: { canClose: boolean }) {
  const { t, lang } = useApp();
  const [tasks, setTasks] = useState<TaskView[] | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api.tasks().then(setTasks).catch(() => setTasks([]));
  }, [version]);
  if (tasks === null || tasks.length === 0) return null;
  return (
    <section className="card" data-testid="tasks">
      <h2>{t('tasks.title')}</h2>
      <ul>
        {tasks.map((task) => (
          <li key={task.id} data-testid="task">
            <Link to={`/cases/${task.caseId}`}>{task.clientName}</Link> ·{' '}
            {task.kind === 'INSTALMENT_MISSED'
              ? t('tasks.missed')
                  .replace('{n}', String(task.instalment))
                  .replace('{due}', formatDay(task.dueOn, lang))
                  .replace('{amount}', formatMoney(task.amount, task.currency ?? 'CNY', lang))
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
                onClick={() => api.taskDone(task.id).then(() => setVersion((v) => v + 1))}
              >
                {t('tasks.done')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The supervisor's risk list: missed instalments still unpaid, and recently broken plans. */
export function Risks() {
  const { t, lang } = useApp();
  const [risks, setRisks] = useState<RiskView[] | null>(null);
  useEffect(() => {
    api.risks().then(setRisks).catch(() => setRisks([]));
  }, []);
  if (risks === null) return null;
  return (
    <section className="card" data-testid="risks">
      <h2>{t('risks.title')}</h2>
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
                    : t('plan.missedCount').replace('{n}', String(r.missedUnpaid)) +
                      ` · ${t('risks.since')} ${formatDay(r.oldestMissedDue, lang)}`}
                </td>
                <td>{formatMoney(r.status === 'BROKEN' ? r.remaining : r.unpaid, r.currency, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
