import { FactReferenceSchema, FactValueSchema, ProvenanceSchema, TextSchema } from '../rule-set/schema.js';
import { z } from '../util/zod.js';

const ExplanationValue = z.union([FactValueSchema, z.array(FactValueSchema), FactReferenceSchema]);
const Decision = z.boolean().nullable().meta({ description: 'null when a fact below this node is missing' });

export const ExplanationNodeSchema = z
  .lazy(() =>
    z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('leaf'),
        fact: z.string(),
        operator: z.string(),
        expected: ExplanationValue,
        actual: FactValueSchema.nullable(),
        expectedActual: FactValueSchema.nullable()
          .optional()
          .meta({ description: "when expected is another fact: that fact's value, null when missing" }),
        result: Decision,
      }),
      z.strictObject({
        kind: z.enum(['all', 'any']),
        result: Decision,
        children: z.array(ExplanationNodeSchema),
      }),
      z.strictObject({ kind: z.literal('not'), result: Decision, child: ExplanationNodeSchema }),
    ]),
  )
  .meta({ id: 'ExplanationNode' }) as z.ZodType;

const count = z.int().min(0);

const ReasonSchema = z
  .looseObject({
    code: z.enum([
      'OUT_OF_SCOPE',
      'SCOPE_UNKNOWN',
      'BELOW_THRESHOLD',
      'REQUIREMENT_UNCOVERED',
      'BELOW_PASS_MARK',
      'BELOW_ASPECT_MINIMUM',
      'NO_APPLICABLE_STANDARDS',
      'MISSING_DATA',
    ]),
    message: TextSchema,
  })
  .meta({ description: 'Why the estate is not eligible; further fields depend on the code.' });

/** The evaluation result, as `evaluate` returns it. Its JSON Schema ships as `schemas/evaluation-result.json`. */
export const EvaluationResultSchema = z.strictObject({
  ruleSet: z.strictObject({ id: z.string(), version: z.string(), provenance: ProvenanceSchema }),
  assessmentId: z.string(),
  inScope: z.boolean(),
  inFocus: z.boolean().nullable().optional().meta({
    description:
      'Whether the estate is in the rule set focus; null when a fact the focus reads is missing; absent when the rule set has no focus. Never changes eligibility.',
  }),
  eligible: z.boolean(),
  compliance: z.strictObject({ met: count, applicable: count, total: count, rate: z.number().min(0).max(1) }),
  score: z.strictObject({ points: z.number(), max: z.number(), passMark: z.number() }).optional(),
  standards: z.array(
    z.strictObject({
      id: z.string(),
      requirementId: z.string(),
      aspectId: z.string(),
      outcome: z.enum(['met', 'unmet', 'not-applicable', 'missing-data']),
      explanation: z
        .strictObject({ applicable: ExplanationNodeSchema.optional(), condition: ExplanationNodeSchema })
        .optional(),
    }),
  ),
  requirements: z.array(
    z.strictObject({
      id: z.string(),
      aspectId: z.string(),
      met: count,
      applicable: count,
      satisfied: z.boolean(),
    }),
  ),
  aspects: z.array(
    z.strictObject({
      id: z.string(),
      met: count,
      applicable: count,
      rate: z.number().min(0).max(1),
      points: z.number().optional(),
      maxPoints: z.number().optional(),
    }),
  ),
  reasons: z.array(ReasonSchema),
  missingFacts: z.array(z.string()),
});
