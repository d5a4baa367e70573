import { Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { FormDrawer, pickedDay, useServerForm } from '../../../components/forms';
import { api, type BodyView, type ComplaintStep, type ComplaintView } from '../../../lib/api/client';
import { formatInstant, type Key } from '../../../lib/i18n';
import { useApp } from '../../../lib/session';

type Step = 'text' | 'review' | 'return' | 'filing' | 'answer' | 'closing';

/** One complaint with what the viewer may do next at its stage of the lifecycle. */
export function ComplaintCard({
  complaint,
  bodies,
  mine,
  supervisor,
  showCase,
  onChanged,
}: {
  complaint: ComplaintView;
  bodies: BodyView[];
  mine: boolean;
  supervisor: boolean;
  showCase?: boolean;
  onChanged: () => void;
}) {
  const { t, lang } = useApp();
  const c = complaint;
  const [open, setOpen] = useState<Step | null>(null);
  const body = bodies.find((b) => b.code === c.bodyCode);
  const bodyName = body ? (lang === 'en' ? body.nameEn : body.nameZh) : c.bodyCode;
  const act = (step: Step, label: Key, primary = false) => (
    <Button type={primary ? 'primary' : 'default'} data-testid={ACTIONS[step]} onClick={() => setOpen(step)}>
      {t(label)}
    </Button>
  );

  return (
    <div className={`card complaint${c.overdue ? ' overdue' : ''}`} data-testid="complaint" data-status={c.status}>
      <h3>
        {bodyName} · <span data-testid="complaint-status">{t(`complaint.status.${c.status}`)}</span>
        {c.overdue && (
          <span className="badge danger" data-testid="complaint-overdue">
            {t('complaint.overdue')}
          </span>
        )}
      </h3>
      {showCase && (
        <p>
          {t('queue.case')}: <Link to={`/cases/${c.caseId}`}>{c.clientName}</Link> · {c.counselorName}
        </p>
      )}
      <p className="muted small">
        {t('complaint.draftedBy')} {c.draftedByName} · {formatInstant(c.draftedAt, lang)}
        {c.reviewedByName && ` · ${t('complaint.reviewedBy')} ${c.reviewedByName}`}
        {c.filedOn && ` · ${t('complaint.filedOn')} ${c.filedOn} · ${t('complaint.reference')} ${c.reference}`}
        {c.answerDue && c.status === 'FILED' && ` · ${t('complaint.answerDue')} ${c.answerDue}`}
        {c.answeredOn && ` · ${t('complaint.answeredOn')} ${c.answeredOn}`}
        {c.closedOn && ` · ${t('complaint.closedOn')} ${c.closedOn}`}
      </p>
      {c.reviewNote && (
        <p className="note" data-testid="review-note">
          {t('complaint.reviewNote')}: <span className="user-text">{c.reviewNote}</span>
        </p>
      )}
      <pre className="complaint-text user-text" data-testid="complaint-text">
        {c.text}
      </pre>
      {c.answer && (
        <p>
          {t('complaint.answer')}: <span className="user-text">{c.answer}</span>
        </p>
      )}
      <Space wrap>
        {c.status === 'DRAFTED' && mine && act('text', 'complaint.editText')}
        {c.status === 'DRAFTED' && supervisor && act('review', 'complaint.approve', true)}
        {c.status === 'DRAFTED' && supervisor && act('return', 'complaint.return')}
        {c.status === 'REVIEWED' && mine && act('filing', 'complaint.fileIt', true)}
        {c.status === 'FILED' && mine && act('answer', 'complaint.answerIt', true)}
        {(c.status === 'ANSWERED' || c.status === 'FILED') && mine && act('closing', 'complaint.closeIt')}
      </Space>
      {open && <StepDrawer complaint={c} step={open} onClose={() => setOpen(null)} onChanged={onChanged} />}
      <p>
        <a href={api.bundleUrl(c.id, 'pdf')} data-testid="bundle-pdf">
          {t('complaint.pdf')}
        </a>{' '}
        ·{' '}
        <a href={api.bundleUrl(c.id, 'zip')} data-testid="bundle-zip">
          {t('complaint.zip')}
        </a>
      </p>
    </div>
  );
}

/** The test id of the button that opens each step. */
const ACTIONS: Record<Step, string> = {
  text: 'edit-complaint-text',
  review: 'approve-complaint',
  return: 'return-complaint',
  filing: 'file-complaint',
  answer: 'answer-complaint',
  closing: 'close-complaint',
};

type StepFields = { text: string; note: string; on: Dayjs | null; reference: string; answer: string };

/** One step of a complaint's lifecycle, with the fields that step needs. */
function StepDrawer({ complaint: c, step, onClose, onChanged }: { complaint: ComplaintView; step: Step; onClose: () => void; onChanged: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<StepFields>();
  const titles: Record<Step, Key> = {
    text: 'complaint.editText',
    review: 'complaint.approve',
    return: 'complaint.return',
    filing: 'complaint.fileIt',
    answer: 'complaint.answerIt',
    closing: 'complaint.closeIt',
  };
  const save = async (v: StepFields) => {
    const on = pickedDay(v.on) ?? '';
    const body: Omit<ComplaintStep, 'version'> =
      step === 'text'
        ? { text: v.text }
        : step === 'review' || step === 'return'
          ? { note: v.note }
          : step === 'filing'
            ? { on, reference: v.reference }
            : step === 'answer'
              ? { on, answer: v.answer }
              : { on, note: v.note };
    if (await run(() => api.complaintStep(c.id, step, { ...body, version: c.version }))) {
      onClose();
      onChanged();
    }
  };
  const dated = step === 'filing' || step === 'answer' || step === 'closing';
  const dayLabel: Key = step === 'filing' ? 'complaint.filedOn' : step === 'answer' ? 'complaint.answeredOn' : 'complaint.closedOn';
  return (
    <FormDrawer<StepFields>
      open
      name={`${step}-form`}
      title={t(titles[step])}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t(titles[step])}
      initialValues={{ text: c.text, note: '', on: dayjs(), reference: '', answer: '' }}
    >
      {step === 'text' && (
        <Form.Item name="text" label={t('complaint.text')}>
          <Input.TextArea rows={14} />
        </Form.Item>
      )}
      {(step === 'review' || step === 'return') && (
        <Form.Item name="note" label={t('complaint.reviewNote')}>
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      )}
      {dated && (
        <Form.Item name="on" label={t(dayLabel)}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
      {step === 'filing' && (
        <Form.Item name="reference" label={t('complaint.reference')}>
          <Input autoFocus />
        </Form.Item>
      )}
      {step === 'answer' && (
        <Form.Item name="answer" label={t('complaint.answer')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
      {step === 'closing' && (
        <Form.Item name="note" label={t('complaint.closingNote')}>
          <Input />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
