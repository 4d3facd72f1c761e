import * as z from 'zod';
import { issueFromZod } from '../errors/from-zod.js';
import type { IssueOf } from '../errors/rubric-error.js';
import { suspendJit } from '../reading/zod.js';
import {
  AspectSchema,
  ConditionNameSchema,
  ConditionSchema,
  FactDefinitionSchema,
  FactIdSchema,
  IsoDateSchema,
  RequirementSchema,
  RuleSetSchema,
  StandardSchema,
  TextSchema,
  UnevidencedSchema,
} from '../rule-set/schema.js';
import { isPlainObject } from '../util/guards.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

const ItemReferenceSchema = z.string().min(1, 'an id is a non-empty string');

const ScoringPatchSchema = z
  .strictObject({
    mode: z
      .enum(['compliance-rate', 'points'])
      .optional()
      .meta({ description: 'How eligibility is decided' }),
    threshold: z
      .number()
      .min(0, 'threshold is a share between 0 and 1')
      .max(1, 'threshold is a share between 0 and 1')
      .optional()
      .meta({ description: 'Share of applicable standards to meet, 0 to 1' }),
    minMetPerRequirement: z
      .int()
      .min(0)
      .optional()
      .meta({ description: 'Standards each requirement must meet' }),
    notApplicable: z
      .literal('exclude')
      .optional()
      .meta({ description: 'Inapplicable standards leave the count' }),
    passMark: z.number().min(0).optional().meta({ description: 'Points needed in total' }),
    aspectMinimums: z
      .record(z.string(), z.number().min(0))
      .optional()
      .meta({ description: 'Aspect id → points needed in that aspect' }),
    unevidenced: UnevidencedSchema.optional(),
  })
  .meta({
    description:
      'Scoring fields to change. With the base’s mode (or no mode), they are merged onto the base’s scoring; ' +
      'with another mode, they replace it whole and must be complete.',
  });

const ProvenancePatchSchema = z
  .strictObject({
    status: z.enum(['official', 'provisional']).optional().meta({ description: 'official or provisional' }),
    source: z.string().min(1).optional().meta({ description: 'Where the variant comes from' }),
    notes: z.string().optional().meta({ description: 'Anything a reader should know about it' }),
  })
  .meta({
    description:
      'Provenance fields to set, merged onto the default: the base’s status and source, with notes naming the variant.',
  });

const missingTo = (what: string) => ({ error: `to names the ${what} that gets the new item` });

/** Where each kind of addition goes: an aspect into the rule set, a requirement into an aspect, a standard into a requirement. */
export const additionKinds = ['aspect', 'requirement', 'standard'] as const;

const AdditionSchema = z
  .union([
    z.strictObject({
      to: ItemReferenceSchema.optional().meta({
        description: 'Leave out, or give the rule set’s id: aspects belong to the rule set.',
      }),
      aspect: AspectSchema.meta({ description: 'The new aspect' }),
    }),
    z.strictObject({
      to: z
        .string(missingTo('aspect'))
        .min(1)
        .meta({ description: 'Id of the aspect that gets the requirement.' }),
      requirement: RequirementSchema.meta({ description: 'The new requirement' }),
    }),
    z.strictObject({
      to: z
        .string(missingTo('requirement'))
        .min(1)
        .meta({ description: 'Id of the requirement that gets the standard.' }),
      standard: StandardSchema.meta({ description: 'The new standard' }),
    }),
  ])
  .meta({
    description: 'One new item, appended to the end of its parent: an aspect, a requirement or a standard.',
  });

/**
 * A patch for {@link extendRuleSet}: what a city or year variant changes in its base rule set. Plain JSON,
 * strict (unknown keys are rejected). Operations apply in this order: `remove` (ids looked up in the base),
 * `replace` (standards, by id, in the same place), `add` (in list order, so a later addition may go into an
 * earlier one); then `facts`, `conditions` (shared conditions: a condition adds or replaces one by name,
 * `null` removes the base's), `scoring` and the top-level fields.
 *
 * @example
 * ```ts
 * const parsed = RuleSetPatchSchema.safeParse({
 *   id: 'qinzhou-2021',
 *   version: '1.0.0',
 *   remove: ['s-heating'],
 *   scoring: { threshold: 0.9 },
 * });
 * parsed.success; // true
 * ```
 */
