import { countShare, type Fraction, formatPercent } from '../numbers/fraction.js';
import { clipText } from '../util/show-value.js';
import type { RankedMilestone } from './milestones.js';
import type { PlanPath, TimelineIssueDraft } from './timeline-issue-codes.js';

const percentOf = (count: number, total: number): string => formatPercent(countShare(count, total));

/** `fraction × total` for a reader, e.g. 9.1 for 35% of 26 (display only; the checks compare exactly). */
function productOf(fraction: Fraction, total: number): string {
  const value = Number(fraction.numerator * BigInt(total)) / Number(fraction.denominator);
  return String(Math.round(value * 100) / 100);
}

/**
 * What a milestone asks for and the count that meets it, as the plan rounds: “35% of 26 = 9.1 → 10”.
 *
 * @example
 * ```ts
 * milestoneFloor(rankMilestones(defineTargetPlan(qinzhouPlan))[0]!, 26).zh; // '35%（26×35%=9.1→10个）'
 * ```
 */
export function milestoneFloor(entry: RankedMilestone, total: number): { en: string; zh: string } {
  if ('count' in entry.milestone) {
    return { en: `${entry.milestone.count} estates`, zh: `${entry.milestone.count}个` };
  }
  const percent = formatPercent(entry.fraction);
  const product = productOf(entry.fraction, total);
  return {
    en: `${percent} of ${total} = ${product} → ${entry.cumulativeTarget}`,
    zh: `${percent}（${total}×${percent}=${product}→${entry.cumulativeTarget}个）`,
  };
}

const joinEn = (items: readonly string[]): string => items.join(', ');
const joinZh = (items: readonly string[]): string => items.join('、');

/**
 * Builds the findings of the consistency checks over areas, floors and restatements, in both languages.
 *
 * @example
 * ```ts
 * planIssue.totalRestatedDifferently(0, 24, 26, '五（一）').messageZh; // '方案在五（一）写总数为24个，与总数26个不一致。'
 * ```
 */
