import { useEffect, useState } from 'react';
import { api, type BodyView, type ComplaintView } from '../api';
import { useApp } from '../context';
import { ComplaintCard } from './Complaints';

/** Supervisors: drafts awaiting review first, then open complaints, overdue answers highlighted. */
export default function ReviewQueue() {
  const { t, me } = useApp();
  const [queue, setQueue] = useState<ComplaintView[] | null>(null);
  const [bodies, setBodies] = useState<BodyView[]>([]);
  const [version, setVersion] = useState(0);
  const supervisor = !!me && me.roles.includes('supervisor');
  useEffect(() => {
    api.complaintQueue().then(setQueue).catch(() => setQueue([]));
    api.bodies().then(setBodies).catch(() => setBodies([]));
  }, [version]);
  if (queue === null) return <p className="muted">{t('loading')}</p>;
  const awaiting = queue.filter((c) => c.status === 'DRAFTED');
  const open = queue.filter((c) => c.status !== 'DRAFTED').sort((a, b) => Number(b.overdue) - Number(a.overdue));
  const card = (c: ComplaintView) => (
    <ComplaintCard
      key={`${c.id}-${c.version}`}
      complaint={c}
      bodies={bodies}
      mine={false}
      supervisor={supervisor}
      showCase
      onChanged={() => setVersion((v) => v + 1)}
    />
  );
  return (
    <section data-testid="review-queue">
      <h1>{t('queue.title')}</h1>
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
    </section>
  );
}
