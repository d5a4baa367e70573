import { Alert, Badge, Card, Descriptions, Empty, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { QueryState } from '../../components/QueryState';
import { AccessLog, AuditDetails, CaseRecord, Erasure, useAudit, useCase } from '../../features/cases';
import { Contacts, useContacts } from '../../features/contacts';
import { Debts, LegalSteps, useDebts } from '../../features/debts';
import { Evidence, useEvidence } from '../../features/evidence';
import { Harassment, useBodies, useComplaints, useFindings, useFlags } from '../../features/harassment';
import { Budget, Plans, usePlans } from '../../features/plans';
import { Wellbeing } from '../../features/wellbeing';
import { Reviews } from '../../features/supervision';
import { SetStageForm, StageBadge, StageChecklist, StageTimeline, useStagePeriods } from '../../features/stages';
import { ApiError, type AuditView, type CaseView } from '../../lib/api/client';
import { formatInstant, isoDay } from '../../lib/i18n';
import { formatDay, formatMoney, sumAmounts } from '../../lib/money';
import { isStaff, useApp } from '../../lib/session';

const TABS = ['overview', 'debts', 'contacts', 'harassment', 'plans', 'files', 'wellbeing', 'reviews', 'record', 'history', 'access'] as const;
type Tab = (typeof TABS)[number];

/**
 * The case workspace: a header with what a counselor needs at a glance, then one tab per kind of
 * work. The open tab is in the address (?tab=contacts), so a link can lead straight to it.
 */
export default function CasePage() {
  const { id = '' } = useParams();
  const { t, me } = useApp();
  const query = useCase(id);
  const staff = isStaff(me);
  const back = staff ? '/cases' : '/my-case';

  if (query.isError && query.error instanceof ApiError && [403, 404].includes(query.error.status))
    return (
      <section>
        <Alert type="error" showIcon data-testid="case-not-found" message={t('case.notFound')} />
        <p>
          <Link to={back}>{t('case.back')}</Link>
        </p>
      </section>
    );
  return <QueryState query={query}>{(c) => <Workspace c={c} back={back} />}</QueryState>;
}

function Workspace({ c, back }: { c: CaseView; back: string }) {
  const { t, me } = useApp();
  const staff = isStaff(me);
  const supervisor = !!me && me.roles.includes('supervisor');
  const mine = !!me && me.roles.includes('counselor') && c.counselorName === me.username;
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : 'overview';
  const open = (next: string) => setParams(next === 'overview' ? {} : { tab: next }, { replace: true });

  const contacts = useContacts(c.id, staff);
  const files = useEvidence(c.id, staff);
  const findings = useFindings(c.id);
  const flags = useFlags(c.id);
  const complaints = useComplaints(c.id);
  const bodies = useBodies();
  const changed = () => {};

  const items = [
    {
      key: 'overview',
      label: <span data-testid="tab-overview">{t('workspace.overview')}</span>,
      forceRender: true,
      children: (
        <>
          <Typography.Title level={2}>{t('stage.timeline')}</Typography.Title>
          <Timeline caseId={c.id} />
          {staff && <StageChecklist caseId={c.id} stage={c.stage} canChange={mine} />}
          {mine && <SetStageForm caseId={c.id} current={c.stage} />}
        </>
      ),
    },
    {
      key: 'debts',
      label: <span data-testid="tab-debts">{t('workspace.debts')}</span>,
      forceRender: true,
      children: (
        <>
          <Debts caseId={c.id} canChange={mine} />
          <LegalSteps caseId={c.id} canChange={mine} />
        </>
      ),
    },
    staff && {
      key: 'contacts',
      label: <span data-testid="tab-contacts">{t('workspace.contacts')}</span>,
      forceRender: true,
      children: (
        <QueryState query={contacts}>
          {(entries) => (
            <Contacts caseId={c.id} canChange={mine} entries={entries} files={files.data ?? []} />
          )}
        </QueryState>
      ),
    },
    staff && {
      key: 'harassment',
      forceRender: true,
      label: (
        <Badge data-testid="tab-harassment" color="#b3261e" count={(flags.data ?? []).filter((f) => f.status === 'OPEN').length} size="small" offset={[8, -2]}>
          {t('workspace.harassment')}
        </Badge>
      ),
      children: (
        <QueryState query={contacts}>
          {(entries) => (
            <QueryState query={findings}>
              {(found) => (
                <QueryState query={flags}>
                  {(raised) => (
                    <QueryState query={complaints}>
                      {(drafted) => (
                        <Harassment
                          caseId={c.id}
                          mine={mine}
                          supervisor={supervisor}
                          entries={entries}
                          files={files.data ?? []}
                          findings={found}
                          flags={raised}
                          complaints={drafted}
                          bodies={bodies.data ?? []}
                          onChanged={changed}
                        />
                      )}
                    </QueryState>
                  )}
                </QueryState>
              )}
            </QueryState>
          )}
        </QueryState>
      ),
    },
    {
      key: 'plans',
      label: <span data-testid="tab-plans">{t('workspace.plans')}</span>,
      forceRender: true,
      children: (
        <>
          {staff && <Budget caseId={c.id} canChange={mine} />}
          <Plans caseId={c.id} staff={staff} mine={mine} client={!staff} />
        </>
      ),
    },
    staff && {
      key: 'files',
      label: <span data-testid="tab-files">{t('workspace.files')}</span>,
      forceRender: true,
      children: (
        <QueryState query={files}>
          {(stored) => <Evidence caseId={c.id} canChange={mine} files={stored} />}
        </QueryState>
      ),
    },
    staff && {
      key: 'wellbeing',
      label: <span data-testid="tab-wellbeing">{t('workspace.wellbeing')}</span>,
      forceRender: true,
      children: <Wellbeing caseId={c.id} mine={mine} />,
    },
    staff && {
      key: 'reviews',
      label: <span data-testid="tab-reviews">{t('workspace.reviews')}</span>,
      forceRender: true,
      children: <Reviews caseId={c.id} supervisor={supervisor} />,
    },
    staff && {
      key: 'record',
      label: <span data-testid="tab-record">{t('workspace.record')}</span>,
      forceRender: true,
      children: (
        <>
          <CaseRecord caseId={c.id} mine={mine} supervisor={supervisor} />
          <Erasure caseId={c.id} mine={mine} supervisor={supervisor} />
        </>
      ),
    },
    staff && {
      key: 'history',
      label: <span data-testid="tab-history">{t('workspace.history')}</span>,
      forceRender: true,
      children: <History caseId={c.id} />,
    },
    supervisor && {
      key: 'access',
      label: <span data-testid="tab-access">{t('workspace.access')}</span>,
      children: <AccessLog caseId={c.id} />,
    },
  ].filter((item) => !!item);

  return (
    <section data-testid="case-page" className="workspace">
      <Link to={back}>← {t('case.back')}</Link>
      <CaseHeader c={c} />
      <Tabs
        data-testid="case-tabs"
        activeKey={items.some((i) => i.key === tab) ? tab : 'overview'}
        onChange={open}
        items={items}
        destroyOnHidden={false}
      />
    </section>
  );
}

/** What a counselor needs at a glance, from what the tabs below load anyway. */
function CaseHeader({ c }: { c: CaseView }) {
  const { t, lang, me } = useApp();
  const staff = isStaff(me);
  const periods = useStagePeriods(c.id);
  const debts = useDebts(c.id);
  const contacts = useContacts(c.id, staff);
  const flags = useFlags(c.id);
  const plans = usePlans(c.id);
  const today = isoDay(new Date());

  const current = periods.data?.find((p) => !p.endedOn);
  const daysInStage = current ? Math.round((Date.parse(today) - Date.parse(current.startedOn)) / 86_400_000) : null;
  const open = (debts.data ?? []).filter((d) => d.status === 'OPEN');
  const currency = open[0]?.currency ?? 'CNY';
  const owed = sumAmounts(open.map((d) => d.outstanding));
  const overdue = sumAmounts(open.filter((d) => d.daysPastDue > 0).map((d) => d.outstanding));
  const followUps = (contacts.data ?? []).map((e) => e.followUp).filter((d): d is string => !!d).sort();
  const nextFollowUp = followUps.find((d) => d >= today) ?? followUps[followUps.length - 1];
  const openFlags = (flags.data ?? []).filter((f) => f.status === 'OPEN').length;
  const next = (plans.data ?? [])
    .filter((p) => p.status === 'ACTIVE' || p.status === 'AGREED')
    .map((p) => ({ plan: p, next: p.next }))
    .find((p) => p.next);

  return (
    <Card className="case-header" data-testid="case-header">
      <Typography.Title level={1} data-testid="case-client-name" style={{ marginTop: 0 }}>
        {c.clientName}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('stage.label')}>
          <span data-testid="case-stage">
            <StageBadge stage={c.stage} />
            {daysInStage !== null && (
              <span className="muted small" data-testid="days-in-stage">
                {' '}
                {t('workspace.daysInStage', { days: daysInStage })}
              </span>
            )}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.status')}>
          <span data-testid="case-status">{t(`status.${c.status}`)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('workspace.owed')}>
          <span data-testid="case-owed">{formatMoney(owed, currency, lang)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('workspace.overdue')}>
          <span data-testid="case-overdue">{formatMoney(overdue, currency, lang)}</span>
        </Descriptions.Item>
        {staff && (
          <Descriptions.Item label={t('workspace.nextFollowUp')}>
            <span data-testid="case-follow-up">
              {nextFollowUp ? (
                <Tag color={nextFollowUp < today ? 'red' : nextFollowUp === today ? 'orange' : 'default'}>
                  {formatDay(nextFollowUp, lang)}
                </Tag>
              ) : (
                '—'
              )}
            </span>
          </Descriptions.Item>
        )}
        {staff && (
          <Descriptions.Item label={t('workspace.openFlags')}>
            <span data-testid="case-open-flags">{openFlags}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('workspace.nextInstalment')}>
          <span data-testid="case-next-instalment">
            {next?.next
              ? `${formatDay(next.next.dueOn, lang)} · ${formatMoney(next.next.unpaid, next.plan.currency, lang)}`
              : '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.counselor')}>{c.counselorName}</Descriptions.Item>
        <Descriptions.Item label={t('cases.openedAt')}>{formatInstant(c.openedAt, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('cases.portal')}>{c.hasPortalLogin ? t('case.yes') : t('case.no')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function Timeline({ caseId }: { caseId: string }) {
  const periods = useStagePeriods(caseId);
  return (
    <QueryState query={periods}>{(found) => <StageTimeline periods={found} today={isoDay(new Date())} />}</QueryState>
  );
}

/** Every change to the case: who, when, what. */
function History({ caseId }: { caseId: string }) {
  const { t, lang } = useApp();
  const audit = useAudit(caseId, true);
  return (
    <section>
      <Typography.Title level={2}>{t('case.audit')}</Typography.Title>
      <QueryState query={audit}>
        {(entries) =>
          entries.length === 0 ? (
            <Empty description={t('case.auditEmpty')} />
          ) : (
            <Table<AuditView>
              data-testid="audit"
              size="small"
              rowKey={(a) => `${a.at}-${a.action}`}
              dataSource={entries}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: t('audit.when'), dataIndex: 'at', render: (at: string) => formatInstant(at, lang), width: 190 },
                {
                  title: t('audit.who'),
                  dataIndex: 'actorName',
                  width: 140,
                  render: (name: string, entry: AuditView) =>
                    entry.job ? t(`audit.job.${entry.job}`) : <span className="user-text">{name}</span>,
                },
                { title: t('audit.what'), dataIndex: 'action', render: (action: string) => t(`audit.${action}`) },
                {
                  title: t('audit.details'),
                  dataIndex: 'details',
                  render: (details: Record<string, string>, entry: AuditView) => (
                    <AuditDetails action={entry.action} details={details} />
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
    </section>
  );
}
