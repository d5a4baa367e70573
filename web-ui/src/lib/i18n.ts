// UI texts: one JSON file per language under locales/, served through i18next. Keys are flat
// ("cases.mine") and typed from the English file; every key exists in both files (a test checks).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';

export type Lang = 'zh-CN' | 'en';
export const LANGS: Lang[] = ['zh-CN', 'en'];

export type Key = keyof typeof en;

/** Prefixes of keys made from a code the server sends (a stage, a status, a kind …). */
type Coded =
  | 'audit'
  | 'audit.job'
  | 'budget.kind'
  | 'budget.section'
  | 'cases.sort'
  | 'channel'
  | 'complaint.status'
  | 'debtStatus'
  | 'day.section'
  | 'debts'
  | 'direction'
  | 'flag'
  | 'harassment.source'
  | 'incident.status'
  | 'thirdPartyPurpose'
  | 'jurisdiction'
  | 'kind'
  | 'legal'
  | 'msg.finding'
  | 'msg.stage'
  | 'next'
  | 'outcome'
  | 'party'
  | 'plan'
  | 'plan.kind'
  | 'plan.state'
  | 'plan.status'
  | 'plan.waiver'
  | 'role'
  | 'rule'
  | 'stage'
  | 'status'
  | 'review.check'
  | 'todo'
  | 'wellbeing.occasion'
  | 'wellbeing.scale'
  | 'wellbeing.selfHarm';
export type CodedKey = `${Coded}.${string}`;

export const dictionaries: Record<Lang, Record<string, string>> = { 'zh-CN': zhCN, en };

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

/** The one i18next instance; starts in the given language. */
export function startI18n(lang: Lang) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: lang,
      fallbackLng: false,
      keySeparator: false,
      nsSeparator: false,
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
      initAsync: false,
    });
  } else if (i18next.language !== lang) {
    void i18next.changeLanguage(lang);
  }
  return i18next;
}

export const STAGES = ['CURRENT', 'EARLY', 'MID', 'LATE', 'LEGAL', 'RESOLVED'] as const;

/** A text in one language, outside React (tests, titles); unknown keys come back as the key. */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const text = dictionaries[lang][key];
  if (text === undefined) return key;
  return params ? text.replace(/\{\{(\w+)\}\}/g, (all, name: string) => (name in params ? String(params[name]) : all)) : text;
}

/** A stage's recommended actions, one per line of the translated text. */
export function checklist(lang: Lang, stage: string): string[] {
  return translate(lang, `todo.${stage}`).split('|');
}

/** The language to start with: the saved choice, else the browser's, else Chinese. */
export function initialLang(saved: string | null, browser: readonly string[]): Lang {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

/** A day as yyyy-mm-dd in the browser's own calendar (date inputs and API dates). */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** An instant (UTC from the API) shown in the user's own time zone and language. */
export function formatInstant(iso: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** A jurisdiction's name, or its code when the office defined it and no text has it. */
export function jurisdictionLabel(t: (key: CodedKey) => string, code: string): string {
  return `jurisdiction.${code}` in dictionaries.en ? `${t(`jurisdiction.${code}`)} (${code})` : code;
}
