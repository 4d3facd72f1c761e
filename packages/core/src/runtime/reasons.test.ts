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
});
