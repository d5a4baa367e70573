import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Empty, Form, List, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDrawer, pickedDay, useServerForm } from '../../../components/forms';
import { QueryState } from '../../../components/QueryState';
import { SectionTitle } from '../../../components/SectionTitle';
import { api } from '../../../lib/api/client';
import { formatDay } from '../../../lib/money';
import { useApp } from '../../../lib/session';
import { useMilestones } from '../api/queries';

const KINDS = ['LAWSUIT_FILED', 'JUDGMENT', 'ENFORCEMENT', 'DISHONEST_DEBTOR_LISTING', 'CONSUMPTION_RESTRICTION'] as const;

type StepFields = { kind: string; on: Dayjs | null; endedOn: Dayjs | null };

/** Legal steps on a case; the case's counselor records them with their dates. */
export default function LegalSteps({ caseId, canChange }: { caseId: string; canChange: boolean }) {
  const { t, lang } = useApp();
  const query = useMilestones(caseId);
  const [adding, setAdding] = useState(false);

  return (
    <section data-testid="legal-steps">
      <SectionTitle title={t('legal.title')}>
        {canChange && (
          <Button icon={<PlusOutlined />} data-testid="add-legal" onClick={() => setAdding(true)}>
            {t('legal.add')}
          </Button>
        )}
      </SectionTitle>
      <QueryState query={query}>
        {(steps) =>
          steps.length === 0 ? (
            <Empty description={t('legal.none')} />
          ) : (
            <List
              size="small"
              dataSource={steps}
              renderItem={(s) => (
                <List.Item data-testid="legal-step">
                  {t(`legal.${s.kind}`)} · {formatDay(s.on, lang)} – {s.endedOn ? formatDay(s.endedOn, lang) : t('legal.ongoing')}
                </List.Item>
              )}
            />
          )
        }
      </QueryState>
      {canChange && adding && <NewStep caseId={caseId} onClose={() => setAdding(false)} />}
    </section>
  );
}

function NewStep({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useApp();
  const { form, run, busy, problem } = useServerForm<StepFields>();
  const save = async (v: StepFields) => {
    if (await run(() => api.addMilestone(caseId, { kind: v.kind, on: pickedDay(v.on) ?? '', endedOn: pickedDay(v.endedOn) }))) onClose();
  };
  return (
    <FormDrawer<StepFields>
      open
      name="legal-form"
      title={t('legal.add')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      initialValues={{ kind: KINDS[0], on: null, endedOn: null }}
    >
      <Form.Item name="kind" label={t('legal.kind')}>
        <Select options={KINDS.map((k) => ({ value: k, label: t(`legal.${k}`) }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="on" label={t('legal.on')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="endedOn" label={t('legal.endedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
