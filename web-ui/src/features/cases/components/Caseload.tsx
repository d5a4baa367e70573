import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { FormDrawer, useServerForm } from '../../../components/forms';
import { Link } from 'react-router-dom';
import { QueryState } from '../../../components/QueryState';
import { api, type OpenedCase } from '../../../lib/api/client';
import { useDebounced } from '../../../lib/debounce';
import { useCaseCounts, useCasePage, useEntered } from '../api/queries';
import { useApp } from '../../../lib/session';
import { STAGES, formatInstant, isoDay } from '../../../lib/i18n';
import { StageBadge } from '../../stages';
import { Risks, Tasks } from '../../plans';

export default function Caseload() {
  const { t, lang, me } = useApp();
  const supervisor = me?.roles.includes('supervisor') ?? false;
  const counselor = me?.roles.includes('counselor') ?? false;
  const [opened, setOpened] = useState<OpenedCase | null>(null);
  const [stageFilter, setStageFilter] = useState('');
  const [sort, setSort] = useState('-opened');
  const [quietDays, setQuietDays] = useState(0);
  const [page, setPage] = useState(0);
  const [search, setSearch] = useState('');
  // the server filters, sorts and pages; a search waits until the typing pauses
  const q = useDebounced(search.trim(), 200);
  // what the list shows, for its pages and for the CSV export alike
  const filters = {
    q: q || undefined,
    sort,
    stage: stageFilter || undefined,
    noContactDays: quietDays || undefined,
  };
  const query = useCasePage({ ...filters, page, size: PAGE_SIZE });
  const cases = query.data?.cases ?? null;
  const total = query.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = Boolean(search || stageFilter || quietDays);
  const changeFilter = (apply: () => void) => {
    apply();
    setPage(0);
  };

  return (
    <section>
      <h1>{supervisor ? t('cases.all') : t('cases.mine')}</h1>
      <Tasks canClose={counselor} />
      {supervisor && <Risks />}
      {counselor && <NewCase onOpened={setOpened} />}
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
      {supervisor && cases && total > 0 && <Counts />}
      {(supervisor || counselor) && cases && cases.length > 0 && <Entered />}
      {cases && (total > 0 || filtered) && (
        <div className="filters">
          <input
            type="search"
            data-testid="case-search"
            aria-label={t('cases.search')}
            placeholder={t('cases.search')}
            value={search}
            onChange={(e) => changeFilter(() => setSearch(e.target.value))}
          />
          <select
            data-testid="stage-filter"
            aria-label={t('cases.stage')}
            value={stageFilter}
            onChange={(e) => changeFilter(() => setStageFilter(e.target.value))}
          >
            <option value="">{t('stage.all')}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`stage.${s}`)}
              </option>
            ))}
          </select>
          <select data-testid="case-sort" aria-label={t('cases.sort')} value={sort} onChange={(e) => changeFilter(() => setSort(e.target.value))}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`cases.sort.${s}`)}
              </option>
            ))}
          </select>
          <select
            data-testid="quiet-filter"
            aria-label={t('cases.quiet')}
            value={quietDays}
            onChange={(e) => changeFilter(() => setQuietDays(Number(e.target.value)))}
          >
            <option value={0}>{t('cases.quiet.any')}</option>
            {[7, 14, 30, 90].map((d) => (
              <option key={d} value={d}>
                {t('cases.quiet.days', { days: d })}
              </option>
            ))}
          </select>
        </div>
      )}
      {query.isError ? <QueryState query={query}>{() => null}</QueryState> : cases === null && <QueryState query={query}>{() => null}</QueryState>}
      {cases && total === 0 && !filtered && (
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
            {cases.map((c) => (
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
      {cases && total > 0 && (
        <nav className="pager" aria-label={t('cases.pages')} data-testid="case-pager">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)} data-testid="page-prev">
            {t('cases.prev')}
          </button>
          {(supervisor || counselor) && (
            <a
              data-testid="caseload-csv"
              href={api.caseloadCsvUrl(filters)}
            >
              {t('cases.csv')}
            </a>
          )}
          <span data-testid="page-info">{t('cases.pageOf', { page: page + 1, pages: pageCount, total })}</span>
          <button
            type="button"
            disabled={page + 1 >= pageCount}
            onClick={() => setPage(page + 1)}
            data-testid="page-next"
          >
            {t('cases.next')}
          </button>
        </nav>
      )}
      {cases && cases.length === 0 && filtered && <p className="muted">{t('cases.noMatch')}</p>}
    </section>
  );
}

const PAGE_SIZE = 50;
const SORTS = ['-opened', 'opened', 'client', '-client', 'stage', '-stage', '-days-in-stage', '-last-contact', 'last-contact'];

/** "Which cases moved to late this week": cases that entered a stage in the last days. */
function Entered() {
  const { t } = useApp();
  const [stage, setStage] = useState('LATE');
  const [days, setDays] = useState(7);
  const to = new Date();
  const from = new Date(to.getTime() - (days - 1) * 86_400_000);
  const query = useEntered(stage, isoDay(from), isoDay(to));
  const found = query.data;
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
      <QueryState query={query}>{() => null}</QueryState>
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
function Counts() {
  const { t } = useApp();
  const query = useCaseCounts(true);
  if (!query.isSuccess) return <QueryState query={query}>{() => null}</QueryState>;
  const counts = query.data;
  const counselors = [...new Set(counts.map((c) => c.counselorName))].sort();
  const count = (counselor: string, stage: string) =>
    counts.find((c) => c.counselorName === counselor && c.stage === stage)?.cases ?? 0;
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

type NewCaseFields = { clientName: string; portalUsername: string; portalEmail: string };

/** Opens a case; with a username, the client gets a portal login with a temporary password. */
function NewCase({ onOpened }: { onOpened: (opened: OpenedCase) => void }) {
  const { t } = useApp();
  const [open, setOpen] = useState(false);
  const { form, run, busy, problem } = useServerForm<NewCaseFields>({
    'portalLogin.username': 'portalUsername',
    'portalLogin.email': 'portalEmail',
  });
  const save = async (v: NewCaseFields) => {
    let opened: OpenedCase | undefined;
    if (await run(async () => (opened = await api.openCase(v.clientName, v.portalUsername.trim(), v.portalEmail.trim())))) {
      setOpen(false);
      onOpened(opened!);
    }
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} data-testid="new-case" onClick={() => setOpen(true)}>
        {t('case.new')}
      </Button>
      {open && (
        <FormDrawer<NewCaseFields>
          open
          name="new-case-form"
          title={t('case.new')}
          form={form}
          busy={busy}
          problem={problem}
          onClose={() => setOpen(false)}
          onFinish={save}
          saveLabel={t('case.create')}
          initialValues={{ clientName: '', portalUsername: '', portalEmail: '' }}
        >
          <Form.Item name="clientName" label={t('case.clientName')}>
            <Input maxLength={200} autoFocus />
          </Form.Item>
          <Form.Item name="portalUsername" label={t('case.portalUsername')}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="portalEmail" label={t('case.portalEmail')} extra={t('case.portalHint')}>
            <Input inputMode="email" />
          </Form.Item>
        </FormDrawer>
      )}
    </>
  );
}
