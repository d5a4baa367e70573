import { Alert, Button, Card, Col, Empty, Row, Segmented, Space, Table } from 'antd';
import { Link } from 'react-router-dom';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useState, type ReactNode } from 'react';
import { QueryState } from '../../../components/QueryState';
import { download, toCsv } from '../../../lib/csv';
import { STAGES } from '../../../lib/i18n';
import { formatDay } from '../../../lib/money';
import { useApp } from '../../../lib/session';
import { STAGE_COLORS } from '../../stages';
import { useDashboard } from '../api/queries';

// only the parts of ECharts these charts use; this page is its own chunk, loaded when opened
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

type Cell = string | number;

/** One figure: a chart, the same numbers as a table, and a CSV of them. */
function Figure({
  id,
  title,
  header,
  rows,
  option,
}: {
  id: string;
  title: string;
  header: string[];
  rows: Cell[][];
  option: echarts.EChartsCoreOption;
}) {
  const { t } = useApp();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const empty = rows.length === 0;
  return (
    <Card
      size="small"
      title={title}
      data-testid={`figure-${id}`}
      extra={
        <Space>
          <Segmented<'chart' | 'table'>
            size="small"
            aria-label={t('dashboard.view')}
            value={view}
            onChange={setView}
            options={[
              { value: 'chart', label: t('dashboard.chart') },
              { value: 'table', label: <span data-testid={`table-${id}`}>{t('dashboard.table')}</span> },
            ]}
          />
          <Button
            size="small"
            data-testid={`csv-${id}`}
            disabled={empty}
            onClick={() => download(`clearpath-${id}.csv`, toCsv(header, rows))}
          >
            {t('dashboard.csv')}
          </Button>
        </Space>
      }
    >
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.none')} />
      ) : view === 'chart' ? (
        <ReactEChartsCore echarts={echarts} option={{ aria: { enabled: true }, ...option }} style={{ height: 300 }} notMerge />
      ) : (
        <Table<Cell[]>
          size="small"
          rowKey={(row) => row.join('|')}
          dataSource={rows}
          pagination={{ pageSize: 15, hideOnSinglePage: true }}
          scroll={{ x: true }}
          columns={header.map((h, i) => ({ title: h, key: String(i), render: (_: unknown, row: Cell[]) => row[i] }))}
        />
      )}
    </Card>
  );
}

