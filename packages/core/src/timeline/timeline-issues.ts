import { countShare, exactShare, formatPercent } from '../util/fraction.js';
import { clipText } from '../util/show-value.js';
import type { RankedMilestone } from './milestones.js';

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
  | 'YEAR_BEFORE_START';

/**
 * One inconsistency in a target plan, in words (English `message`, Chinese `messageZh`) and as data.
 *
 * @example
 * ```ts
 * const issue: TimelineIssue = {
 *   code: 'QUOTAS_SUM_MISMATCH',
 *   message: 'The yearly quotas add up to 27 estates, but the plan’s total is 26.',
 *   messageZh: '各年度创建数量合计27个，与总数26个不一致。',
 *   path: ['quotas'],
 *   expected: 26,
 *   actual: 27,
 * };
 * ```
 */
export interface TimelineIssue {
  readonly code: TimelineIssueCode;
  readonly message: string;
  readonly messageZh: string;
  /** Where in the plan the problem is, as a JSON path. */
  readonly path: readonly (string | number)[];
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

const percentOf = (count: number, total: number): string => formatPercent(countShare(count, total));

function describeMilestone(entry: RankedMilestone, total: number): { en: string; zh: string } {
  const percent = formatPercent(entry.fraction);
  if ('count' in entry.milestone) {
    return {
      en: `${entry.milestone.count} estates, ${percent}`,
      zh: `${entry.milestone.count}个，${percent}`,
    };
  }
  return {
    en: `${percent}, ${entry.cumulativeTarget} of ${total}`,
    zh: `${percent}，即${total}个中的${entry.cumulativeTarget}个`,
  };
}

/**
 * Builds each finding of `checkTimeline` with its English and Chinese message, so the wording lives in one place.
 *
 * @example
 * ```ts
 * timelineIssue.quotasSumMismatch(27, 26).message; // 'The yearly quotas add up to 27 estates, but the plan’s total is 26.'
 * ```
 */
export const timelineIssue = {
  quotaBelowTarget(
    year: number,
    cumulativeQuota: number,
    cumulativeTarget: number,
    total: number,
    milestoneShare: number,
  ): TimelineIssue {
    const targetPercent = formatPercent(exactShare(milestoneShare));
    return {
      code: 'QUOTA_BELOW_TARGET',
      message: `By the end of ${year} the yearly quotas add up to ${cumulativeQuota} estates (${percentOf(cumulativeQuota, total)} of ${total}), below the cumulative target of ${cumulativeTarget} (${targetPercent} of ${total}).`,
      messageZh: `截至${year}年底，各年度创建数量累计${cumulativeQuota}个（占总数${total}个的${percentOf(cumulativeQuota, total)}），低于累计目标${cumulativeTarget}个（总数的${targetPercent}）。`,
      path: ['quotas', String(year)],
      year,
      expected: cumulativeTarget,
      actual: cumulativeQuota,
    };
  },

  quotasSumMismatch(sum: number, total: number): TimelineIssue {
    return {
      code: 'QUOTAS_SUM_MISMATCH',
      message: `The yearly quotas add up to ${sum} estates, but the plan’s total is ${total}.`,
      messageZh: `各年度创建数量合计${sum}个，与总数${total}个不一致。`,
      path: ['quotas'],
      expected: total,
      actual: sum,
    };
  },

  breakdownSumMismatch(
    index: number,
    name: string,
    parts: Readonly<Record<string, number>>,
    sum: number,
    total: number,
  ): TimelineIssue {
    const list = Object.entries(parts).map(([part, count]) => `${part} ${count}`);
    const listZh = Object.entries(parts).map(([part, count]) => `${part}${count}个`);
    return {
      code: 'BREAKDOWN_SUM_MISMATCH',
      message: `The breakdown “${clipText(name)}” adds up to ${sum} estates (${clipText(list.join(', '), 120)}), but the plan’s total is ${total}.`,
      messageZh: `分项“${clipText(name)}”合计${sum}个（${clipText(listZh.join('，'), 120)}），与总数${total}个不一致。`,
      path: ['breakdowns', index, 'parts'],
      breakdown: name,
      expected: total,
      actual: sum,
    };
  },

  cohortSizeMismatch(year: number, size: number, quota: number, hasQuota: boolean): TimelineIssue {
    const quotaEn = hasQuota
      ? `the quota for ${year} is ${quota}`
      : `the plan sets no quota or milestone for ${year}`;
    const quotaZh = hasQuota ? `当年创建数量为${quota}个` : `方案未安排${year}年的创建数量或目标`;
    return {
      code: 'COHORT_SIZE_MISMATCH',
      message: `The ${year} cohort lists ${size} estates, but ${quotaEn}.`,
      messageZh: `${year}年创建名单列出${size}个小区，但${quotaZh}。`,
      path: ['cohorts', String(year)],
      year,
      expected: quota,
      actual: size,
    };
  },

  cohortEstateRepeated(estate: string, year: number, index: number, firstYear: number): TimelineIssue {
    const where =
      firstYear === year ? `twice in the ${year} cohort` : `in the cohorts of both ${firstYear} and ${year}`;
    const whereZh =
      firstYear === year ? `在${year}年名单中出现两次` : `同时列入${firstYear}年和${year}年的名单`;
    return {
      code: 'COHORT_ESTATE_REPEATED',
      message: `The estate “${clipText(estate)}” is listed ${where}; an estate is certified once.`,
      messageZh: `小区“${clipText(estate)}”${whereZh}，每个小区只创建一次。`,
      path: ['cohorts', String(year), index, 'name'],
      year,
      estate,
    };
  },

  yearsOutOfOrder(entry: RankedMilestone, latestYearBefore: number): TimelineIssue {
    const position = entry.index + 1;
    const repeated = entry.year === latestYearBefore;
    return {
      code: 'YEARS_OUT_OF_ORDER',
      message: repeated
        ? `Milestone ${position} repeats the year ${entry.year}; each year has one milestone at most.`
        : `Milestone ${position} (${entry.year}) is listed after the ${latestYearBefore} milestone; list milestones in increasing year order.`,
      messageZh: repeated
        ? `第${position}个目标重复了${entry.year}年，每年最多一个目标。`
        : `第${position}个目标（${entry.year}年）排在${latestYearBefore}年目标之后，请按年份先后排列。`,
      path: ['milestones', entry.index, 'year'],
      year: entry.year,
    };
  },

  sharesDecrease(entry: RankedMilestone, previous: RankedMilestone, total: number): TimelineIssue {
    const current = describeMilestone(entry, total);
    const earlier = describeMilestone(previous, total);
    return {
      code: 'SHARES_DECREASE',
      message: `The ${entry.year} milestone (${current.en}) is below the ${previous.year} milestone (${earlier.en}); cumulative targets cannot decrease.`,
      messageZh: `${entry.year}年目标（${current.zh}）低于${previous.year}年目标（${earlier.zh}），累计目标不能下降。`,
      path: ['milestones', entry.index],
      year: entry.year,
      expected: previous.cumulativeTarget,
      actual: entry.cumulativeTarget,
    };
  },

  milestoneExceedsTotal(entry: RankedMilestone, count: number, total: number): TimelineIssue {
    return {
      code: 'MILESTONE_EXCEEDS_TOTAL',
      message: `The ${entry.year} milestone of ${count} estates exceeds the plan’s total of ${total}.`,
      messageZh: `${entry.year}年目标${count}个，超过总数${total}个。`,
      path: ['milestones', entry.index, 'count'],
      year: entry.year,
      expected: total,
      actual: count,
    };
  },

  shareOutOfRange(entry: RankedMilestone, share: number): TimelineIssue {
    const percent = formatPercent(entry.fraction);
    return {
      code: 'SHARE_OUT_OF_RANGE',
      message: `The ${entry.year} milestone’s share ${share} (${percent}) is outside 0 to 1 (0% to 100%).`,
      messageZh: `${entry.year}年目标比例${share}（${percent}）不在0到1（0%至100%）之间。`,
      path: ['milestones', entry.index, 'share'],
      year: entry.year,
      actual: share,
    };
  },

  quotaYearWithoutMilestone(year: number, quota: number): TimelineIssue {
    return {
      code: 'QUOTA_YEAR_WITHOUT_MILESTONE',
      message: `The plan sets a quota of ${quota} for ${year}, but has no milestone for ${year}.`,
      messageZh: `方案安排了${year}年创建${quota}个，但没有${year}年的目标。`,
      path: ['quotas', String(year)],
      year,
      actual: quota,
    };
  },

  yearBeforeStart(
    what: { en: string; zh: string },
    year: number,
    startYear: number,
    path: readonly (string | number)[],
  ): TimelineIssue {
    return {
      code: 'YEAR_BEFORE_START',
      message: `The ${what.en} for ${year} comes before the plan’s start year ${startYear}.`,
      messageZh: `${year}年的${what.zh}早于方案起始年份${startYear}年。`,
      path,
      year,
    };
  },
};
