import { UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input, Upload, type UploadFile as UploadFileItem } from 'antd';
import { useState } from 'react';
import { FormDrawer, useServerForm } from '../../../components/forms';
import { SectionTitle } from '../../../components/SectionTitle';
import { api, type EvidenceView } from '../../../lib/api/client';
import { useApp } from '../../../lib/session';
import { formatInstant } from '../../../lib/i18n';

export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** A case's evidence files with their checksums; the case's counselor uploads more. */
export default function Evidence({ caseId, canChange, files }: { caseId: string; canChange: boolean; files: EvidenceView[] }) {
  const { t, lang } = useApp();
  const [uploading, setUploading] = useState(false);

  return (
    <section data-testid="evidence">
      <SectionTitle title={t('evidence.title')}>
        {canChange && (
          <Button type="primary" icon={<UploadOutlined />} data-testid="upload-file" onClick={() => setUploading(true)}>
            {t('evidence.upload')}
          </Button>
        )}
      </SectionTitle>
      {files.length === 0 ? (
        <Empty description={t('evidence.none')} />
      ) : (
        <ul className="files">
          {files.map((f) => (
            <li key={f.id} data-testid="evidence-file">
              <a href={api.evidenceUrl(f.id)} data-testid="evidence-download" className="user-text">
                {f.name}
              </a>{' '}
              <span className="muted small">
                {f.mediaType} · {fileSize(f.size)} · {formatInstant(f.uploadedAt, lang)} · {f.uploadedByName}
                {f.source === 'CLIENT' && ` · ${t('evidence.fromClient')}`}
              </span>
              {f.description && <div className="small user-text">{f.description}</div>}
              <div className="muted small mono" data-testid="evidence-sha">
                SHA-256 {f.sha256}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canChange && uploading && <UploadFile caseId={caseId} onClose={() => setUploading(false)} />}
    </section>
  );
}

type UploadFields = { file: UploadFileItem[]; description: string };

/** Uploads one file (a recording, a screenshot, a letter) with what it shows. */
function UploadFile({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<UploadFields>();
  const save = async (v: UploadFields) => {
    const file = v.file?.[0]?.originFileObj;
    if (!file) {
      form.setFields([{ name: 'file', errors: [t('form.required')] }]);
      return;
    }
    if (await run(() => api.upload(caseId, file, undefined, v.description || undefined))) onClose();
  };
  return (
    <FormDrawer<UploadFields>
      open
      name="evidence-form"
      title={t('evidence.upload')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      saveLabel={t('evidence.upload')}
      initialValues={{ file: [], description: '' }}
    >
      <p className="muted small">{t('evidence.hint')}</p>
      <Form.Item
        name="file"
        label={t('evidence.file')}
        valuePropName="fileList"
        getValueFromEvent={(e: { fileList: UploadFileItem[] }) => e.fileList}
      >
        <Upload maxCount={1} beforeUpload={() => false}>
          <Button icon={<UploadOutlined />}>{t('contacts.chooseFile')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="description" label={t('evidence.description')}>
        <Input />
      </Form.Item>
    </FormDrawer>
  );
}
