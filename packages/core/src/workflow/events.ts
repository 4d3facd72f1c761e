import * as z from 'zod';
import { suspendJit } from '../reading/zod.js';
import type { EvaluationResult } from '../result/types.js';
import { eventBase, routeShapes, tierOf } from './review-events.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

/**
 * Every kind of application event (see {@link ApplicationEventSchema}): the eight of the first release, in
 * the order they normally come, then the route's tiers, reviewers' decisions and re-inspection, added later
 * at the end so that the list only grows.
 *
 * @example
 * ```ts
 * applicationEventTypes.includes('applied'); // true
 * ```
 */
export const applicationEventTypes = Object.freeze([
  'self-check-completed',
  'applied',
  'city-review-passed',
  'city-review-returned',
  'region-recheck-passed',
  'rectification-required',
  'rectified',
  'certified',
  'application-received',
  'standard-reviewed',
  'submitted-to-region',
  'reinspected',
] as const);

/**
 * The kinds of application event.
 *
 * @example
 * ```ts
 * const type: ApplicationEventType = 'city-review-passed';
 * ```
 */
export type ApplicationEventType = (typeof applicationEventTypes)[number];

const base = eventBase;

/** The parts of an evaluation result a self-check event keeps. A whole `EvaluationResult` fits too. */
const SelfCheckSchema = z
  .looseObject({
    ruleSet: z
      .looseObject({
        id: z.string().min(1).meta({ description: 'Rule set id' }),
        version: z.string().min(1).meta({ description: 'Rule set version' }),
      })
      .meta({ description: 'The rule set scored against' }),
    assessmentId: z.string().optional().meta({ description: 'Id of the assessment scored' }),
    eligible: z.boolean().meta({ description: 'Whether the estate may apply' }),
    compliance: z
      .looseObject({
        met: z.int().min(0).meta({ description: 'Standards met' }),
        applicable: z.int().min(0).meta({ description: 'Standards that apply' }),
      })
      .meta({ description: 'Standards met out of those that apply' }),
  })
  .meta({
    description: 'The self-check’s verdict: an EvaluationResult, or its summary (see summariseSelfCheck).',
  });

const event = <Type extends string, Shape extends z.core.$ZodLooseShape>(
  type: Type,
  description: string,
  shape: Shape,
) =>
  z
    .strictObject({ type: z.literal(type).meta({ description: 'Kind of event' }), ...base, ...shape })
    .meta({ description });

/**
 * One step of an estate's certification application, as a system stores it for audit. The steps, in the
 * order they normally come:
 *
 * - `self-check-completed`: the estate was scored against the rule set (`evaluation`: the result's verdict);
 * - `applied`: the estate applied for a year's round (`year`, by default the year of `date`), which needs an
 *   eligible self-check and, when the plan sets one, comes by the year's application deadline;
 * - `application-received` (optional): the county or district housing bureau (`tier: 'county'`), or the
 *   city's for an estate it manages itself (`tier: 'city'`), received the application with its evidence;
 * - `standard-reviewed`: a reviewer's decision about one standard, by the tier at that step (`tier: 'city'`
 *   while the city reviews, `'region'` while the region re-checks or re-inspects): `agree`, `disagree`
 *   (`outcome` and a required `reason`) or `rectification-required` (`what`, `by`);
 * - `city-review-passed` / `city-review-returned`: the city's leading group reviewed the application (初审)
 *   and passed it, or returned it (the estate may self-check again and re-apply);
 * - `submitted-to-region` (optional): the city submitted the year's list, with this estate, to the region;
 * - `region-recheck-passed`: the region's re-check (复核认定) passed;
 * - `rectification-required` / `rectified`: the re-check asked for fixes (`standards`: which), and the estate
 *   made them (整改); the region re-checks again;
 * - `certified`: the estate was certified;
 * - `reinspected`: a later re-inspection (复查) `confirmed` the title, required rectification (`what`, `by`;
 *   then `rectified`), or `revoked` it (with a `reason`, where the rule set's plugin allows revocation).
 *
 * The route events the first release had take an optional `tier` too (`'city'` or `'region'`), so logs
 * stored without it stay valid.
 *
 * @example
 * ```ts
 * const parsed = ApplicationEventSchema.safeParse({ type: 'applied', date: '2021-09-01', actor: '香山四区物业' });
 * parsed.success; // true
 * ```
 */
