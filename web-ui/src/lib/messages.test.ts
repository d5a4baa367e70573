import { describe, expect, it } from 'vitest';
import { translate, type Lang } from './i18n';
import { say } from './messages';
import type { Translate } from './session';

const t = (lang: Lang): Translate => (key, params) => translate(lang, key, params);

describe('server messages', () => {
  it('are said in the user language from their code and parameters', () => {
    const late = { code: 'stage.days-past-due', params: { lender: '招联金融', days: '45' } };
    expect(say(t('zh-CN'), 'zh-CN', late, '招联金融 is 45 days past due')).toBe('招联金融 已逾期 45 天');
    expect(say(t('en'), 'en', late, 'ignored')).toBe('招联金融 is 45 days past due');
  });

  it('translate parameters that are codes or days', () => {
    const legal = { code: 'stage.legal', params: { kind: 'LAWSUIT_FILED', since: '2026-10-03' } };
    const zh = say(t('zh-CN'), 'zh-CN', legal, 'legal: LAWSUIT_FILED since 2026-10-03');
    expect(zh).toContain(translate('zh-CN', 'legal.LAWSUIT_FILED'));
    expect(zh).not.toContain('LAWSUIT_FILED');
    const party = { code: 'finding.third-party', params: { party: 'FAMILY' } };
    expect(say(t('zh-CN'), 'zh-CN', party, '')).toBe(`联系了第三方（${translate('zh-CN', 'party.FAMILY')}）`);
  });

  it('show what a person wrote, and the English for a code this UI does not know', () => {
    expect(say(t('zh-CN'), 'zh-CN', { code: 'stage.manual', params: {} }, '贷款方来信确认')).toBe('贷款方来信确认');
    expect(say(t('zh-CN'), 'zh-CN', { code: 'stage.new-rule', params: {} }, 'a new reason')).toBe('a new reason');
  });
});
