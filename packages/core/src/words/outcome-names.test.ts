import { describe, expect, it } from 'vitest';
import { eligibilityInWords } from './outcome-names.js';

describe('eligibilityInWords', () => {
  it('says eligible or not in both languages, the words a flip and an expectation share', () => {
    expect([eligibilityInWords(true), eligibilityInWords(false)]).toEqual([
      { zh: '符合申报条件', en: 'eligible' },
      { zh: '不符合申报条件', en: 'ineligible' },
    ]);
  });
});