export const ApplicationEventSchema = z
  .discriminatedUnion(
    'type',
    [
      event('self-check-completed', 'The estate was scored against the rule set.', {
        evaluation: SelfCheckSchema,
      }),
      event('applied', 'The estate applied for a year’s round.', {
        year: z
          .int()
          .min(1000)
          .max(9999)
          .optional()
          .meta({ description: 'The round’s year; by default the year of date.' }),
      }),
      event(
        'city-review-passed',
        'The city’s leading group reviewed the application (初审) and sent it on to the region.',
        tierOf('city'),
      ),
      event('city-review-returned', 'The city returned the application to the estate.', {
        ...tierOf('city'),
        reasons: z.array(z.string().min(1)).optional().meta({ description: 'Why it was returned' }),
      }),
      event('region-recheck-passed', 'The region’s re-check (复核认定) passed.', tierOf('region')),
      event('rectification-required', 'The region’s re-check asked for fixes.', {
        ...tierOf('region'),
        standards: z
          .array(z.string().min(1))
          .optional()
          .meta({ description: 'Ids of the standards to fix.' }),
      }),
      event('rectified', 'The estate made the fixes; the region re-checks again.', {}),
      event('certified', 'The estate was certified.', {
        ...tierOf('region'),
        certificate: z
          .string()
          .min(1)
          .optional()
          .meta({ description: 'The certificate’s number or reference.' }),
      }),
      event(
        'application-received',
        'A housing bureau received the application with its evidence.',
        routeShapes['application-received'],
      ),
      event('standard-reviewed', 'A reviewer decided about one standard.', routeShapes['standard-reviewed']),
      event(
        'submitted-to-region',
        'The city submitted the year’s list, with this estate, to the region.',
        routeShapes['submitted-to-region'],
      ),
      event('reinspected', 'A certified estate was re-inspected.', routeShapes.reinspected),
    ],
    {
      error: (issue) =>
        issue.code === 'invalid_union' ? `type is one of: ${applicationEventTypes.join(', ')}` : undefined,
    },
  )
  .meta({ title: 'Application event', description: 'One step of an estate’s certification application.' });

/**
 * One step of an application, as validated (each step is checked by {@link foldApplication}).
 *
 * @example
 * ```ts
 * const event: ApplicationEvent = { type: 'certified', date: '2021-12-20', actor: '自治区住建厅' };
 * ```
 */
export type ApplicationEvent = z.output<typeof ApplicationEventSchema>;

/**
 * A reviewer's decision about one standard, as an event (`type: 'standard-reviewed'`).
 *
 * @example
 * ```ts
 * const decision: StandardReviewedEvent = {
 *   type: 'standard-reviewed', date: '2021-10-08', actor: '市领导小组', tier: 'city',
 *   standard: 'S12', decision: 'disagree', outcome: 'unmet', reason: '监控未覆盖出入口',
 * };
 * ```
 */
export type StandardReviewedEvent = Extract<ApplicationEvent, { type: 'standard-reviewed' }>;

/**
 * A re-inspection of a certified estate, as an event (`type: 'reinspected'`).
 *
 * @example
 * ```ts
 * const reinspection: ReinspectedEvent = { type: 'reinspected', date: '2023-05-10', actor: '自治区住建厅', result: 'confirmed' };
 * ```
 */
export type ReinspectedEvent = Extract<ApplicationEvent, { type: 'reinspected' }>;

/**
 * The verdict of a self-check as an event keeps it.
 *
 * @example
 * ```ts
 * const summary: SelfCheckSummary = {
 *   ruleSet: { id: 'guangxi-2021', version: '1.0.0' }, assessmentId: 'a1', eligible: true,
 *   compliance: { met: 60, applicable: 65, total: 65, rate: 60 / 65 },
 * };
 * ```
 */
export interface SelfCheckSummary {
  readonly ruleSet: { readonly id: string; readonly version: string };
  readonly assessmentId: string;
  readonly eligible: boolean;
  readonly compliance: EvaluationResult['compliance'];
}

/**
 * The verdict of an evaluation, for a `self-check-completed` event: small enough to store with every
 * application, and enough to check that the estate was eligible when it applied.
 *
 * @example
 * ```ts
 * const result = evaluate(guangxi2021, assessment);
 * events.push({ type: 'self-check-completed', date: '2021-08-20', actor: '物业', evaluation: summariseSelfCheck(result) });
 * ```
 */
export function summariseSelfCheck(result: EvaluationResult): SelfCheckSummary {
  return {
    ruleSet: { id: result.ruleSet.id, version: result.ruleSet.version },
    assessmentId: result.assessmentId,
    eligible: result.eligible,
    compliance: { ...result.compliance },
  };
}

restoreJit();
