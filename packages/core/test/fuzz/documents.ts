import { assessmentArbitrary } from '@sunshine-rubric/testing';
import fc from 'fast-check';
import guangxiJson from '../../../guangxi/src/data/guangxi-2021.json' with { type: 'json' };
import {
  type Assessment,
  defineRuleSet,
  evaluate,
  type RuleSet,
  type RuleSetInput,
  type RuleSetPatch,
  type TargetPlanInput,
} from '../../src/index.js';

/** Valid documents that the mutation fuzzers start from. */

/** The Guangxi 2021 rule set as JSON (83 facts, 65 standards): a real-size document. */
export const guangxiDocument: unknown = guangxiJson;
export const guangxi2021: RuleSet = defineRuleSet(guangxiJson);

/** A small points-mode rule set with aspect minimums and every fact type, including string and date. */
export const pointsDocument: RuleSetInput = {
  id: 'fuzz-points',
  version: '1.0.0',
  title: { zh: '积分制', en: 'Points' },
  provenance: { status: 'provisional', source: 'fuzz fixture' },
  effective: { from: '2021-01-01', until: '2024-12-31' },
  facts: {
    occupied: { type: 'boolean', title: { zh: '已入住' } },
    households: { type: 'integer', title: { zh: '户数' }, min: 0 },
    coverage: { type: 'number', title: { zh: '覆盖率' }, min: 0, max: 1 },
    operatorName: { type: 'string', title: { zh: '物业名称' } },
    inspected: { type: 'date', title: { zh: '检查日期' } },
    heating: { type: 'enum', title: { zh: '供暖' }, values: ['none', 'gas', 'electric'] },
  },
  scope: { fact: 'occupied', operator: 'equal', value: true },
  scoring: { mode: 'points', passMark: 7.5, aspectMinimums: { safety: 2.5 } },
  aspects: [
    {
      id: 'safety',
      title: { zh: '安全' },
      requirements: [
        {
          id: 'fire',
          title: { zh: '消防' },
          standards: [
            {
              id: 'p-coverage',
              title: { zh: '覆盖' },
              condition: { fact: 'coverage', operator: 'greaterThanInclusive', value: 0.9 },
              points: 2.5,
              responsible: ['fire'],
            },
            {
              id: 'p-inspected',
              title: { zh: '年检' },
              condition: { fact: 'inspected', operator: 'greaterThan', value: '2021-06-30' },
              points: 1.25,
            },
          ],
        },
      ],
    },
    {
      id: 'services',
      title: { zh: '服务' },
      requirements: [
        {
          id: 'operator',
          title: { zh: '物业' },
          standards: [
            {
              id: 'p-operator',
              title: { zh: '有物业' },
              condition: { not: { fact: 'operatorName', operator: 'in', value: ['', 'none'] } },
              points: 3,
            },
            {
              id: 'p-heating',
              title: { zh: '供暖' },
              applicableWhen: { fact: 'households', operator: 'greaterThan', value: 100 },
              condition: {
                any: [
                  { fact: 'heating', operator: 'in', value: ['gas', 'electric'] },
                  { fact: 'households', operator: 'lessThan', value: 150 },
                ],
              },
              points: 2,
            },
          ],
        },
      ],
    },
  ],
};
export const pointsRuleSet: RuleSet = defineRuleSet(pointsDocument);

export const guangxiAssessments: fc.Arbitrary<Assessment> = fc.oneof(
  assessmentArbitrary(guangxi2021),
  assessmentArbitrary(guangxi2021, { missing: 0 }),
  assessmentArbitrary(guangxi2021, { nearBoundary: true, missing: 0 }),
);
export const pointsAssessments: fc.Arbitrary<Assessment> = assessmentArbitrary(pointsRuleSet);

/** An estate that is in Guangxi's scope and meets almost nothing: remediation has work to do. */
export const inScopeFailingAssessment: Assessment = {
  id: 'in-scope',
  community: { name: '示例小区', district: '钦南区' },
  facts: { housingType: 'public-rental', occupied: true, rentalHouseholds: 320 },
};

export const guangxiResult = evaluate(guangxi2021, inScopeFailingAssessment);

