import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleRuleSet } from '../../test/fixtures.js';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { createRegistry } from '../plugins/create-registry.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { checkAssessmentEnvelope } from './read-facts.js';
import { AssessmentSchema } from './schema.js';

// Values an envelope field may take, right or wrong for it.
const anyField = fc.oneof(
  fc.constantFrom('a1', '', ' ', '示例小区', '2021-06-15', '2021-06-15T09:30:00+08:00', '2021-02-30', 'x'),
  fc.constantFrom(0, 1.5, true, null, [], {}),
  fc.record({ name: fc.constantFrom('示例小区', '', ' ', 3) }, { requiredKeys: [] }),
  fc.record({ name: fc.constant('示例小区'), district: fc.constantFrom('区', 4), operator: fc.string() }),
);
const envelope = fc.record(
  {
    id: anyField,
    ruleSet: anyField,
    community: anyField,
    facts: fc.constantFrom({}, [], null, 'facts'),
    assessedAt: anyField,
    $schema: fc.constantFrom('./assessment.json', 1),
    extra: anyField,
  },
  { requiredKeys: [] },
);

describe('checkAssessmentEnvelope', () => {
  it('accepts exactly the envelopes AssessmentSchema accepts', () => {
    fc.assert(
      fc.property(envelope, (input) => {
        const issues = checkAssessmentEnvelope(input);
        expect([issues.length === 0, AssessmentSchema.safeParse(input).success]).toEqual([
          issues.length === 0,
          issues.length === 0,
        ]);
      }),
      { numRuns: 500 },
    );
  });

  it('is the check a registry applies before resolving facts: the same issues as evaluate', async () => {
    const ruleSet = defineRuleSet(sampleRuleSet());
    const registry = createRegistry({
      plugins: [definePlugin({ name: 'rubric', apiVersion: 1, ruleSets: [ruleSet] })],
    });
    const input = { id: '', community: { name: ' ' }, facts: {}, note: 1 };
    const evaluated = (() => {
      try {
        registry.compile(ruleSet).evaluate(input as never);
      } catch (error) {
        return error;
      }
    })();
    await expect(registry.resolveFacts(input, { ruleSet: 'sample-rubric' })).rejects.toMatchObject({
      code: 'INVALID_ASSESSMENT',
      issues: (evaluated as { issues: unknown }).issues,
    });
    expect(checkAssessmentEnvelope(input).map((issue) => issue.path)).toEqual([
      ['id'],
      ['community', 'name'],
      ['note'],
    ]);
  });
});

describe('an assessment whose $schema is not a string', () => {
  it('is refused by evaluate, as AssessmentSchema refuses it', () => {
    const ruleSet = defineRuleSet(sampleRuleSet());
    const input = { id: 'a1', community: { name: '示例' }, facts: {}, $schema: 1 };
    expect(AssessmentSchema.safeParse(input).success).toBe(false);
    expect(() => compileRuleSet(ruleSet).evaluate(input as never)).toThrow(/\$schema/);
  });
});
