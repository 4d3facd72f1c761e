import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { evaluate } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { ApplicationEventSchema, applicationEventTypes, summariseSelfCheck } from './events.js';

describe('ApplicationEventSchema', () => {
  it('has a JSON Schema with one branch per event type', () => {
    const schema = z.toJSONSchema(ApplicationEventSchema, { io: 'input', unrepresentable: 'throw' }) as {
      oneOf?: unknown[];
      anyOf?: unknown[];
    };
    expect((schema.oneOf ?? schema.anyOf)?.length).toBe(applicationEventTypes.length);
  });

  it('keeps a self-check’s verdict, small enough to store', () => {
    const result = evaluate(defineRuleSet(sampleRuleSet()), assessmentOf(perfectFacts()));
    const summary = summariseSelfCheck(result);
    expect(summary).toEqual({
      ruleSet: { id: 'sample-rubric', version: '1.0.0' },
      assessmentId: 'a1',
      eligible: true,
      compliance: result.compliance,
    });
    const event = { type: 'self-check-completed', date: '2021-08-20', actor: '物业', evaluation: summary };
    expect(ApplicationEventSchema.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });
});
