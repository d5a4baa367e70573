import type { PeriodView } from '../api';
import { useApp } from '../context';
import { checklist } from '../i18n';
import { STAGE_COLORS, segments } from '../timeline';

export function StageBadge({ stage }: { stage: string }) {
  const { t } = useApp();
  return (
    <span className="badge" data-stage={stage} style={{ background: STAGE_COLORS[stage] ?? '#888' }}>
      {t(`stage.${stage}`)}
    </span>
  );
}

export function StageTimeline({ periods, today }: { periods: PeriodView[]; today: string }) {
  const { t } = useApp();
  if (periods.length === 0) return <p className="muted">{t('stage.none')}</p>;
  const parts = segments(periods, today);
  return (
    <figure className="timeline" data-testid="stage-timeline">
      <svg viewBox="0 0 1000 40" preserveAspectRatio="none" role="img" aria-label={t('stage.timeline')}>
        {parts.map((s, i) => (
          <rect
            key={i}
            data-stage={s.stage}
            x={s.start * 1000}
            y={0}
            width={Math.max(s.width * 1000, 4)}
            height={40}
            fill={STAGE_COLORS[s.stage] ?? '#888'}
          >
            <title>
              {t(`stage.${s.stage}`)}: {s.from} – {s.to}
            </title>
          </rect>
        ))}
      </svg>
      <ol className="periods">
        {periods.map((p, i) => (
          <li key={i} data-testid="stage-period">
            <StageBadge stage={p.stage} /> {t('stage.since')} {p.startedOn} {t('stage.until')}{' '}
            {p.endedOn ?? t('stage.now')} · <span className="muted">{p.reason}</span>
            {!p.automatic && p.changedBy && <span className="muted"> · {p.changedBy}</span>}
          </li>
        ))}
      </ol>
    </figure>
  );
}

export function StageChecklist({ stage }: { stage: string }) {
  const { t, lang } = useApp();
  return (
    <section className="card" data-testid="stage-checklist">
      <h3>{t('todo.title')}</h3>
      <ul>
        {checklist(lang, stage).map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
