import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { importStandalone, removeStandaloneModules } from '../../test/standalone-module.js';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import type { FactValue } from '../rule-set/types.js';
import { generateStandaloneEvaluator } from './generate-standalone-evaluator.js';

afterAll(removeStandaloneModules);

const hostile = fc.oneof(
  fc.constantFrom(
    '*/',
    '`',
    '\u0024{x}',
    '</script>',
    '<!--',
    '\u2028',
    '\u2029',
    '__proto__',
    '\\',
    '"',
    "'",
    '\n',
    // Lone surrogates: JSON.stringify escapes them, and they must come back as the same code units.
    '\ud800',
    '\udfff',
    '\udfff\ud800',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const text = fc.array(hostile, { minLength: 1, maxLength: 4 }).map((parts) => `x${parts.join('')}`);

/** A rule set carrying `content` in titles, provenance, an enum's values and a string condition. */
function ruleSetWith(content: readonly string[]): RuleSetInput {
  const [title = 'x', value = 'y', other = 'z'] = content;
  const values = [...new Set([value, other])];
  return {
    id: 'hostile-content',
    version: '1.0.0',
    title: { zh: title, en: title },
    provenance: { status: 'provisional', source: title, notes: value },
    facts: {
      kind: { type: 'enum', title: { zh: title, en: other }, values },
      label: { type: 'string', title: { zh: other } },
    },
    scoring: { mode: 'compliance-rate', threshold: 0.5 },
    aspects: [
      {
        id: 'a',
        title: { zh: title },
        requirements: [
          {
            id: 'r',
            title: { zh: other, en: value },
            standards: [
              { id: 's1', title: { zh: title }, condition: { fact: 'kind', operator: 'equal', value } },
              { id: 's2', title: { zh: other }, condition: { fact: 'label', operator: 'in', value: values } },
            ],
          },
        ],
      },
    ],
  };
}

describe('rule-set content in a standalone module', () => {
  test.prop([fc.array(text, { minLength: 3, maxLength: 3 }), fc.boolean()], { numRuns: 60 })(
    'comes out as data: the module parses and scores exactly as the compiled evaluator',
    async (content, answer) => {
      const ruleSet = defineRuleSet(ruleSetWith(content));
      const source = generateStandaloneEvaluator(ruleSet);
      expect(source).not.toContain('</script');
      expect(source).not.toMatch(/[\u2028\u2029]/);
      const standalone = await importStandalone(source);
      const compiled = compileRuleSet(ruleSet);
      const values = ruleSet.facts.kind!.values!;
      const assessment = {
        id: content[0]!,
        community: { name: 'x' },
        facts: (answer ? { kind: values[0]!, label: content[2]! } : { label: content[1]! }) as Record<
          string,
          FactValue
        >,
      };
      expect(standalone.evaluate(assessment)).toEqual(compiled.evaluate(assessment));
    },
    120_000,
  );
});
