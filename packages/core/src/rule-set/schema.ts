import * as z from 'zod';
import { PolicyDocumentSchema } from '../provenance/policy-document.js';
import { suspendJit } from '../reading/zod.js';
import { quote } from '../util/show-value.js';
import { allFactTypes, type Condition } from './types.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

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

export const TextSchema = z.strictObject({
  zh: z.string().min(1).meta({ description: 'Chinese text, the authoritative wording' }),
  en: z.string().min(1).optional().meta({ description: 'English translation, for readers of English' }),
});

export const IsoDateSchema = z.iso.date();

export const FactValueSchema = z.union([z.boolean(), z.number(), z.string()]);

/**
 * @example
 * ```ts
 * FactDefinitionSchema.parse({ type: 'number', title: { zh: '监控覆盖率' }, min: 0, max: 1 });
 * ```
 */
export const FactDefinitionSchema = z.strictObject({
  type: z.enum(allFactTypes).meta({ description: 'Type of the answer' }),
  title: TextSchema.meta({ description: 'The question the self-check asks' }),
  values: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .meta({ description: 'Allowed answers of an enum fact' }),
  min: z.number().optional().meta({ description: 'Smallest allowed answer of a number fact' }),
  max: z.number().optional().meta({ description: 'Largest allowed answer of a number fact' }),
  unit: z.string().optional().meta({ description: 'Unit of a number answer, e.g. m or 户' }),
});

/** Another fact in place of a literal value: `{ "fact": "requiredGreenArea" }`. */
export const FactReferenceSchema = z
  .strictObject(
    { fact: z.string().min(1).meta({ description: 'Id of the fact whose value is compared' }) },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `a fact value has only "fact": facts are scalar, so ${issue.keys.map((key) => quote(key)).join(', ')} cannot be used`
          : undefined,
    },
  )
  .meta({ description: "Another fact's value in place of a literal, compared as a literal of its type" });

export const LeafConditionSchema = z.strictObject({
  fact: z.string().min(1).meta({ description: 'Id of the fact tested' }),
  operator: z.string().min(1).meta({ description: 'Operator name, e.g. equal or greaterThanInclusive' }),
  value: z
    .union([FactValueSchema, z.array(FactValueSchema), FactReferenceSchema])
    .meta({ description: 'Value compared with the fact: a literal, a list or another fact' }),
  path: z.string().optional().meta({ description: 'Path into the fact value, for plugin operators' }),
});

/**
 * The name of a shared condition: visible text without spaces, like the ids of aspects, requirements and
 * standards.
 *
 * @example
 * ```ts
 * ConditionNameSchema.parse('hasLifts');
 * ```
 */
export const ConditionNameSchema = ItemId;

/** A reference to a shared condition: `{ "condition": "hasLifts" }` (format version 2). */
export const ConditionReferenceSchema = z
  .strictObject({
    condition: ConditionNameSchema.meta({ description: 'Name of a shared condition of the rule set' }),
  })
  .meta({ description: 'Stands for the shared condition of that name (format version 2)' });

/**
 * json-rules-engine's condition format: `all` / `any` / `not` trees of fact comparisons, and references
 * to shared conditions (`{ condition: 'hasLifts' }`).
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
        z.strictObject({
          all: z.array(ConditionSchema).min(1).meta({ description: 'Holds when every condition holds' }),
        }),
        z.strictObject({
          any: z.array(ConditionSchema).min(1).meta({ description: 'Holds when one condition holds' }),
        }),
        // `not` stays undescribed: a described copy of the lazy schema would recurse without end.
        z.strictObject({ not: ConditionSchema }).meta({ description: 'Holds when the condition does not' }),
        ConditionReferenceSchema,
      ],
      {
        error:
          'expected a condition: { all: [...] }, { any: [...] }, { not: {...} }, { fact, operator, value } or { condition: name }',
      },
    ),
  )
  .meta({ id: 'Condition' }) as unknown as z.ZodType<Condition>;

/**
 * What a standard self-assessed met without its required evidence does to the verdict.
 *
 * @example
 * ```ts
 * UnevidencedSchema.parse('unmet');
 * ```
 */
