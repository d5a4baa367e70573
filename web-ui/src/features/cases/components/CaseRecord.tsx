import { DownloadOutlined, EditOutlined, SwapOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { FormDrawer, useServerForm } from '../../../components/forms';
import { QueryState } from '../../../components/QueryState';
import { SectionTitle } from '../../../components/SectionTitle';
import { api, type RecordView } from '../../../lib/api/client';
import { useApp } from '../../../lib/session';
import { zones } from '../../../lib/zones';
import { jurisdictionLabel } from '../../../lib/i18n';
import { useCounselors, useRecord } from '../api/queries';

const STATUSES = ['OPEN', 'IN_NEGOTIATION', 'PLAN_ACTIVE', 'RESOLVED', 'CLOSED'] as const;

type Drawer = 'record' | 'status' | 'assign';

/** Staff only: the client record, the case's status with its reason, reassignment (supervisors). */
export default function CaseRecord({ caseId, mine, supervisor }: { caseId: string; mine: boolean; supervisor: boolean }) {
  const { t, lang } = useApp();
  const query = useRecord(caseId);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [open, setOpen] = useState<Drawer | null>(null);
  const [saved, setSaved] = useState(false);
  const done = () => {
    setOpen(null);
    setSaved(true);
  };

  return (
    <QueryState query={query}>
      {(record) => (
        <section data-testid="case-record">
          <SectionTitle title={t('record.title')}>
            {mine && (
              <Button icon={<EditOutlined />} data-testid="edit-record" onClick={() => setOpen('record')}>
                {t('record.edit')}
              </Button>
            )}
            {mine && (
              <Button icon={<SwapOutlined />} data-testid="change-status" onClick={() => setOpen('status')}>
                {t('status.change')}
              </Button>
            )}
            {supervisor && (
              <Button icon={<UserSwitchOutlined />} data-testid="reassign" onClick={() => setOpen('assign')}>
                {t('assign.title')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={api.exportUrl(caseId, lang)} data-testid="export-case-data">
              {t('record.export')}
            </Button>
          </SectionTitle>
          {saved && <Alert type="success" showIcon closable data-testid="record-message" message={t('record.saved')} onClose={() => setSaved(false)} />}
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('record.phone')}>{record.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('record.email')}>{record.email ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('record.idNumber')}>
              <span data-testid="id-number">{revealed ?? record.idNumberMasked ?? '—'}</span>{' '}
              {record.idNumberMasked && !revealed && (
                <Button size="small" type="link" data-testid="reveal-id" onClick={() => api.revealId(caseId).then((r) => setRevealed(r.idNumber))}>
                  {t('record.reveal')}
                </Button>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('record.zone')}>
              <span data-testid="client-zone">{record.zone ?? t('record.officeZone', { zone: record.officeZone })}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('record.jurisdiction')}>
              <span data-testid="client-jurisdiction">
                {record.jurisdiction
                  ? jurisdictionLabel(t, record.jurisdiction)
                  : t('record.officeJurisdiction', { jurisdiction: jurisdictionLabel(t, record.officeJurisdiction) })}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.status')}>
              {t(`status.${record.status}`)}
              {record.statusReason && <span className="muted user-text"> · {record.statusReason}</span>}
            </Descriptions.Item>
            <Descriptions.Item label={t('record.notes')} span={2}>
              <span data-testid="household-notes" className="user-text">
                {record.householdNotes ?? '—'}
              </span>
            </Descriptions.Item>
          </Descriptions>
          {mine && open === 'record' && <EditRecord caseId={caseId} record={record} onClose={() => setOpen(null)} onSaved={done} />}
          {mine && open === 'status' && <ChangeStatus caseId={caseId} record={record} onClose={() => setOpen(null)} onSaved={done} />}
          {supervisor && open === 'assign' && <Reassign caseId={caseId} record={record} onClose={() => setOpen(null)} onSaved={done} />}
        </section>
      )}
    </QueryState>
  );
}

interface FormProps {
  caseId: string;
  record: RecordView;
  onClose: () => void;
  onSaved: () => void;
}

type RecordFields = { phone: string; email: string; idNumber: string; householdNotes: string; zone: string; jurisdiction: string };

function EditRecord({ caseId, record, onClose, onSaved }: FormProps) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<RecordFields>();
  const save = async (v: RecordFields) => {
    const ok = await run(() =>
      api.saveRecord(caseId, {
        phone: v.phone,
        email: v.email,
        idNumber: v.idNumber.trim() === '' ? null : v.idNumber,
        householdNotes: v.householdNotes,
        zone: v.zone || null,
        jurisdiction: v.jurisdiction || null,
        version: record.version,
      }),
    );
    if (ok) onSaved();
  };
  return (
    <FormDrawer<RecordFields>
      open
      name="record-form"
      title={t('record.edit')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('record.save')}
      initialValues={{
        phone: record.phone ?? '',
        email: record.email ?? '',
        idNumber: '',
        householdNotes: record.householdNotes ?? '',
        zone: record.zone ?? '',
        jurisdiction: record.jurisdiction ?? '',
      }}
    >
      <Form.Item name="phone" label={t('record.phone')}>
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item name="email" label={t('record.email')}>
        <Input inputMode="email" />
      </Form.Item>
      <Form.Item name="idNumber" label={t('record.idNumber')} extra={t('record.idKeep')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="zone" label={t('record.zone')}>
        <Select
          showSearch
          options={[
            { value: '', label: t('record.officeZone', { zone: record.officeZone }) },
            ...zones(record.zone).map((z) => ({ value: z, label: z })),
          ]}
        />
      </Form.Item>
      <Form.Item name="jurisdiction" label={t('record.jurisdiction')}>
        <Select
          options={[
            {
              value: '',
              label: t('record.officeJurisdiction', { jurisdiction: jurisdictionLabel(t, record.officeJurisdiction) }),
            },
            ...record.jurisdictions.map((j) => ({ value: j, label: jurisdictionLabel(t, j) })),
          ]}
        />
      </Form.Item>
      <Form.Item name="householdNotes" label={t('record.notes')}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </FormDrawer>
  );
}

type StatusFields = { status: string; reason: string };

function ChangeStatus({ caseId, record, onClose, onSaved }: FormProps) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<StatusFields>();
  const save = async (v: StatusFields) => {
    if (await run(() => api.setStatus(caseId, v.status, v.reason, record.version))) onSaved();
  };
  return (
    <FormDrawer<StatusFields>
      open
      name="status-form"
      title={t('status.change')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      initialValues={{ status: record.status, reason: '' }}
    >
      <Form.Item name="status" label={t('cases.status')}>
        <Select options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('status.reason')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDrawer>
  );
}

function Reassign({ caseId, record, onClose, onSaved }: FormProps) {
  const { t } = useApp();
  const counselors = useCounselors(true);
  const { form, run, busy, problem } = useServerForm<{ counselorId: string }>();
  const save = async (v: { counselorId: string }) => {
    if (await run(() => api.reassign(caseId, v.counselorId, record.version))) onSaved();
  };
  return (
    <FormDrawer<{ counselorId: string }>
      open
      name="assign-form"
      title={t('assign.title')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('assign.save')}
      initialValues={{ counselorId: '' }}
    >
      <QueryState query={counselors} quiet>{() => null}</QueryState>
      <Form.Item name="counselorId" label={t('assign.to')}>
        <Select
          showSearch
          options={[
            { value: '', label: t('assign.to') },
            ...(counselors.data ?? []).map((c) => ({
              value: c.id,
              label: c.id === record.counselorId ? `${c.username} ✓` : c.username,
            })),
          ]}
        />
      </Form.Item>
    </FormDrawer>
  );
}
