import { PolicyDocumentSchema } from '../provenance/policy-document.js';
import { z } from '../util/zod.js';
import type { Condition } from './types.js';

/** Ids of aspects, requirements and standards: any visible text without spaces, e.g. `环境管理-3`. */
const ItemId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^\s]+$/, 'an id has no spaces');

/** Fact ids are identifiers: they become keys of an assessment's `facts`. */
export const FactIdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a fact id starts with a letter and has only letters, digits and _')
  .max(100);

export const TextSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1).optional() });

export const IsoDateSchema = z.iso.date();

export const FactValueSchema = z.union([z.boolean(), z.number(), z.string()]);

/**
 * @example
 * ```ts
 * FactDefinitionSchema.parse({ type: 'number', title: { zh: '监控覆盖率' }, min: 0, max: 1 });
 * ```
 */
export const FactDefinitionSchema = z.strictObject({
  type: z.enum(['boolean', 'integer', 'number', 'string', 'date', 'enum']),
  title: TextSchema,
  values: z.array(z.string().min(1)).min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().optional(),
});

/** Another fact in place of a literal value: `{ "fact": "requiredGreenArea" }`. */
export const FactReferenceSchema = z
  .strictObject(
    { fact: z.string().min(1) },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `a fact value has only "fact": facts are scalar, so ${issue.keys.map((key) => `"${key}"`).join(', ')} cannot be used`
          : undefined,
    },
  )
  .meta({ description: "Another fact's value in place of a literal, compared as a literal of its type" });

export const LeafConditionSchema = z.strictObject({
  fact: z.string().min(1),
  operator: z.string().min(1),
  value: z.union([FactValueSchema, z.array(FactValueSchema), FactReferenceSchema]),
  path: z.string().optional(),
});

/**
 * json-rules-engine's condition format: `all` / `any` / `not` trees of fact comparisons.
 *
 * @example
 * ```ts
 * ConditionSchema.parse({ any: [{ fact: 'kindergartenMeters', operator: 'lessThanInclusive', value: 500 }, { fact: 'childcareOnSite', operator: 'equal', value: true }] });
 * ```
 */
// zod types an optional key as `T | undefined`; the library's types say `?: T` (exactOptionalPropertyTypes).
export const ConditionSchema = z
  .lazy(() =>
    z.union(
      [
        LeafConditionSchema,
        z.strictObject({ all: z.array(ConditionSchema).min(1) }),
        z.strictObject({ any: z.array(ConditionSchema).min(1) }),
        z.strictObject({ not: ConditionSchema }),
      ],
      {
        error:
          'expected a condition: { all: [...] }, { any: [...] }, { not: {...} } or { fact, operator, value }',
      },
    ),
  )
  .meta({ id: 'Condition' }) as unknown as z.ZodType<Condition>;

/**
 * @example
 * ```ts
 * ScoringSchema.parse({ mode: 'compliance-rate', threshold: 0.85 }); // minMetPerRequirement: 1, notApplicable: 'exclude'
 * ```
 */
export const ScoringSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('compliance-rate'),
    threshold: z
      .number()
      .min(0, 'threshold is a share between 0 and 1')
      .max(1, 'threshold is a share between 0 and 1'),
    minMetPerRequirement: z.int().min(0).default(1),
    notApplicable: z.literal('exclude').default('exclude'),
  }),
  z.strictObject({
    mode: z.literal('points'),
    passMark: z.number().min(0),
    aspectMinimums: z.record(z.string(), z.number().min(0)).optional(),
    minMetPerRequirement: z.int().min(0).default(0),
  }),
]);

const encouraged = z.boolean().optional().meta({
  description:
    'True when the source only encourages the measure (鼓励): never the only way to satisfy a requirement.',
});

/**
 * One thing a standard rests on: a clause of a plan, another public source, or the author's own drafting.
 *
 * @example
 * ```ts
 * GroundSchema.parse({ kind: 'plan-clause', clause: '四（四）', quote: '加强对全市社区警务室的建设指导工作' });
 * ```
 */
export const GroundSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('plan-clause'),
    clause: z.string().min(1),
    quote: z.string().min(1).optional(),
    encouraged,
  }),
  z.strictObject({
    kind: z.literal('public-source'),
    source: z.string().min(1),
    date: z
      .string()
      .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD')
      .optional(),
    url: z.string().min(1).optional(),
    encouraged,
  }),
  z.strictObject({ kind: z.literal('project-drafting'), note: z.string().min(1) }),
]);

/**
 * A value of a standard's condition (or `applicableWhen`) that the rule-set author chose.
 *
 * @example
 * ```ts
 * DraftedValueSchema.parse({ fact: 'cctvCoverage', value: 0.9, note: '90% 为项目草拟' });
 * ```
 */
export const DraftedValueSchema = z.strictObject({
  fact: z.string().min(1),
  value: z.union([FactValueSchema, z.array(FactValueSchema)]),
  note: z.string().min(1),
});

export const StandardSchema = z.strictObject({
  id: ItemId,
  title: TextSchema,
  condition: ConditionSchema,
  applicableWhen: ConditionSchema.optional(),
  points: z.number().min(0).optional(),
  responsible: z.array(z.string().min(1)).optional(),
  evidence: z.array(z.string().min(1)).optional(),
  basis: z.string().min(1).optional(),
  grounds: z.array(GroundSchema).min(1).optional(),
  drafted: z.array(DraftedValueSchema).min(1).optional(),
});

export const RequirementSchema = z.strictObject({
  id: ItemId,
  title: TextSchema,
  standards: z.array(StandardSchema),
});

export const AspectSchema = z.strictObject({
  id: ItemId,
  title: TextSchema,
  requirements: z.array(RequirementSchema),
});

export const ProvenanceSchema = z.strictObject({
  status: z.enum(['official', 'provisional']),
  source: z.string().min(1),
  notes: z.string().optional(),
  basis: z
    .array(PolicyDocumentSchema)
    .optional()
    .meta({ description: 'The policy documents the rule set rests on (文号 and title).' }),
});

/**
 * The rule-set document, format version 1: the structure only. Its JSON Schema ships as
 * `schemas/rule-set.json`. `defineRuleSet` applies it and the checks of references between parts.
 *
 * @example
 * ```ts
 * const shape = RuleSetSchema.safeParse(document); // structure only; use defineRuleSet for a usable rule set
 * ```
 */
export const RuleSetSchema = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.literal(1).default(1),
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a rule-set id is kebab-case, e.g. guangxi-2021'),
  version: z
    .string()
    .regex(
      /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/,
      'a version is semver, e.g. 1.0.0',
    ),
  title: TextSchema,
  provenance: ProvenanceSchema,
  effective: z.strictObject({ from: IsoDateSchema, until: IsoDateSchema.optional() }).optional(),
  extends: z.string().optional(),
  facts: z.record(FactIdSchema, FactDefinitionSchema),
  scope: ConditionSchema.optional(),
  focus: ConditionSchema.optional().meta({
    description:
      'The estates the policy concentrates on, reported on every result as inFocus; never changes eligibility.',
  }),
  scoring: ScoringSchema,
  aspects: z.array(AspectSchema).min(1),
});

/** A rule-set document as stored in JSON, before `defineRuleSet` fills in defaults. */
export type RuleSetInput = z.input<typeof RuleSetSchema>;