/** The supervisor's dashboard: the office over the last days, counted by the server. */
export default function Dashboard() {
  const { t, lang } = useApp();
  const [days, setDays] = useState(90);
  const query = useDashboard(days);
  const stageName = (s: string) => t(`stage.${s}`);
  return (
    <section data-testid="dashboard">
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <h1 style={{ marginBottom: 0 }}>{t('dashboard.title')}</h1>
        <Segmented<number>
          data-testid="dashboard-days"
          aria-label={t('dashboard.days')}
          value={days}
          onChange={setDays}
          options={[30, 90, 180, 365].map((d) => ({ value: d, label: t('day.days', { days: d }) }))}
        />
      </Space>
      <QueryState query={query}>
        {(figures) => {
          const dayList = [...new Set(figures.stagesByDay.map((s) => s.day))];
          const count = (day: string, stage: string) =>
            figures.stagesByDay.find((s) => s.day === day && s.stage === stage)?.cases ?? 0;
          const weeks = [...new Set(figures.entriesByWeek.map((w) => w.week))];
          const entries = (week: string, stage: string) =>
            figures.entriesByWeek.find((w) => w.week === week && w.stage === stage)?.cases ?? 0;
          const counselors = [...new Set(figures.workload.map((w) => w.counselorName))].sort();
          const load = (name: string, stage: string) =>
            figures.workload.find((w) => w.counselorName === name && w.stage === stage)?.cases ?? 0;
          const unknown = t('dashboard.unknown');
          const plans: [string, number][] = [
            [t('dashboard.plans.kept'), figures.plans.kept],
            [t('dashboard.plans.onTrack'), figures.plans.onTrack],
            [t('dashboard.plans.missed'), figures.plans.missed],
            [t('dashboard.plans.broken'), figures.plans.broken],
          ];
          const charts: ReactNode[] = [
            <Figure
              key="stages"
              id="stages"
              title={t('dashboard.stages')}
              header={[t('dashboard.day'), ...STAGES.map(stageName)]}
              rows={dayList.map((d) => [d, ...STAGES.map((s) => count(d, s))])}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 40, right: 16, top: 40, bottom: 30 },
                xAxis: { type: 'category', data: dayList.map((d) => formatDay(d, lang)) },
                yAxis: { type: 'value', minInterval: 1 },
                series: STAGES.map((s) => ({
                  name: stageName(s),
                  type: 'line',
                  stack: 'cases',
                  areaStyle: {},
                  showSymbol: false,
                  color: STAGE_COLORS[s],
                  data: dayList.map((d) => count(d, s)),
                })),
              }}
            />,
            <Figure
              key="entries"
              id="entries"
              title={t('dashboard.entries')}
              header={[t('dashboard.week'), stageName('LATE'), stageName('LEGAL')]}
              rows={weeks.map((w) => [w, entries(w, 'LATE'), entries(w, 'LEGAL')])}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 40, right: 16, top: 40, bottom: 30 },
                xAxis: { type: 'category', data: weeks.map((w) => formatDay(w, lang)) },
                yAxis: { type: 'value', minInterval: 1 },
                series: ['LATE', 'LEGAL'].map((s) => ({
                  name: stageName(s),
                  type: 'bar',
                  color: STAGE_COLORS[s],
                  data: weeks.map((w) => entries(w, s)),
                })),
              }}
            />,
            <Figure
              key="lenders"
              id="lenders"
              title={t('dashboard.lenders')}
              header={[t('dashboard.lender'), t('dashboard.agency'), t('dashboard.flags')]}
              rows={figures.flagsByLender.map((l) => [l.lender ?? unknown, l.agency ?? unknown, l.flags])}
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 160, right: 16, top: 10, bottom: 30 },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: {
                  type: 'category',
                  inverse: true,
                  data: figures.flagsByLender.map((l) => [l.lender, l.agency].filter(Boolean).join(' / ') || unknown),
                },
                series: [{ name: t('dashboard.flags'), type: 'bar', color: '#b3261e', data: figures.flagsByLender.map((l) => l.flags) }],
              }}
            />,
            <Figure
              key="plans"
              id="plans"
              title={t('dashboard.plans')}
              header={[t('dashboard.outcome'), t('dashboard.count')]}
              rows={plans.filter(([, n]) => n > 0).length === 0 ? [] : plans}
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 40, right: 16, top: 10, bottom: 30 },
                xAxis: { type: 'category', data: plans.map(([name]) => name) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  {
                    type: 'bar',
                    data: plans.map(([, n], i) => ({ value: n, itemStyle: { color: ['#1f6f5c', '#3d85c6', '#e69138', '#b3261e'][i] } })),
                  },
                ],
              }}
            />,
            <Figure
              key="workload"
              id="workload"
              title={t('dashboard.workload')}
              header={[t('cases.counselor'), ...STAGES.map(stageName)]}
              rows={counselors.map((c) => [c, ...STAGES.map((s) => load(c, s))])}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 120, right: 16, top: 40, bottom: 30 },
                xAxis: { type: 'value', minInterval: 1 },
                yAxis: { type: 'category', data: counselors },
                series: STAGES.map((s) => ({
                  name: stageName(s),
                  type: 'bar',
                  stack: 'cases',
                  color: STAGE_COLORS[s],
                  data: counselors.map((c) => load(c, s)),
                })),
              }}
            />,
          ];
          return (
            <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
              <Col span={24}>
                <Alert
                  data-testid="reviews-overdue"
                  showIcon
                  type={figures.reviewsOverdue > 0 ? 'warning' : 'success'}
                  message={t('dashboard.reviewsOverdue', { count: figures.reviewsOverdue })}
                  action={
                    <Link to="/" className="small">
                      {t('dashboard.toMyDay')}
                    </Link>
                  }
                />
              </Col>
              {charts.map((chart, i) => (
                <Col xs={24} xl={i === 0 ? 24 : 12} key={i}>
                  {chart}
                </Col>
              ))}
            </Row>
          );
        }}
      </QueryState>
    </section>
  );
}
