import { defineTargetPlan, type TargetPlan } from '@sunshine-rubric/core';

/**
 * The target plan of 示例市 / Example City (fictional): 12 estates, half by the end of 2025 and all by the
 * end of 2026, six a year, applications by 31 August, a joint meeting every quarter.
 *
 * @example
 * ```ts
 * planTimeline(exampleCityPlan).years.map((year) => year.cumulativeTarget); // [6, 12]
 * ```
 */
export const exampleCityPlan: TargetPlan = defineTargetPlan({
  id: 'example-city-2025',
  title: { zh: '示例市（虚构）“阳光社区·美丽家园”创建方案', en: 'Example City (fictional) campaign plan' },
  total: 12,
  startYear: 2025,
  milestones: [
    { year: 2025, share: 0.5 },
    { year: 2026, count: 12 },
  ],
  quotas: { 2025: 6, 2026: 6 },
  applicationDeadline: '08-31',
  meetings: { every: 'quarter' },
});
