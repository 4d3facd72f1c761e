import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { evaluate } from '../evaluate/compile-rule-set.js';
import { EvaluationResultSchema } from '../result/schema.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { jsonSchemas } from './json-schemas.js';

const schemas = jsonSchemas();

describe('the shipped JSON Schema files', () => {
  it.each(Object.keys(schemas))(
    '%s.json is up to date with its zod schema (run `pnpm schemas` to refresh)',
    (name) => {
      const shipped = JSON.parse(
        readFileSync(new URL(`../../schemas/${name}.json`, import.meta.url), 'utf8'),
      );
      expect(shipped).toEqual(schemas[name]);
    },
  );

  it('the result schema accepts what the evaluator returns', () => {
    const result = evaluate(
      defineRuleSet(sampleRuleSet()),
      assessmentOf({ ...perfectFacts(), hasLifts: false, securityStaff: null }),
    );
    expect(EvaluationResultSchema.safeParse(result).success).toBe(true);
  });
});
