/**
 * The 2021 round of a fictional city (示例市), as the service test and the end-to-end test both run it:
 * twelve estates, each with its self-check (a real assessment of guangxi-2021, evaluated), and each step
 * of its application in the round — reviews by two tiers that disagree standard by standard, a return, a
 * rectification, and a title revoked after re-inspection. Each self-check cites its evidence, complete but for
 * one estate that lacks one document. Everything here is fictional: the estates are marked so
 * (`community.fictional`), their documents are file names only, and the city's deadlines are drafted.
 */
import { type Assessment, evaluate, summariseSelfCheck, type WorkflowPolicy } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';

/** The city's plan: all twelve certified in 2021, applications by 30 September. */
export const plan = {
  id: 'example-city-2021',
  total: 12,
  milestones: [{ year: 2021, share: 1 }],
  applicationDeadline: '09-30',
};

const drafted = { kind: 'drafted', note: 'A fictional city’s deadline, for the tests.' } as const;

/** The region may revoke a title after re-inspection; each tier's deadline (the city's plugin says so). */
export const workflow = {
  revocation: true,
  deadlines: [
    { step: 'applied', tier: 'estate', monthDay: '09-30', basis: drafted },
    { step: 'city-review', tier: 'city', monthDay: '10-31', basis: drafted },
    { step: 'region-recheck', tier: 'region', monthDay: '12-15', basis: drafted },
  ],
} satisfies WorkflowPolicy;

/** The name of the fictional city's plugin that declares {@link workflow}. */
export const cityPluginName = 'example-city';

/** The day the round is looked at. */
export const asOf = '2021-12-31';

/** What the reviewers decide on: standards of guangxi-2021 (CCTV, greening, gas pipeline). */
export const standards = { cctv: 'S28', greening: 'S56', gasPipeline: 'S54' } as const;

const city = { actor: '示例市住房和城乡建设局' };
const region = { actor: '自治区住房和城乡建设厅' };

/** Any event: its type, day and extra fields. */
function at(type: string, date: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type, date, actor: '示例市住房和城乡建设局', ...extra };
}

const decided = (
  date: string,
  tier: 'city' | 'region',
  standard: string,
  decision: Record<string, unknown>,
) => at('standard-reviewed', date, { ...(tier === 'city' ? city : region), tier, standard, ...decision });

/** The one document an estate does not have: the CCTV control room's screenshot for the CCTV standard. */
export const missingDocument = { estate: '示例九区', standard: 'S28', kind: '监控室画面截图' } as const;

/** One estate of the round: its self-check, its steps (events) and the status it ends in. */
export interface YearEstate {
  readonly id: string;
  readonly assessment: Assessment;
  readonly events: readonly Record<string, unknown>[];
  readonly ends: string;
  /** The reasons of the disagreements its reviewers recorded, for the reports to show. */
  readonly disagreements: readonly string[];
}

/**
 * The estate's self-check: the eligible sample, as this estate, citing every document the rule set asks for
 * of each standard it self-assesses met (a fictional file name each) — but {@link missingDocument}.
 */
function assessmentOf(id: string): Assessment {
  const sample = {
    ...guangxiSamples.eligible,
    id,
    community: { name: id, district: '示例区', fictional: true },
  } as Assessment;
  const met = new Set(
    evaluate(guangxi2021, sample)
      .standards.filter((standard) => standard.outcome === 'met')
      .map((standard) => standard.id),
  );
  const evidence: Record<string, { kind: string; name: string; date: string }[]> = {};
  for (const standard of guangxi2021.aspects.flatMap((aspect) =>
    aspect.requirements.flatMap((requirement) => requirement.standards),
  )) {
    const kinds = (standard.evidence ?? []).filter(
      (kind) =>
        !(
          id === missingDocument.estate &&
          standard.id === missingDocument.standard &&
          kind === missingDocument.kind
        ),
    );
    if (met.has(standard.id) && kinds.length > 0)
      evidence[standard.id] = kinds.map((kind) => ({ kind, name: `${id}-${kind}.pdf`, date: '2021-08-15' }));
  }
  return { ...sample, evidence };
}

/** The self-check of the estate as an event keeps it. */
function selfCheck(assessment: Assessment, date: string): Record<string, unknown> {
  return at('self-check-completed', date, {
    actor: '物业服务中心',
    evaluation: summariseSelfCheck(evaluate(guangxi2021, assessment)),
  });
}

