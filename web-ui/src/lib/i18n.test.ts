import { describe, expect, it } from 'vitest';
import { dictionaries, formatInstant, initialLang, isoDay, translate } from './i18n';

describe('translations', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    const zh = Object.keys(dictionaries['zh-CN']).sort();
    const en = Object.keys(dictionaries.en).sort();
    expect(en).toEqual(zh);
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const [key, text] of Object.entries(dictionaries[lang])) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('translate by language and fall back to the key for unknown texts', () => {
    expect(translate('zh-CN', 'cases.mine')).toBe('我的个案');
    expect(translate('en', 'cases.mine')).toBe('My cases');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });

  it('start in the saved language, else the browser language, else Chinese', () => {
    expect(initialLang('en', ['zh-CN'])).toBe('en');
    expect(initialLang(null, ['en-US', 'zh'])).toBe('en');
    expect(initialLang(null, ['zh-TW'])).toBe('zh-CN');
    expect(initialLang('fr', ['de-DE'])).toBe('zh-CN');
  });

  it('show a UTC instant in the user time zone', () => {
    const shanghai = formatInstant('2026-11-23T16:30:00Z', 'en', 'Asia/Shanghai');
    expect(shanghai).toContain('Nov 24, 2026');
    expect(shanghai).toContain('12:30');
    const utc = formatInstant('2026-11-23T16:30:00Z', 'en', 'UTC');
    expect(utc).toContain('Nov 23, 2026');
  });
});

describe('isoDay', () => {
  it('writes the local calendar day with zero padding', () => {
    expect(isoDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
