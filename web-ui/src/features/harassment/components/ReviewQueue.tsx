import { QueryState } from '../../../components/QueryState';
import type { ComplaintView } from '../../../lib/api/client';
import { Pager } from '../../../components/Pager';
import { useState } from 'react';
import { QUEUE_PAGE, useBodies, useComplaintQueue } from '../api/queries';
import { useApp } from '../../../lib/session';
import { ComplaintCard } from './Complaints';

/** Supervisors: drafts awaiting review first, then open complaints, overdue answers highlighted. */
export default function ReviewQueue() {
  const { t, me } = useApp();
  const [page, setPage] = useState(0);
  const query = useComplaintQueue(page);
  const bodiesQuery = useBodies();
  const bodies = bodiesQuery.data ?? [];
  const supervisor = !!me && me.roles.includes('supervisor');
  if (!query.isSuccess) return <QueryState query={query}>{() => null}</QueryState>;
  const queue = query.data.items;
  const total = query.data.total;
  const awaiting = queue.filter((c) => c.status === 'DRAFTED');
  // the server orders the page: drafts awaiting review, then overdue answers, then the rest
  const open = queue.filter((c) => c.status !== 'DRAFTED');
  const card = (c: ComplaintView) => (
    <ComplaintCard
      key={`${c.id}-${c.version}`}
      complaint={c}
      bodies={bodies}
      mine={false}
      supervisor={supervisor}
      showCase
      onChanged={() => {}}
    />
  );
  return (
    <section data-testid="review-queue">
      <h1>{t('queue.title')}</h1>
      <QueryState query={bodiesQuery} quiet>{() => null}</QueryState>
      {queue.length === 0 && <p className="muted">{t('queue.none')}</p>}
      {awaiting.length > 0 && (
        <>
          <h2>{t('queue.awaiting')}</h2>
          {awaiting.map(card)}
        </>
      )}
      {open.length > 0 && (
        <>
          <h2>{t('queue.open')}</h2>
          {open.map(card)}
        </>
      )}
      <Pager page={page} pageSize={QUEUE_PAGE} total={total} onChange={setPage} testId="queue-pager" />
    </section>
  );
}
