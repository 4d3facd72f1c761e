import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import { layoutRuleSet } from './layout.js';
import { countOutcomes, passesScoring } from './outcome-counts.js';
import { createVerdictTally, tallyVerdict } from './verdict-tally.js';

/** Requirements of 1 to 4 standards in 1 to 3 aspects; compliance-rate or points with aspect minimums. */
function ruleSetOf(shape: number[][], points: boolean, minimums: number[]): RuleSetInput {
  let count = 0;
  const pointsOf = (position: number) => (position % 3) * 0.5 + 0.5;
  // The pass mark and each aspect minimum within reach (defineRuleSet refuses one that is not).
  let total = 0;
  const aspectTotals = shape.map((requirements) => {
    let aspectTotal = 0;
    for (const standards of requirements)
      for (let standard = 0; standard < standards; standard++) aspectTotal += pointsOf(++total);
    return aspectTotal;
  });
  const passMark = Math.round(total * 0.6 * 2) / 2;
  return {
    id: 'tally-rubric',
    version: '1.0.0',
    title: { zh: '计数' },
    provenance: { status: 'provisional', source: 'test' },
    facts: { flag: { type: 'boolean', title: { zh: '标志' } } },
    scoring: points
      ? {
          mode: 'points',
          passMark,
          minMetPerRequirement: 1,
          aspectMinimums: Object.fromEntries(
            minimums.map((minimum, aspect) => [`A${aspect}`, Math.min(minimum, aspectTotals[aspect]!)]),
          ),
        }
      : { mode: 'compliance-rate', threshold: 0.75, minMetPerRequirement: 1 },
    aspects: shape.map((requirements, aspect) => ({
      id: `A${aspect}`,
      title: { zh: `方面${aspect}` },
      requirements: requirements.map((standards, requirement) => ({
        id: `R${aspect}-${requirement}`,
        title: { zh: `要求${requirement}` },
        standards: Array.from({ length: standards }, () => {
          count++;
          return {
            id: `S${count}`,
            title: { zh: `标准${count}` },
            condition: { fact: 'flag', operator: 'equal', value: true },
            ...(points ? { points: pointsOf(count) } : {}),
          };
        }),
      })),
    })),
  } as RuleSetInput;
}

const shape = fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), {
  minLength: 1,
  maxLength: 3,
});

describe('the verdict tally', () => {
  test.prop(
    [shape, fc.boolean(), fc.array(fc.constantFrom(0, 1, 2.5), { minLength: 3, maxLength: 3 }), fc.nat()],
    {
      numRuns: 500,
    },
  )('counts and judges exactly as countOutcomes and passesScoring', (aspects, points, minimums, seed) => {
    const layout = layoutRuleSet(
      defineRuleSet(ruleSetOf(aspects, points, minimums.slice(0, aspects.length))),
    );
    const random = fc.sample(
      fc.array(fc.integer({ min: 0, max: 3 }), {
        minLength: layout.standards.length,
        maxLength: layout.standards.length,
      }),
      { numRuns: 1, seed },
    )[0]!;
    const counts = countOutcomes(layout, random);
    const tally = createVerdictTally();
    tallyVerdict(layout, random, tally);
    expect(tally).toEqual({
      met: counts.met,
      applicable: counts.applicable,
      scaledPoints: counts.scaledPoints,
      scaledMaxPoints: counts.scaledMaxPoints,
      passes: passesScoring(layout, counts),
    });
  });
});
