import { countShare, exactShare, formatPercent } from '../numbers/fraction.js';
import { clipText } from '../util/show-value.js';
import type { RankedMilestone } from './milestones.js';
import type { TimelineIssueDraft } from './timeline-issue-codes.js';

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
  ): TimelineIssueDraft {
    const targetPercent = formatPercent(exactShare(milestoneShare));
    return {
      code: 'QUOTA_BELOW_TARGET',
      compares: [['milestones'], ['quotas']],
      message: `By the end of ${year} the yearly quotas add up to ${cumulativeQuota} estates (${percentOf(cumulativeQuota, total)} of ${total}), below the cumulative target of ${cumulativeTarget} (${targetPercent} of ${total}).`,
      messageZh: `截至${year}年底，各年度创建数量累计${cumulativeQuota}个（占总数${total}个的${percentOf(cumulativeQuota, total)}），低于累计目标${cumulativeTarget}个（总数的${targetPercent}）。`,
      path: ['quotas', String(year)],
      year,
      expected: cumulativeTarget,
      actual: cumulativeQuota,
    };
  },

  quotasSumMismatch(sum: number, total: number): TimelineIssueDraft {
    return {
      code: 'QUOTAS_SUM_MISMATCH',
      compares: [['quotas'], ['total']],
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
  ): TimelineIssueDraft {
    const list = Object.entries(parts).map(([part, count]) => `${part} ${count}`);
    const listZh = Object.entries(parts).map(([part, count]) => `${part}${count}个`);
    return {
      code: 'BREAKDOWN_SUM_MISMATCH',
      compares: [['breakdowns', index], ['total']],
      message: `The breakdown “${clipText(name)}” adds up to ${sum} estates (${clipText(list.join(', '), 120)}), but the plan’s total is ${total}.`,
      messageZh: `分项“${clipText(name)}”合计${sum}个（${clipText(listZh.join('，'), 120)}），与总数${total}个不一致。`,
      path: ['breakdowns', index, 'parts'],
      breakdown: name,
      expected: total,
      actual: sum,
    };
  },

  cohortSizeMismatch(year: number, size: number, quota: number, hasQuota: boolean): TimelineIssueDraft {
    const quotaEn = hasQuota
      ? `the quota for ${year} is ${quota}`
      : `the plan sets no quota or milestone for ${year}`;
    const quotaZh = hasQuota ? `当年创建数量为${quota}个` : `方案未安排${year}年的创建数量或目标`;
    return {
      code: 'COHORT_SIZE_MISMATCH',
      compares: [['cohorts', String(year)], hasQuota ? ['quotas', String(year)] : ['milestones']],
      message: `The ${year} cohort lists ${size} estates, but ${quotaEn}.`,
      messageZh: `${year}年创建名单列出${size}个小区，但${quotaZh}。`,
      path: ['cohorts', String(year)],
      year,
      expected: quota,
      actual: size,
    };
  },

  cohortEstateRepeated(estate: string, year: number, index: number, firstYear: number): TimelineIssueDraft {
    const where =
      firstYear === year ? `twice in the ${year} cohort` : `in the cohorts of both ${firstYear} and ${year}`;
    const whereZh =
      firstYear === year ? `在${year}年名单中出现两次` : `同时列入${firstYear}年和${year}年的名单`;
    return {
      code: 'COHORT_ESTATE_REPEATED',
      compares: [
        ['cohorts', String(firstYear)],
        ['cohorts', String(year)],
      ],
      message: `The estate “${clipText(estate)}” is listed ${where}; an estate is certified once.`,
      messageZh: `小区“${clipText(estate)}”${whereZh}，每个小区只创建一次。`,
      path: ['cohorts', String(year), index, 'name'],
      year,
      estate,
    };
  },

  yearsOutOfOrder(entry: RankedMilestone, latestYearBefore: number): TimelineIssueDraft {
    const position = entry.index + 1;
    const repeated = entry.year === latestYearBefore;
    return {
      code: 'YEARS_OUT_OF_ORDER',
      compares: [['milestones']],
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

  sharesDecrease(entry: RankedMilestone, previous: RankedMilestone, total: number): TimelineIssueDraft {
    const current = describeMilestone(entry, total);
    const earlier = describeMilestone(previous, total);
    return {
      code: 'SHARES_DECREASE',
      compares: [
        ['milestones', previous.index],
        ['milestones', entry.index],
      ],
      message: `The ${entry.year} milestone (${current.en}) is below the ${previous.year} milestone (${earlier.en}); cumulative targets cannot decrease.`,
      messageZh: `${entry.year}年目标（${current.zh}）低于${previous.year}年目标（${earlier.zh}），累计目标不能下降。`,
      path: ['milestones', entry.index],
      year: entry.year,
      expected: previous.cumulativeTarget,
      actual: entry.cumulativeTarget,
    };
  },

  milestoneExceedsTotal(entry: RankedMilestone, count: number, total: number): TimelineIssueDraft {
    return {
      code: 'MILESTONE_EXCEEDS_TOTAL',
      compares: [['milestones', entry.index], ['total']],
      message: `The ${entry.year} milestone of ${count} estates exceeds the plan’s total of ${total}.`,
      messageZh: `${entry.year}年目标${count}个，超过总数${total}个。`,
      path: ['milestones', entry.index, 'count'],
      year: entry.year,
      expected: total,
      actual: count,
    };
  },

  shareOutOfRange(entry: RankedMilestone, share: number): TimelineIssueDraft {
    const percent = formatPercent(entry.fraction);
    return {
      code: 'SHARE_OUT_OF_RANGE',
      compares: [['milestones', entry.index]],
      message: `The ${entry.year} milestone’s share ${share} (${percent}) is outside 0 to 1 (0% to 100%).`,
      messageZh: `${entry.year}年目标比例${share}（${percent}）不在0到1（0%至100%）之间。`,
      path: ['milestones', entry.index, 'share'],
      year: entry.year,
      actual: share,
    };
  },

  quotaYearWithoutMilestone(year: number, quota: number): TimelineIssueDraft {
    return {
      code: 'QUOTA_YEAR_WITHOUT_MILESTONE',
      compares: [['quotas', String(year)], ['milestones']],
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
  ): TimelineIssueDraft {
    return {
      code: 'YEAR_BEFORE_START',
      compares: [path, ['startYear']],
      message: `The ${what.en} for ${year} comes before the plan’s start year ${startYear}.`,
      messageZh: `${year}年的${what.zh}早于方案起始年份${startYear}年。`,
      path,
      year,
    };
  },
};