export const UnevidencedSchema = z.enum(['shown', 'unmet']).meta({
  description:
    "What a standard self-assessed met without its required evidence does: 'shown' (default) only lists it in the result's unevidenced; 'unmet' counts it as unmet",
});

/**
 * @example
 * ```ts
 * ScoringSchema.parse({ mode: 'compliance-rate', threshold: 0.85 }); // minMetPerRequirement: 1, notApplicable: 'exclude'
 * ```
 */
export const ScoringSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('compliance-rate').meta({ description: 'Eligible by the share of standards met' }),
    threshold: z
      .number()
      .min(0, 'threshold is a share between 0 and 1')
      .max(1, 'threshold is a share between 0 and 1')
      .meta({ description: 'Share of applicable standards to meet, 0 to 1' }),
    minMetPerRequirement: z
      .int()
      .min(0)
      .default(1)
      .meta({ description: 'Standards each requirement must meet (default 1)' }),
    notApplicable: z
      .literal('exclude')
      .default('exclude')
      .meta({ description: 'Inapplicable standards leave the count' }),
    unevidenced: UnevidencedSchema.optional(),
  }),
  z.strictObject({
    mode: z.literal('points').meta({ description: 'Eligible by the points of standards met' }),
    passMark: z.number().min(0).meta({ description: 'Points needed in total' }),
    aspectMinimums: z
      .record(z.string(), z.number().min(0))
      .optional()
      .meta({ description: 'Aspect id → points needed in that aspect' }),
    minMetPerRequirement: z
      .int()
      .min(0)
      .default(0)
      .meta({ description: 'Standards each requirement must meet (default 0)' }),
    unevidenced: UnevidencedSchema.optional(),
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
    kind: z.literal('plan-clause').meta({ description: 'Rests on a clause of the plan' }),
    clause: z.string().min(1).meta({ description: 'The clause, e.g. 四（三）' }),
    quote: z.string().min(1).optional().meta({ description: 'Words quoted from the clause' }),
    encouraged,
  }),
  z.strictObject({
    kind: z.literal('public-source').meta({ description: 'Rests on a public report' }),
    source: z.string().min(1).meta({ description: 'Who published it, and its title' }),
    date: z
      .string()
      .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD')
      .optional()
      .meta({ description: 'Publication date: YYYY, YYYY-MM or YYYY-MM-DD' }),
    url: z.string().min(1).optional().meta({ description: 'Where to read it' }),
    encouraged,
  }),
  z.strictObject({
    kind: z.literal('project-drafting').meta({ description: 'Drafted by the project, no source' }),
    note: z.string().min(1).meta({ description: 'What was drafted, and why' }),
  }),
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
  fact: z.string().min(1).meta({ description: 'Fact whose compared value the project chose' }),
  value: z
    .union([FactValueSchema, z.array(FactValueSchema)])
    .meta({ description: 'The value chosen, as in the condition' }),
  note: z.string().min(1).meta({ description: 'Why this value' }),
});

export const StandardSchema = z.strictObject({
  id: ItemId.meta({ description: 'Standard id, unique in the rule set' }),
  title: TextSchema.meta({ description: 'What the standard asks' }),
  condition: ConditionSchema,
  applicableWhen: ConditionSchema.optional(),
  points: z.number().min(0).optional().meta({ description: 'Points when met (points scoring)' }),
  responsible: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: 'Departments responsible for meeting it' }),
  evidence: z.array(z.string().min(1)).optional().meta({
    description:
      'The evidence the standard requires: each string names a kind of document that shows it is met; an assessment cites documents of these kinds under evidence[standardId]',
  }),
  basis: z.string().min(1).optional().meta({ description: 'Where the standard comes from, in words' }),
  grounds: z.array(GroundSchema).min(1).optional().meta({ description: 'Typed sources of the standard' }),
  drafted: z
    .array(DraftedValueSchema)
    .min(1)
    .optional()
    .meta({ description: 'Values of the condition chosen by the project' }),
});

