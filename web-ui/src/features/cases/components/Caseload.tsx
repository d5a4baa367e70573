import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { FormDrawer, useServerForm } from '../../../components/forms';
import { Link } from 'react-router-dom';
import { QueryState } from '../../../components/QueryState';
import { api, type CaseView, type OpenedCase } from '../../../lib/api/client';
import { useDebounced } from '../../../lib/debounce';
import { useCaseCounts, useCasePage, useEntered } from '../api/queries';
import { useApp } from '../../../lib/session';
import { STAGES, formatInstant, isoDay } from '../../../lib/i18n';
import { StageBadge } from '../../stages';
import { Risks as RiskList, Tasks as TaskList } from '../../plans';

// the parts around the list keep still while a search or a filter redraws it
const Tasks = memo(TaskList);
const Risks = memo(RiskList);

export default function Caseload() {
  const { t, lang, me } = useApp();
  const supervisor = me?.roles.includes('supervisor') ?? false;
  const counselor = me?.roles.includes('counselor') ?? false;
  const [opened, setOpened] = useState<OpenedCase | null>(null);
  const [stageFilter, setStageFilter] = useState('');
  const [sort, setSort] = useState('-opened');
  const [quietDays, setQuietDays] = useState(0);
  const [page, setPage] = useState(0);
  // the server filters, sorts and pages; the search box hands over its text once typing pauses
  const [q, setQ] = useState('');
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
  const filtered = Boolean(q || stageFilter || quietDays);
  const changeFilter = (apply: () => void) => {
    apply();
    setPage(0);
  };

  // the columns stay the same object between renders, so a new page re-renders only the rows
  const columns = useMemo<TableColumnsType<CaseView>>(
    () => [
      {
        title: t('cases.client'),
        key: 'client',
        render: (_, c) => (
          <Link to={`/cases/${c.id}`} className="user-text">
            {c.clientName}
          </Link>
        ),
      },
      { title: t('cases.stage'), key: 'stage', render: (_, c) => <StageBadge stage={c.stage} /> },
      { title: t('cases.status'), key: 'status', render: (_, c) => t(`status.${c.status}`) },
      ...(supervisor ? [{ title: t('cases.counselor'), key: 'counselor', render: (_: unknown, c: CaseView) => c.counselorName }] : []),
      { title: t('cases.portal'), key: 'portal', render: (_, c) => (c.hasPortalLogin ? t('case.yes') : t('case.no')) },
      { title: t('cases.openedAt'), key: 'opened', render: (_, c) => formatInstant(c.openedAt, lang) },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [supervisor, lang],
  );

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
        <Space wrap className="filters" style={{ marginBottom: 12 }}>
          <SearchBox onSearch={(text) => changeFilter(() => setQ(text))} />
          <Select
            id="stage-filter"
            data-testid="stage-filter"
            aria-label={t('cases.stage')}
            style={{ minWidth: 170 }}
            value={stageFilter}
            onChange={(value: string) => changeFilter(() => setStageFilter(value))}
            options={[{ value: '', label: t('stage.all') }, ...STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))]}
          />
          <Select
            id="case-sort"
            data-testid="case-sort"
            aria-label={t('cases.sort')}
            style={{ minWidth: 210 }}
            value={sort}
            onChange={(value: string) => changeFilter(() => setSort(value))}
            options={SORTS.map((s) => ({ value: s, label: t(`cases.sort.${s}`) }))}
          />
          <Select
            id="quiet-filter"
            data-testid="quiet-filter"
            aria-label={t('cases.quiet')}
            style={{ minWidth: 190 }}
            value={quietDays}
            onChange={(value: number) => changeFilter(() => setQuietDays(value))}
            options={[{ value: 0, label: t('cases.quiet.any') }, ...[7, 14, 30, 90].map((d) => ({ value: d, label: t('cases.quiet.days', { days: d }) }))]}
          />
          {(supervisor || counselor) && total > 0 && (
            <a data-testid="caseload-csv" href={api.caseloadCsvUrl(filters)}>
              {t('cases.csv')}
            </a>
          )}
        </Space>
      )}
      {query.isError ? <QueryState query={query}>{() => null}</QueryState> : cases === null && <QueryState query={query}>{() => null}</QueryState>}
      {cases && total === 0 && !filtered && (
        <Empty data-testid="empty-caseload" description={supervisor ? t('cases.emptyAll') : t('cases.empty')} />
      )}
      {cases && cases.length > 0 && (
        <ScrollRegion label={supervisor ? t('cases.all') : t('cases.mine')} testId="caseload">
          <Table<CaseView>
            size="small"
            rowKey="id"
            dataSource={cases}
            onRow={() => ({ 'data-testid': 'case-row' }) as never}
            pagination={{
              current: page + 1,
              pageSize: PAGE_SIZE,
              total,
              showSizeChanger: false,
              onChange: (next) => setPage(next - 1),
              showTotal: () => <span data-testid="page-info">{t('cases.pageOf', { page: page + 1, pages: pageCount, total })}</span>,
            }}
            columns={columns}
          />
        </ScrollRegion>
      )}
      {cases && cases.length === 0 && filtered && <p className="muted">{t('cases.noMatch')}</p>}
    </section>
  );
}

/**
 * The search box keeps what is typed to itself, so typing does not redraw the list; the list gets
 * the text once typing pauses for 150 ms.
 */
export function SearchBox({ onSearch }: { onSearch: (text: string) => void }) {
  const { t } = useApp();
  const [text, setText] = useState('');
  // while an input method composes (pinyin before it becomes 王), the letters are not a search
  const [composed, setComposed] = useState('');
  const composing = useRef(false);
  const settled = useDebounced(composed.trim(), 150);
  const handOver = useRef(onSearch);
  handOver.current = onSearch;
  const sent = useRef(settled);
  useEffect(() => {
    if (settled === sent.current) return;
    sent.current = settled;
    handOver.current(settled);
  }, [settled]);
  return (
    <Input
      type="search"
      data-testid="case-search"
      aria-label={t('cases.search')}
      placeholder={t('cases.search')}
      value={text}
      style={{ width: 260 }}
      onChange={(e) => {
        setText(e.target.value);
        if (!composing.current) setComposed(e.target.value);
      }}
      onCompositionStart={() => (composing.current = true)}
      onCompositionEnd={(e) => {
        composing.current = false;
        setComposed(e.currentTarget.value);
      }}
    />
  );
}

const PAGE_SIZE = 50;
const SORTS = ['-opened', 'opened', 'client', '-client', 'stage', '-stage', '-days-in-stage', '-last-contact', 'last-contact'];

/** "Which cases moved to late this week": cases that entered a stage in the last days. */
const Entered = memo(function Entered() {
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
});

/** Supervisors: how many cases each counselor has in each stage. */
const Counts = memo(function Counts() {
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
});

type NewCaseFields = { clientName: string; portalUsername: string; portalEmail: string };

/** Opens a case; with a username, the client gets a portal login with a temporary password. */
const NewCase = memo(function NewCase({ onOpened }: { onOpened: (opened: OpenedCase) => void }) {
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
});
