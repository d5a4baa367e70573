import { PhoneOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Col, DatePicker, Empty, Form, Input, Row, Select, Space, Table, Tag, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { SectionTitle } from '../../../components/SectionTitle';
import { FormDrawer, given, pickedDay, useServerForm } from '../../../components/forms';
import { QueryState } from '../../../components/QueryState';
import { api, type ContactRequest, type ContactView, type EvidenceView } from '../../../lib/api/client';
import { useApp } from '../../../lib/session';
import { zones } from '../../../lib/zones';
import { useRecord } from '../../cases';
import { useDebts, useLenders } from '../../debts';
import { useKnownNumber } from '../../directory';

const DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
const CHANNELS = ['PHONE', 'SMS', 'EMAIL', 'APP_MESSAGE', 'LETTER', 'VISIT', 'IN_PERSON', 'MESSAGING_APP'] as const;
const PARTIES = ['CLIENT', 'FAMILY', 'EMPLOYER', 'FRIEND_OR_CONTACT', 'OTHER_THIRD_PARTY'] as const;
const PURPOSES = ['LOCATE_ONLY', 'DISCLOSED_DEBT'] as const;
const OUTCOMES = ['PROMISE_TO_PAY', 'PLAN_OFFERED', 'PLAN_AGREED', 'REFUSED', 'DISPUTED', 'NO_ANSWER', 'CALLBACK_REQUESTED', 'OTHER'] as const;

/** What the form holds: the request's fields, with the two dates as dayjs values for the pickers. */
type ContactFields = Omit<Required<{ [K in keyof ContactRequest]: NonNullable<ContactRequest[K]> }>, 'localTime' | 'followUp'> & {
  localTime: Dayjs;
  followUp: Dayjs | null;
  /** an attachment, uploaded once the entry is saved */
  file: UploadFile[];
};

const LOCAL = 'YYYY-MM-DDTHH:mm';

function blank(zone: string, channel: string): ContactFields {
  return {
    localTime: dayjs().second(0).millisecond(0),
    zone,
    direction: 'INBOUND',
    channel,
    contacted: 'CLIENT',
    conversation: false,
    summary: '',
    outcome: '',
    lenderId: '',
    debtId: '',
    agency: '',
    collectorName: '',
    collectorNumber: '',
    contactedNumber: '',
    thirdPartyPurpose: '',
    thirdPartyAskedToStop: false,
    followUp: null,
    reason: '',
    file: [],
  };
}

function fromEntry(e: ContactView): ContactFields {
  return {
    localTime: dayjs(e.localTime),
    zone: e.zone,
    lenderId: e.lenderId ?? '',
    debtId: e.debtId ?? '',
    agency: e.agency ?? '',
    collectorName: e.collectorName ?? '',
    collectorNumber: e.collectorNumber ?? '',
    direction: e.direction,
    channel: e.channel,
    contacted: e.contacted,
    contactedNumber: e.contactedNumber ?? '',
    thirdPartyPurpose: e.thirdPartyPurpose ?? '',
    thirdPartyAskedToStop: e.thirdPartyAskedToStop,
    conversation: e.conversation,
    summary: e.summary,
    outcome: e.outcome ?? '',
    followUp: e.followUp ? dayjs(e.followUp) : null,
    reason: '',
    file: [],
  };
}

/** The filters over the log, all optional. */
export interface Filters {
  lender?: string;
  channel?: string;
  party?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function matches(e: ContactView, f: Filters): boolean {
  if (f.lender && e.lenderName !== f.lender && e.agency !== f.lender) return false;
  if (f.channel && e.channel !== f.channel) return false;
  if (f.party && e.contacted !== f.party) return false;
  const day = e.localTime.slice(0, 10);
  if (f.range?.[0] && day < f.range[0].format('YYYY-MM-DD')) return false;
  if (f.range?.[1] && day > f.range[1].format('YYYY-MM-DD')) return false;
  return true;
}

/**
 * The contact log of a case: a table that filters by lender or agency, channel, who was contacted
 * and date range, with corrections beside what they correct; "Log a call" opens the form in a drawer,
 * preset to a phone call now in the client's time zone.
 */
export default function Contacts({
  caseId,
  canChange,
  entries,
  files,
}: {
  caseId: string;
  canChange: boolean;
  entries: ContactView[];
  files: EvidenceView[];
}) {
  const { t, lang } = useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [editing, setEditing] = useState<{ entry: ContactView | null; channel: string } | null>(null);

  const corrected = useMemo(() => new Set(entries.filter((e) => e.corrects).map((e) => e.corrects)), [entries]);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  // an entry's attachments include those of the entries it corrects
  const lineage = (entry: ContactView): string[] => {
    const ids: string[] = [];
    for (let at: ContactView | undefined = entry; at && !ids.includes(at.id); at = at.corrects ? byId.get(at.corrects) : undefined)
      ids.push(at.id);
    return ids;
  };
  const sorted = useMemo(() => [...entries].sort((a, b) => b.at.localeCompare(a.at)), [entries]);
  const shown = sorted.filter((e) => matches(e, filters));
  const lenders = [...new Set(entries.flatMap((e) => [e.lenderName, e.agency]).filter((n): n is string => !!n))].sort((a, b) =>
    a.localeCompare(b, lang),
  );
  const filtered = Object.values(filters).some((v) => (Array.isArray(v) ? v.some(Boolean) : !!v));

  return (
    <section data-testid="contacts">
      <SectionTitle title={t('contacts.title')}>
        {canChange && (
          <Space>
            <Button type="primary" icon={<PhoneOutlined />} data-testid="log-call" onClick={() => setEditing({ entry: null, channel: 'PHONE' })}>
              {t('contacts.logCall')}
            </Button>
            <Button icon={<PlusOutlined />} data-testid="log-contact" onClick={() => setEditing({ entry: null, channel: 'SMS' })}>
              {t('contacts.add')}
            </Button>
          </Space>
        )}
      </SectionTitle>
      {entries.length > 0 && (
        <Space wrap className="filters" data-testid="contact-filters" style={{ margin: '12px 0' }}>
          <Select
            allowClear
            showSearch
            style={{ minWidth: 180 }}
            placeholder={t('contacts.filter.lender')}
            aria-label={t('contacts.filter.lender')}
            id="filter-lender"
            data-testid="filter-lender"
            value={filters.lender}
            onChange={(lender?: string) => setFilters((f) => ({ ...f, lender }))}
            options={lenders.map((n) => ({ value: n, label: n }))}
          />
          <Select
            allowClear
            style={{ minWidth: 140 }}
            placeholder={t('contacts.channel')}
            aria-label={t('contacts.channel')}
            id="filter-channel"
            data-testid="filter-channel"
            value={filters.channel}
            onChange={(channel?: string) => setFilters((f) => ({ ...f, channel }))}
            options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          />
          <Select
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('contacts.contacted')}
            aria-label={t('contacts.contacted')}
            id="filter-party"
            data-testid="filter-party"
            value={filters.party}
            onChange={(party?: string) => setFilters((f) => ({ ...f, party }))}
            options={PARTIES.map((p) => ({ value: p, label: t(`party.${p}`) }))}
          />
          <DatePicker.RangePicker
            aria-label={t('contacts.filter.dates')}
            data-testid="filter-dates"
            value={filters.range ?? null}
            onChange={(range) => setFilters((f) => ({ ...f, range }))}
          />
          {filtered && (
            <Button type="link" onClick={() => setFilters({})} data-testid="clear-filters">
              {t('contacts.filter.clear')}
            </Button>
          )}
        </Space>
      )}
      {entries.length === 0 ? (
        <Empty description={t('contacts.none')} />
      ) : (
        <ScrollRegion label={t('contacts.title')}>
          <Table<ContactView>
            size="small"
            data-testid="contact-log"
            rowKey="id"
            dataSource={shown}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: <Empty description={t('contacts.noneMatch')} /> }}
            onRow={(e) => ({ 'data-testid': 'contact-entry', 'data-corrected': corrected.has(e.id) ? 'yes' : 'no' }) as never}
            rowClassName={(e) => (corrected.has(e.id) ? 'superseded' : '')}
            columns={[
              {
                title: t('contacts.localTime'),
                key: 'time',
                width: 150,
                render: (_, e) => (
                  <>
                    {e.localTime.replace('T', ' ')}
                    <div className="muted small">{e.zone}</div>
                  </>
                ),
              },
              {
                title: t('contacts.channel'),
                key: 'channel',
                width: 130,
                render: (_, e) => (
                  <>
                    {t(`direction.${e.direction}`)} · {t(`channel.${e.channel}`)}
                    {e.conversation && <div className="muted small">{t('contacts.conversation')}</div>}
                  </>
                ),
              },
              {
                title: t('contacts.contacted'),
                key: 'contacted',
                width: 130,
                render: (_, e) => (
                  <>
                    {t(`party.${e.contacted}`)}
                    {e.contactedNumber && <div className="muted small">{e.contactedNumber}</div>}
                    {e.thirdPartyPurpose && (
                      <div className="muted small" data-testid="third-party-purpose">
                        {t(`thirdPartyPurpose.${e.thirdPartyPurpose}`)}
                      </div>
                    )}
                    {e.thirdPartyAskedToStop && <div className="muted small">{t('contacts.askedToStop')}</div>}
                  </>
                ),
              },
              {
                title: t('contacts.lender'),
                key: 'lender',
                width: 170,
                render: (_, e) => (
                  <>
                    <span className="user-text">{[e.lenderName, e.agency].filter(Boolean).join(' / ')}</span>
                    {(e.collectorName || e.collectorNumber) && (
                      <div className="muted small user-text">{[e.collectorName, e.collectorNumber].filter(Boolean).join(' ')}</div>
                    )}
                  </>
                ),
              },
              {
                title: t('contacts.summary'),
                key: 'summary',
                render: (_, e) => (
                  <>
                    <span className="user-text">{e.summary}</span>
                    {e.corrects && (
                      <div className="muted small">
                        {t('contacts.correctionOf')}: <span className="user-text">{e.correctionReason}</span>
                      </div>
                    )}
                    {files
                      .filter((f) => f.contactId != null && lineage(e).includes(f.contactId))
                      .map((f) => (
                        <div key={f.id} className="small">
                          📎 <a href={api.evidenceUrl(f.id)}>{f.name}</a>
                        </div>
                      ))}
                  </>
                ),
              },
              {
                title: t('contacts.outcome'),
                key: 'outcome',
                width: 140,
                render: (_, e) => (
                  <>
                    {e.outcome ? t(`outcome.${e.outcome}`) : ''}
                    {e.followUp && <div className="muted small">→ {e.followUp}</div>}
                    {corrected.has(e.id) && <Tag>{t('contacts.corrected')}</Tag>}
                  </>
                ),
              },
              ...(canChange
                ? [
                    {
                      title: <span className="sr-only">{t('contacts.correct')}</span>,
                      key: 'act',
                      width: 90,
                      render: (_: unknown, e: ContactView) =>
                        !corrected.has(e.id) && (
                          <Button size="small" data-testid="correct-contact" onClick={() => setEditing({ entry: e, channel: e.channel })}>
                            {t('contacts.correct')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </ScrollRegion>
      )}
      {canChange && editing && (
        <ContactDrawer caseId={caseId} entry={editing.entry} channel={editing.channel} onClose={() => setEditing(null)} />
      )}
    </section>
  );
}

/** The form to log a contact, or to correct one (a new entry beside the old, with a reason). */
function ContactDrawer({
  caseId,
  entry,
  channel,
  onClose,
}: {
  caseId: string;
  entry: ContactView | null;
  channel: string;
  onClose: () => void;
}) {
  const { t } = useApp();
  const lendersQuery = useLenders();
  const debtsQuery = useDebts(caseId);
  // the client's time zone (the office's when the record has none) presets the form
  const record = useRecord(caseId);
  const caseZone = record.data ? (record.data.zone ?? record.data.officeZone) : null;
  const { form, run, busy, problem } = useServerForm<ContactFields>({ at: 'localTime' });
  const [savedId, setSavedId] = useState<string | null>(null);
  const contacted = Form.useWatch('contacted', form);
  // a number the office has logged before offers the agency and lender it came with
  const collectorNumber: string = Form.useWatch('collectorNumber', form) ?? '';
  const agency: string = Form.useWatch('agency', form) ?? '';
  const lenderId: string = Form.useWatch('lenderId', form) ?? '';
  const known = useKnownNumber(collectorNumber).data;
  const offer =
    known && ((known.agency && known.agency !== agency) || (known.lenderId && known.lenderId !== lenderId)) ? known : null;
  const thirdParty = contacted !== undefined && contacted !== 'CLIENT';
  const save = async ({ file: chosen, ...values }: ContactFields) => {
    const file = chosen[0]?.originFileObj;
    const client = values.contacted === 'CLIENT';
    const body: ContactRequest = given({
      ...values,
      // what a third party was told means nothing for a contact with the client
      thirdPartyPurpose: client ? '' : values.thirdPartyPurpose,
      thirdPartyAskedToStop: client ? false : values.thirdPartyAskedToStop,
      localTime: values.localTime.format(LOCAL),
      followUp: pickedDay(values.followUp) ?? '',
      reason: entry ? values.reason : '',
    });
    // once the entry is saved, a refused attachment is tried again on that entry, never a new one
    let id = savedId;
    const saved = await run(async () => {
      if (!id) {
        const stored = entry ? await api.correctContact(caseId, entry.id, body) : await api.logContact(caseId, body);
        id = stored.id;
        setSavedId(stored.id);
      }
      if (file) await api.upload(caseId, file, id);
    });
    if (saved) onClose();
  };

  // wait for the record so the zone is the client's from the start
  if (record.isPending) return null;
  const initial = entry ? fromEntry(entry) : blank(caseZone ?? zones()[0], channel);
  return (
    <FormDrawer<ContactFields>
      open
      name="contact-form"
      title={entry ? t('contacts.correcting') : channel === 'PHONE' ? t('contacts.logCall') : t('contacts.add')}
      form={form}
      busy={busy}
      problem={problem}
      onClose={onClose}
      onFinish={save}
      initialValues={initial}
    >
      <QueryState query={lendersQuery} quiet>{() => null}</QueryState>
      <QueryState query={debtsQuery} quiet>{() => null}</QueryState>
      {savedId && <Alert type="info" showIcon data-testid="contact-saved" message={t('contacts.savedAttachOnly')} style={{ marginBottom: 12 }} />}
      <Row gutter={12}>
        <Col xs={24} sm={14}>
          <Form.Item name="localTime" label={t('contacts.localTime')} rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} needConfirm={false} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="zone" label={t('contacts.zone')}>
            <Select showSearch options={zones(caseZone).map((z) => ({ value: z, label: z }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="direction" label={t('contacts.direction')}>
            <Select options={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="channel" label={t('contacts.channel')}>
            <Select options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="conversation" valuePropName="checked" label={t('contacts.answered')}>
            <Checkbox>{t('contacts.conversation')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="contacted" label={t('contacts.contacted')}>
            <Select options={PARTIES.map((p) => ({ value: p, label: t(`party.${p}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="contactedNumber" label={t('contacts.contactedNumber')}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
        {/* the rules allow asking a third party once how to reach the client, never telling them */}
        <Col xs={24} sm={14} hidden={!thirdParty}>
          <Form.Item name="thirdPartyPurpose" label={t('contacts.thirdPartyPurpose')}>
            <Select
              options={[
                { value: '', label: t('thirdPartyPurpose.') },
                ...PURPOSES.map((p) => ({ value: p, label: t(`thirdPartyPurpose.${p}`) })),
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10} hidden={!thirdParty}>
          <Form.Item name="thirdPartyAskedToStop" valuePropName="checked" label={t('contacts.thirdPartyWish')}>
            <Checkbox>{t('contacts.askedToStop')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="lenderId" label={t('contacts.lender')}>
            <Select
              showSearch
              optionFilterProp="label"
              options={[{ value: '', label: t('contacts.noLender') }, ...(lendersQuery.data ?? []).map((l) => ({ value: l.id, label: l.name }))]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="debtId" label={t('contacts.debt')}>
            <Select
              options={[
                { value: '', label: t('contacts.noLender') },
                ...(debtsQuery.data ?? []).map((d) => ({ value: d.id, label: `${d.lenderName} ${d.product ?? ''}` })),
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="agency" label={t('contacts.agency')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="collectorName" label={t('contacts.collectorName')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="collectorNumber" label={t('contacts.collectorNumber')}>
            <Input inputMode="tel" />
          </Form.Item>
        </Col>
        {offer && (
          <Col span={24}>
            <Alert
              type="info"
              showIcon
              data-testid="known-number"
              style={{ marginBottom: 12 }}
              message={
                <>
                  <span className="user-text">{t('directory.knownNumber', { agency: offer.agency ?? '—' })}</span>
                  {offer.lenderName && <span className="user-text"> {t('directory.knownLender', { lender: offer.lenderName })}</span>}
                </>
              }
              action={
                <Button
                  size="small"
                  data-testid="use-known-number"
                  onClick={() =>
                    form.setFieldsValue({
                      ...(offer.agency ? { agency: offer.agency } : {}),
                      ...(offer.lenderId ? { lenderId: offer.lenderId } : {}),
                    })
                  }
                >
                  {t('directory.useKnown')}
                </Button>
              }
            />
          </Col>
        )}
      </Row>
      <Form.Item name="summary" label={t('contacts.summary')}>
        <Input.TextArea rows={3} autoFocus />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="outcome" label={t('contacts.outcome')}>
            <Select options={[{ value: '', label: t('outcome.') }, ...OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))]} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="followUp" label={t('contacts.followUp')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {entry && (
        <Form.Item name="reason" label={t('contacts.reason')}>
          <Input />
        </Form.Item>
      )}
      <Form.Item
        name="file"
        label={t('contacts.file')}
        valuePropName="fileList"
        getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
      >
        <Upload maxCount={1} beforeUpload={() => false}>
          <Button>{t('contacts.chooseFile')}</Button>
        </Upload>
      </Form.Item>
    </FormDrawer>
  );
}
