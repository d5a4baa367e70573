import { Button, Drawer, Form, Input, Select, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { FormDrawer, useServerForm } from '../../../components/forms';
import { api, type DirectoryEntryView } from '../../../lib/api/client';
import { formatInstant } from '../../../lib/i18n';
import { useApp } from '../../../lib/session';
import { DIRECTORY_PAGE, type DirectoryKind, useDirectory, useMerges, useReached } from '../api/queries';

/**
 * The agencies and numbers that reached the office's clients, most clients first, with the flags
 * and complaints against them: the counts are the office's, the cases behind them only those the
 * reader may see. Supervisors merge two entries that are one collector.
 */
export default function Directory() {
  const { t, me } = useApp();
  const supervisor = !!me && me.roles.includes('supervisor');
  const [kind, setKind] = useState<DirectoryKind>('AGENCY');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(0);
  const [opened, setOpened] = useState<DirectoryEntryView | null>(null);
  const [merging, setMerging] = useState<DirectoryEntryView | null>(null);
  const query = useDirectory(kind, q, page);
  const merges = useMerges(supervisor);
  return (
    <section data-testid="directory">
      <h1>{t('directory.title')}</h1>
      <p className="muted">{supervisor ? t('directory.introSupervisor') : t('directory.introCounselor')}</p>
      <Tabs
        activeKey={kind}
        onChange={(k) => {
          setKind(k as DirectoryKind);
          setPage(0);
        }}
        items={[
          { key: 'AGENCY', label: <span data-testid="directory-agencies">{t('directory.agencies')}</span> },
          { key: 'NUMBER', label: <span data-testid="directory-numbers">{t('directory.numbers')}</span> },
        ]}
      />
      <Input.Search
        allowClear
        data-testid="directory-search"
        aria-label={t('directory.search')}
        placeholder={t('directory.search')}
        style={{ maxWidth: 360, marginBottom: 12 }}
        onSearch={(text) => {
          setQ(text.trim());
          setPage(0);
        }}
      />
      <QueryState query={query}>
        {(found) => (
          <>
            <ScrollRegion label={t('directory.title')}>
              <Table<DirectoryEntryView>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={found.items}
                locale={{ emptyText: t('directory.empty') }}
                onRow={() => ({ 'data-testid': 'directory-entry' }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  {
                    title: kind === 'AGENCY' ? t('directory.agency') : t('directory.number'),
                    key: 'label',
                    render: (_, e) => (
                      <span className="user-text" data-testid="directory-label">
                        {e.label}
                      </span>
                    ),
                  },
                  {
                    title: t('directory.clients'),
                    key: 'clients',
                    width: 110,
                    align: 'right',
                    render: (_, e) => <span data-testid="directory-clients">{e.clients}</span>,
                  },
                  { title: t('directory.flags'), dataIndex: 'flags', width: 90, align: 'right' },
                  { title: t('directory.complaints'), dataIndex: 'complaints', width: 90, align: 'right' },
                  {
                    title: t('directory.lenders'),
                    key: 'lenders',
                    render: (_, e) => <span className="user-text">{e.lenders.join('、')}</span>,
                  },
                  {
                    title: '',
                    key: 'actions',
                    width: 200,
                    render: (_, e) => (
                      <>
                        <Button size="small" data-testid="directory-open" onClick={() => setOpened(e)}>
                          {t('directory.cases')}
                        </Button>{' '}
                        {supervisor && (
                          <Button size="small" data-testid="directory-merge" onClick={() => setMerging(e)}>
                            {t('directory.merge')}
                          </Button>
                        )}
                      </>
                    ),
                  },
                ]}
              />
            </ScrollRegion>
            <Pager page={page} pageSize={DIRECTORY_PAGE} total={found.total} onChange={setPage} testId="directory-pager" />
          </>
        )}
      </QueryState>
      {supervisor && merges.data && merges.data.length > 0 && (
        <>
          <h2>{t('directory.merges')}</h2>
          <ul className="muted small" data-testid="directory-merges">
            {merges.data.slice(0, 10).map((m) => (
              <li key={`${m.at}-${m.from}`}>
                <span className="user-text">{m.from}</span> → <span className="user-text">{m.into}</span> ·{' '}
                {m.actorName} · <Stamp iso={m.at} />
              </li>
            ))}
          </ul>
        </>
      )}
      {opened && <Reached entry={opened} onClose={() => setOpened(null)} supervisor={supervisor} />}
      {merging && <Merge entry={merging} onClose={() => setMerging(null)} />}
    </section>
  );
}

function Stamp({ iso }: { iso: string }) {
  const { lang } = useApp();
  return <>{formatInstant(iso, lang)}</>;
}

/** The cases behind an entry that the reader may see. */
function Reached({ entry, onClose, supervisor }: { entry: DirectoryEntryView; onClose: () => void; supervisor: boolean }) {
  const { t } = useApp();
  const [page, setPage] = useState(0);
  const query = useReached(entry.id, page);
  return (
    <Drawer open onClose={onClose} title={entry.label} data-testid="directory-cases" width={520}>
      <p className="muted">
        {t('directory.reachedCount', { count: entry.clients })}
        {!supervisor && ` ${t('directory.ownOnly')}`}
      </p>
      <QueryState query={query}>
        {(found) => (
          <>
            <ul className="plain-list">
              {found.items.map((r) => (
                <li key={r.caseId} data-testid="directory-case">
                  <Link to={`/cases/${r.caseId}?tab=contacts`} className="user-text">
                    {r.clientName}
                  </Link>{' '}
                  <span className="muted small">
                    · {r.counselorName} · {t('directory.contacts', { count: r.contacts })} · <Stamp iso={r.last} />
                  </span>
                </li>
              ))}
            </ul>
            {found.items.length === 0 && <p className="muted">{t('directory.noneOfYours')}</p>}
            <Pager page={page} pageSize={DIRECTORY_PAGE} total={found.total} onChange={setPage} testId="directory-cases-pager" small />
          </>
        )}
      </QueryState>
    </Drawer>
  );
}

/** A supervisor picks the entry this one is part of (same kind); the server keeps the audit. */
function Merge({ entry, onClose }: { entry: DirectoryEntryView; onClose: () => void }) {
  const { t } = useApp();
  const [search, setSearch] = useState('');
  const candidates = useDirectory(entry.kind as DirectoryKind, search, 0);
  const { form, run, busy, problem } = useServerForm<{ into: string }>();
  const options = (candidates.data?.items ?? []).filter((c) => c.id !== entry.id);
  const save = async ({ into }: { into: string }) => {
    const target = options.find((c) => c.id === into);
    if (await run(() => api.mergeEntry(entry.id, into, target?.version ?? 0))) onClose();
  };
  return (
    <FormDrawer<{ into: string }>
      open
      name="merge-form"
      title={t('directory.mergeTitle', { label: entry.label })}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('directory.merge')}
      initialValues={{ into: '' }}
    >
      <p className="muted">{t('directory.mergeHint')}</p>
      <Form.Item name="into" label={t('directory.mergeInto')} rules={[{ required: true, message: t('form.required') }]}>
        <Select
          showSearch
          filterOption={false}
          onSearch={setSearch}
          options={options.map((c) => ({ value: c.id, label: `${c.label} (${c.clients})` }))}
        />
      </Form.Item>
    </FormDrawer>
  );
}
