import type { components } from './api/schema';
import type { Lang } from './i18n';
import { formatDay } from './money';
import type { Translate } from './session';

export type Message = components['schemas']['Message'];

/** Codes whose text a person wrote: shown as written, in whatever language they wrote it. */
const WRITTEN = new Set(['stage.manual', 'stage.text', 'flag.text']);

/** The text of a key built from a code, or the fallback when the locale files have none. */
export function textOr(
  t: Translate,
  key: string,
  fallback: string,
  params?: Record<string, string | number>,
): string {
  const text = t(key as `msg.stage.${string}`, params);
  return text === key ? fallback : text;
}

/** Whether the message is text a person wrote (shown as they wrote it). */
export function isWritten(message: Message | undefined | null): boolean {
  return !message || WRITTEN.has(message.code);
}

/**
 * A message from the server in the user's language: its code picks the text (msg.<code> in the
 * locale files), its parameters fill it; parameters that are codes themselves (a kind of legal
 * step, a party) and days are translated too. Text a person wrote, or a code this UI does not know,
 * falls back to the English the server sent beside it.
 */
export function say(t: Translate, lang: Lang, message: Message | undefined | null, written: string): string {
  if (!message || WRITTEN.has(message.code)) return written;
  const params: Record<string, string> = { ...message.params };
  if (params.kind) params.kind = t(`legal.${params.kind}`);
  if (params.party) params.party = t(`party.${params.party}`);
  if (params.since) params.since = formatDay(params.since, lang);
  return textOr(t, `msg.${message.code}`, written, params);
}
