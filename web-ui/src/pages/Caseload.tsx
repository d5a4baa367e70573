import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api, type CaseView, type OpenedCase } from '../api';
import { useApp } from '../context';
import { STAGES, formatInstant, isoDay } from '../i18n';
import { StageBadge } from './StageParts';
import { Risks, Tasks } from './Work';

export default function Caseload() {
  const { t, lang, me } = useApp();
  const supervisor = me?.roles.includes('supervisor') ?? false;
  const counselor = me?.roles.includes('counselor') ?? false;
  const [cases, setCases] = useState<CaseView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<OpenedCase | null>(null);
  const [stageFilter, setStageFilter] = useState('');
  const [search, setSearch] = useState('');
  const shown = (cases ?? []).filter((c) => !stageFilter || c.stage === stageFilter);

  // only the answer to the latest request is shown, however the answers arrive
  const latest = useRef(0);
  const load = (q?: string) => {
    const request = ++latest.current;
    return api
      .cases(q)
      .then((found) => {
        if (request === latest.current) setCases(found);
      })
      .catch(() => setError(t('error.generic')));
  };
  // name, phone or ID number, searched on the server once the typing pauses
  useEffect(() => {
    const handle = setTimeout(() => load(search.trim() || undefined), search ? 300 : 0);
    return () => clearTimeout(handle);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  return (
    <section>
      <h1>{supervisor ? t('cases.all') : t('cases.mine')}</h1>
      <Tasks canClose={counselor} />
      {supervisor && <Risks />}
      {counselor && (
        <NewCaseForm
          onOpened={(result) => {
            setOpened(result);
            load(search.trim() || undefined);
          }}
        />
      )}
      {opened && (
        <div className="notice" data-testid="case-created">
          <p>
            {t('case.created')}{' '}
            <Link to={`/cases/${opened.caseFile.id}`}>{opened.caseFile.clientName}</Link>
          </p>
          {opened.temporaryPassword && (
            <p>
              {t('case.tempPassword')}{' '}
              <code data-testid="temp-username">{opened.portalUsername}</code> /{' '}
              <code data-testid="temp-password">{opened.temporaryPassword}</code>
            </p>
          )}
        </div>
      )}
      {supervisor && cases && cases.length > 0 && <Counts cases={cases} />}
      {(supervisor || counselor) && cases && cases.length > 0 && <Entered />}
      {cases && (cases.length > 0 || search) && (
        <div className="filters">
          <input
            type="search"
            data-testid="case-search"
            aria-label={t('cases.search')}
            placeholder={t('cases.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <select data-testid="stage-filter" aria-label={t('cases.stage')} value={stageFilter} onChange={(e) => setStageFilter(e.target.value)}>
            <option value="">{t('stage.all')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stage.${s}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {error && <p className="error">{error}</p>}
      {cases === null && !error && <p className="muted">{t('loading')}</p>}
      {cases && cases.length === 0 && !search && (
        <p className="empty" data-testid="empty-caseload">
          {supervisor ? t('cases.emptyAll') : t('cases.empty')}
        </p>
      )}
      {cases && cases.length > 0 && (
        <table className="cases" data-testid="caseload">
          <thead>
            <tr>
              <th>{t('cases.client')}</th>
              <th>{t('cases.stage')}</th>
              <th>{t('cases.status')}</th>
              {supervisor && <th>{t('cases.counselor')}</th>}
              <th>{t('cases.portal')}</th>
              <th>{t('cases.openedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id} data-testid="case-row">
                <td>
                  <Link to={`/cases/${c.id}`}>{c.clientName}</Link>
                </td>
                <td>
                  <StageBadge stage={c.stage} />
                </td>
                <td>{t(`status.${c.status}`)}</td>
                {supervisor && <td>{c.counselorName}</td>}
                <td>{c.hasPortalLogin ? t('case.yes') : t('case.no')}</td>
                <td>{formatInstant(c.openedAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** "Which cases moved to late this week": cases that entered a stage in the last days. */
function Entered() {
  const { t } = useApp();
  const [stage, setStage] = useState('LATE');
  const [days, setDays] = useState(7);
  const [found, setFound] = useState<{ id: string; clientName: string; counselorName: string }[] | null>(null);
  useEffect(() => {
    const to = new Date();
    const from = new Date(to.getTime() - (days - 1) * 86_400_000);
    api.entered(stage, isoDay(from), isoDay(to)).then(setFound).catch(() => setFound([]));
  }, [stage, days]);
  return (
    <section className="card" data-testid="entered">
      <h3>{t('entered.title')}</h3>
      <div className="filters">
        <select aria-label={t('entered.stage')} data-testid="entered-stage" value={stage} onChange={(e) => setStage(e.target.value)}>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`stage.${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('entered.days')} value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[1, 7, 30, 90].map((d) => (
            <option key={d} value={d}>
              {t('entered.days')}: {d}
            </option>
          ))}
        </select>
      </div>
      {found && found.length === 0 && <p className="muted">{t('entered.none')}</p>}
      {found && found.length > 0 && (
        <ul>
          {found.map((c) => (
            <li key={c.id} data-testid="entered-case">
              <Link to={`/cases/${c.id}`}>{c.clientName}</Link> · {c.counselorName}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Supervisors: how many cases each counselor has in each stage. */
function Counts({ cases }: { cases: CaseView[] }) {
  const { t } = useApp();
  const counselors = [...new Set(cases.map((c) => c.counselorName))].sort();
  const count = (counselor: string, stage: string) =>
    cases.filter((c) => c.counselorName === counselor && c.stage === stage).length;
  return (
    <table className="cases counts" data-testid="counts">
      <caption>{t('cases.counts')}</caption>
      <thead>
        <tr>
          <th>{t('cases.counselor')}</th>
          {STAGES.map((s) => (
            <th key={s}>
              <StageBadge stage={s} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {counselors.map((name) => (
          <tr key={name}>
            <td>{name}</td>
            {STAGES.map((s) => (
              <td key={s} data-testid={`count-${name}-${s}`}>
                {count(name, s)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NewCaseForm({ onOpened }: { onOpened: (opened: OpenedCase) => void }) {
  const { t } = useApp();
  const [clientName, setClientName] = useState('');
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const opened = await api.openCase(clientName, username.trim(), email.trim());
      setClientName('');
      setUsername('');
      setEmail('');
      onOpened(opened);
    } catch (e) {
      setFailure(
        e instanceof ApiError
          ? e
          : new ApiError({ status: 0, title: t('error.generic'), errors: [] }),
      );
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) => failure?.fieldError(field);
  return (
    <form className="card" onSubmit={submit} data-testid="new-case-form" noValidate>
      <h2>{t('case.new')}</h2>
      <label>
        {t('case.clientName')}
        <input
          name="clientName"
          value={clientName}
          onChange={(e) => setClientName(e.target.value)}
          maxLength={200}
          required
          aria-invalid={!!fieldError('clientName')}
        />
      </label>
      {fieldError('clientName') && <p className="field-error">{fieldError('clientName')}</p>}
      <div className="row">
        <label>
          {t('case.portalUsername')}
          <input name="portalUsername" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          {t('case.portalEmail')}
          <input name="portalEmail" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
      </div>
      {fieldError('portalLogin.username') && (
        <p className="field-error">{fieldError('portalLogin.username')}</p>
      )}
      {fieldError('portalLogin.email') && <p className="field-error">{fieldError('portalLogin.email')}</p>}
      <p className="hint">{t('case.portalHint')}</p>
      {failure && failure.problem.errors.length === 0 && (
        <p className="error">{failure.problem.detail ?? t('error.generic')}</p>
      )}
      <button type="submit" disabled={busy} data-testid="create-case">
        {busy ? t('case.creating') : t('case.create')}
      </button>
    </form>
  );
}
