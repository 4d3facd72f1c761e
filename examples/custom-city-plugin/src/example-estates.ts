import type { Assessment } from '@sunshine-rubric/core';
import { guangxiSamples } from '@sunshine-rubric/guangxi';

const base = guangxiSamples.eligible;

/**
 * Two self-checks of fictional estates in 示例市, made from the eligible Guangxi sample with a few answers
 * changed, each near the 85% and 90% lines:
 *
 * - 枫林苑: 56 of 64 (87.5%) on the regional rule set, so eligible there; below 90% in Example City.
 * - 石榴里: 58 of 64 (90.6%) on the regional rule set; in Example City it has no pocket garden, so the local
 *   standard L01 is unmet and it falls to 57 of 64 (89.1%).
 *
 * @example
 * ```ts
 * exampleEstates.map((estate) => estate.community.name);
 * ```
 */
export const exampleEstates: readonly Assessment[] = [
  {
    id: 'example-maple-grove',
    ruleSet: 'guangxi-2021',
    community: { name: '示例·枫林苑公租房小区（虚构）', district: '示例市虚构区', fictional: true },
    facts: {
      ...base.facts,
      familyDoctorService: false,
      rentCollectionRate: 0.9,
      hasParcelPoint: false,
      cultureEventsLast12Months: 2,
    },
  },
  {
    id: 'example-pomegranate-lane',
    ruleSet: 'guangxi-2021',
    community: { name: '示例·石榴里公租房小区（虚构）', district: '示例市虚构区', fictional: true },
    facts: { ...base.facts, familyDoctorService: false, rentCollectionRate: 0.9 },
  },
];

/**
 * Every estate the example compares: the five Guangxi samples, then the two above.
 *
 * @example
 * ```ts
 * allEstates.length; // 7
 * ```
 */
export const allEstates: readonly Assessment[] = [...Object.values(guangxiSamples), ...exampleEstates];
