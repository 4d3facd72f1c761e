import { describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from './fixtures.js';

// zod keeps its configuration on `globalThis`, shared by every copy of zod in the process: what core does to
// it, it does to the application's own schemas. And under a strict Content-Security-Policy every
// `new Function` (zod's probe for whether it may compile, and its compiled parsers) is a reported violation.

/** Counts every `new Function(…)` until `stop()` puts the real `Function` back. */
function countGeneratedCode(): { readonly count: () => number; readonly stop: () => void } {
  const real = globalThis.Function;
  let count = 0;
  globalThis.Function = new Proxy(real, {
    construct(target, args: string[]) {
      count += 1;
      return Reflect.construct(target, args);
    },
  });
  return {
    count: () => count,
    stop: () => {
      globalThis.Function = real;
    },
  };
}

describe("core and the application's zod", () => {
  it("leaves zod's jitless setting as it found it and builds or runs no generated code, while the app keeps its JIT", async () => {
    const generated = countGeneratedCode();
    try {
      const { z } = await import('zod');
      // zod itself adds its defaults (English messages, a memoizer) when the first schema is built, so what
      // is checked is the one setting core needs: `jitless`, which must stay unset.
      const jitlessIsUnset = () => expect(Object.hasOwn(z.config(), 'jitless')).toBe(false);
      jitlessIsUnset();

      const core = await import('../src/index.js');
      await import('../src/json-rules-engine/index.js');
      await import('../src/words/index.js');
      const { jsonSchemas } = await import('../src/schemas/json-schemas.js');
      jitlessIsUnset();

      // Every entry point that parses a document with zod, including the lazily built condition schemas.
      const ruleSet = core.defineRuleSet(sampleRuleSet());
      const result = core.evaluate(ruleSet, assessmentOf(perfectFacts()));
      core.extendRuleSet(ruleSet, { id: 'sample-city', version: '1.0.0', scoring: { threshold: 0.9 } });
      const plan = core.defineTargetPlan({ total: 26, milestones: [{ year: 2024, share: 1 }] });
      core.trackProgress(plan, { 2024: 3 });
      core.foldApplication([
        {
          type: 'self-check-completed',
          date: '2021-08-20',
          actor: '物业',
          evaluation: core.summariseSelfCheck(result),
        },
      ]);
      expect(core.safeDefineRuleSet({ id: 'x', aspects: [{ all: [] }] }).ok).toBe(false);
      expect(Object.keys(jsonSchemas()).length).toBeGreaterThan(0);
      expect(generated.count()).toBe(0);
      jitlessIsUnset();

      // The application's own object schema still compiles its parser, as zod does by default.
      const AppSchema = z.object({ name: z.string() });
      expect(AppSchema.parse({ name: '香山四区' })).toEqual({ name: '香山四区' });
      expect(generated.count()).toBeGreaterThan(0);

      // An application that turned the JIT off itself keeps it off.
      z.config({ jitless: true });
      core.defineRuleSet(sampleRuleSet());
      expect(z.config().jitless).toBe(true);
    } finally {
      generated.stop();
    }
  });
});
