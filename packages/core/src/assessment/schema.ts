import { FactValueSchema, IsoDateSchema } from '../rule-set/schema.js';
import { z } from '../util/zod.js';

/**
 * The estate an assessment is about. Extra fields (address, operator, contact…) are kept as given.
 *
 * @example
 * ```ts
 * CommunitySchema.parse({ name: '示例小区', district: '示例区', operator: '示例物业' });
 * ```
 */
export const CommunitySchema = z.looseObject({
  name: z.string().regex(/\S/, 'the community has a name (not blank)').meta({
    description: 'The estate’s name, e.g. 示例小区: not empty, not only spaces.',
  }),
  district: z.string().optional(),
});

/**
 * An estate's answers to a rule set's fact catalog. `null` marks a question left unanswered, the same
 * as leaving the fact out. Its JSON Schema ships as `schemas/assessment.json`. The evaluator checks
 * the same shape itself (and each fact against the rule set's catalog); use the schema to validate
 * documents before storing them.
 *
 * @example
 * ```ts
 * const parsed = AssessmentSchema.safeParse(JSON.parse(body));
 * if (!parsed.success) console.log(parsed.error.issues);
 * ```
 */
export const AssessmentSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().min(1),
  ruleSet: z.string().optional(),
  community: CommunitySchema,
  facts: z.record(z.string(), z.union([FactValueSchema, z.null()])),
  assessedAt: z.union([IsoDateSchema, z.iso.datetime({ offset: true })]).optional(),
});

/** An assessment document, as parsed. */
export type Assessment = z.infer<typeof AssessmentSchema>;
