import type { RankedMilestone } from './milestones.js';
import { milestoneFloor } from './plan-issues.js';

/**
 * Where a year's certified count stands against the plan's floor (the least count that meets the milestone
 * in force, e.g. ceil(35% × 26) = 10 for “35%以上”) and the quota the plan names (11):
 * `below-floor`; `short-of-quota` (meets the floor, short of the named quota); `meets-quota`; `meets-floor`
 * (the plan names no quota, and the floor is met).
 *
 * @example
 * ```ts
 * const standing: ProgressStanding = 'short-of-quota'; // 10 certified in 2021: floor 10 met, 1 short of 11
 * ```
 */
export type ProgressStanding = 'below-floor' | 'short-of-quota' | 'meets-quota' | 'meets-floor';

/** A year's standing, as data and in words. */
export interface YearStanding {
  readonly floor: number;
  readonly namedQuota: number | null;
  readonly standing: ProgressStanding;
  readonly shortOfQuota: number;
  readonly summary: { readonly zh: string; readonly en: string };
}

/**
 * The standing of `certified` (cumulative, by the end of `year`) against the milestone in force and the
 * cumulative quota the plan names (null when it names none).
 *
 * @example
 * ```ts
 * standingOf(2021, 10, rankMilestones(defineTargetPlan(qinzhouPlan))[0], 11, 26).summary.en;
 * // 'By the end of 2021, 10 certified: meets the floor of 10 (35% of 26 = 9.1 → 10), 1 short of the 11 the plan names.'
 * ```
 */
export function standingOf(
  year: number,
  certified: number,
  milestone: RankedMilestone | undefined,
  namedQuota: number | null,
  total: number,
): YearStanding {
  const floor = milestone?.cumulativeTarget ?? 0;
  const shortOfQuota = namedQuota === null ? 0 : Math.max(0, namedQuota - certified);
  const standing: ProgressStanding =
    certified < floor
      ? 'below-floor'
      : namedQuota === null
        ? 'meets-floor'
        : shortOfQuota > 0
          ? 'short-of-quota'
          : 'meets-quota';
  const described = milestone === undefined ? undefined : milestoneFloor(milestone, total);
  const floorEn =
    described === undefined ? 'the floor of 0 (no milestone yet)' : `the floor of ${floor} (${described.en})`;
  const floorZh = described === undefined ? '下限0个（尚无目标）' : `下限${floor}个，即${described.zh}`;
  const quotaEn = namedQuota === null ? '' : `the ${namedQuota} the plan names`;
  const quotaZh = namedQuota === null ? '' : `方案所列的${namedQuota}个`;
  let en: string;
  let zh: string;
  switch (standing) {
    case 'below-floor':
      en = `${floor - certified} below ${floorEn}${namedQuota === null ? '' : ` and ${shortOfQuota} short of ${quotaEn}`}`;
      zh = `比${floorZh}少${floor - certified}个${namedQuota === null ? '' : `，比${quotaZh}少${shortOfQuota}个`}`;
      break;
    case 'short-of-quota':
      en = `meets ${floorEn}, ${shortOfQuota} short of ${quotaEn}`;
      zh = `达到${floorZh}，比${quotaZh}少${shortOfQuota}个`;
      break;
    case 'meets-quota':
      en = `meets ${floorEn} and ${quotaEn}`;
      zh = `达到${floorZh}和${quotaZh}`;
      break;
    case 'meets-floor':
      en = `meets ${floorEn}`;
      zh = `达到${floorZh}`;
      break;
  }
  return {
    floor,
    namedQuota,
    standing,
    shortOfQuota,
    summary: {
      en: `By the end of ${year}, ${certified} certified: ${en}.`,
      zh: `截至${year}年底已创建${certified}个：${zh}。`,
    },
  };
}
