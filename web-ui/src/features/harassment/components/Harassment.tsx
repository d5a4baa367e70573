import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDrawer, pickedDay, useServerForm } from '../../../components/forms';
import { ProblemMessage } from '../../../components/Problem';
import {
  ApiError,
  api,
  type BodyView,
  type ComplaintView,
  type ContactView,
  type EvidenceView,
  type FindingView,
  type FlagView,
} from '../../../lib/api/client';
import { useApp } from '../../../lib/session';
import { ComplaintCard } from './Complaints';
import { isWritten, say, textOr } from '../../../lib/messages';


export const FLAG_KINDS = [
  'THREATS',
  'INSULTS',
  'DISCLOSURE',
  'IMPERSONATION',
  'FAKE_LEGAL_DOCUMENTS',
  'UNANNOUNCED_VISIT',
  'FEES_NOT_OWED',
  'EXCESSIVE_CALLS',
  'UNREASONABLE_HOURS',
  'THIRD_PARTY_CONTACT',
  'OTHER',
];

/** Findings of the rules, flags (from findings, by hand, from the client) and complaints from them. */
export default function Harassment({
  caseId,
  mine,
  supervisor,
  entries,
  files,
  findings,
  flags,
  complaints,
  bodies,
  onChanged,
}: {
  caseId: string;
  mine: boolean;
  supervisor: boolean;
  entries: ContactView[];
  files: EvidenceView[];
  findings: FindingView[];
  flags: FlagView[];
  complaints: ComplaintView[];
  bodies: BodyView[];
  onChanged: () => void;
}) {
  const { t, lang } = useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [open, setOpen] = useState<'flag' | 'complaint' | { dismiss: FlagView } | null>(null);
  const close = () => setOpen(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const flagFinding = async (key: string) => {
    setFailure(null);
    try {
      await api.flagFinding(caseId, key);
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
    }
  };
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const current = entries.filter((e) => !entries.some((o) => o.corrects === e.id));
  const entryLabel = (id: string) => {
    const e = entries.find((x) => x.id === id);
    return e ? `${e.localTime.replace('T', ' ')} ${t(`channel.${e.channel}`)} → ${t(`party.${e.contacted}`)}` : id;
  };

  return (
    <section data-testid="harassment">
      <h2>{t('harassment.title')}</h2>
      <h3>{t('harassment.findings')}</h3>
      {findings.length === 0 ? (
        <p className="muted" data-testid="no-findings">
          {t('harassment.noFindings')}
        </p>
      ) : (
        <ul>
          {findings.map((f) => (
            <li key={f.key} data-testid="finding" data-rule={f.rule}>
              <strong>{t(`flag.${f.kind}`)}</strong> · {f.from}
              {f.to !== f.from && ` – ${f.to}`} · <span className={isWritten(f.why) ? 'user-text' : undefined}>{say(t, lang, f.why, f.description)}</span>{' '}
              <span className="muted small">
                ({/* a rule this UI does not know shows by its id alone */ textOr(t, `rule.${f.rule}`, '')} <code>{f.rule}</code>, {f.entryIds.length})
              </span>{' '}
              <Cited finding={f} />{' '}
              {f.flagged ? (
                <span className="badge">{t('harassment.flagged')}</span>
              ) : (
                mine && (
                  <button type="button" className="secondary small" data-testid="flag-finding" onClick={() => flagFinding(f.key)}>
                    {t('harassment.flagIt')}
                  </button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('harassment.flags')}</h3>
      {flags.length === 0 ? (
        <p className="muted">{t('harassment.noFlags')}</p>
      ) : (
        <ul className="flags">
          {flags.map((f) => (
            <li key={f.id} data-testid="flag" data-kind={f.kind} className={f.status === 'DISMISSED' ? 'superseded' : ''}>
              {mine && f.status === 'OPEN' && (
                <label className="check inline">
                  <input
                    type="checkbox"
                    data-testid="select-flag"
                    checked={selected.includes(f.id)}
                    onChange={() => setSelected(toggle(selected, f.id))}
                  />
                  <span className="sr-only">{t('harassment.select')}</span>
                </label>
              )}
              <strong>{t(`flag.${f.kind}`)}</strong> · {t(`harassment.source.${f.source}`)} · {f.from}
              {f.to && f.to !== f.from && ` – ${f.to}`} · {f.raisedByName}
              <div className={isWritten(f.why) ? 'user-text' : undefined}>{say(t, lang, f.why, f.description)}</div>
              {f.contactIds.length > 0 && (
                <div className="muted small">{f.contactIds.map(entryLabel).join('; ')}</div>
              )}
              {f.evidenceIds.map((id) => {
                const file = files.find((x) => x.id === id);
                return (
                  <div key={id} className="small">
                    📎 <a href={api.evidenceUrl(id)}>{file?.name ?? id}</a>
                  </div>
                );
              })}
              {f.status === 'DISMISSED' && (
                <div className="muted small">
                  {t('harassment.dismissed')}: <span className="user-text">{f.dismissReason}</span>
                </div>
              )}
              {mine && f.status === 'OPEN' && (
                <Button size="small" data-testid="dismiss-flag" onClick={() => setOpen({ dismiss: f })}>
                  {t('harassment.dismiss')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mine && (
        <Space wrap style={{ margin: '12px 0' }}>
          <Button type="primary" disabled={selected.length === 0} data-testid="draft-complaint" onClick={() => setOpen('complaint')}>
            {t('complaint.draft')}
          </Button>
          {selected.length === 0 && <span className="muted small">{t('complaint.pickFlags')}</span>}
          <Button icon={<PlusOutlined />} data-testid="raise-flag" onClick={() => setOpen('flag')}>
            {t('harassment.manual')}
          </Button>
        </Space>
      )}
      {mine && open === 'flag' && <RaiseFlag caseId={caseId} entries={current} entryLabel={entryLabel} files={files} onClose={close} />}
      {mine && open === 'complaint' && (
        <DraftComplaint
          caseId={caseId}
          bodies={bodies}
          flagIds={selected}
          onClose={close}
          onDrafted={() => {
            setSelected([]);
            close();
          }}
        />
      )}
      {mine && open && typeof open === 'object' && <DismissFlag flag={open.dismiss} onClose={close} />}
      {failure && <ProblemMessage failure={failure} />}
      <h2>{t('complaint.title')}</h2>
      {complaints.length === 0 ? (
        <p className="muted">{t('complaint.none')}</p>
      ) : (
        complaints.map((c) => (
          <ComplaintCard key={`${c.id}-${c.version}`} complaint={c} bodies={bodies} mine={mine} supervisor={supervisor} onChanged={onChanged} />
        ))
      )}
    </section>
  );
}

type FlagFields = { kind: string; description: string; from: Dayjs | null; to: Dayjs | null; contactIds: string[]; evidenceIds: string[] };

/** A flag raised by hand: what happened, when, and the log entries and files that show it. */
function RaiseFlag({
  caseId,
  entries,
  entryLabel,
  files,
  onClose,
}: {
  caseId: string;
  entries: ContactView[];
  entryLabel: (id: string) => string;
  files: EvidenceView[];
  onClose: () => void;
}) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<FlagFields>();
  const save = async (v: FlagFields) => {
    const ok = await run(() =>
      api.raiseFlag(caseId, { kind: v.kind, description: v.description, from: pickedDay(v.from) ?? '', to: pickedDay(v.to), contactIds: v.contactIds, evidenceIds: v.evidenceIds }),
    );
    if (ok) onClose();
  };
  return (
    <FormDrawer<FlagFields>
      open
      name="flag-form"
      title={t('harassment.manual')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('harassment.raise')}
      initialValues={{ kind: FLAG_KINDS[0], description: '', from: dayjs(), to: null, contactIds: [], evidenceIds: [] }}
    >
      <Form.Item name="kind" label={t('harassment.kind')}>
        <Select options={FLAG_KINDS.map((k) => ({ value: k, label: t(`flag.${k}`) }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="from" label={t('harassment.from')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="to" label={t('harassment.to')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('harassment.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      {entries.length > 0 && (
        <Form.Item name="contactIds" label={t('harassment.entries')}>
          <Checkbox.Group
            style={{ display: 'grid', gap: 4 }}
            options={entries.map((e) => ({
              value: e.id,
              label: (
                <>
                  {entryLabel(e.id)} · <span className="user-text">{e.summary}</span>
                </>
              ),
            }))}
          />
        </Form.Item>
      )}
      {files.length > 0 && (
        <Form.Item name="evidenceIds" label={t('harassment.files')}>
          <Checkbox.Group style={{ display: 'grid', gap: 4 }} options={files.map((f) => ({ value: f.id, label: <span className="user-text">{f.name}</span> }))} />
        </Form.Item>
      )}
    </FormDrawer>
  );
}

type ComplaintFields = { bodyCode: string; language: string };

/** A complaint drafted from the chosen flags, to the body and in the language chosen. */
function DraftComplaint({
  caseId,
  bodies,
  flagIds,
  onClose,
  onDrafted,
}: {
  caseId: string;
  bodies: BodyView[];
  flagIds: string[];
  onClose: () => void;
  onDrafted: () => void;
}) {
  const { t, lang } = useApp();
  const { form, run, busy, problem } = useServerForm<ComplaintFields>();
  const save = async (v: ComplaintFields) => {
    if (await run(() => api.draftComplaint(caseId, v.bodyCode, flagIds, v.language))) onDrafted();
  };
  return (
    <FormDrawer<ComplaintFields>
      open
      name="complaint-form"
      title={t('complaint.draft')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('complaint.draft')}
      initialValues={{ bodyCode: bodies[0]?.code ?? '', language: lang }}
    >
      <p className="muted">{t('complaint.flagsChosen', { count: flagIds.length })}</p>
      <Form.Item name="bodyCode" label={t('complaint.body')}>
        <Select options={bodies.map((b) => ({ value: b.code, label: lang === 'en' ? b.nameEn : b.nameZh }))} />
      </Form.Item>
      <Form.Item name="language" label={t('complaint.language')}>
        <Select
          options={[
            { value: 'zh-CN', label: <span lang="zh-CN">中文</span> },
            { value: 'en', label: <span lang="en">English</span> },
          ]}
        />
      </Form.Item>
    </FormDrawer>
  );
}

/** Dismissing a flag needs a reason; the flag stays, marked, with it. */
function DismissFlag({ flag, onClose }: { flag: FlagView; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<{ reason: string }>();
  const save = async (v: { reason: string }) => {
    if (await run(() => api.dismissFlag(flag.id, v.reason, flag.version))) onClose();
  };
  return (
    <FormDrawer<{ reason: string }>
      open
      name="dismiss-form"
      title={`${t('harassment.dismiss')} · ${t(`flag.${flag.kind}`)}`}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('harassment.dismiss')}
      initialValues={{ reason: '' }}
    >
      <Form.Item name="reason" label={t('harassment.dismissReason')}>
        <Input.TextArea rows={2} autoFocus />
      </Form.Item>
    </FormDrawer>
  );
}

/** The rule pack and the document a finding's rule comes from, in the user's language. */
function Cited({ finding }: { finding: FindingView }) {
  const { t, lang } = useApp();
  const c = finding.citation;
  const chinese = lang === 'zh-CN';
  return (
    <span className="muted small" data-testid="finding-citation" data-pack={finding.pack}>
      {t('harassment.source')}: <code>{`${finding.pack} v${finding.packVersion}`}</code> ·{' '}
      {chinese ? `${c.issuer} ${c.document}` : `${c.issuerEn}, ${c.documentEn}`}
      {c.article ? ` ${c.article}` : ''} ({c.date}){c.checked ? '' : ` · ${t('harassment.notChecked')}`}
    </span>
  );
}
