import type { Assessment, Condition, FactValue, RuleSetInput } from '../src/index.js';

/** A small rubric exercising every feature: scope, booleans, numbers, any/not, applicableWhen. */
export function sampleRuleSet(): RuleSetInput {
  return {
    id: 'sample-rubric',
    version: '1.0.0',
    title: { zh: '示例评分标准', en: 'Sample rubric' },
    provenance: { status: 'provisional', source: 'test fixture' },
    facts: {
      rentalHouseholds: { type: 'integer', title: { zh: '租赁户数' }, min: 0 },
      occupied: { type: 'boolean', title: { zh: '是否已入住' } },
      hasPolicingRoom: { type: 'boolean', title: { zh: '是否设有警务室' } },
      securityStaff: { type: 'integer', title: { zh: '保安人数' }, min: 0 },
      cctvCoverage: { type: 'number', title: { zh: '监控覆盖率' }, min: 0, max: 1 },
      hasLifts: { type: 'boolean', title: { zh: '是否有电梯' } },
      liftsInspected: { type: 'boolean', title: { zh: '电梯是否年检' } },
      kindergartenMeters: { type: 'integer', title: { zh: '最近幼儿园距离' }, unit: 'm', min: 0 },
      childcareOnSite: { type: 'boolean', title: { zh: '小区内是否有托育服务' } },
      heating: { type: 'enum', title: { zh: '供暖方式' }, values: ['none', 'gas', 'electric'] },
      lastInspection: { type: 'date', title: { zh: '最近检查日期' } },
    },
    scope: {
      all: [
        { fact: 'occupied', operator: 'equal', value: true },
        { fact: 'rentalHouseholds', operator: 'greaterThanInclusive', value: 200 },
      ],
    },
    scoring: { mode: 'compliance-rate', threshold: 0.85 },
    aspects: [
      {
        id: 'safety',
        title: { zh: '安全', en: 'Safety' },
        requirements: [
          {
            id: 'policing',
            title: { zh: '治安防范', en: 'Policing' },
            standards: [
              {
                id: 's-policing-room',
                title: { zh: '设警务室' },
                condition: { fact: 'hasPolicingRoom', operator: 'equal', value: true },
                responsible: ['public-security'],
              },
              {
                id: 's-security-staff',
                title: { zh: '保安配备' },
                condition: {
                  all: [
                    { fact: 'securityStaff', operator: 'greaterThanInclusive', value: 4 },
                    { fact: 'cctvCoverage', operator: 'greaterThanInclusive', value: 0.9 },
                  ],
                },
                responsible: ['public-security', 'estate-operator'],
              },
            ],
          },
          {
            id: 'lifts',
            title: { zh: '电梯安全', en: 'Lifts' },
            standards: [
              {
                id: 's-lift-inspection',
                title: { zh: '电梯年检' },
                applicableWhen: { fact: 'hasLifts', operator: 'equal', value: true },
                condition: { fact: 'liftsInspected', operator: 'equal', value: true },
                responsible: ['estate-operator'],
              },
            ],
          },
        ],
      },
      {
        id: 'services',
        title: { zh: '服务', en: 'Services' },
        requirements: [
          {
            id: 'childcare',
            title: { zh: '托幼', en: 'Childcare' },
            standards: [
              {
                id: 's-kindergarten',
                title: { zh: '幼儿园或托育' },
                condition: {
                  any: [
                    { fact: 'kindergartenMeters', operator: 'lessThanInclusive', value: 500 },
                    { fact: 'childcareOnSite', operator: 'equal', value: true },
                  ],
                },
                responsible: ['education'],
              },
              {
                id: 's-heating',
                title: { zh: '安全供暖' },
                condition: { not: { fact: 'heating', operator: 'in', value: ['none'] } },
                responsible: ['housing'],
              },
              {
                id: 's-inspection-date',
                title: { zh: '近期检查' },
                condition: { fact: 'lastInspection', operator: 'greaterThanInclusive', value: '2021-01-01' },
                responsible: ['housing'],
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Facts that meet every standard of {@link sampleRuleSet}. */
export function perfectFacts(): Record<string, boolean | number | string> {
  return {
    rentalHouseholds: 320,
    occupied: true,
    hasPolicingRoom: true,
    securityStaff: 6,
    cctvCoverage: 0.95,
    hasLifts: true,
    liftsInspected: true,
    kindergartenMeters: 800,
    childcareOnSite: true,
    heating: 'gas',
    lastInspection: '2021-06-01',
  };
}

export function assessmentOf(facts: Readonly<Record<string, FactValue | null>>, id = 'a1'): Assessment {
  return { id, community: { name: '示例小区' }, facts: { ...facts } };
}

/**
 * A rubric of `perRequirement.length` requirements, requirement r holding `perRequirement[r]` boolean
 * standards `s<r>-<i>` reading fact `f<r>_<i>`.
 */
export function booleanRuleSet(perRequirement: readonly number[], threshold = 0.85): RuleSetInput {
  const facts: RuleSetInput['facts'] = {};
  const requirements = perRequirement.map((count, r) => ({
    id: `r${r}`,
    title: { zh: `要求${r}` },
    standards: Array.from({ length: count }, (_, i) => {
      facts[`f${r}_${i}`] = { type: 'boolean', title: { zh: `事实${r}-${i}` } };
      const condition: Condition = { fact: `f${r}_${i}`, operator: 'equal', value: true };
      return { id: `s${r}-${i}`, title: { zh: `标准${r}-${i}` }, condition };
    }),
  }));
  return {
    id: 'boolean-rubric',
    version: '1.0.0',
    title: { zh: '布尔评分标准' },
    provenance: { status: 'provisional', source: 'test fixture' },
    facts,
    scoring: { mode: 'compliance-rate', threshold },
    aspects: [{ id: 'a', title: { zh: '方面' }, requirements }],
  };
}

/** Facts for {@link booleanRuleSet} where the first `met[r]` standards of requirement r are met. */
export function booleanFacts(
  perRequirement: readonly number[],
  met: readonly number[],
): Record<string, boolean> {
  const facts: Record<string, boolean> = {};
  perRequirement.forEach((count, r) => {
    for (let i = 0; i < count; i++) facts[`f${r}_${i}`] = i < (met[r] ?? 0);
  });
  return facts;
}
