import { describe, expect, it } from 'vitest';
import { formatDay, formatMoney, sumAmounts } from './money';

describe('money and days', () => {
  it('shows amounts with the currency in the language chosen', () => {
    expect(formatMoney('1234.5', 'CNY', 'en')).toBe('CN¥1,234.50');
    expect(formatMoney('1234.50', 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney('-200.00', 'CNY', 'en')).toBe('-CN¥200.00');
    expect(formatMoney('', 'CNY', 'en')).toBe('');
  });
  it('shows a calendar day as that day whatever the browser zone', () => {
    expect(formatDay('2028-02-29', 'en')).toBe('Feb 29, 2028');
    expect(formatDay('2028-02-29', 'zh-CN')).toBe('2028年2月29日');
  });
});

describe('sumAmounts', () => {
  it('adds decimal amounts exactly, whatever their scales', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['12.5', '0.75', '3'])).toBe('16.25');
    expect(sumAmounts(['9999999999999.99', '0.01'])).toBe('10000000000000.00');
    expect(sumAmounts(['5.00', '-7.25'])).toBe('-2.25');
    expect(sumAmounts([])).toBe('0');
  });
});
