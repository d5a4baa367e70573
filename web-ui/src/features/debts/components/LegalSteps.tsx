import { useState, type FormEvent } from 'react';
import { QueryState } from '../../../components/QueryState';
import { ApiError, api } from '../../../lib/api/client';
import { useMilestones } from '../api/queries';
import { useApp } from '../../../lib/session';

const KINDS = ['LAWSUIT_FILED', 'JUDGMENT', 'ENFORCEMENT', 'DISHONEST_DEBTOR_LISTING', 'CONSUMPTION_RESTRICTION'];

/** Legal steps on a case; the case's counselor records them with their dates. */
export default function LegalSteps({ caseId, canChange, onChanged }: { caseId: string; canChange: boolean; onChanged: () => void }) {
  const { t } = useApp();
  const query = useMilestones(caseId);
  const [kind, setKind] = useState(KINDS[0]);
  const [on, setOn] = useState('');
  const [endedOn, setEndedOn] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await api.addMilestone(caseId, { kind, on, endedOn: endedOn || undefined });
      setOn('');
      setEndedOn('');
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
    }
  };
  const err = (field: string) => {
    const message = failure?.fieldError(field);
    return message ? <p className="field-error">{message}</p> : null;
  };

  return (
    <section data-testid="legal-steps">
      <h2>{t('legal.title')}</h2>
      <QueryState query={query}>
        {(steps) =>
          steps.length === 0 ? (
            <p className="muted">{t('legal.none')}</p>
          ) : (
            <ul>
              {steps.map((s, i) => (
                <li key={i} data-testid="legal-step">
                  {t(`legal.${s.kind}`)} · {s.on} – {s.endedOn ?? t('legal.ongoing')}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {canChange && (
        <form className="card" onSubmit={submit} data-testid="legal-form" noValidate>
          <h3>{t('legal.add')}</h3>
          <div className="row four">
            <label>
              {t('legal.kind')}
              <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`legal.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('legal.on')}
              <input name="on" type="date" value={on} onChange={(e) => setOn(e.target.value)} />
              {err('on')}
            </label>
            <label>
              {t('legal.endedOn')}
              <input name="endedOn" type="date" value={endedOn} onChange={(e) => setEndedOn(e.target.value)} />
              {err('endedOn')}
            </label>
          </div>
          <button type="submit" data-testid="save-legal">
            {t('legal.add')}
          </button>
        </form>
      )}
    </section>
  );
}
