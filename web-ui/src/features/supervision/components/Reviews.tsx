import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { QueryState } from '../../../components/QueryState';
import { SectionTitle } from '../../../components/SectionTitle';
import { FormDrawer, pickedDay, useServerForm } from '../../../components/forms';
import { api } from '../../../lib/api/client';
import { formatInstant } from '../../../lib/i18n';
import { formatDay } from '../../../lib/money';
import { useApp } from '../../../lib/session';
import { useReviews } from '../api/queries';

const CHECKS = ['DEBTS_AND_STAGE', 'CONTACT_LOG', 'HARASSMENT', 'PLANS', 'BUDGET', 'WELLBEING', 'DOCUMENTS'] as const;

type ReviewFields = { checked: string[]; note: string; actions: { text: string; dueOn: Dayjs | null }[] };

/**
 * Supervision of a case: when the next review is due (by the case's stage), the reviews so far,
 * and for a supervisor a new review whose actions become the counselor's tasks.
 */
export default function Reviews({ caseId, supervisor }: { caseId: string; supervisor: boolean }) {
  const { t, lang } = useApp();
  const query = useReviews(caseId);
  const [reviewing, setReviewing] = useState(false);
  return (
    <section data-testid="reviews">
      <SectionTitle title={t('review.title')}>
        {supervisor && (
          <Button type="primary" data-testid="add-review" onClick={() => setReviewing(true)}>
            {t('review.add')}
          </Button>
        )}
      </SectionTitle>
      <QueryState query={query}>
        {(s) => (
          <>
            <p data-testid="review-due">
              {t('review.nextDue', { day: formatDay(s.nextDue, lang), days: s.intervalDays })}{' '}
              {s.overdue && <Tag color="red">{t('review.overdue')}</Tag>}
            </p>
            {s.reviews.length === 0 && <p className="muted">{t('review.none')}</p>}
            <ul className="plain-list">
              {s.reviews.map((r) => (
                <li key={r.id} data-testid="review">
                  <strong>{formatInstant(r.reviewedAt, lang)}</strong> · {r.byName}
                  <div className="muted small">{r.checked.map((c) => t(`review.check.${c}`)).join('、')}</div>
                  {r.note && <div className="user-text">{r.note}</div>}
                  {r.actions.length > 0 && (
                    <ul>
                      {r.actions.map((a, i) => (
                        <li key={i} data-testid="review-action">
                          <span className="user-text">{a.text}</span> · {t('review.by', { day: formatDay(a.dueOn, lang) })}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
      {reviewing && <ReviewForm caseId={caseId} onClose={() => setReviewing(false)} />}
    </section>
  );
}

function ReviewForm({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<ReviewFields>();
  const save = async (v: ReviewFields) => {
    const ok = await run(() =>
      api.review(caseId, {
        checked: v.checked,
        note: v.note,
        actions: v.actions.map((a) => ({ text: a.text, dueOn: pickedDay(a.dueOn) ?? '' })),
      }),
    );
    if (ok) onClose();
  };
  return (
    <FormDrawer<ReviewFields>
      open
      name="review-form"
      title={t('review.add')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      initialValues={{ checked: [], note: '', actions: [] }}
    >
      <Form.Item name="checked" label={t('review.checked')}>
        <Checkbox.Group options={CHECKS.map((c) => ({ value: c, label: t(`review.check.${c}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('review.note')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.List name="actions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, 'text']} label={t('review.action')}>
                  <Input style={{ width: 260 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'dueOn']} label={t('review.dueOn')}>
                  <DatePicker />
                </Form.Item>
                <MinusCircleOutlined aria-label={t('review.removeAction')} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} data-testid="add-action" onClick={() => add({ text: '', dueOn: null })}>
              {t('review.addAction')}
            </Button>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
