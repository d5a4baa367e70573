import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api, type AuditView, type CaseView, type PeriodView } from '../api';
import Debts from './Debts';
import LegalSteps from './LegalSteps';
import CaseRecord from './CaseRecord';
import CollectionWork from './CollectionWork';
import Budget from './Budget';
import Plans from './Plans';
import { SetStageForm, StageBadge, StageChecklist, StageTimeline } from './StageParts';
import { useApp } from '../context';
import { formatInstant, isoDay } from '../i18n';

type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'error' } | { state: 'ok'; c: CaseView };

export default function CasePage() {
  const { id = '' } = useParams();
  const { t, lang, me } = useApp();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [audit, setAudit] = useState<AuditView[] | null>(null);
  const [periods, setPeriods] = useState<PeriodView[]>([]);
  const [version, setVersion] = useState(0);
  const staff = !!me && (me.roles.includes('counselor') || me.roles.includes('supervisor'));

  useEffect(() => {
    api
      .case(id)
      .then((c) => {
        setLoaded({ state: 'ok', c });
        api.stages(id).then(setPeriods).catch(() => setPeriods([]));
        if (staff) api.audit(id).then(setAudit).catch(() => setAudit([]));
      })
      .catch((e) =>
        setLoaded(e instanceof ApiError && (e.problem.status === 404 || e.problem.status === 403) ? { state: 'missing' } : { state: 'error' }),
      );
  }, [id, staff, version]);

  const back = staff ? '/' : '/my-case';
  if (loaded.state === 'loading') return <p className="muted">{t('loading')}</p>;
  if (loaded.state === 'missing')
    return (
      <section>
        <p className="error" data-testid="case-not-found">
          {t('case.notFound')}
        </p>
        <Link to={back}>{t('case.back')}</Link>
      </section>
    );
  if (loaded.state === 'error') return <p className="error">{t('error.generic')}</p>;
  const c = loaded.c;
  const mine = !!me && me.roles.includes('counselor') && c.counselorName === me.username;
  return (
    <section data-testid="case-page">
      <Link to={back}>← {t('case.back')}</Link>
      <h1 data-testid="case-client-name">{c.clientName}</h1>
      <p data-testid="case-stage">
        {t('stage.label')}: <StageBadge stage={c.stage} />
      </p>
      <dl className="facts">
        <dt>{t('cases.status')}</dt>
        <dd>{t(`status.${c.status}`)}</dd>
        <dt>{t('cases.counselor')}</dt>
        <dd>{c.counselorName}</dd>
        <dt>{t('cases.openedAt')}</dt>
        <dd>{formatInstant(c.openedAt, lang)}</dd>
        <dt>{t('cases.portal')}</dt>
        <dd>{c.hasPortalLogin ? t('case.yes') : t('case.no')}</dd>
      </dl>
      <h2>{t('stage.timeline')}</h2>
      <StageTimeline periods={periods} today={isoDay(new Date())} />
      {staff && <StageChecklist caseId={c.id} stage={c.stage} canChange={mine} />}
      {mine && <SetStageForm caseId={c.id} current={c.stage} onChanged={() => setVersion((v) => v + 1)} />}
      {staff && (
        <CaseRecord
          caseId={c.id}
          mine={mine}
          supervisor={!!me && me.roles.includes('supervisor')}
          onChanged={() => setVersion((v) => v + 1)}
        />
      )}
      <Debts key={`debts-${version}`} caseId={c.id} canChange={mine} onChanged={() => setVersion((v) => v + 1)} />
      <LegalSteps caseId={c.id} canChange={mine} onChanged={() => setVersion((v) => v + 1)} />
      {staff && <Budget caseId={c.id} canChange={mine} onSaved={() => setVersion((v) => v + 1)} />}
      <Plans
        caseId={c.id}
        staff={staff}
        mine={mine}
        client={!staff}
        refresh={version}
        onChanged={() => setVersion((v) => v + 1)}
      />
      {staff && <CollectionWork key={version} caseId={c.id} mine={mine} supervisor={!!me && me.roles.includes('supervisor')} />}
      {staff && (
        <>
          <h2>{t('case.audit')}</h2>
          {audit === null ? (
            <p className="muted">{t('loading')}</p>
          ) : audit.length === 0 ? (
            <p className="muted">{t('case.auditEmpty')}</p>
          ) : (
            <ul className="audit" data-testid="audit">
              {audit.map((a, i) => (
                <li key={i}>
                  {formatInstant(a.at, lang)} · {a.actorName} · {t(`audit.${a.action}`)}
                  {Object.keys(a.details).length > 0 && (
                    <div className="muted small audit-details">
                      {Object.entries(a.details)
                        .map(([k, v]) => `${k}: ${v}`)
                        .join(' · ')}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
