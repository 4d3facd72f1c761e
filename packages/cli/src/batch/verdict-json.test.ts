import { type Assessment, compileRuleSet, defineRuleSet, type RuleSet } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { qinzhouFictionalEstates } from '@sunshine-rubric/qinzhou';
import { describe, expect, test } from 'vitest';
import { tinyEstate, tinyRuleSet } from '../../test/tiny-rule-set.js';
import { verdictOf } from './evaluate-chunk.js';
import { verdictLineJson } from './verdict-json.js';

/** The evaluator's own JSON of the verdict, as batch wrote it line by line before. */
const expectedLine = (line: number, result: Parameters<typeof verdictOf>[0]) =>
  JSON.stringify({ line, verdict: verdictOf(result) });

function linesOf(ruleSet: RuleSet, assessments: readonly unknown[]) {
  const evaluator = compileRuleSet(ruleSet);
  return assessments.map((assessment, index) => {
    const result = evaluator.evaluate(assessment as Assessment, { explain: false });
    return { actual: verdictLineJson(index + 1, result), expected: expectedLine(index + 1, result) };
  });
}

const { focus: _, ...withoutFocus } = structuredClone(guangxi2021) as RuleSet & { focus?: unknown };

/** The tiny rule set scored in points, so that lines carry a `score`. */
function pointsRuleSet() {
  const document = tinyRuleSet();
  for (const requirement of document.aspects[0]!.requirements) {
    for (const standard of requirement.standards) Object.assign(standard, { points: 2 });
  }
  return defineRuleSet({ ...document, scoring: { mode: 'points', passMark: 4 } });
}

describe('verdictLineJson', () => {
  test('writes the bytes of JSON.stringify({ line, verdict: verdictOf(result) }) for every Guangxi sample', () => {
    const lines = linesOf(guangxi2021, Object.values(guangxiSamples));
    expect(lines.length).toBeGreaterThan(3);
    for (const { actual, expected } of lines) expect(actual).toBe(expected);
  });

  test('the same for every Qinzhou estate (in and out of the focus)', () => {
    for (const { actual, expected } of linesOf(guangxi2021, qinzhouFictionalEstates))
      expect(actual).toBe(expected);
  });

  test('the same without a focus (no inFocus), with an unknown focus fact (inFocus null) and with a score', () => {
    const rentalUnknown = structuredClone(guangxiSamples.eligible) as { facts: Record<string, unknown> };
    delete rentalUnknown.facts.rentalHouseholds;
    const cases = [
      ...linesOf(defineRuleSet(withoutFocus), Object.values(guangxiSamples)),
      ...linesOf(guangxi2021, [rentalUnknown]),
      ...linesOf(pointsRuleSet(), [
        tinyEstate('all', { a: true, b: 3, c: true }),
        tinyEstate('short', { a: true, b: 1, c: false }),
        tinyEstate('missing', { a: true }),
      ]),
    ];
    for (const { actual, expected } of cases) expect(actual).toBe(expected);
    expect(cases.some(({ actual }) => actual.includes('"inFocus":null'))).toBe(true);
    expect(cases.some(({ actual }) => actual.includes('"score":{'))).toBe(true);
    expect(cases.some(({ actual }) => !actual.includes('"inFocus"'))).toBe(true);
  });

  test('escapes ids as JSON.stringify does (quotes, U+2028, lone surrogates, </script>)', () => {
    const ids = ['"quoted"\\', 'line\u2028separator', 'lone \ud800 surrogate', '</script><!--', '__proto__'];
    const assessments = ids.map((id) => ({ ...guangxiSamples.belowThreshold, id }));
    for (const { actual, expected } of linesOf(guangxi2021, assessments)) expect(actual).toBe(expected);
  });

  test('follows the rule set of each result when lines alternate between rule sets', () => {
    const guangxi = compileRuleSet(guangxi2021);
    const tiny = compileRuleSet(pointsRuleSet());
    const results = [
      guangxi.evaluate(guangxiSamples.eligible, { explain: false }),
      tiny.evaluate(tinyEstate('t', { a: true, b: 3, c: true }) as Assessment, { explain: false }),
      guangxi.evaluate(guangxiSamples.eligible, { explain: false }),
    ];
    results.forEach((result, index) => {
      expect(verdictLineJson(index + 1, result)).toBe(expectedLine(index + 1, result));
    });
  });

  test('adds the unevidenced standards after missingFacts only when there are some, so other lines keep their bytes', () => {
    const evaluator = compileRuleSet(defineRuleSet(tinyRuleSet()));
    const result = evaluator.evaluate(tinyEstate('t', { a: true, b: 3, c: true }) as Assessment, {
      explain: false,
    });
    const before =
      '{"line":1,"verdict":{"assessmentId":"t","ruleSet":"tiny-city@1.0.0","inScope":true,"eligible":true,"compliance":{"met":3,"applicable":3,"total":3,"rate":1},"reasons":[],"missingFacts":[]}}';
    expect(verdictLineJson(1, result)).toBe(before);
    expect(verdictLineJson(1, { ...result, unevidenced: [] })).toBe(before);
    const unevidenced = { ...result, unevidenced: ['S1', 'S3'] };
    expect(verdictLineJson(1, unevidenced)).toBe(`${before.slice(0, -2)},"unevidenced":["S1","S3"]}}`);
    expect(verdictLineJson(1, unevidenced)).toBe(expectedLine(1, unevidenced));
  });
});
