import { describe, expect, it } from 'vitest';
import { provisionalNotice, ruleSetLabel } from './rule-set-words.js';

describe('provisionalNotice', () => {
  const cityDraft = {
    provenance: { status: 'provisional', source: '某市住房城乡建设局草拟（2024）' },
  } as const;

  it("credits a city's own provisional rule set to the city, never to this project", () => {
    for (const language of ['zh', 'en', 'zh-en'] as const) {
      const notice = provisionalNotice(cityDraft, language)!;
      expect(notice).toContain('某市住房城乡建设局草拟（2024）');
      expect(notice).not.toMatch(/sunshine-rubric|项目|project/i);
    }
  });

  it('says in each language that the rule set is not the official text', () => {
    expect(provisionalNotice(cityDraft, 'zh')).toBe(
      '注意：暂定规则集。标准措辞不是官方文本；评估结果仅供参考。\n来源：某市住房城乡建设局草拟（2024）',
    );
    expect(provisionalNotice(cityDraft, 'en')).toBe(
      'Notice: provisional rule set. Its wording is not the official text; treat the results as indicative.\nSource: 某市住房城乡建设局草拟（2024）',
    );
    expect(provisionalNotice(cityDraft, 'zh-en')?.split('\n')).toEqual([
      '注意：暂定规则集。标准措辞不是官方文本；评估结果仅供参考。',
      'Notice: provisional rule set. Its wording is not the official text; treat the results as indicative.',
      '来源（Source）：某市住房城乡建设局草拟（2024）',
    ]);
  });

  it('says what the standards rest on when given the aspects', () => {
    const notice = provisionalNotice({ ...cityDraft, aspects: [] }, 'zh')!;
    expect(notice.split('\n')[2]).toMatch(/^依据：0 项引用方案条款/);
  });

  it('is undefined for an official rule set', () => {
    expect(
      provisionalNotice({ provenance: { status: 'official', source: '桂建保〔2021〕3号附件1' } }, 'zh'),
    ).toBe(undefined);
  });
});

describe('ruleSetLabel', () => {
  it('is id@version', () => {
    expect(ruleSetLabel({ id: 'qinzhou-2024', version: '1.2.0' })).toBe('qinzhou-2024@1.2.0');
  });
});