export const planIssue = {
  shareFloorBelowQuota(
    entry: RankedMilestone,
    total: number,
    cumulativeQuota: number,
    quotaPaths: readonly PlanPath[],
  ): TimelineIssueDraft {
    const floor = milestoneFloor(entry, total);
    const { year, cumulativeTarget } = entry;
    return {
      code: 'SHARE_FLOOR_BELOW_QUOTA',
      message: `By the end of ${year} the yearly quotas name ${cumulativeQuota} estates (${percentOf(cumulativeQuota, total)} of ${total}), but the ${year} milestone, ${floor.en}, is met by ${cumulativeTarget}: the plan does not say whether the target is the floor of ${cumulativeTarget} or the ${cumulativeQuota} it names.`,
      messageZh: `截至${year}年底，各年度创建数量累计${cumulativeQuota}个（占${total}个的${percentOf(cumulativeQuota, total)}），而${year}年目标${floor.zh}达到${cumulativeTarget}个即满足：目标是下限${cumulativeTarget}个还是所列的${cumulativeQuota}个，方案未明确。`,
      path: ['milestones', entry.index],
      compares: [['milestones', entry.index], ...quotaPaths],
      year,
      expected: cumulativeTarget,
      actual: cumulativeQuota,
    };
  },

  quotaBelowStep(
    entry: RankedMilestone,
    previous: RankedMilestone,
    quotasSince: number,
    quotaPaths: readonly PlanPath[],
    total: number,
  ): TimelineIssueDraft {
    const step = entry.cumulativeTarget - previous.cumulativeTarget;
    const floor = milestoneFloor(entry, total);
    const earlier = milestoneFloor(previous, total);
    const floorsThenQuota = previous.cumulativeTarget + quotasSince;
    return {
      code: 'QUOTA_BELOW_STEP',
      message: `The quotas after ${previous.year} up to ${entry.year} name ${quotasSince} estates, but the ${entry.year} milestone, ${floor.en}, is ${step} above the ${previous.year} milestone, ${earlier.en}: a city that meets the ${previous.year} milestone exactly and then certifies the named ${quotasSince} reaches ${floorsThenQuota}, short of ${entry.cumulativeTarget}. The ${entry.year} milestone is met only if earlier years certify more than their milestones ask.`,
      messageZh: `${previous.year}年之后至${entry.year}年的创建数量为${quotasSince}个，但${entry.year}年目标${floor.zh}比${previous.year}年目标${earlier.zh}多${step}个：若${previous.year}年恰好达到目标，再按所列数量创建${quotasSince}个，累计${floorsThenQuota}个，达不到${entry.cumulativeTarget}个。${entry.year}年目标只有在此前各年超额完成时才能实现。`,
      path: quotaPaths.at(-1) ?? ['quotas'],
      compares: [['milestones', previous.index], ['milestones', entry.index], ...quotaPaths],
      year: entry.year,
      expected: step,
      actual: quotasSince,
    };
  },

  cohortAreaNotInBreakdown(
    breakdownIndex: number,
    breakdown: string,
    parts: readonly string[],
    area: string,
    estates: number,
    cohortPaths: readonly PlanPath[],
  ): TimelineIssueDraft {
    return {
      code: 'COHORT_AREA_NOT_IN_BREAKDOWN',
      message: `The cohorts name ${estates} estates in “${clipText(area)}”, which the breakdown “${clipText(breakdown)}” does not list (it lists ${clipText(joinEn(parts), 120)}): the cohorts cannot be matched with the breakdown, so what each area has left cannot be worked out.`,
      messageZh: `创建名单中有${estates}个小区属于“${clipText(area)}”，而分项“${clipText(breakdown)}”未列该区域（所列为${clipText(joinZh(parts), 120)}）：名单与分项无法对应，无法算出各区域余下的小区数。`,
      path: cohortPaths[0] ?? ['cohorts'],
      compares: [...cohortPaths, ['breakdowns', breakdownIndex]],
      area,
      breakdown,
      actual: estates,
    };
  },

  cohortExceedsArea(
    breakdownIndex: number,
    breakdown: string,
    area: string,
    named: number,
    counted: number,
    cohortPaths: readonly PlanPath[],
  ): TimelineIssueDraft {
    return {
      code: 'COHORT_EXCEEDS_AREA',
      message: `The cohorts name ${named} estates in “${clipText(area)}”, but the breakdown “${clipText(breakdown)}” counts ${counted} there: an area cannot certify more estates than it has.`,
      messageZh: `创建名单中“${clipText(area)}”有${named}个小区，而分项“${clipText(breakdown)}”中该区域只有${counted}个：一个区域创建的小区不能多于其拥有的小区。`,
      path: ['breakdowns', breakdownIndex, 'parts', area],
      compares: [...cohortPaths, ['breakdowns', breakdownIndex]],
      area,
      breakdown,
      expected: counted,
      actual: named,
    };
  },

  breakdownPartsOverlap(
    breakdownIndex: number,
    breakdown: string,
    area: string,
    within: string,
    areaIndex: number,
  ): TimelineIssueDraft {
    return {
      code: 'BREAKDOWN_PARTS_OVERLAP',
      message: `The breakdown “${clipText(breakdown)}” lists “${clipText(area)}” beside “${clipText(within)}”, which it lies within: the plan does not say whether the count of “${clipText(within)}” includes the estates of “${clipText(area)}”.`,
      messageZh: `分项“${clipText(breakdown)}”将“${clipText(area)}”与其所属的“${clipText(within)}”并列：方案未说明“${clipText(within)}”的数量是否包含“${clipText(area)}”的小区。`,
      path: ['breakdowns', breakdownIndex, 'parts', area],
      compares: [
        ['breakdowns', breakdownIndex],
        ['areas', areaIndex],
      ],
      area,
      breakdown,
    };
  },

  areaLevelUnknown(
    breakdownIndex: number,
    breakdown: string,
    area: string,
    estates: number,
    levels: readonly string[],
  ): TimelineIssueDraft {
    return {
      code: 'AREA_LEVEL_UNKNOWN',
      message: `The breakdown “${clipText(breakdown)}” counts ${estates} estates in “${clipText(area)}”, but the plan gives “${clipText(area)}” no level, while it sorts estates by level (${clipText(joinEn(levels), 120)}): figures set per level (costs, duties) have no value there.`,
      messageZh: `分项“${clipText(breakdown)}”中“${clipText(area)}”有${estates}个小区，但方案未说明其属于哪一级（方案按${clipText(joinZh(levels), 120)}分级）：按级别规定的数字（如经费）对其没有对应值。`,
      path: ['breakdowns', breakdownIndex, 'parts', area],
      compares: [['breakdowns', breakdownIndex], ['cohorts'], ['areas']],
      area,
      breakdown,
      actual: estates,
    };
  },

  totalDescribedDifferently(
    descriptions: readonly { counts: string; clause?: string | undefined; index: number }[],
  ): TimelineIssueDraft {
    const listed = descriptions.map(({ counts, clause }) =>
      clause === undefined ? `“${counts}”` : `${clause}: “${counts}”`,
    );
    const listedZh = descriptions.map(({ counts, clause }) =>
      clause === undefined ? `“${counts}”` : `${clause}“${counts}”`,
    );
    return {
      code: 'TOTAL_DESCRIBED_DIFFERENTLY',
      message: `The plan describes what its total counts in ${descriptions.length} different ways (${listed.join('; ')}): whether these are the same estates, and so which population the shares are of, is left open.`,
      messageZh: `方案对总数所指的小区有${descriptions.length}种不同表述（${listedZh.join('；')}）：是否为同一批小区、比例以哪一范围为基数，方案未明确。`,
      path: ['totalStatements'],
      compares: [['total'], ...descriptions.map(({ index }): PlanPath => ['totalStatements', index])],
    };
  },

  totalRestatedDifferently(
    index: number,
    count: number,
    total: number,
    clause: string | undefined,
  ): TimelineIssueDraft {
    const where = clause === undefined ? 'elsewhere' : `in ${clause}`;
    const whereZh = clause === undefined ? '另处' : `在${clause}`;
    return {
      code: 'TOTAL_RESTATED_DIFFERENTLY',
      message: `The plan states its total as ${count} ${where}, but its total is ${total}.`,
      messageZh: `方案${whereZh}写总数为${count}个，与总数${total}个不一致。`,
      path: ['totalStatements', index, 'count'],
      compares: [['totalStatements', index], ['total']],
      expected: total,
      actual: count,
    };
  },
};
