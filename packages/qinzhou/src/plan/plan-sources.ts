import type { PlanSource as CorePlanSource } from '@sunshine-rubric/core';
import { qinzhouPlan } from './qinzhou-plan.js';

/**
 * Where one value of {@link qinzhouPlan} comes from: its JSON path in the plan, the clause of the 2021 Qinzhou
 * implementation plan, the plan's own words, and a note where the transcription had to read or decide
 * something. The same as core's `PlanSource`.
 *
 * @example
 * ```ts
 * const source: PlanSource = {
 *   path: ['quotas', '2022'],
 *   clause: '五（二）',
 *   quote: '2022年申报9个',
 * };
 * ```
 */
export type PlanSource = CorePlanSource;

/**
 * The source of every value in {@link qinzhouPlan}, clause by clause. Together with the package README's table,
 * this is how a reader checks the transcription against the plan. They live in the plan document itself
 * (`qinzhouPlan.sources`, and the shipped JSON), so that `checkTimeline` names the clauses each finding
 * compares. Numbers are transcribed as the plan states them, including where they disagree with each other (the survey breakdown adds up to 24, not 26):
 * `checkTimeline(qinzhouPlan)` reports the disagreement.
 *
 * @example
 * ```ts
 * const source = qinzhouPlanSources.find((entry) => entry.path.join('.') === 'breakdowns.0');
 * source?.clause; // '五（一）'
 * ```
 */
export const qinzhouPlanSources: readonly PlanSource[] = qinzhouPlan.sources ?? [];
