import { compileRuleSet } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, test } from 'vitest';
import { evaluateChunk, verdictOf } from './evaluate-chunk.js';

const evaluator = compileRuleSet(guangxi2021);
const samples = Object.values(guangxiSamples);
const chunk = {
  firstLine: 1,
  lineCount: samples.length,
  bytes: new TextEncoder().encode(samples.map((sample) => `${JSON.stringify(sample)}\n`).join('')),
};

describe('evaluateChunk', () => {
  test("writes, for every Guangxi sample, the evaluator's own JSON of the verdict", () => {
    const outcome = evaluateChunk(chunk, () => evaluator, false);
    const expected = samples.map((sample, index) =>
      JSON.stringify({ line: index + 1, verdict: verdictOf(evaluator.evaluate(sample, { explain: false })) }),
    );
    expect(outcome.text).toBe(`${expected.join('\n')}\n`);
    expect(outcome).toMatchObject({ lines: samples.length, evaluated: samples.length, failed: 0 });
  });

  test("with full, the evaluator's own JSON of the whole result, explanations included", () => {
    const outcome = evaluateChunk(chunk, () => evaluator, true);
    const expected = samples.map((sample, index) =>
      JSON.stringify({ line: index + 1, result: evaluator.evaluate(sample) }),
    );
    expect(outcome.text).toBe(`${expected.join('\n')}\n`);
  });
});
