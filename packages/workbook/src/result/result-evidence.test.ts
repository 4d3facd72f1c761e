import { defineRuleSet, type EvaluationResult, evaluate, type RuleSet } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { allTypesRuleSet, openWorkbook, sampleAssessment } from '../../test/workbook-fixtures.js';
import { resultSheetNames } from '../cells/sheet-names.js';
import { exportResultWorkbook } from './export-result.js';

const hash = `sha256:${'0123456789abcdef'.repeat(4)}`;
const assessment = { ...sampleAssessment, facts: { ...sampleAssessment.facts, cctvCoverage: 0.95 } };

/** The result as an evidence-aware evaluator gives it: S1 met, its 监控点位图 missing, a 合同 given. */
function withEvidence(result: EvaluationResult, unevidenced: readonly string[] = ['S1']): EvaluationResult {
  return {
    ...result,
    unevidenced,
    standards: result.standards.map((standard) =>
      standard.id === 'S1'
        ? {
            ...standard,
            evidence: {
              required: ['监控点位图'],
              provided: [{ kind: '维保合同', name: '合同.pdf', date: '2021-03-01', hash }],
              missing: ['监控点位图'],
              extra: ['维保合同'],
            },
          }
        : standard,
    ),
  };
}

async function sheets(result: EvaluationResult, ruleSet: RuleSet = allTypesRuleSet) {
  const workbook = await openWorkbook(await exportResultWorkbook(ruleSet, assessment, result));
  const summary = workbook.getWorksheet(resultSheetNames.summary)!;
  let unevidencedRow: unknown;
  summary.eachRow((row) => {
    if (row.getCell(1).value === '缺少佐证材料的标准') unevidencedRow = row.getCell(2).value;
  });
  return { standards: workbook.getWorksheet(resultSheetNames.standards)!, unevidencedRow };
}

describe('the result workbook: evidence per standard', () => {
  it('shows each standard’s evidence status and the documents provided, and marks the unevidenced', async () => {
    const result = withEvidence(evaluate(allTypesRuleSet, assessment));
    const { standards, unevidencedRow } = await sheets(result);
    expect(standards.getCell('I3').value).toBe('佐证材料');
    expect(standards.getCell('F4').value).toBe('符合');
    expect(standards.getCell('I4').value).toBe(
      '缺少佐证材料：《监控点位图》；另附非本标准所需材料：《维保合同》\n· 《维保合同》合同.pdf（2021-03-01，sha256:0123456789ab…）',
    );
    expect(standards.getCell('I4').fill).toMatchObject({ fgColor: { argb: 'FFFFE5B4' } });
    expect(standards.getCell('I5').value).toBeNull();
    expect(unevidencedRow).toBe(
      'S1：自评符合但缺少佐证材料，见「逐项结果」表（仅作提示：缺少佐证材料不影响结论）',
    );
  });

  it('says that a rule set which counts them as unmet does so', async () => {
    const strict = {
      ...allTypesRuleSet,
      scoring: { ...allTypesRuleSet.scoring, unevidenced: 'unmet' as const },
    };
    const result = withEvidence(evaluate(allTypesRuleSet, assessment));
    const { unevidencedRow } = await sheets(result, strict);
    expect(unevidencedRow).toContain('按规则集规定，缺少佐证材料的标准按不符合计');
  });

  it('says none is missing; says so for a result stored before evidence existed', async () => {
    const complete = withEvidence(evaluate(allTypesRuleSet, assessment), []);
    expect((await sheets(complete)).unevidencedRow).toBe('无');
    const { unevidenced: _, ...stored } = withEvidence(evaluate(allTypesRuleSet, assessment));
    expect((await sheets(stored as EvaluationResult)).unevidencedRow).toBe('（结果中无佐证材料信息）');
  });

  it('has no evidence column or row for a rule set that requires none and a result without any', async () => {
    const plain = defineRuleSet(
      JSON.parse(JSON.stringify(allTypesRuleSet).replace(/"evidence":\[[^\]]*\],?/, '')),
    );
    const { standards, unevidencedRow } = await sheets(evaluate(plain, assessment), plain);
    expect(standards.getCell('I3').value).toBeNull();
    expect(unevidencedRow).toBeUndefined();
  });
});
