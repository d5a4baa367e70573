import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api, type BodyView, type ComplaintStep, type ComplaintView } from '../../../lib/api/client';
import { useApp } from '../../../lib/session';
import { formatInstant, isoDay } from '../../../lib/i18n';

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
  const [text, setText] = useState(c.text);
  const [note, setNote] = useState('');
  const [on, setOn] = useState(isoDay(new Date()));
  const [reference, setReference] = useState('');
  const [answer, setAnswer] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const body = bodies.find((b) => b.code === c.bodyCode);
  const bodyName = body ? (lang === 'en' ? body.nameEn : body.nameZh) : c.bodyCode;

  const step = async (name: Step, s: Omit<ComplaintStep, 'version'>) => {
    setFailure(null);
    try {
      await api.complaintStep(c.id, name, { ...s, version: c.version });
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) {
        setFailure(e);
        if (e.problem.status === 409) onChanged();
      }
    }
  };
  const err = (field: string) => {
    const message = failure?.fieldError(field);
    return message ? <p className="field-error">{message}</p> : null;
  };

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
      {c.status === 'DRAFTED' && mine ? (
        <label>
          {t('complaint.text')}
          <textarea name="text" rows={10} value={text} onChange={(e) => setText(e.target.value)} />
          {err('text')}
          <button type="button" className="secondary" data-testid="save-complaint-text" onClick={() => step('text', { text })}>
            {t('complaint.saveText')}
          </button>
        </label>
      ) : (
        <pre className="complaint-text user-text" data-testid="complaint-text">
          {c.text}
        </pre>
      )}
      {c.answer && (
        <p>
          {t('complaint.answer')}: <span className="user-text">{c.answer}</span>
        </p>
      )}
      {c.status === 'DRAFTED' && supervisor && (
        <div className="row four">
          <label>
            {t('complaint.reviewNote')}
            <input name="reviewNote" value={note} onChange={(e) => setNote(e.target.value)} />
            {err('note')}
          </label>
          <button type="button" data-testid="approve-complaint" onClick={() => step('review', { note })}>
            {t('complaint.approve')}
          </button>
          <button type="button" className="secondary" data-testid="return-complaint" onClick={() => step('return', { note })}>
            {t('complaint.return')}
          </button>
        </div>
      )}
      {c.status === 'REVIEWED' && mine && (
        <div className="row four">
          <label>
            {t('complaint.filedOn')}
            <input name="filedOn" type="date" value={on} onChange={(e) => setOn(e.target.value)} />
            {err('on')}
          </label>
          <label>
            {t('complaint.reference')}
            <input name="reference" value={reference} onChange={(e) => setReference(e.target.value)} />
            {err('reference')}
          </label>
          <button type="button" data-testid="file-complaint" onClick={() => step('filing', { on, reference })}>
            {t('complaint.fileIt')}
          </button>
        </div>
      )}
      {c.status === 'FILED' && mine && (
        <div className="row four">
          <label>
            {t('complaint.answeredOn')}
            <input name="answeredOn" type="date" value={on} onChange={(e) => setOn(e.target.value)} />
            {err('on')}
          </label>
          <label>
            {t('complaint.answer')}
            <input name="answer" value={answer} onChange={(e) => setAnswer(e.target.value)} />
            {err('answer')}
          </label>
          <button type="button" data-testid="answer-complaint" onClick={() => step('answer', { on, answer })}>
            {t('complaint.answerIt')}
          </button>
        </div>
      )}
      {(c.status === 'ANSWERED' || c.status === 'FILED') && mine && (
        <div className="row four">
          <label>
            {t('complaint.closedOn')}
            <input name="closedOn" type="date" value={on} onChange={(e) => setOn(e.target.value)} />
            {err('on')}
          </label>
          <label>
            {t('complaint.closingNote')}
            <input name="closingNote" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" className="secondary" data-testid="close-complaint" onClick={() => step('closing', { on, note })}>
            {t('complaint.closeIt')}
          </button>
        </div>
      )}
      {failure && failure.problem.errors.length === 0 && <p className="error">{failure.message}</p>}
      {failure && failure.problem.status === 409 && <p className="error">{t('complaint.stale')}</p>}
      {failure && failure.fieldError('status') && <p className="error">{failure.fieldError('status')}</p>}
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
