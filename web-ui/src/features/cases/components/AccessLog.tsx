import { Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryState } from '../../../components/QueryState';
import type { AccessView } from '../../../lib/api/client';
import { formatInstant } from '../../../lib/i18n';
import { useApp } from '../../../lib/session';
import { useAccessLog } from '../api/queries';

const PAGE = 50;
// what the server names a read or a refusal (AccessEntry.Access); the UI's keys cannot hold dots
const WHAT = {
  record: 'access.what.record',
  contacts: 'access.what.contacts',
  budget: 'access.what.budget',
  'plans.csv': 'access.what.plansCsv',
  'payments.csv': 'access.what.paymentsCsv',
  'search.number': 'access.what.searchNumber',
  'calendar-feed': 'access.what.calendarFeed',
  export: 'access.what.export',
  case: 'access.what.case',
  change: 'access.what.change',
  internals: 'access.what.internals',
} as const;

/** Who read the case's sensitive data, and who was refused it: supervisors only, paged. */
export default function AccessLog({ caseId }: { caseId: string }) {
  const { t, lang } = useApp();
  const [page, setPage] = useState(0);
  const log = useAccessLog(caseId, page, PAGE, true);
  return (
    <section>
      <Typography.Title level={2}>{t('access.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('access.about')}</Typography.Paragraph>
      <QueryState query={log}>
        {({ items, total }) =>
          total === 0 ? (
            <Empty description={t('access.empty')} />
          ) : (
            <Table<AccessView>
              data-testid="access-log"
              size="small"
              rowKey={(a, i) => `${a.at}-${a.actorId}-${a.what}-${i}`}
              dataSource={items}
              pagination={{
                current: page + 1,
                pageSize: PAGE,
                total,
                hideOnSinglePage: true,
                showSizeChanger: false,
                onChange: (next) => setPage(next - 1),
              }}
              columns={[
                { title: t('audit.when'), dataIndex: 'at', width: 190, render: (at: string) => formatInstant(at, lang) },
                {
                  title: t('audit.who'),
                  dataIndex: 'actorName',
                  width: 160,
                  render: (name: string, entry: AccessView) =>
                    entry.actorId === 'calendar-feed' ? t('access.calendarFeed') : <span className="user-text">{name}</span>,
                },
                {
                  title: t('access.whatColumn'),
                  dataIndex: 'what',
                  render: (what: string) => (what in WHAT ? t(WHAT[what as keyof typeof WHAT]) : what),
                },
                {
                  title: t('access.outcome'),
                  dataIndex: 'denied',
                  width: 110,
                  render: (denied: boolean) =>
                    denied ? <Tag color="error">{t('access.denied')}</Tag> : <Tag>{t('access.read')}</Tag>,
                },
              ]}
            />
          )
        }
      </QueryState>
    </section>
  );
}
