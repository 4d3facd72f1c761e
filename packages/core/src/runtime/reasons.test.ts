import { describe, expect, it } from 'vitest';
import { percentInWords } from '../words/percent-words.js';
import { type ReasonsRubric, type ReasonsVerdict, reasonsWriter } from './reasons.js';

const rubric: ReasonsRubric = {
  mode: 'compliance-rate',
  threshold: 1,
  thresholdInWords: '100%',
  requiredCount: (applicable) => applicable,
  minMetPerRequirement: 1,
  passMark: 0,
  scaledPassMark: 0,
  pointsScale: 1,
  aspects: [],
  requirements: [],
  standards: [],
  factTitle: () => undefined,
};

const verdict = (met: number, applicable: number): ReasonsVerdict => ({
  inScope: true,
  failedFacts: [],
  met,
  applicable,
  scaledPoints: 0,
  scaledAspectPoints: [],
  requirements: [],
  outcomes: [],
  missingFacts: [],
  scopeFacts: new Set(),
});

describe('reasonsWriter', () => {
  it('words the share met as percentInWords does, for every count of up to 400 applicable standards', () => {
    const write = reasonsWriter(rubric);
    const differing: string[] = [];
    for (let applicable = 1; applicable <= 400; applicable++)
      for (let met = 0; met < applicable; met++) {
        const [reason] = write(verdict(met, applicable));
        const expected = `（${percentInWords(met / applicable)}）`;
        if (!String(reason?.message.zh).includes(expected)) differing.push(`${met}/${applicable}`);
      }
    expect(differing).toEqual([]);
  });

  it('names a fact the catalog lacks by its id, and a known one by its title and id', () => {
    const write = reasonsWriter({
      ...rubric,
      factTitle: (factId) => (factId === 'occupied' ? { zh: '是否已入住？' } : undefined),
    });
    const [reason] = write({ ...verdict(1, 1), inScope: false, failedFacts: ['occupied', 'other'] });
    expect(reason?.message).toEqual({
      zh: '小区不在创建范围内（未满足范围条件：「是否已入住？」(occupied)、other）',
      en: 'The estate is out of scope (scope condition not met on: “是否已入住？” (occupied), other)',
    });
  });

  it('writes each reason as its code, its numbers, then its message, in Chinese and English', () => {
    const write = reasonsWriter({
      ...rubric,
      requirements: [{ title: { zh: '治安防控', en: 'Public security' } }],
      standards: [{ id: 'S01' }, { id: 'S02' }],
      factTitle: () => undefined,
    });
    const reasons = write({
      ...verdict(1, 3),
      requirements: [{ id: 'R01', aspectId: 'A01', met: 0, satisfied: false }],
      outcomes: [3, 3],
      missingFacts: ['occupied'],
    });
    expect(reasons.map((reason) => Object.keys(reason))).toEqual([
      ['code', 'met', 'applicable', 'threshold', 'required', 'shortfall', 'message'],
      ['code', 'requirementId', 'aspectId', 'met', 'required', 'message'],
      ['code', 'missingFacts', 'standards', 'message'],
    ]);
    expect(reasons.map((reason) => reason.message)).toEqual([
      {
        zh: '还需 2 项标准符合：适用的 3 项中符合 1 项（33.3%），达到 100% 需 3 项',
        en: '2 more standards needed: 1 of 3 applicable standards met (33.3%); 100% requires 3',
      },
      {
        zh: '要求 R01「治安防控」没有符合的标准，至少需 1 项',
        en: 'requirement R01 (Public security) has none met; at least 1 needed',
      },
      {
        zh: '2 项标准因缺少数据无法判定（按不符合计）：请填写 occupied',
        en: '2 standards could not be decided for missing data (counted as not met): answer occupied',
      },
    ]);
  });
});