/** Qinzhou's target plan: shares, quotas, a cohort, a breakdown, a deadline, meetings. */
export const qinzhouPlan: TargetPlanInput = {
  id: 'qinzhou-2021',
  title: { zh: '钦州市创建实施方案', en: 'Qinzhou plan' },
  total: 26,
  startYear: 2021,
  milestones: [
    { year: 2021, share: 0.35 },
    { year: 2022, share: 0.7 },
    { year: 2023, share: 0.9 },
    { year: 2024, share: 1 },
  ],
  quotas: { 2021: 11, 2022: 9, 2023: 4, 2024: 2 },
  breakdowns: [{ name: '按县区', parts: { 钦南区: 10, 钦北区: 8, 灵山县: 4, 浦北县: 4 } }],
  cohorts: {
    2021: [
      { name: '香山四区', area: '灵山县' },
      { name: '安惠一园', level: 'city' },
    ],
  },
  applicationDeadline: '09-30',
  allowLateApplications: false,
  meetings: { every: 'quarter' },
  rounding: 'ceil',
};

/** Valid plans of varied shape: shares and counts, with and without quotas. */
export const planArbitrary: fc.Arbitrary<TargetPlanInput> = fc
  .record({
    total: fc.integer({ min: 1, max: 500 }),
    firstYear: fc.integer({ min: 2000, max: 2090 }),
    steps: fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.35, 0.7, 1)), {
      minLength: 1,
      maxLength: 6,
    }),
    counts: fc.boolean(),
    withQuotas: fc.boolean(),
    rounding: fc.constantFrom('ceil' as const, 'round' as const, 'floor' as const),
  })
  .map(({ total, firstYear, steps, counts, withQuotas, rounding }) => {
    const shares = [...steps].sort((left, right) => left - right);
    const milestones = shares.map((share, index) =>
      counts
        ? { year: firstYear + index, count: Math.round(share * total) }
        : { year: firstYear + index, share },
    );
    const quotas = Object.fromEntries(
      milestones.map((milestone, index) => [String(milestone.year), index === 0 ? total : 0]),
    );
    return { total, milestones, rounding, ...(withQuotas ? { quotas } : {}) };
  });

export const plans: fc.Arbitrary<TargetPlanInput> = fc.oneof(fc.constant(qinzhouPlan), planArbitrary);

export const certifiedArbitrary: fc.Arbitrary<Record<string, number>> = fc.dictionary(
  fc.integer({ min: 2019, max: 2026 }).map(String),
  fc.integer({ min: 0, max: 30 }),
  { maxKeys: 6 },
);

/** Patches of Guangxi 2021 that extendRuleSet accepts: every kind of edit. */
export const guangxiPatches: readonly RuleSetPatch[] = [
  { id: 'qinzhou-2021', version: '1.0.0', scoring: { threshold: 0.9 } },
  { id: 'guangxi-2021', version: '1.1.0', remove: ['S02', 'R19'], title: { zh: '变体' } },
  {
    id: 'variant',
    version: '2.0.0-beta.1',
    replace: [
      {
        id: 'S01',
        title: { zh: '替换' },
        condition: { fact: 'patrolNightly', operator: 'equal', value: true },
      },
    ],
    facts: { patrolNightly: { type: 'boolean', title: { zh: '夜间巡逻' } } },
    add: [
      {
        to: 'R01',
        standard: {
          id: 'S99',
          title: { zh: '新增' },
          condition: { fact: 'rentalHouseholds', operator: 'greaterThan', value: 100 },
        },
      },
      {
        aspect: {
          id: 'A9',
          title: { zh: '新方面' },
          requirements: [
            {
              id: 'R99',
              title: { zh: '新要求' },
              standards: [
                {
                  id: 'S98',
                  title: { zh: '新标准' },
                  condition: { any: [{ fact: 'occupied', operator: 'equal', value: true }] },
                },
              ],
            },
          ],
        },
      },
      {
        to: 'A9',
        requirement: {
          id: 'R98',
          title: { zh: '再一项' },
          standards: [
            {
              id: 'S97',
              title: { zh: '再一标准' },
              condition: { not: { fact: 'occupied', operator: 'equal', value: false } },
            },
          ],
        },
      },
    ],
    provenance: { status: 'provisional', source: 'fuzz' },
    effective: null,
    scope: null,
  },
  {
    id: 'lean',
    version: '1.0.0',
    scoring: { minMetPerRequirement: 0 },
    remove: ['A5'],
    effective: { from: '2022-01-01' },
  },
];
