import * as z from 'zod';
import { suspendJit } from '../reading/zod.js';
import {
  DatedGoalSchema,
  FundingRouteSchema,
  MeetingsSchema,
  PlanAreaSchema,
  PlanOrganizationSchema,
  PlanRuleSchema,
  PlanSourceSchema,
  PlanTextSchema,
  PolicyDocumentSchema,
  TotalStatementSchema,
} from './plan-context-schema.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

const YearSchema = z
  .int()
  .min(1000, 'a year has four digits, e.g. 2021')
  .max(9999, 'a year has four digits, e.g. 2021')
  .meta({ description: 'A calendar year, e.g. 2021.' });

/** Keys of per-year maps (`quotas`, `cohorts`): JSON object keys, so the year is written as a string. */
const YearKeySchema = z
  .string()
  .regex(/^\d{4}$/, 'a year key has four digits, e.g. "2021"')
  .meta({ description: 'A calendar year written as a four-digit string, e.g. "2021".' });

const CountSchema = z.int().min(0, 'a count is a whole number, 0 or more');

/** Month-day of a real calendar day in every year (so no 02-29). Written as a pattern to stay in JSON Schema. */
export const MonthDaySchema = z
  .string()
  .regex(
    /^(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)$/,
    'a deadline is a month and day as MM-DD, e.g. 09-30 (02-29 is not allowed: it is missing in most years)',
  );

const ShareMilestoneSchema = z.strictObject({
  year: YearSchema.meta({ description: 'The milestone is due by the end of this year.' }),
  share: z.number().meta({
    description:
      'Cumulative share of the total certified by the end of the year, 0 to 1 (0.35 is 35%). Computed exactly from its decimal digits.',
  }),
});

const CountMilestoneSchema = z.strictObject({
  year: YearSchema.meta({ description: 'The milestone is due by the end of this year.' }),
  count: CountSchema.meta({ description: 'Cumulative number of estates certified by the end of the year.' }),
});

/**
 * One milestone: a cumulative share of the total, or a cumulative count of estates, by the end of a year.
 *
 * @example
 * ```ts
 * MilestoneSchema.parse({ year: 2021, share: 0.35 });
 * MilestoneSchema.parse({ year: 2022, count: 19 });
 * ```
 */
export const MilestoneSchema = z
  .union([ShareMilestoneSchema, CountMilestoneSchema], {
    error: 'a milestone has a year and either a share or a count (not both)',
  })
  .meta({ description: 'A cumulative target: `{ year, share }` or `{ year, count }`.' });

const BreakdownSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .meta({ description: 'What the breakdown divides the total by, e.g. "survey by area".' }),
  parts: z.record(z.string().min(1), CountSchema).meta({
    description:
      'Number of estates in each part, e.g. { "灵山县": 4 }. The parts should add up to the total.',
  }),
  by: z.literal('area').optional().meta({
    description:
      'What the parts are: `area` when each part is an area, so cohorts’ `area`s can be compared with them.',
  }),
});

const CohortEstateSchema = z.strictObject({
  name: z
    .string()
    .regex(/\S/, 'an estate has a name (not blank)')
    .meta({ description: 'The estate’s name, e.g. 香山四区: not empty, not only spaces.' }),
  area: z.string().min(1).optional().meta({ description: 'The district or county it belongs to.' }),
  level: z.string().min(1).optional().meta({ description: 'The administrative level, e.g. city or county.' }),
});

/**
 * A city's target plan: how many estates it certifies, by when. Strict (unknown keys are rejected) and plain
 * JSON; its JSON Schema comes from `z.toJSONSchema(TargetPlanSchema)`.
 *
 * @example
 * ```ts
 * const result = TargetPlanSchema.safeParse({
 *   total: 26,
 *   milestones: [{ year: 2021, share: 0.35 }, { year: 2024, share: 1 }],
 * });
 * result.success; // true; result.data.rounding === 'ceil'
 * ```
 */
