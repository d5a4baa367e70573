import { useState, type FormEvent } from 'react';
import { ApiError, api, type EvidenceView } from '../../../lib/api/client';
import { useApp } from '../../../lib/session';
import { formatInstant } from '../../../lib/i18n';

export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** A case's evidence files with their checksums; the case's counselor uploads more. */
export default function Evidence({
  caseId,
  canChange,
  files,
  onChanged,
}: {
  caseId: string;
  canChange: boolean;
  files: EvidenceView[];
  onChanged: () => void;
}) {
  const { t, lang } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [inputKey, setInputKey] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setFailure(null);
    try {
      await api.upload(caseId, file, undefined, description || undefined);
      setFile(null);
      setDescription('');
      setInputKey((k) => k + 1);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
    }
  };

  return (
    <section data-testid="evidence">
      <h2>{t('evidence.title')}</h2>
      {files.length === 0 ? (
        <p className="muted">{t('evidence.none')}</p>
      ) : (
        <ul className="files">
          {files.map((f) => (
            <li key={f.id} data-testid="evidence-file">
              <a href={api.evidenceUrl(f.id)} data-testid="evidence-download">
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
      {canChange && (
        <form className="card" onSubmit={submit} data-testid="evidence-form" noValidate>
          <h3>{t('evidence.upload')}</h3>
          <p className="muted small">{t('evidence.hint')}</p>
          <div className="row four">
            <label>
              {t('evidence.file')}
              <input key={inputKey} name="file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </label>
            <label>
              {t('evidence.description')}
              <input name="description" value={description} onChange={(e) => setDescription(e.target.value)} />
            </label>
          </div>
          {failure && (
            <p className="field-error" data-testid="evidence-error">
              {failure.fieldError('file') ?? failure.message}
            </p>
          )}
          <button type="submit" disabled={!file} data-testid="upload-evidence">
            {t('evidence.upload')}
          </button>
        </form>
      )}
    </section>
  );
}
