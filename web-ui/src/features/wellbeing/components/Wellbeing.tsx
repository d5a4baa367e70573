import { Alert, Button, Form, Input, Radio, Table, Tag } from 'antd';
import { useState } from 'react';
import { QueryState } from '../../../components/QueryState';
import { SectionTitle } from '../../../components/SectionTitle';
import { FormDrawer, useServerForm } from '../../../components/forms';
import { api, type ReferralView, type WellbeingCheckView, type WellbeingRequest } from '../../../lib/api/client';
import { formatInstant } from '../../../lib/i18n';
import { useApp } from '../../../lib/session';
import { useReferrals, useWellbeing } from '../api/queries';

const SCALES = ['stress', 'sleep', 'shame'] as const;
const SELF_HARM = ['NOT_AT_ALL', 'SEVERAL_DAYS', 'MORE_THAN_HALF_THE_DAYS', 'NEARLY_EVERY_DAY', 'DECLINED'] as const;

type Answers = { occasion: string; stress?: number; sleep?: number; shame?: number; selfHarm?: string; note: string };

/**
 * How the client is coping: the checks so far (internal, never shown to the client), a new one
 * from the case's counselor, and the office's referral list, shown at once after a crisis answer.
 */
export default function Wellbeing({ caseId, mine }: { caseId: string; mine: boolean }) {
  const { t, lang } = useApp();
  const query = useWellbeing(caseId);
  const [checking, setChecking] = useState(false);
  const [crisis, setCrisis] = useState(false);
  return (
    <section data-testid="wellbeing">
      <SectionTitle title={t('wellbeing.title')}>
        {mine && (
          <Button type="primary" data-testid="check-wellbeing" onClick={() => setChecking(true)}>
            {t('wellbeing.check')}
          </Button>
        )}
      </SectionTitle>
      <p className="muted">{t('wellbeing.internal')}</p>
      {crisis && (
        <Alert
          type="error"
          showIcon
          data-testid="wellbeing-crisis"
          style={{ marginBottom: 12 }}
          message={t('wellbeing.crisisTitle')}
          description={t('wellbeing.crisisBody')}
        />
      )}
      <Referrals highlighted={crisis} />
      <QueryState query={query}>
        {(checks) =>
          checks.length === 0 ? (
            <Alert type="warning" showIcon data-testid="wellbeing-none" message={t('wellbeing.none')} />
          ) : (
            <Table<WellbeingCheckView>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={checks}
              onRow={() => ({ 'data-testid': 'wellbeing-row' }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('wellbeing.at'), key: 'at', render: (_, c) => formatInstant(c.at, lang) },
                { title: t('wellbeing.occasion'), key: 'occasion', render: (_, c) => t(`wellbeing.occasion.${c.occasion}`) },
                ...SCALES.map((s) => ({
                  title: t(`wellbeing.${s}`),
                  key: s,
                  render: (_: unknown, c: WellbeingCheckView) => t(`wellbeing.scale.${c[s]}`),
                })),
                {
                  title: t('wellbeing.selfHarm'),
                  key: 'selfHarm',
                  render: (_, c) =>
                    c.crisis ? <Tag color="red">{t(`wellbeing.selfHarm.${c.selfHarm}`)}</Tag> : t(`wellbeing.selfHarm.${c.selfHarm}`),
                },
                { title: t('wellbeing.note'), key: 'note', render: (_, c) => <span className="user-text">{c.note ?? ''}</span> },
                { title: t('wellbeing.by'), dataIndex: 'byName' },
              ]}
            />
          )
        }
      </QueryState>
      {checking && (
        <CheckForm
          caseId={caseId}
          first={(query.data ?? []).length === 0}
          onClose={() => setChecking(false)}
          onSaved={(saved) => {
            setChecking(false);
            setCrisis(saved.crisis);
          }}
        />
      )}
    </section>
  );
}

function Referrals({ highlighted }: { highlighted: boolean }) {
  const { t, lang } = useApp();
  const query = useReferrals();
  const list = query.data ?? [];
  if (list.length === 0) return null;
  const zh = lang === 'zh-CN';
  return (
    <div className={highlighted ? 'card referrals urgent' : 'card referrals'} data-testid="referrals">
      <h3>{t('wellbeing.referrals')}</h3>
      {list.some((r) => !r.checked) && <p className="muted small">{t('wellbeing.unchecked')}</p>}
      <ul className="plain-list">
        {list.map((r: ReferralView) => (
          <li key={`${r.nameEn}-${r.contact}`} data-testid="referral">
            <strong>{zh ? r.nameZh : r.nameEn}</strong> <a href={`tel:${r.contact.replace(/[^0-9+]/g, '')}`}>{r.contact}</a>
            {(zh ? r.hoursZh : r.hoursEn) && <span className="muted small"> · {zh ? r.hoursZh : r.hoursEn}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CheckForm({
  caseId,
  first,
  onClose,
  onSaved,
}: {
  caseId: string;
  first: boolean;
  onClose: () => void;
  onSaved: (saved: WellbeingCheckView) => void;
}) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<Answers>();
  const save = async (v: Answers) => {
    let saved: WellbeingCheckView | undefined;
    const ok = await run(async () => {
      saved = await api.checkWellbeing(caseId, { ...v, note: v.note || undefined } as WellbeingRequest);
    });
    if (ok && saved) onSaved(saved);
  };
  return (
    <FormDrawer<Answers>
      open
      name="wellbeing-form"
      title={t('wellbeing.check')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      initialValues={{ occasion: first ? 'INTAKE' : 'FOLLOW_UP', note: '' }}
    >
      <Form.Item name="occasion" label={t('wellbeing.occasion')}>
        <Radio.Group
          options={['INTAKE', 'FOLLOW_UP'].map((o) => ({ value: o, label: t(`wellbeing.occasion.${o}`) }))}
          optionType="button"
        />
      </Form.Item>
      {SCALES.map((s) => (
        <Form.Item key={s} name={s} label={t(`wellbeing.ask.${s}`)} rules={[{ required: true, message: t('form.required') }]}>
          <Radio.Group options={[0, 1, 2, 3].map((n) => ({ value: n, label: t(`wellbeing.scale.${n}`) }))} />
        </Form.Item>
      ))}
      <Form.Item name="selfHarm" label={t('wellbeing.ask.selfHarm')} rules={[{ required: true, message: t('form.required') }]}>
        <Radio.Group
          className="stacked-radios"
          options={SELF_HARM.map((a) => ({ value: a, label: t(`wellbeing.selfHarm.${a}`) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('wellbeing.note')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormDrawer>
  );
}
