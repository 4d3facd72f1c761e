import { defineRuleSet, type EvaluationResult, evaluate, type RuleSet } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { plainPalette } from '../io/colour.js';
import type { Language } from '../words/language.js';
import { evaluationText } from './evaluation-text.js';

const sample = guangxiSamples.eligible;
const strict = defineRuleSet({ ...guangxi2021, scoring: { ...guangxi2021.scoring, unevidenced: 'unmet' } });

/** The result as an evidence-aware evaluator gives it: S01 met (or, under 'unmet', counted unmet) without one of its two documents. */
function unevidencedResult(ruleSet: RuleSet): EvaluationResult {
  const result = evaluate(ruleSet, sample);
  const counted = ruleSet.scoring.unevidenced === 'unmet';
  return {
    ...result,
    unevidenced: ['S01'],
    standards: result.standards.map((standard) =>
      standard.id === 'S01'
        ? {
            ...standard,
            ...(counted ? { outcome: 'unmet' as const } : {}),
            evidence: {
              required: ['配套设施建设规划（小区部分）', '配套设施建设项目库清单'],
              provided: [{ kind: '配套设施建设规划（小区部分）', name: '规划.pdf' }],
              missing: ['配套设施建设项目库清单'],
              extra: [],
            },
          }
        : standard,
    ),
  };
}

const text = (ruleSet: RuleSet, result: EvaluationResult, language: Language) =>
  evaluationText({
    ruleSet,
    result,
    estateName: sample.community.name,
    source: 'estate.json',
    language,
    palette: plainPalette,
  });

describe('evaluationText: standards self-assessed met without their evidence', () => {
  it('lists them with the documents missing, and says that the verdict does not change, in zh and en', () => {
    const result = unevidencedResult(guangxi2021);
    expect(text(guangxi2021, result, 'zh')).toContain(
      '缺少佐证材料的标准 (1)（仅作提示：缺少佐证材料不影响结论）:\n  S01 ',
    );
    expect(text(guangxi2021, result, 'zh')).toMatch(/ S01 .*: 缺少佐证材料：《配套设施建设项目库清单》\n/);
    const english = text(guangxi2021, result, 'en');
    expect(english).toContain(
      'Standards self-assessed met without their evidence (1) (shown only: missing evidence does not change the verdict):',
    );
    expect(english).toContain('missing evidence: “配套设施建设项目库清单”');
  });

  it('says that the rule set counts them as not met, and that this is why the standard is not met', () => {
    const result = unevidencedResult(strict);
    const chinese = text(strict, result, 'zh');
    expect(chinese).toContain('缺少佐证材料的标准 (1)（按规则集规定，缺少佐证材料的标准按不符合计）');
    expect(chinese).toContain('✗ 缺少佐证材料：《配套设施建设项目库清单》（因此按不符合计）');
    expect(text(strict, result, 'en')).toContain('(which is why it counts as not met)');
  });

  it('says nothing about evidence when no standard lacks it, or the result predates evidence', () => {
    const { unevidenced: _, ...stored } = unevidencedResult(guangxi2021);
    for (const result of [{ ...stored, unevidenced: [] }, stored as EvaluationResult]) {
      expect(text(guangxi2021, result, 'zh')).not.toContain('佐证材料');
    }
  });
});
