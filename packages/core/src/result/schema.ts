import * as z from 'zod';
import { EvidenceEntrySchema } from '../evidence/evidence-schema.js';
import { suspendJit } from '../reading/zod.js';
import { FactReferenceSchema, FactValueSchema, ProvenanceSchema, TextSchema } from '../rule-set/schema.js';
import type { ExplanationNode } from './types.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

const ExplanationValue = z.union([FactValueSchema, z.array(FactValueSchema), FactReferenceSchema]);
const Decision = z.boolean().nullable().meta({ description: 'null when a fact below this node is missing' });

export const ExplanationNodeSchema = z
  .lazy(() =>
    z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('leaf').meta({ description: 'A comparison of one fact' }),
        fact: z.string().meta({ description: 'Id of the fact compared' }),
        operator: z.string().meta({ description: 'Operator name' }),
        expected: ExplanationValue.meta({ description: 'Value of the condition' }),
        actual: FactValueSchema.nullable().meta({ description: 'The answer, null when missing' }),
        expectedActual: FactValueSchema.nullable()
          .optional()
          .meta({ description: "when expected is another fact: that fact's value, null when missing" }),
        result: Decision,
      }),
      z.strictObject({
        kind: z.enum(['all', 'any']).meta({ description: 'Every child must hold, or one' }),
        result: Decision,
        children: z.array(ExplanationNodeSchema).meta({ description: 'The conditions combined' }),
      }),
      // `child` stays undescribed: a described copy of the lazy schema would recurse without end.
      z.strictObject({
        kind: z.literal('not').meta({ description: 'The child must not hold' }),
        result: Decision,
        child: ExplanationNodeSchema,
      }),
      z.strictObject({
        kind: z.literal('reference').meta({ description: 'A shared condition, referenced by name' }),
        condition: z.string().meta({ description: 'Name of the shared condition' }),
        result: Decision,
        child: ExplanationNodeSchema,
      }),
    ]),
  )
  .meta({ id: 'ExplanationNode' }) as unknown as z.ZodType<ExplanationNode>;

const count = z.int().min(0);

const ReasonSchema = z
  .looseObject({
    code: z
      .enum([
        'OUT_OF_SCOPE',
        'SCOPE_UNKNOWN',
        'BELOW_THRESHOLD',
        'REQUIREMENT_UNCOVERED',
        'BELOW_PASS_MARK',
        'BELOW_ASPECT_MINIMUM',
        'NO_APPLICABLE_STANDARDS',
        'MISSING_DATA',
        'EVIDENCE_MISSING',
      ])
      .meta({ description: 'Kind of reason' }),
    message: TextSchema.meta({ description: 'A sentence to act on' }),
  })
  .meta({ description: 'Why the estate is not eligible; further fields depend on the code.' });

/** The evaluation result, as `evaluate` returns it. Its JSON Schema ships as `schemas/evaluation-result.json`. */
export const EvaluationResultSchema = z.strictObject({
  ruleSet: z
    .strictObject({
      id: z.string().meta({ description: 'Rule set id' }),
      version: z.string().meta({ description: 'Rule set version' }),
      provenance: ProvenanceSchema.meta({ description: 'Where the rule set comes from' }),
    })
    .meta({ description: 'The rule set applied' }),
  assessmentId: z.string().meta({ description: 'Id of the assessment' }),
  inScope: z.boolean().meta({ description: 'Whether the rule set applies to the estate' }),
  inFocus: z.boolean().nullable().optional().meta({
    description:
      'Whether the estate is in the rule set focus; null when a fact the focus reads is missing; absent when the rule set has no focus. Never changes eligibility.',
  }),
  eligible: z.boolean().meta({ description: 'Whether the estate may apply' }),
  compliance: z
    .strictObject({
      met: count.meta({ description: 'Standards met' }),
      applicable: count.meta({ description: 'Standards that apply' }),
      total: count.meta({ description: 'All standards' }),
      rate: z.number().min(0).max(1).meta({ description: 'met / applicable, 0 to 1' }),
    })
    .meta({ description: 'Standards met out of those that apply' }),
  score: z
    .strictObject({
      points: z.number().meta({ description: 'Points of the standards met' }),
      max: z.number().meta({ description: 'Points of the standards that apply' }),
      passMark: z.number().meta({ description: 'Points needed' }),
    })
    .optional()
    .meta({ description: 'Points, under points scoring' }),
  standards: z
    .array(
      z.strictObject({
        id: z.string().meta({ description: 'Standard id' }),
        requirementId: z.string().meta({ description: 'Its requirement' }),
        aspectId: z.string().meta({ description: 'Its aspect' }),
        outcome: z.enum(['met', 'unmet', 'not-applicable', 'missing-data']).meta({ description: 'Verdict' }),
        explanation: z
          .strictObject({ applicable: ExplanationNodeSchema.optional(), condition: ExplanationNodeSchema })
          .optional()
          .meta({ description: 'How the conditions evaluated' }),
        evidence: z
          .strictObject({
            required: z.array(z.string()).meta({ description: 'Kinds of document the standard requires' }),
            provided: z
              .array(EvidenceEntrySchema)
              .meta({ description: 'Entries the assessment gave for it, extra kinds included' }),
            missing: z.array(z.string()).meta({ description: 'Required kinds no entry provides' }),
            extra: z
              .array(z.string())
              .meta({ description: 'Kinds provided that the standard does not require; they cover nothing' }),
          })
          .optional()
          .meta({
            description:
              'The standard’s evidence; present when it requires evidence or the assessment gave entries for it',
          }),
      }),
    )
    .meta({ description: 'One entry per standard' }),
  requirements: z
    .array(
      z.strictObject({
        id: z.string().meta({ description: 'Requirement id' }),
        aspectId: z.string().meta({ description: 'Its aspect' }),
        met: count.meta({ description: 'Standards met' }),
        applicable: count.meta({ description: 'Standards that apply' }),
        satisfied: z.boolean().meta({ description: 'Whether enough standards are met' }),
      }),
    )
    .meta({ description: 'One entry per requirement' }),
  aspects: z
    .array(
      z.strictObject({
        id: z.string().meta({ description: 'Aspect id' }),
        met: count.meta({ description: 'Standards met' }),
        applicable: count.meta({ description: 'Standards that apply' }),
        rate: z.number().min(0).max(1).meta({ description: 'met / applicable, 0 to 1' }),
        points: z.number().optional().meta({ description: 'Points of the standards met' }),
        maxPoints: z.number().optional().meta({ description: 'Points of the standards that apply' }),
      }),
    )
    .meta({ description: 'One entry per aspect' }),
  reasons: z.array(ReasonSchema).meta({ description: 'Why not eligible; empty when eligible' }),
  missingFacts: z.array(z.string()).meta({ description: 'Facts needed but not answered' }),
  unevidenced: z.array(z.string()).optional().meta({
    description:
      'Standards self-assessed met whose required evidence is missing, in rule-set order. Present on every result evaluate returns; absent from results stored before evidence existed (read as []).',
  }),
});

restoreJit();