export const RequirementSchema = z.strictObject({
  id: ItemId.meta({ description: 'Requirement id, unique in the rule set' }),
  title: TextSchema.meta({ description: 'What the requirement asks' }),
  standards: z.array(StandardSchema).meta({ description: 'Standards, any of which can satisfy it' }),
});

export const AspectSchema = z.strictObject({
  id: ItemId.meta({ description: 'Aspect id, unique in the rule set' }),
  title: TextSchema.meta({ description: 'Name of the aspect' }),
  requirements: z.array(RequirementSchema).meta({ description: 'Requirements of the aspect' }),
});

export const ProvenanceSchema = z.strictObject({
  status: z
    .enum(['official', 'provisional'])
    .meta({ description: 'official: the published text; provisional: a draft' }),
  source: z.string().min(1).meta({ description: 'Where the rule set comes from' }),
  notes: z.string().optional().meta({ description: 'Anything a reader should know about it' }),
  basis: z
    .array(PolicyDocumentSchema)
    .optional()
    .meta({ description: 'The policy documents the rule set rests on (文号 and title).' }),
});

/**
 * The rule-set document, format versions 1 and 2: the structure only. Its JSON Schema ships as
 * `schemas/rule-set.json`. `defineRuleSet` applies it and the checks of references between parts.
 *
 * @example
 * ```ts
 * const shape = RuleSetSchema.safeParse(document); // structure only; use defineRuleSet for a usable rule set
 * ```
 */
export const RuleSetSchema = z.strictObject({
  $schema: z.string().optional().meta({ description: 'Path or URL of this JSON Schema, for editors' }),
  formatVersion: z.literal([1, 2]).optional().meta({
    description:
      'Format version: 2 when the document uses shared conditions or fact values, else 1; absent, the lowest that fits',
  }),
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a rule-set id is kebab-case, e.g. guangxi-2021')
    .meta({ description: 'Kebab-case id, e.g. guangxi-2021' }),
  version: z
    .string()
    .regex(
      /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/,
      'a version is semver, e.g. 1.0.0',
    )
    .meta({ description: 'Semantic version of the rule set, e.g. 1.0.0' }),
  title: TextSchema.meta({ description: 'Title of the rubric' }),
  provenance: ProvenanceSchema.meta({ description: 'Where the rule set comes from, and whether official' }),
  effective: z
    .strictObject({
      from: IsoDateSchema.meta({ description: 'First day in force, YYYY-MM-DD' }),
      until: IsoDateSchema.optional().meta({ description: 'Last day in force, YYYY-MM-DD' }),
    })
    .optional()
    .meta({ description: 'Dates the rule set is in force' }),
  extends: z.string().optional().meta({ description: 'Id of the rule set this one varies' }),
  facts: z
    .record(FactIdSchema, FactDefinitionSchema)
    .meta({ description: 'Fact id → the question and its answer type' }),
  conditions: z.record(ConditionNameSchema, ConditionSchema).optional().meta({
    description:
      'Shared conditions by name, each referenced as { condition: name } (format version 2); all, any, not or a reference at the root',
  }),
  scope: ConditionSchema.optional().meta({ description: 'The estates the rule set applies to' }),
  focus: ConditionSchema.optional().meta({
    description:
      'The estates the policy concentrates on, reported on every result as inFocus; never changes eligibility.',
  }),
  scoring: ScoringSchema.meta({ description: 'How eligibility is decided' }),
  aspects: z.array(AspectSchema).min(1).meta({ description: 'Aspects, each with its requirements' }),
});

/** A rule-set document as stored in JSON, before `defineRuleSet` fills in defaults. */
export type RuleSetInput = z.input<typeof RuleSetSchema>;

restoreJit();
