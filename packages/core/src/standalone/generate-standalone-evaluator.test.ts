import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { transform } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { importStandalone, removeStandaloneModules } from '../../test/standalone-module.js';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { generateStandaloneEvaluator } from './generate-standalone-evaluator.js';

afterAll(removeStandaloneModules);

describe('generateStandaloneEvaluator', () => {
  it('scores every guangxi-2021 sample exactly as the compiled evaluator does, explanations included', async () => {
    const standalone = await importStandalone(generateStandaloneEvaluator(guangxi2021));
    const evaluator = compileRuleSet(guangxi2021);
    const samples = Object.values(guangxiSamples);
    expect(samples.length).toBeGreaterThanOrEqual(5);
    for (const sample of samples) {
      expect(standalone.evaluate(sample)).toEqual(evaluator.evaluate(sample));
      expect(standalone.evaluate(sample, { explain: false })).toEqual(
        evaluator.evaluate(sample, { explain: false }),
      );
    }
    expect(standalone.ruleSet).toEqual({ id: guangxi2021.id, version: guangxi2021.version });
  });

  it('gives the reasons in the same words, in the same order', async () => {
    const standalone = await importStandalone(generateStandaloneEvaluator(guangxi2021));
    const evaluator = compileRuleSet(guangxi2021);
    for (const sample of Object.values(guangxiSamples))
      expect(JSON.stringify(standalone.evaluate(sample))).toBe(JSON.stringify(evaluator.evaluate(sample)));
  });

  it("shows one provenance in every result, frozen as core's is: changing it through one result changes none", async () => {
    const standalone = await importStandalone(generateStandaloneEvaluator(guangxi2021));
    const [first, second] = Object.values(guangxiSamples).map((sample) => standalone.evaluate(sample));
    const core = compileRuleSet(guangxi2021).evaluate(Object.values(guangxiSamples)[0]!);
    expect(Object.isFrozen(core.ruleSet.provenance)).toBe(true);
    const provenance = first!.ruleSet.provenance as { status: string; basis?: readonly object[] };
    expect(Object.isFrozen(provenance)).toBe(true);
    expect(provenance.basis?.every((document) => Object.isFrozen(document))).toBe(true);
    expect(() => {
      provenance.status = 'official';
    }).toThrow(TypeError);
    expect(second!.ruleSet.provenance.status).toBe(guangxi2021.provenance.status);
  });

  it('imports nothing and evaluates nothing as code', () => {
    const source = generateStandaloneEvaluator(guangxi2021);
    expect(source).not.toMatch(/\bimport\b|\brequire\(|\beval\(|new Function|Function\(/);
  });

  // The target is 40,000 bytes. About 21.3 KB of it is text the results show (the provenance, 5.1 KB; the
  // facts' titles, 10.7 KB, which the reasons name; the requirements' titles; the evidence's document names),
  // and what the module carries of the runtime is only what the rule set uses.
  it('is under 45,000 bytes for guangxi-2021 once minified, and still scores the samples the same', async () => {
    const { code } = await transform(generateStandaloneEvaluator(guangxi2021), {
      minify: true,
      format: 'esm',
      charset: 'utf8',
    });
    expect(Buffer.byteLength(code)).toBeLessThan(45_000);
    const minified = await importStandalone(code);
    const evaluator = compileRuleSet(guangxi2021);
    for (const sample of Object.values(guangxiSamples))
      expect(minified.evaluate(sample)).toEqual(evaluator.evaluate(sample));
  });
});
