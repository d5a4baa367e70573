import type { Lang } from './i18n';

/**
 * An exact decimal amount from the API (e.g. "1234.50") shown in the user's language with its
 * currency. Only display converts to a number; amounts sent back stay the strings typed.
 */
export function formatMoney(amount: string | null | undefined, currency: string, lang: Lang): string {
  if (amount === undefined || amount === null || amount === '') return '';
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** A yyyy-mm-dd day from the API in the user's language (it is a calendar day, not an instant). */
export function formatDay(day: string | null | undefined, lang: Lang): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The exact sum of decimal amounts as text ("12.5" + "0.75" = "13.25"); no floating point. */
export function sumAmounts(amounts: readonly string[]): string {
  const scale = Math.max(0, ...amounts.map((a) => (a.split('.')[1] ?? '').length));
  let total = 0n;
  for (const amount of amounts) {
    const negative = amount.startsWith('-');
    const [whole, fraction = ''] = amount.replace('-', '').split('.');
    const minor = BigInt(whole + fraction.padEnd(scale, '0'));
    total += negative ? -minor : minor;
  }
  const sign = total < 0n ? '-' : '';
  const digits = (total < 0n ? -total : total).toString().padStart(scale + 1, '0');
  return scale === 0 ? sign + digits : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
