import * as z from 'zod';
import { suspendJit } from '../reading/zod.js';
import { MonthDaySchema } from '../timeline/plan-schema.js';
import type { DeadlineStep } from '../words/workflow-words.js';
import type { ReviewTier } from './review-events.js';

// Built with zod's JIT off, which is put back at the end of the module (see util/zod.ts).
const restoreJit = suspendJit();

/**
 * A step of a year's round that may have a deadline, each the step of one tier: the estate applies
 * (`applied`), a bureau receives it (`application-received`), the city reviews it (`city-review`: passed
 * or returned), submits the year's list (`submitted-to-region`), and the region re-checks it
 * (`region-recheck`: passed, or rectification required).
 *
 * @example
 * ```ts
 * const step: DeadlineStep = 'region-recheck';
 * ```
 */
export type { DeadlineStep };

/**
 * Every step of a year's round that may have a deadline, in the order they come.
 *
 * @example
 * ```ts
 * deadlineSteps.includes('city-review'); // true
 * ```
 */
export const deadlineSteps: readonly DeadlineStep[] = Object.freeze([
  'applied',
  'application-received',
  'city-review',
  'submitted-to-region',
  'region-recheck',
] as const);

const DeadlineBasisSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('plan-clause'),
    clause: z.string().min(1).meta({ description: 'The clause, as the plan numbers it, e.g. 五（二）.' }),
    quote: z.string().min(1).optional().meta({ description: 'The clause’s words, verbatim.' }),
  }),
  z.strictObject({
    kind: z.literal('drafted'),
    note: z.string().min(1).meta({ description: 'Why this date: no source states it.' }),
  }),
]);

const TierDeadlineSchema = z.strictObject({
  step: z.enum(deadlineSteps as [DeadlineStep, ...DeadlineStep[]]),
  tier: z.enum(['estate', 'county', 'city', 'region']),
  monthDay: MonthDaySchema.meta({
    description: 'The last day (MM-DD) in the round’s year; on it is on time.',
  }),
  basis: DeadlineBasisSchema,
});

/**
 * What a plugin declares about the application workflow (all optional): whether a re-inspection may revoke
 * a certified estate's title, and the last day of each step of a year's round.
 */
export const WorkflowPolicySchema = z.strictObject({
  revocation: z.boolean().optional(),
  deadlines: z.array(TierDeadlineSchema).optional(),
});

/**
 * The last day of one step of a year's round, with what it rests on: a clause of the city's plan, or the
 * plugin author's drafting (outputs say "drafted" beside such a date).
 *
 * @example
 * ```ts
 * const deadline: TierDeadline = {
 *   step: 'applied', tier: 'estate', monthDay: '09-30',
 *   basis: { kind: 'plan-clause', clause: '五（二）', quote: '每年10月前完成当年申报' },
 * };
 * ```
 */
export interface TierDeadline {
  readonly step: DeadlineStep;
  /** Whose step it is: the estate applies; a bureau, the city or the region acts on the application. */
  readonly tier: 'estate' | ReviewTier;
  /** The last day (MM-DD) in the round's year; a step on that day is on time. */
  readonly monthDay: string;
  readonly basis:
    | { readonly kind: 'plan-clause'; readonly clause: string; readonly quote?: string }
    | { readonly kind: 'drafted'; readonly note: string };
}

/**
 * The workflow rules a plugin declares (`Plugin.workflow`), which `foldApplication` and `foldCampaignYear`
 * take as their `workflow` option: whether re-inspection may revoke a title (`revocation`, by default not),
 * and the deadline of each step of a year's round (a step after its deadline is recorded and flagged late,
 * never refused: the plan's `applicationDeadline` is what refuses late applications).
 *
 * @example
 * ```ts
 * const state = foldApplication(events, { ruleSet, workflow: qinzhouPlugin.workflow });
 * state.lateSteps; // the steps taken after their deadline, if any
 * ```
 */
export interface WorkflowPolicy {
  readonly revocation?: boolean;
  readonly deadlines?: readonly TierDeadline[];
}

restoreJit();
