import { evaluate } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { plainPalette } from '../io/colour.js';
import type { Language } from '../words/language.js';
import { evaluationText } from './evaluation-text.js';

describe('evaluationText', () => {
  it('names the missing facts by their questions, then their ids, in the reader’s language', () => {
    const result = evaluate(guangxi2021, guangxiSamples.missingData);
    const [first] = result.missingFacts;
    const title = guangxi2021.facts[first!]!.title;
    const text = (language: Language) =>
      evaluationText({
        ruleSet: guangxi2021,
        result,
        estateName: guangxiSamples.missingData.community.name,
        source: 'missing-data.json',
        language,
        palette: plainPalette,
      });
    expect(text('zh')).toContain(`缺少的事实: 「${title.zh}」(${first})`);
    expect(text('en')).toContain(`Missing facts: “${title.en}” (${first})`);
  });
});
