import { describe, expect, it } from 'vitest';
import { dictionaries, translate } from '../lib/i18n';
import { zones } from '../lib/zones';
import { fileSize } from './evidence';
import { FLAG_KINDS } from './harassment';

describe('collection work', () => {
  it('shows file sizes in readable units', () => {
    expect(fileSize(512)).toBe('512 B');
    expect(fileSize(2048)).toBe('2 KB');
    expect(fileSize(20 * 1024 * 1024)).toBe('20.0 MB');
  });

  it('offers the browser zone first and each zone once', () => {
    const list = zones();
    expect(list[0]).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(new Set(list).size).toBe(list.length);
    expect(list).toContain('Asia/Shanghai');
  });

  it('names every kind of harassment in both languages', () => {
    for (const kind of FLAG_KINDS) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const key = `flag.${kind}`;
        expect(Object.keys(dictionaries[lang])).toContain(key);
        expect(translate(lang, key)).not.toBe(key);
      }
    }
    expect(translate('zh-CN', 'flag.THIRD_PARTY_CONTACT')).toContain('爆通讯录');
  });
});