export const RuleSetPatchSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path or URL of this JSON Schema, for editors' }),
    id: RuleSetSchema.shape.id.meta({ description: 'Id of the variant rule set' }),
    version: RuleSetSchema.shape.version.meta({ description: 'Semantic version of the variant' }),
    title: TextSchema.optional().meta({ description: 'Title of the variant; absent keeps the base’s' }),
    provenance: ProvenancePatchSchema.optional(),
    effective: z
      .strictObject({
        from: IsoDateSchema.meta({ description: 'First day in force, YYYY-MM-DD' }),
        until: IsoDateSchema.optional().meta({ description: 'Last day in force, YYYY-MM-DD' }),
      })
      .nullable()
      .optional()
      .meta({ description: 'The variant’s effective dates; null drops the base’s; absent keeps them.' }),
    scope: ConditionSchema.nullable()
      .optional()
      .meta({ description: 'A new scope condition; null drops the base’s; absent keeps it.' }),
    focus: ConditionSchema.nullable()
      .optional()
      .meta({ description: 'A new focus condition; null drops the base’s; absent keeps it.' }),
    scoring: ScoringPatchSchema.optional(),
    facts: z
      .record(FactIdSchema, FactDefinitionSchema)
      .optional()
      .meta({ description: 'Facts to declare, by id; a definition replaces the base’s one of the same id.' }),
    conditions: z.record(ConditionNameSchema, ConditionSchema.nullable()).optional().meta({
      description:
        'Shared conditions by name: a condition adds one or replaces the base’s of that name; null removes the base’s.',
    }),
    remove: z.array(ItemReferenceSchema).optional().meta({
      description: 'Ids of aspects, requirements and standards of the base to remove (with what they hold).',
    }),
    add: z.array(AdditionSchema).optional().meta({ description: 'New aspects, requirements and standards' }),
    replace: z
      .array(StandardSchema)
      .optional()
      .meta({ description: 'Standards that take the place of the base’s standards with the same id.' }),
  })
  .meta({
    title: 'Rule-set patch',
    description: 'What a variant changes in its base rule set (see extendRuleSet).',
  });

/**
 * A patch as written, before it is validated; see {@link extendRuleSet}.
 *
 * @example
 * ```ts
 * const patch: RuleSetPatch = {
 *   id: 'qinzhou-2021',
 *   version: '1.0.0',
 *   add: [{ to: 'policing', standard: { id: 's-patrol', title: { zh: '夜间巡逻' }, condition } }],
 * };
 * ```
 */
export type RuleSetPatch = Immutable<z.input<typeof RuleSetPatchSchema>>;

/** Read-only all the way down, so that a rule set's (frozen, read-only) parts can go into a patch as they are. */
export type Immutable<T> = T extends readonly (infer Item)[]
  ? readonly Immutable<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: Immutable<T[Key]> }
    : T;

/** A patch after validation. */
export type ParsedPatch = z.output<typeof RuleSetPatchSchema>;

/**
 * zod's issues with paths into the patch. An addition is reported through the branch its key names
 * (`aspect`, `requirement` or `standard`), so the path reaches the offending field.
 */
export function patchIssuesFromZod(error: z.ZodError, patch: unknown): IssueOf<'INVALID_PATCH'>[] {
  return error.issues.flatMap((issue) => mapIssue(issue, [], patch));
}

function mapIssue(
  issue: z.core.$ZodIssue,
  prefix: readonly (string | number)[],
  patch: unknown,
): IssueOf<'INVALID_PATCH'>[] {
  const { path } = issueFromZod(issue, prefix);
  if (issue.code === 'invalid_union' && path.length === 2 && path[0] === 'add') {
    const addition =
      isPlainObject(patch) && Array.isArray(patch.add) ? patch.add[path[1] as number] : undefined;
    const kinds = additionKinds.filter((kind) => isPlainObject(addition) && kind in addition);
    const branch = kinds.length === 1 ? issue.errors[additionKinds.indexOf(kinds[0]!)] : undefined;
    if (branch) return branch.flatMap((inner) => mapIssue(inner, path, patch));
    return [
      {
        path,
        message: 'an addition has exactly one of aspect, requirement or standard (and `to`, its parent’s id)',
        kind: 'invalid-addition',
      },
    ];
  }
  return [issueFromZod(issue, prefix)];
}

restoreJit();
