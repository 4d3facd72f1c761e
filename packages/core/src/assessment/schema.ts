import * as z from 'zod';
import { EvidenceEntrySchema } from '../evidence/evidence-schema.js';
import { suspendJit } from '../reading/zod.js';
import { FactValueSchema, IsoDateSchema } from '../rule-set/schema.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

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
  district: z.string().optional().meta({ description: 'District (区/县) of the estate' }),
});

/**
 * An estate's answers to a rule set's fact catalog. `null` marks a question left unanswered, the same
 * as leaving the fact out. Its JSON Schema ships as `schemas/assessment.json`. The evaluator and a
 * registry's `resolveFacts` check the same fields with one hand-written check (fast enough for every
 * evaluation; a property test holds it to this schema), and each fact against the rule set's catalog; use
 * the schema to validate documents before storing them.
 *
 * @example
 * ```ts
 * const parsed = AssessmentSchema.safeParse(JSON.parse(body));
 * if (!parsed.success) console.log(parsed.error.issues);
 * ```
 */
export const AssessmentSchema = z.strictObject({
  $schema: z.string().optional().meta({ description: 'Path or URL of this JSON Schema, for editors' }),
  id: z.string().min(1).meta({ description: 'Id of the assessment, echoed by the result' }),
  ruleSet: z.string().optional().meta({ description: 'Rule set to use: id or id@range' }),
  community: CommunitySchema.meta({ description: 'The estate assessed' }),
  facts: z
    .record(z.string(), z.union([FactValueSchema, z.null()]))
    .meta({ description: 'Fact id → answer; null when unanswered' }),
  assessedAt: z
    .union([IsoDateSchema, z.iso.datetime({ offset: true })])
    .optional()
    .meta({ description: 'When assessed: YYYY-MM-DD or a date-time with offset' }),
  evidence: z.record(z.string(), z.array(EvidenceEntrySchema)).optional().meta({
    description:
      'Standard id → the documents cited as its evidence (佐证材料); every id must be a standard of the rule set',
  }),
});

/** An assessment document, as parsed. */
export type Assessment = z.infer<typeof AssessmentSchema>;

restoreJit();
