import { QueryState } from '../../../components/QueryState';
import { api } from '../../../lib/api/client';
import { useMyCases } from '../api/queries';
import { useApp } from '../../../lib/session';
import { formatInstant } from '../../../lib/i18n';
import { Debts } from '../../debts';
import IncidentReport from './IncidentReport';
import { Plans } from '../../plans';
import { StageBadge } from '../../stages';
import { Erasure } from '../../cases';

/** The client's own view: their case's status and what happens next; nothing internal. */
export default function MyCase() {
  const { t, lang } = useApp();
  const query = useMyCases();
  if (!query.isSuccess) return <QueryState query={query}>{() => null}</QueryState>;
  const cases = query.data.cases;
  if (cases.length === 0) return <p className="empty">{t('my.none')}</p>;
  return (
    <section data-testid="my-case">
      <h1>{t('my.title')}</h1>
      {cases.map((c) => (
        <div className="card" key={c.id}>
          <h2 data-testid="case-client-name">{c.clientName}</h2>
          <p data-testid="my-stage">
            {t('stage.label')}: <StageBadge stage={c.stage} />
          </p>
          <dl className="facts">
            <dt>{t('cases.status')}</dt>
            <dd>{t(`status.${c.status}`)}</dd>
            <dt>{t('my.counselor')}</dt>
            <dd>{c.counselorName}</dd>
            <dt>{t('cases.openedAt')}</dt>
            <dd>{formatInstant(c.openedAt, lang)}</dd>
          </dl>
          <h3>{t('my.next')}</h3>
          <p data-testid="my-next">{t(`next.${c.stage}`)}</p>
          <p className="muted">{t('my.nextText')}</p>
          <Debts caseId={c.id} canChange={false} />
          <Plans caseId={c.id} staff={false} mine={false} client />
          <IncidentReport caseId={c.id} />
          <p className="small">
            <a href={api.exportUrl(c.id, lang)} data-testid="export-my-data">
              {t('portal.export')}
            </a>
          </p>
          <Erasure caseId={c.id} mine={false} supervisor={false} client />
        </div>
      ))}
    </section>
  );
}