export const TargetPlanSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'URL of this document’s JSON Schema.' }),
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a plan id is kebab-case, e.g. qinzhou-2021')
      .optional()
      .meta({ description: 'Kebab-case id of the plan, e.g. qinzhou-2021.' }),
    title: PlanTextSchema.optional().meta({ description: 'The plan’s title, `{ zh, en? }`.' }),
    total: z
      .int()
      .min(1, 'the total is a whole number of estates, 1 or more')
      .meta({ description: 'How many estates the plan certifies in all.' }),
    startYear: YearSchema.optional().meta({
      description: 'The first year of the plan, when it starts earlier than the first milestone.',
    }),
    milestones: z
      .array(MilestoneSchema)
      .min(1, 'a plan has at least one milestone')
      .meta({ description: 'Cumulative targets, in increasing year order.' }),
    quotas: z.record(YearKeySchema, CountSchema).optional().meta({
      description: 'Number of estates to certify in each year, e.g. { "2021": 11 }.',
    }),
    rounding: z.enum(['ceil', 'round', 'floor']).default('ceil').meta({
      description:
        'How a share of the total becomes a whole number of estates: ceil (at least the share, the default), round (half up) or floor.',
    }),
    breakdowns: z.array(BreakdownSchema).optional().meta({
      description: 'Divisions of the total (e.g. by area) whose parts should add up to the total.',
    }),
    cohorts: z.record(YearKeySchema, z.array(CohortEstateSchema)).optional().meta({
      description:
        'The estates to certify in each year, by name; each list should be as long as that year’s quota.',
    }),
    applicationDeadline: MonthDaySchema.optional().meta({
      description:
        'Last day (MM-DD) of each year to apply for that year’s round, e.g. 09-30 for “before October”.',
    }),
    allowLateApplications: z.boolean().default(false).meta({
      description: 'Whether the application workflow accepts applications after the deadline.',
    }),
    meetings: MeetingsSchema.optional(),
    areas: z.array(PlanAreaSchema).optional().meta({
      description: 'The areas the plan counts estates in, with their level and nesting where known.',
    }),
    totalStatements: z.array(TotalStatementSchema).optional().meta({
      description: 'Every place the plan states or names the population its total counts.',
    }),
    basis: z.array(PolicyDocumentSchema).optional().meta({
      description: 'The policy documents the plan rests on (根据…).',
    }),
    goals: z.array(DatedGoalSchema).optional().meta({
      description: 'Dated goals in words, without figures the plan does not give.',
    }),
    rules: z.array(PlanRuleSchema).optional().meta({ description: 'Standing rules of the plan, in words.' }),
    funding: z.array(FundingRouteSchema).optional().meta({
      description:
        'The funding routes the plan names, each with its figure or the statement that it has none.',
    }),
    organization: PlanOrganizationSchema.optional(),
    sources: z.array(PlanSourceSchema).optional().meta({
      description:
        'The clause and words of the plan each value comes from; findings of checkTimeline name these clauses.',
    }),
  })
  .meta({
    title: 'Target plan',
    description:
      'A city’s target plan for certifying estates: total, cumulative milestones and yearly quotas.',
  });

/**
 * A target plan as written in JSON, before defaults are filled in (`rounding`, `allowLateApplications`).
 *
 * @example
 * ```ts
 * const plan: TargetPlanInput = { total: 26, milestones: [{ year: 2024, count: 26 }] };
 * ```
 */
export type TargetPlanInput = z.input<typeof TargetPlanSchema>;

/**
 * A validated target plan, with defaults filled in.
 *
 * @example
 * ```ts
 * const plan: TargetPlan = defineTargetPlan({ total: 26, milestones: [{ year: 2024, share: 1 }] });
 * plan.rounding; // 'ceil'
 * ```
 */
export type TargetPlan = z.output<typeof TargetPlanSchema>;

/**
 * One cumulative target of a plan: a share of the total or a count of estates.
 *
 * @example
 * ```ts
 * const milestones: Milestone[] = [{ year: 2021, share: 0.35 }, { year: 2024, count: 26 }];
 * ```
 */
export type Milestone = z.output<typeof MilestoneSchema>;

/**
 * How a share of the total becomes a whole number of estates.
 *
 * @example
 * ```ts
 * const rounding: Rounding = 'ceil'; // 35% of 26 = 9.1 → 10
 * ```
 */
export type Rounding = TargetPlan['rounding'];

restoreJit();
