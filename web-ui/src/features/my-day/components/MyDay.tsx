import { Badge, Card, Col, Empty, Row, Segmented, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { QueryState } from '../../../components/QueryState';
import type { components } from '../../../lib/api/schema';
import { say } from '../../../lib/messages';
import { formatDay, formatMoney } from '../../../lib/money';
import { useApp, type Translate } from '../../../lib/session';
import type { Lang } from '../../../lib/i18n';
import { useMyDay } from '../api/queries';

type Section = components['schemas']['MyDayController.SectionView'];
type Item = components['schemas']['MyDayController.ItemView'];

/** Where on the case each kind of work is done. */
const WHERE: Record<string, string> = {
  CRISIS: 'wellbeing',
  PLAN_APPROVAL: 'plans',
  REVIEW: 'reviews',
  FOLLOW_UP: 'contacts',
  TASK: 'plans',
  FINDING: 'harassment',
  INCIDENT: 'harassment',
  INSTALMENT: 'plans',
  QUIET: 'contacts',
  ERASURE: 'record',
};

/** The counselor's home: what to act on today, each row a link to where to act. */
export default function MyDay() {
  const { t, lang } = useApp();
  const [quietDays, setQuietDays] = useState(14);
  const query = useMyDay(quietDays);
  return (
    <section data-testid="my-day">
      <QueryState query={query}>
        {(day) => (
          <>
            <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <h1 style={{ marginBottom: 0 }}>{t('day.title')}</h1>
              <span className="muted">{formatDay(day.today, lang)}</span>
            </Space>
            <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
              {day.sections.map((section) => (
                <Col xs={24} lg={12} key={section.kind}>
                  <DayCard
                    section={section}
                    today={day.today}
                    extra={
                      section.kind === 'QUIET' ? (
                        <Segmented<number>
                          size="small"
                          data-testid="quiet-days"
                          aria-label={t('day.quietDays')}
                          value={quietDays}
                          onChange={setQuietDays}
                          options={[7, 14, 30, 60].map((d) => ({ value: d, label: t('day.days', { days: d }) }))}
                        />
                      ) : undefined
                    }
                  />
                </Col>
              ))}
            </Row>
          </>
        )}
      </QueryState>
    </section>
  );
}

function DayCard({ section, today, extra }: { section: Section; today: string; extra?: React.ReactNode }) {
  const { t, lang } = useApp();
  return (
    <Card
      data-testid={`day-${section.kind}`}
      title={
        <Space>
          {t(`day.section.${section.kind}`)}
          <Badge count={section.total} showZero color={section.total ? '#1f6f5c' : '#5b6472'} overflowCount={9999} />
        </Space>
      }
      extra={extra}
      size="small"
    >
      {section.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('day.nothing')} />
      ) : (
        <ul className="day-items">
          {section.items.map((item, i) => (
            <li key={`${item.caseId}-${i}`} data-testid="day-item">
              <Link to={link(section.kind, item)}>{item.clientName}</Link>
              <div className="muted">
                {describe(t, lang, section.kind, item, today)}
                <span className="small"> · {item.counselorName}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {section.total > section.items.length && (
        <p className="muted small">{t('day.more', { shown: section.items.length, total: section.total })}</p>
      )}
    </Card>
  );
}

function link(kind: string, item: Item): string {
  if (kind === 'COMPLAINT_REVIEW') return '/complaints';
  const tab = WHERE[kind];
  return `/cases/${item.caseId}${tab ? `?tab=${tab}` : ''}`;
}

function describe(t: Translate, lang: Lang, kind: string, item: Item, today: string) {
  const p = item.params;
  const day = formatDay(item.on, lang);
  const money = (amount?: string) => formatMoney(amount, p.currency ?? 'CNY', lang);
  switch (kind) {
    case 'FOLLOW_UP':
      return (
        <>
          {item.on && item.on < today ? <Tag color="red">{t('day.overdue')}</Tag> : <Tag color="orange">{t('day.today')}</Tag>}
          {t('day.followUp', { day })}
        </>
      );
    case 'CRISIS':
      return <Tag color="red">{t('day.crisis', { day })}</Tag>;
    case 'TASK':
      return p.task === 'INSTALMENT_MISSED'
        ? t('tasks.missed', { n: p.instalment ?? '', due: day, amount: money(p.amount) })
        : p.task === 'WELLBEING_CRISIS'
          ? t('tasks.crisis')
          : p.task === 'REVIEW_ACTION'
            ? t('tasks.review', { text: p.note ?? '', due: day })
            : t('tasks.broken');
    case 'FINDING':
      return `${t(`flag.${p.kind}`)}: ${say(t, lang, { code: p.code, params: p }, p.code)} (${day})`;
    case 'INCIDENT':
      return t('day.incident', { kind: t(`flag.${p.kind}`), day });
    case 'INSTALMENT':
      return t('day.instalment', { n: p.instalment ?? '', day, amount: money(p.amount) });
    case 'QUIET':
      return p.never === 'true' ? t('day.quietNever', { day }) : t('day.quietSince', { day });
    case 'COMPLAINT_REVIEW':
      return t('day.review', { by: p.by ?? '', day });
    case 'REVIEW':
      return item.on && item.on < today ? (
        <>
          <Tag color="red">{t('day.overdue')}</Tag>
          {t('day.reviewDue', { day })}
        </>
      ) : (
        t('day.reviewDue', { day })
      );
    case 'PLAN_APPROVAL':
      return t('day.approval', { day, amount: money(p.amount) });
    case 'ERASURE':
      return t('day.erasure', { by: p.as === 'CLIENT' ? t('erasure.byClient') : t('erasure.byCounselor'), day });
    default:
      return day;
  }
}
