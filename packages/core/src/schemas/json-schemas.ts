import * as z from 'zod';
import { AssessmentSchema } from '../assessment/schema.js';
import { withoutJit } from '../reading/zod.js';
import { EvaluationResultSchema } from '../result/schema.js';
import { RuleSetSchema } from '../rule-set/schema.js';
import { TargetPlanSchema } from '../timeline/plan-schema.js';
import { RuleSetPatchSchema } from '../variants/patch-schema.js';
import { ApplicationEventSchema } from '../workflow/events.js';
import { strictJsonSchema } from './strict-json-schema.js';

/**
 * The JSON Schema (draft 2020-12) of each document the library reads or writes, generated from its zod
 * schema. Input documents describe what may be written (defaults optional); the result, what is produced.
 * Shipped as `@sunshine-rubric/core/schemas/<name>.json`.
 */
export function jsonSchemas(): Record<string, object> {
  const describe = (name: string, title: string, schema: z.ZodType, io: 'input' | 'output') => {
    // The file's own title replaces a title the schema's metadata gives.
    const { title: _metadataTitle, ...jsonSchema } = withoutJit(() =>
      z.toJSONSchema(schema, { io, unrepresentable: 'throw' }),
    );
    return { [name]: strictJsonSchema({ $id: `urn:sunshine-rubric:schema:${name}`, title, ...jsonSchema }) };
  };
  return {
    ...describe('rule-set', 'sunshine-rubric rule set (format version 1)', RuleSetSchema, 'input'),
    ...describe('assessment', 'sunshine-rubric assessment', AssessmentSchema, 'input'),
    ...describe('evaluation-result', 'sunshine-rubric evaluation result', EvaluationResultSchema, 'output'),
    ...describe('target-plan', 'sunshine-rubric target plan', TargetPlanSchema, 'input'),
    ...describe(
      'rule-set-patch',
      'sunshine-rubric rule-set patch (extendRuleSet)',
      RuleSetPatchSchema,
      'input',
    ),
    ...describe(
      'application-event',
      'sunshine-rubric application workflow event',
      ApplicationEventSchema,
      'input',
    ),
  };
}
