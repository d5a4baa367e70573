import type { Lang } from './i18n';

/**
 * An exact decimal amount from the API (e.g. "1234.50") shown in the user's language with its
 * currency. Only display converts to a number; amounts sent back stay the strings typed.
 */
export function formatMoney(amount: string | undefined, currency: string, lang: Lang): string {
  if (amount === undefined || amount === '') return '';
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** A yyyy-mm-dd day from the API in the user's language (it is a calendar day, not an instant). */
export function formatDay(day: string | undefined, lang: Lang): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
