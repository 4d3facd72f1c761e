import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import {
  describeLazyResult,
  describeLazyResultEdges,
  lazyResultAssessments,
  lazyResultRuleSet,
} from '../../test/lazy-result-checks.js';
import type { EvaluationResult } from '../result/types.js';
import { compileRuleSet } from './compile-rule-set.js';

// A result's details are built when first read: the checks that hold it to plain data are shared with the
// standalone module's results (test/lazy-result-checks.ts).
const evaluator = compileRuleSet(lazyResultRuleSet);
const assessments = lazyResultAssessments;

describeLazyResult("core's evaluator", (assessment, options) => evaluator.evaluate(assessment, options));
describeLazyResultEdges("core's evaluator", (assessment, options) => evaluator.evaluate(assessment, options));

describe('results in V8', () => {
  // V8's own checks, callable once natives syntax is allowed; a dictionary-mode result (a closure per
  // result, a getter per object literal) is several times slower to build and to read.
  setFlagsFromString('--allow-natives-syntax');
  const hasFastProperties = new Function('value', 'return %HasFastProperties(value)') as (
    value: object,
  ) => boolean;
  const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
    a: object,
    b: object,
  ) => boolean;

  it('keep fast properties and share one shape, read or not', () => {
    const results = assessments.slice(0, 2).map((assessment) => evaluator.evaluate(assessment));
    const [first, second] = results as [EvaluationResult, EvaluationResult];
    for (const result of results) expect(hasFastProperties(result)).toBe(true);
    expect(haveSameMap(first, second)).toBe(true);
    expect(first.standards).toHaveLength(second.standards.length);
    expect(hasFastProperties(first)).toBe(true);
    expect(haveSameMap(first, second)).toBe(true);
  });
});
