import { Alert, Button, Form, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { FormDrawer, useServerForm } from '../../../components/forms';
import { ProblemMessage } from '../../../components/Problem';
import { ApiError, api } from '../../../lib/api/client';
import { formatInstant } from '../../../lib/i18n';
import { useApp } from '../../../lib/session';
import { useLegalHold, useOpenErasure } from '../api/queries';

type Why = { reason: string };
type Refusal = { note: string };

/**
 * Erasing the case's personal data: its client or counselor asks; a supervisor erases it or
 * refuses, saying why; a supervisor's legal hold stops any erasure until it is lifted.
 */
export default function Erasure({
  caseId,
  mine,
  supervisor,
  client = false,
}: {
  caseId: string;
  mine: boolean;
  supervisor: boolean;
  client?: boolean;
}) {
  const { t, lang } = useApp();
  const open = useOpenErasure(caseId);
  const hold = useLegalHold(caseId, !client);
  const navigate = useNavigate();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [holding, setHolding] = useState<'set' | 'lift' | null>(null);
  const [refusing, setRefusing] = useState(false);
  const request = open.data ?? null;
  const attempt = async (action: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await action();
      return true;
    } catch (e) {
      if (e instanceof ApiError) setFailure(e);
      else throw e;
      return false;
    }
  };
  return (
    <section data-testid="erasure">
      <h3>{t('erasure.title')}</h3>
      <p className="muted small">{t(client ? 'erasure.hintClient' : 'erasure.hint')}</p>
      {hold.data && (
        <Alert
          type="warning"
          showIcon
          data-testid="legal-hold"
          message={t('erasure.onHold', { by: hold.data.setByName, at: formatInstant(hold.data.at, lang) })}
          description={<span className="user-text">{hold.data.reason}</span>}
        />
      )}
      {request ? (
        <p data-testid="erasure-requested">
          {t('erasure.requested', {
            by: request.requestedAs === 'CLIENT' ? t('erasure.byClient') : request.requestedByName,
            at: formatInstant(request.requestedAt, lang),
          })}
        </p>
      ) : (
        (mine || client) && (
          <Popconfirm
            title={t(client ? 'erasure.askSureClient' : 'erasure.askSure')}
            okText={t('erasure.ask')}
            cancelText={t('form.cancel')}
            onConfirm={() => attempt(() => api.requestErasure(caseId))}
          >
            <Button data-testid="request-erasure">{t('erasure.ask')}</Button>
          </Popconfirm>
        )
      )}
      {supervisor && request && (
        <p>
          <Popconfirm
            title={t('erasure.eraseSure')}
            okText={t('erasure.erase')}
            okButtonProps={{ danger: true }}
            cancelText={t('form.cancel')}
            onConfirm={async () => {
              if (await attempt(() => api.approveErasure(request.id, request.version))) navigate('/cases');
            }}
          >
            <Button danger data-testid="approve-erasure">
              {t('erasure.erase')}
            </Button>
          </Popconfirm>{' '}
          <Button data-testid="refuse-erasure" onClick={() => setRefusing(true)}>
            {t('erasure.refuse')}
          </Button>
        </p>
      )}
      {supervisor && (
        <p>
          {hold.data ? (
            <Button data-testid="lift-legal-hold" onClick={() => setHolding('lift')}>
              {t('erasure.lift')}
            </Button>
          ) : (
            <Button data-testid="set-legal-hold" onClick={() => setHolding('set')}>
              {t('erasure.hold')}
            </Button>
          )}
        </p>
      )}
      {failure && <ProblemMessage failure={failure} errors={failure.problem.errors} />}
      {holding && <HoldForm caseId={caseId} lift={holding === 'lift'} onClose={() => setHolding(null)} />}
      {refusing && request && (
        <RefuseForm requestId={request.id} version={request.version} onClose={() => setRefusing(false)} />
      )}
    </section>
  );
}

function HoldForm({ caseId, lift, onClose }: { caseId: string; lift: boolean; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<Why>();
  const save = async (v: Why) => {
    if (await run(() => (lift ? api.liftLegalHold(caseId, v.reason) : api.setLegalHold(caseId, v.reason)))) onClose();
  };
  return (
    <FormDrawer<Why>
      open
      name="legal-hold-form"
      title={t(lift ? 'erasure.lift' : 'erasure.hold')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      initialValues={{ reason: '' }}
    >
      <Form.Item name="reason" label={t('erasure.reason')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormDrawer>
  );
}

function RefuseForm({ requestId, version, onClose }: { requestId: string; version: number; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<Refusal>();
  const save = async (v: Refusal) => {
    if (await run(() => api.refuseErasure(requestId, version, v.note))) onClose();
  };
  return (
    <FormDrawer<Refusal>
      open
      name="refuse-erasure-form"
      title={t('erasure.refuse')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      initialValues={{ note: '' }}
    >
      <Form.Item name="note" label={t('erasure.reason')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormDrawer>
  );
}