/** The usual road through the round, up to and including `until`. */
function path(assessment: Assessment, until: string, cityReview = '2021-10-10'): Record<string, unknown>[] {
  const steps = [
    selfCheck(assessment, '2021-08-20'),
    at('applied', '2021-09-01', { actor: '物业服务中心' }),
    at('city-review-passed', cityReview, city),
    at('region-recheck-passed', '2021-11-15', region),
    at('certified', '2021-12-20', { ...region, certificate: 'GX-2021' }),
  ];
  return steps.slice(0, steps.findIndex((step) => step.type === until) + 1);
}

type Road = (assessment: Assessment) => { steps: Record<string, unknown>[]; disagreements?: string[] };

const roads: Record<string, [Road, string]> = {
  示例一区: [(a) => ({ steps: path(a, 'certified') }), 'certified'],
  示例二区: [
    // Both tiers review standard by standard, and disagree: with the self-check, and with each other.
    (a) => ({
      steps: [
        selfCheck(a, '2021-08-20'),
        at('applied', '2021-09-01', { actor: '物业服务中心' }),
        at('application-received', '2021-09-03', { actor: '示例区住房和城乡建设局', tier: 'county' }),
        decided('2021-10-08', 'city', standards.cctv, {
          decision: 'disagree',
          outcome: 'unmet',
          reason: '监控覆盖不足',
        }),
        decided('2021-10-08', 'city', standards.greening, { decision: 'agree' }),
        at('city-review-passed', '2021-10-10', { ...city, tier: 'city' }),
        at('submitted-to-region', '2021-10-20', { ...city, tier: 'city', year: 2021 }),
        decided('2021-11-15', 'region', standards.cctv, { decision: 'agree' }),
        decided('2021-11-15', 'region', standards.greening, {
          decision: 'disagree',
          outcome: 'unmet',
          reason: '绿地率不足',
        }),
        at('region-recheck-passed', '2021-11-15', { ...region, tier: 'region' }),
        at('certified', '2021-12-20', { ...region, certificate: 'GX-2021-02' }),
      ],
      disagreements: ['监控覆盖不足', '绿地率不足'],
    }),
    'certified',
  ],
  示例三区: [
    // Certified, then re-inspected the next spring: the facilities stood unused, and the title is revoked.
    (a) => ({
      steps: [
        ...path(a, 'certified'),
        at('reinspected', '2022-04-10', {
          ...region,
          tier: 'region',
          result: 'revoked',
          reason: '设施长期停用',
        }),
      ],
    }),
    'revoked',
  ],
  // The city reviewed it after its (drafted) deadline: recorded, and listed as late.
  示例四区: [(a) => ({ steps: path(a, 'certified', '2021-11-02') }), 'certified'],
  示例五区: [
    // The region asks for rectification once: the estate fixes it, self-checks again, and is certified.
    (a) => ({
      steps: [
        ...path(a, 'city-review-passed'),
        decided('2021-11-05', 'region', standards.gasPipeline, {
          decision: 'rectification-required',
          what: '接通燃气管道',
          by: '2021-11-30',
        }),
        at('rectification-required', '2021-11-05', { ...region, standards: [standards.gasPipeline] }),
        selfCheck(a, '2021-11-20'),
        at('rectified', '2021-11-25'),
        decided('2021-12-01', 'region', standards.gasPipeline, { decision: 'agree' }),
        at('region-recheck-passed', '2021-12-01', region),
        at('certified', '2021-12-20', region),
      ],
    }),
    'certified',
  ],
  示例六区: [
    (a) => ({
      steps: [
        ...path(a, 'applied'),
        at('city-review-returned', '2021-10-10', { ...city, reasons: ['材料不全'] }),
      ],
    }),
    'returned',
  ],
  // Passed by the city; the region's re-check is overdue on the day the round is looked at.
  示例七区: [(a) => ({ steps: path(a, 'city-review-passed') }), 'city-review-passed'],
  // Applied; the city's review is overdue.
  示例八区: [(a) => ({ steps: path(a, 'applied') }), 'applied'],
  示例九区: [(a) => ({ steps: path(a, 'region-recheck-passed') }), 'recheck-passed'],
  示例十区: [
    (a) => ({
      steps: [
        ...path(a, 'city-review-passed'),
        at('rectification-required', '2021-11-05', { ...region, standards: [standards.greening] }),
      ],
    }),
    'rectification-required',
  ],
  示例十一区: [(a) => ({ steps: path(a, 'certified') }), 'certified'],
  示例十二区: [(a) => ({ steps: path(a, 'certified') }), 'certified'],
};

/** The twelve estates of the round, in order. */
export const year2021: readonly YearEstate[] = Object.entries(roads).map(([id, [road, ends]]) => {
  const assessment = assessmentOf(id);
  const { steps, disagreements = [] } = road(assessment);
  return { id, assessment, events: steps, ends, disagreements };
});
