/**
 * The stable codes of `checkTimeline`'s findings. Users switch on these; they are part of the public contract.
 *
 * @example
 * ```ts
 * const blocking: TimelineIssueCode[] = ['QUOTAS_SUM_MISMATCH', 'QUOTA_BELOW_TARGET'];
 * ```
 */
export type TimelineIssueCode =
  /** By the end of a milestone year, the yearly quotas add up to less than the cumulative target. */
  | 'QUOTA_BELOW_TARGET'
  /** The yearly quotas do not add up to the total. */
  | 'QUOTAS_SUM_MISMATCH'
  /** A breakdown's parts do not add up to the total. */
  | 'BREAKDOWN_SUM_MISMATCH'
  /** A year's cohort lists more or fewer estates than that year's quota. */
  | 'COHORT_SIZE_MISMATCH'
  /** The same estate is named twice in the cohorts. */
  | 'COHORT_ESTATE_REPEATED'
  /** A milestone's year comes before an earlier-listed milestone's year, or repeats it. */
  | 'YEARS_OUT_OF_ORDER'
  /** A later milestone asks for a smaller share (or count) than an earlier one. */
  | 'SHARES_DECREASE'
  /** A count milestone is larger than the total. */
  | 'MILESTONE_EXCEEDS_TOTAL'
  /** A share milestone is below 0 or above 1. */
  | 'SHARE_OUT_OF_RANGE'
  /** A quota is set for a year that has no milestone. */
  | 'QUOTA_YEAR_WITHOUT_MILESTONE'
  /** A milestone, quota or cohort falls before the plan's `startYear`. */
  | 'YEAR_BEFORE_START'
  /** The quotas named by a milestone year exceed the least count that meets its share (or count): which is the target? */
  | 'SHARE_FLOOR_BELOW_QUOTA'
  /** The quotas since the previous milestone are fewer than the step between the two targets: met only if earlier years ran ahead. */
  | 'QUOTA_BELOW_STEP'
  /** A cohort names estates in an area that an area breakdown does not list, so the two cannot be matched. */
  | 'COHORT_AREA_NOT_IN_BREAKDOWN'
  /** The cohorts name more estates in an area than an area breakdown counts there. */
  | 'COHORT_EXCEEDS_AREA'
  /** An area breakdown lists an area and an area within it; the plan does not say whether the larger count includes the smaller. */
  | 'BREAKDOWN_PARTS_OVERLAP'
  /** An area breakdown counts estates in an area to which the plan gives no level, while it sorts estates by level. */
  | 'AREA_LEVEL_UNKNOWN'
  /** The plan describes the population its total counts in different words in different clauses. */
  | 'TOTAL_DESCRIBED_DIFFERENTLY'
  /** The plan restates its total with a different number. */
  | 'TOTAL_RESTATED_DIFFERENTLY';

/**
 * How much a finding weighs: an `error` makes the plan impossible as written, a `warning` makes it doubtful, a
 * `notice` points at a reading the plan leaves open.
 *
 * @example
 * ```ts
 * const blocking = report.issues.filter((issue) => issue.severity === 'error');
 * ```
 */
export type TimelineIssueSeverity = 'error' | 'warning' | 'notice';

/**
 * The severity of each finding code; a code's severity never depends on the plan.
 *
 * @example
 * ```ts
 * timelineIssueSeverity.QUOTAS_SUM_MISMATCH; // 'error'
 * ```
 */
export const timelineIssueSeverity: Readonly<Record<TimelineIssueCode, TimelineIssueSeverity>> = {
  QUOTA_BELOW_TARGET: 'error',
  QUOTAS_SUM_MISMATCH: 'error',
  BREAKDOWN_SUM_MISMATCH: 'warning',
  COHORT_SIZE_MISMATCH: 'warning',
  COHORT_ESTATE_REPEATED: 'error',
  YEARS_OUT_OF_ORDER: 'error',
  SHARES_DECREASE: 'error',
  MILESTONE_EXCEEDS_TOTAL: 'error',
  SHARE_OUT_OF_RANGE: 'error',
  QUOTA_YEAR_WITHOUT_MILESTONE: 'warning',
  YEAR_BEFORE_START: 'warning',
  SHARE_FLOOR_BELOW_QUOTA: 'notice',
  QUOTA_BELOW_STEP: 'warning',
  COHORT_AREA_NOT_IN_BREAKDOWN: 'warning',
  COHORT_EXCEEDS_AREA: 'error',
  BREAKDOWN_PARTS_OVERLAP: 'notice',
  AREA_LEVEL_UNKNOWN: 'notice',
  TOTAL_DESCRIBED_DIFFERENTLY: 'notice',
  TOTAL_RESTATED_DIFFERENTLY: 'warning',
};

/** A JSON path into a plan. */
export type PlanPath = readonly (string | number)[];

/**
 * One inconsistency in a target plan, in words (English `message`, Chinese `messageZh`, both in `text`) and as
 * data: its severity, the values it compares and the clauses of the plan they come from.
 *
 * @example
 * ```ts
 * const issue: TimelineIssue = {
 *   code: 'QUOTAS_SUM_MISMATCH',
 *   severity: 'error',
 *   message: 'The yearly quotas add up to 27 estates, but the plan’s total is 26.',
 *   messageZh: '各年度创建数量合计27个，与总数26个不一致。',
 *   text: { zh: '各年度创建数量合计27个，与总数26个不一致。', en: 'The yearly quotas add up to 27 estates, but the plan’s total is 26.' },
 *   path: ['quotas'],
 *   compares: [['quotas'], ['total']],
 *   clauses: ['五（二）', '一'],
 *   expected: 26,
 *   actual: 27,
 * };
 * ```
 */
export interface TimelineIssue extends TimelineIssueDraft {
  readonly severity: TimelineIssueSeverity;
  /** The clauses of the plan document that the compared values come from (from `plan.sources` and `clause` fields), e.g. ['一', '五（二）']. */
  readonly clauses: readonly string[];
  /** The message in both languages: `{ zh: messageZh, en: message }`. */
  readonly text: { readonly zh: string; readonly en: string };
}

/**
 * A finding before the plan's clauses and its severity are attached: what each check builds.
 *
 * @example
 * ```ts
 * const draft: TimelineIssueDraft = timelineIssue.quotasSumMismatch(27, 26);
 * draft.compares; // [['quotas'], ['total']]
 * ```
 */
export interface TimelineIssueDraft {
  readonly code: TimelineIssueCode;
  /** English wording. */
  readonly message: string;
  /** Chinese wording (authoritative). */
  readonly messageZh: string;
  /** Where in the plan the problem is, as a JSON path. */
  readonly path: PlanPath;
  /** The values of the plan the finding compares, as JSON paths. */
  readonly compares: readonly PlanPath[];
  /** The area, for the area findings. */
  readonly area?: string;
  readonly year?: number;
  /** The breakdown's name, for `BREAKDOWN_SUM_MISMATCH`. */
  readonly breakdown?: string;
  /** The estate's name, for `COHORT_ESTATE_REPEATED`. */
  readonly estate?: string;
  /** The number the plan's other figures call for (the total, the target, the quota). */
  readonly expected?: number;
  /** The number the plan actually has. */
  readonly actual?: number;
}
