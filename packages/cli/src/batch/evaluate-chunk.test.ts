import { compileRuleSet, createRegistry } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, test } from 'vitest';
import { builtInPlugins } from '../input/built-in-plugins.js';
import { evaluateChunk, lineEvaluators, verdictOf } from './evaluate-chunk.js';

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

describe('lineEvaluators', () => {
  test('keeps what a rule-set name resolves to, but not a name longer than any real one (memory stays flat)', () => {
    const registry = createRegistry({ plugins: builtInPlugins });
    const names: string[] = [];
    const counting = {
      ...registry,
      compile: (...args: Parameters<typeof registry.compile>) => {
        names.push(String(args[0]));
        return registry.compile(...args);
      },
    };
    const evaluatorFor = lineEvaluators({ registry: counting, fallbackRuleSet: 'guangxi-2021' });
    const long = `guangxi-2021@${'x'.repeat(100_000)}`;
    for (let line = 0; line < 3; line++) {
      evaluatorFor({ ruleSet: 'guangxi-2021@^0.2' });
      expect(evaluatorFor({ ruleSet: long })).toMatchObject({ code: 'INVALID_OPTIONS' });
    }
    expect(names.filter((name) => name === 'guangxi-2021@^0.2')).toHaveLength(1);
    expect(names.filter((name) => name === long)).toHaveLength(3);
  });
});
