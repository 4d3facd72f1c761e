import * as z from 'zod';
import { suspendJit } from '../reading/zod.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

/** Bilingual wording in a plan: Chinese is authoritative, English helps other readers. */
export const PlanTextSchema = z.strictObject({
  zh: z.string().min(1).meta({ description: 'Chinese wording (authoritative).' }),
  en: z.string().min(1).optional().meta({ description: 'English wording, for readers of English.' }),
});

const ClauseSchema = z
  .string()
  .min(1)
  .meta({ description: 'The clause of the plan document, by its own numbering, e.g. 五（一）.' });

const PathSchema = z.array(z.union([z.string(), z.int()])).meta({
  description: 'JSON path of a value in this plan, e.g. ["quotas", "2021"].',
});

/** Where one value of a plan comes from: the clause and the plan's own words. */
export const PlanSourceSchema = z
  .strictObject({
    path: PathSchema,
    clause: ClauseSchema,
    quote: z.string().min(1).meta({ description: 'The plan’s words, verbatim.' }),
    note: PlanTextSchema.optional().meta({
      description: 'A reading or decision the transcription made.',
    }),
  })
  .meta({ description: 'The clause and words of the plan that one value is transcribed from.' });

/** An area the plan counts estates in: its level and, where known, the area it lies within. */
export const PlanAreaSchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'The area’s name as the plan writes it, e.g. 灵山县.' }),
    level: z.string().min(1).optional().meta({
      description:
        'The administrative level its estates fall in (e.g. city, county); absent when the plan gives none.',
    }),
    within: z.string().min(1).optional().meta({
      description: 'The name of a larger area this one lies within, e.g. a district within 市辖区.',
    }),
    note: PlanTextSchema.optional().meta({ description: 'Where the level or the nesting comes from.' }),
  })
  .meta({ description: 'An area of the plan: a county, district, zone, or a grouping such as 市本级.' });

/** One place where the plan states, or refers to, the population its total counts. */
export const TotalStatementSchema = z
  .strictObject({
    counts: z.string().min(1).meta({
      description:
        'What the plan says it counts here, in its own words, e.g. 200户以上已建成入住的保障性住房小区.',
    }),
    count: z
      .int()
      .min(0)
      .optional()
      .meta({ description: 'The number stated with it; absent where the plan names the population only.' }),
    clause: ClauseSchema.optional(),
  })
  .meta({ description: 'A statement of what the total counts (and how many), from one clause.' });

export { PolicyDocumentSchema } from '../provenance/policy-document.js';

/** A goal the plan sets for a year without a number. */
export const DatedGoalSchema = z
  .strictObject({
    id: z.string().min(1).meta({ description: 'Id of the goal, unique in the plan' }),
    year: z.int().min(1000).max(9999).meta({ description: 'Due by the end of this year.' }),
    goal: PlanTextSchema.meta({ description: 'The goal, in the plan’s words' }),
    clause: ClauseSchema.optional(),
  })
  .meta({ description: 'A dated goal in words: the plan gives no figure, so none is stored.' });

/** A standing rule of the plan, e.g. for new estates. */
export const PlanRuleSchema = z
  .strictObject({
    id: z.string().min(1).meta({ description: 'Id of the rule, unique in the plan' }),
    appliesTo: PlanTextSchema.meta({
      description: 'What the rule applies to, e.g. new affordable-housing estates.',
    }),
    rule: PlanTextSchema.meta({ description: 'The rule, in the plan’s words' }),
    clause: ClauseSchema.optional(),
  })
  .meta({ description: 'A rule the plan sets, in words.' });

/** A way the plan names of paying for the work. */
export const FundingRouteSchema = z
  .strictObject({
    id: z.string().min(1).meta({ description: 'Id of the route, unique in the plan' }),
    source: PlanTextSchema.meta({ description: 'Where the money comes from, e.g. 中央预算内投资.' }),
    pays: PlanTextSchema.optional().meta({ description: 'What it pays for, as the plan says.' }),
    responsible: PlanTextSchema.optional().meta({ description: 'Who secures or arranges it.' }),
    amount: PlanTextSchema.meta({
      description: 'The figure the plan gives, in words; where it gives none, say so (e.g. 方案未给出金额).',
    }),
    clause: ClauseSchema.optional(),
  })
  .meta({ description: 'A funding route of the plan, with its figure or the statement that it has none.' });

