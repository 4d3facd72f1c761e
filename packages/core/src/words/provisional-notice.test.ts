import { describe, expect, it } from 'vitest';
import { provisionalNotice } from './provisional-notice.js';

describe('provisionalNotice', () => {
  it('says a provisional rule set is not the official text, crediting no one: a city drafts its own', () => {
    const cityDraft = { provenance: { status: 'provisional', source: '某市住房城乡建设局草拟' } } as const;
    const notice = provisionalNotice(cityDraft)!;
    expect(notice.zh).toContain('不是官方文本');
    expect(notice.en).toContain('not the official text');
    expect(`${notice.zh}${notice.en}`).not.toMatch(/sunshine-rubric|项目/);
  });

  it('is undefined for an official rule set', () => {
    expect(provisionalNotice({ provenance: { status: 'official', source: '桂建保〔2021〕3号附件1' } })).toBe(
      undefined,
    );
  });
});
