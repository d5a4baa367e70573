import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { FormDrawer, useServerForm } from '../../../components/forms';
import { QueryState } from '../../../components/QueryState';
import { api, type PeriodView } from '../../../lib/api/client';
import { STAGES, checklist } from '../../../lib/i18n';
import { useApp } from '../../../lib/session';
import { useChecklist } from '../api/queries';
import { isWritten, say } from '../../../lib/messages';
import { STAGE_COLORS, segments } from './timeline';

export function StageBadge({ stage }: { stage: string }) {
  const { t } = useApp();
  return (
    <span className="badge" data-stage={stage} style={{ background: STAGE_COLORS[stage] ?? '#888' }}>
      {t(`stage.${stage}`)}
    </span>
  );
}

export function StageTimeline({ periods, today }: { periods: PeriodView[]; today: string }) {
  const { t, lang } = useApp();
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
            {p.endedOn ?? t('stage.now')} · <span className={isWritten(p.why) ? 'muted user-text' : 'muted'}>{say(t, lang, p.why, p.reason)}</span>
            {!p.automatic && p.changedBy && <span className="muted"> · {p.changedBy}</span>}
          </li>
        ))}
      </ol>
    </figure>
  );
}

/** The current stage's recommended actions; the case's counselor ticks them off. */
export function StageChecklist({ caseId, stage, canChange }: { caseId: string; stage: string; canChange: boolean }) {
  const { t, lang } = useApp();
  const query = useChecklist(caseId, stage);
  // a tick shows at once; the server's answer (or a failure) then reloads the list
  const [ticking, setTicking] = useState<Record<string, boolean>>({});
  const list = query.data;
  const texts = checklist(lang, list?.stage ?? stage);
  return (
    <section className="card" data-testid="stage-checklist">
      <h3>{t('todo.title')}</h3>
      <QueryState query={query}>{() => null}</QueryState>
      <ul className="checklist">
        {(list?.items ?? []).map((item, i) => (
          <li key={item.key}>
            <label className="check">
              <input
                type="checkbox"
                data-testid={`todo-${item.key}`}
                checked={ticking[item.key] ?? item.done}
                disabled={!canChange}
                onChange={(e) => {
                  const done = e.target.checked;
                  setTicking((now) => ({ ...now, [item.key]: done }));
                  const settle = () =>
                    query.refetch().finally(() =>
                      setTicking(({ [item.key]: _settled, ...rest }) => rest),
                    );
                  api.setDone(caseId, list!.stage, item.key, done).then(settle, settle);
                }}
              />
              {texts[i] ?? item.key}
              {item.done && item.doneBy && (
                <span className="muted small">
                  {' '}
                  · {t('todo.doneBy')} {item.doneBy}
                </span>
              )}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The case's counselor sets the stage by hand when the records cannot show it; a reason is required. */
export function SetStageForm({ caseId, current }: { caseId: string; current: string }) {
  const { t } = useApp();
  const [open, setOpen] = useState(false);
  const { form, run, busy, problem } = useServerForm<{ stage: string; reason: string }>();
  const save = async (v: { stage: string; reason: string }) => {
    if (await run(() => api.setStage(caseId, v.stage, v.reason))) setOpen(false);
  };
  return (
    <>
      <Button data-testid="set-stage" onClick={() => setOpen(true)}>
        {t('stage.set')}
      </Button>
      {open && (
        <FormDrawer<{ stage: string; reason: string }>
          open
          name="set-stage-form"
          title={t('stage.set')}
          form={form}
          busy={busy}
          problem={problem}
          onClose={() => setOpen(false)}
          onFinish={save}
          saveLabel={t('stage.setSave')}
          initialValues={{ stage: current, reason: '' }}
        >
          <Form.Item name="stage" label={t('cases.stage')}>
            <Select options={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('stage.setReason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormDrawer>
      )}
    </>
  );
}
