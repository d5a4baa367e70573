// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContactView } from '../../../lib/api/client';
import { prepareDom } from '../../../testing/dom';
import { startI18n } from '../../../lib/i18n';
import Contacts, { matches } from './Contacts';

beforeAll(() => {
  startI18n('en');
  prepareDom();
});
afterEach(cleanup);

const entry = (over: Partial<ContactView>): ContactView =>
  ({
    id: 'e1',
    at: '2026-11-29T15:15:00Z',
    localTime: '2026-11-29T23:15',
    zone: 'Asia/Shanghai',
    direction: 'INBOUND',
    channel: 'PHONE',
    contacted: 'FAMILY',
    conversation: true,
    summary: '打电话给母亲',
    lenderName: '招联金融',
    agency: '某某资产',
    recordedByName: 'counselor.wang',
    ...over,
  }) as ContactView;

describe('the contact log', () => {
  const call = entry({});
  const sms = entry({ id: 'e2', at: '2026-11-20T02:00:00Z', localTime: '2026-11-20T10:00', channel: 'SMS', contacted: 'CLIENT', lenderName: '平安普惠', agency: null });

  it('filters by lender or agency, channel, who was contacted and dates', () => {
    expect(matches(call, {})).toBe(true);
    expect(matches(call, { lender: '招联金融' })).toBe(true);
    expect(matches(call, { lender: '某某资产' })).toBe(true);
    expect(matches(sms, { lender: '招联金融' })).toBe(false);
    expect(matches(sms, { channel: 'SMS', party: 'CLIENT' })).toBe(true);
    expect(matches(call, { channel: 'SMS' })).toBe(false);
    expect(matches(call, { party: 'CLIENT' })).toBe(false);
    // the dates are the client's local days, both ends included
    expect(matches(call, { range: [dayjs('2026-11-29'), dayjs('2026-11-29')] })).toBe(true);
    expect(matches(call, { range: [dayjs('2026-11-30'), null] })).toBe(false);
    expect(matches(sms, { range: [null, dayjs('2026-11-19')] })).toBe(false);
  });

  it('shows the newest first, marks what a correction replaced and offers no change to a reader', () => {
    const fix = entry({ id: 'e3', at: '2026-11-30T01:00:00Z', summary: '打电话给母亲和姐姐', corrects: 'e1', correctionReason: 'the sister too' });
    render(<Contacts caseId="c1" canChange={false} entries={[sms, call, fix]} files={[{ id: 'f1', name: '律师函.pdf', contactId: 'e1' } as never]} />);
    const rows = screen.getAllByTestId('contact-entry');
    expect(rows.map((r) => r.getAttribute('data-corrected'))).toEqual(['no', 'yes', 'no']);
    expect(within(rows[0]).getByText('打电话给母亲和姐姐')).toBeTruthy();
    // the correction carries the file of the entry it corrects
    expect(within(rows[0]).getByText('律师函.pdf')).toBeTruthy();
    expect(within(rows[1]).getByText('corrected')).toBeTruthy();
    expect(screen.queryByTestId('log-call')).toBeNull();
    expect(screen.queryByTestId('correct-contact')).toBeNull();
  });
});