/** Who leads the campaign: the leading group's roles and duties, and the bodies below it. */
export const PlanOrganizationSchema = z
  .strictObject({
    name: PlanTextSchema.meta({ description: 'The leading body, e.g. 领导小组.' }),
    duties: z
      .array(PlanTextSchema)
      .meta({ description: 'What it is responsible for, e.g. 统筹、协调、督查、考核.' }),
    roles: z
      .array(
        z.strictObject({
          role: PlanTextSchema.meta({ description: 'e.g. 组长.' }),
          heldBy: PlanTextSchema.meta({ description: 'The post that holds it (not the person).' }),
        }),
      )
      .optional()
      .meta({ description: 'Roles of the leading body and the posts that hold them' }),
    office: PlanTextSchema.optional().meta({ description: 'Where its office sits and what it does.' }),
    localBodies: PlanTextSchema.optional().meta({
      description: 'What the plan asks of the county and district level, e.g. 各县、区要成立相应机构.',
    }),
    clause: ClauseSchema.optional(),
  })
  .meta({ description: 'The campaign’s organization.' });

/** The plan's joint meeting: how often, who convenes it, and what it is for. */
export const MeetingsSchema = z
  .strictObject({
    every: z.literal('quarter').meta({ description: 'How often the joint meeting convenes.' }),
    convenedBy: PlanTextSchema.optional().meta({ description: 'Who convenes it.' }),
    purpose: z
      .array(PlanTextSchema)
      .optional()
      .meta({ description: 'What it is for, e.g. 通报工作进度; 研究解决难点问题.' }),
  })
  .meta({ description: 'The plan’s joint meeting schedule.' });

/**
 * Bilingual words in a plan: `zh` is authoritative, `en` helps other readers (as zod reads them, `en` may be
 * absent or undefined).
 *
 * @example
 * ```ts
 * const words: PlanWords = { zh: '方案未给出金额', en: 'no figure in the plan' };
 * ```
 */
export interface PlanWords {
  readonly zh: string;
  readonly en?: string | undefined;
}

/**
 * The clause and words of the plan that one value comes from.
 *
 * @example
 * ```ts
 * const source: PlanSource = { path: ['quotas', '2022'], clause: '五（二）', quote: '2022年申报9个' };
 * ```
 */
export interface PlanSource {
  readonly path: readonly (string | number)[];
  readonly clause: string;
  readonly quote: string;
  readonly note?: PlanWords | undefined;
}

/**
 * An area of a plan, with its level and the area it lies within where known.
 *
 * @example
 * ```ts
 * const area: PlanArea = { name: '钦北区', within: '市辖区' };
 * ```
 */
export interface PlanArea {
  readonly name: string;
  readonly level?: string | undefined;
  readonly within?: string | undefined;
  readonly note?: PlanWords | undefined;
}

/**
 * One statement of what a plan's total counts.
 *
 * @example
 * ```ts
 * const statement: TotalStatement = { counts: '200户以上已建成入住的保障性住房小区', count: 26, clause: '五（一）' };
 * ```
 */
export interface TotalStatement {
  readonly counts: string;
  readonly count?: number | undefined;
  readonly clause?: string | undefined;
}

export type { PolicyDocument } from '../provenance/policy-document.js';

/**
 * A dated goal in words, with no figure.
 *
 * @example
 * ```ts
 * const goal: DatedGoal = { id: 'gaps-closed', year: 2025, goal: { zh: '基本补齐…短板' }, clause: '一' };
 * ```
 */
export interface DatedGoal {
  readonly id: string;
  readonly year: number;
  readonly goal: PlanWords;
  readonly clause?: string | undefined;
}

/**
 * A standing rule of a plan.
 *
 * @example
 * ```ts
 * const rule: PlanRule = { id: 'new-estates', appliesTo: { zh: '新建小区' }, rule: { zh: '同步规划、同步建设…' } };
 * ```
 */
export interface PlanRule {
  readonly id: string;
  readonly appliesTo: PlanWords;
  readonly rule: PlanWords;
  readonly clause?: string | undefined;
}

/**
 * A funding route, with its figure or the statement that the plan gives none.
 *
 * @example
 * ```ts
 * const route: FundingRoute = { id: 'social-capital', source: { zh: '社会资本' }, amount: { zh: '方案未给出金额' } };
 * ```
 */
export interface FundingRoute {
  readonly id: string;
  readonly source: PlanWords;
  readonly pays?: PlanWords | undefined;
  readonly responsible?: PlanWords | undefined;
  /** The figure in words; where the plan gives none, the words say so. */
  readonly amount: PlanWords;
  readonly clause?: string | undefined;
}

/**
 * The campaign's leading body, its duties and roles, and what the plan asks of the bodies below it.
 *
 * @example
 * ```ts
 * const organization: PlanOrganization = { name: { zh: '领导小组' }, duties: [{ zh: '统筹' }, { zh: '考核' }] };
 * ```
 */
export interface PlanOrganization {
  readonly name: PlanWords;
  readonly duties: readonly PlanWords[];
  readonly roles?: readonly { readonly role: PlanWords; readonly heldBy: PlanWords }[] | undefined;
  readonly office?: PlanWords | undefined;
  readonly localBodies?: PlanWords | undefined;
  readonly clause?: string | undefined;
}

restoreJit();
