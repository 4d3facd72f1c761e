import * as z from 'zod';
import { suspendJit } from '../reading/zod.js';
import { IsoDateSchema } from '../rule-set/schema.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

/**
 * The tiers of the route, in the order an application meets them: the county or district housing bureau
 * (or the city's bureau, for an estate the city manages itself) receives it, the city's leading group
 * reviews it first (初审) and submits the year's list, the region's expert panel re-checks on site (复核认定).
 *
 * @example
 * ```ts
 * reviewTiers.indexOf('city') < reviewTiers.indexOf('region'); // true
 * ```
 */
export const reviewTiers: readonly ReviewTier[] = Object.freeze(['county', 'city', 'region'] as const);

/**
 * A tier of the route: the county or district bureau, the city, the region.
 *
 * @example
 * ```ts
 * const tier: ReviewTier = 'region';
 * ```
 */
export type ReviewTier = 'county' | 'city' | 'region';

/**
 * What a reviewer decides about one standard: `agree` with the self-assessed outcome, `disagree` (with the
 * reviewed outcome and a reason), or `rectification-required` (what to fix, by when).
 *
 * @example
 * ```ts
 * reviewDecisions.includes('disagree'); // true
 * ```
 */
export const reviewDecisions = Object.freeze(['agree', 'disagree', 'rectification-required'] as const);

/**
 * A reviewer's decision about one standard (see {@link reviewDecisions}).
 *
 * @example
 * ```ts
 * const decision: ReviewDecision = 'agree';
 * ```
 */
export type ReviewDecision = (typeof reviewDecisions)[number];

/**
 * The outcome a reviewer finds for a standard when disagreeing with the self-check.
 *
 * @example
 * ```ts
 * reviewedOutcomes; // ['met', 'unmet', 'not-applicable']
 * ```
 */
export const reviewedOutcomes = Object.freeze(['met', 'unmet', 'not-applicable'] as const);

/**
 * What re-inspecting a certified estate (复查) concludes: the title is `confirmed`, `rectification-required`
 * (what, by when), or `revoked` (only where the rule set's plugin allows revocation).
 *
 * @example
 * ```ts
 * reinspectionResults.includes('revoked'); // true
 * ```
 */
export const reinspectionResults = Object.freeze(['confirmed', 'rectification-required', 'revoked'] as const);

/** Fields every event has; kept here as well as in events.ts so that this module stands alone. */
export const eventBase = {
  date: IsoDateSchema.meta({
    description: 'The day it happened, YYYY-MM-DD. Events are recorded in date order.',
  }),
  actor: z.string().min(1, 'actor names who recorded the event').meta({
    description: 'Who did it or recorded it: a person, a department or a system.',
  }),
  note: z.string().optional().meta({ description: 'Free text for the record.' }),
};

const reasonSchema = z
  .string()
  .regex(/\S/, 'a reason is not blank')
  .optional()
  .meta({ description: 'Why, in words: kept in the record.' });

const rectificationFields = {
  what: z
    .string()
    .regex(/\S/, 'what to fix is not blank')
    .optional()
    .meta({ description: 'What must be fixed: required with rectification-required.' }),
  by: IsoDateSchema.optional().meta({
    description: 'The day by which it must be fixed, YYYY-MM-DD: required with rectification-required.',
  }),
};

const tierSchema = <const Tier extends ReviewTier>(tiers: readonly [Tier, ...Tier[]], description: string) =>
  z.enum(tiers).meta({ description });

// One flat object per event type, not a union per decision: the shipped JSON Schema then keeps one branch
// per `type`, which validators pick by its discriminator. What each decision needs besides (a reason, the
// outcome, what to fix and by when) is checked when the log is folded, at the field's path.

/**
 * A reviewer's decision about one standard, one event per decision: `agree`; `disagree` with `outcome`
 * (the reviewed outcome) and a required `reason`; `rectification-required` with `what` and `by`. A later
 * decision of the same tier on the same standard replaces the earlier one; both stay in the history.
 */
export const standardReviewedShape = {
  tier: tierSchema(['city', 'region'], 'Who decided: the city’s leading group or the region’s panel.'),
  standard: z.string().min(1).meta({ description: 'Id of the standard of the rule set decided on.' }),
  decision: z.enum(reviewDecisions).meta({
    description:
      'agree (with the self-check), disagree (needs outcome and reason), rectification-required (needs what and by).',
  }),
  outcome: z
    .enum(reviewedOutcomes)
    .optional()
    .meta({ description: 'The outcome the reviewer found: required with disagree, and only there.' }),
  reason: reasonSchema.meta({ description: 'Why, in words: required with disagree.' }),
  ...rectificationFields,
};

/**
 * Re-inspection of a certified estate (复查): `confirmed`; `rectification-required` with `what` and `by`;
 * `revoked` with a required `reason`.
 */
export const reinspectedShape = {
  tier: tierSchema(['region'], 'Who re-inspected: the region.').optional(),
  result: z.enum(reinspectionResults).meta({
    description: 'confirmed, rectification-required (needs what and by), or revoked (needs reason).',
  }),
  reason: reasonSchema.meta({ description: 'Why, in words: required with revoked.' }),
  ...rectificationFields,
};

/** The route's tier events that move an application along, as extra fields of each type. */
export const routeShapes = {
  'standard-reviewed': standardReviewedShape,
  reinspected: reinspectedShape,
  'application-received': {
    tier: tierSchema(
      ['county', 'city'],
      'The bureau that received it: the county or district housing bureau, or the city’s for an estate it manages itself.',
    ),
  },
  'submitted-to-region': {
    tier: tierSchema(['city'], 'The city submits the year’s list to the region.').optional(),
    year: z.int().min(1000).max(9999).optional().meta({ description: 'The year whose list it is.' }),
    listReference: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'The submitted list’s document number or reference.' }),
  },
} as const;

/** An optional `tier` on the events that existed before tiers did (logs stored without it stay valid). */
export const tierOf = (tier: ReviewTier) => ({
  tier: z
    .literal(tier)
    .optional()
    .meta({ description: `The tier that acted: always ${tier}.` }),
});

restoreJit();
