import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCampaignService } from '../src/server.js';
import { describeEachDatabase, type TestDatabase } from './databases.js';
import { at, selfCheck } from './events.js';

// The 2021 round of a fictional city, through the service as its systems would drive it: twelve estates,
// each step posted on the version the poster last saw; reviews by two tiers that disagree, a rectification,
// and a title revoked after re-inspection. What the round ends with is read back from
// GET /campaign/2021.
const plan = {
  total: 12,
  milestones: [{ year: 2021, share: 1 }],
  applicationDeadline: '09-30',
};

const city = { actor: '示例市住房和城乡建设局' };
const region = { actor: '自治区住房和城乡建设厅' };
/** What the reviewers decide on: a few standards' ids (the rule set itself is not needed for that). */
const standardIds = ['s-cctv-coverage', 's-greening', 's-gas-pipeline', 's-elderly-canteen'];
/** The region may revoke a title after re-inspection (a plugin's `workflow` says so). */
const workflow = { revocation: true };

const decided = (
  date: string,
  tier: 'city' | 'region',
  standard: string,
  decision: Record<string, unknown>,
) => at('standard-reviewed', date, { ...(tier === 'city' ? city : region), tier, standard, ...decision });

/** Each estate's steps in the round, and the status it ends in. */
const round: Record<string, { steps: Record<string, unknown>[]; ends: string }> = {
  示例一区: { steps: path('certified'), ends: 'certified' },
  示例二区: {
    // Both tiers review standard by standard, and disagree: with the self-check, and with each other.
    steps: [
      selfCheck('2021-08-20'),
      at('applied', '2021-09-01', { actor: '物业服务中心' }),
      at('application-received', '2021-09-03', { actor: '示例区住房和城乡建设局', tier: 'county' }),
      decided('2021-10-08', 'city', 's-cctv-coverage', {
        decision: 'disagree',
        outcome: 'unmet',
        reason: '监控覆盖不足',
      }),
      decided('2021-10-08', 'city', 's-greening', { decision: 'agree' }),
      at('city-review-passed', '2021-10-10', { ...city, tier: 'city' }),
      at('submitted-to-region', '2021-10-20', { ...city, tier: 'city', year: 2021 }),
      decided('2021-11-15', 'region', 's-cctv-coverage', { decision: 'agree' }),
      decided('2021-11-15', 'region', 's-greening', {
        decision: 'disagree',
        outcome: 'unmet',
        reason: '绿地率不足',
      }),
      at('region-recheck-passed', '2021-11-15', { ...region, tier: 'region' }),
      at('certified', '2021-12-20', { ...region, certificate: 'GX-2021-02' }),
    ],
    ends: 'certified',
  },
  示例三区: {
    // Certified, then re-inspected the next spring: the facilities stood unused, and the title is revoked.
    steps: [
      ...path('certified'),
      at('reinspected', '2022-04-10', {
        ...region,
        tier: 'region',
        result: 'revoked',
        reason: '设施长期停用',
      }),
    ],
    ends: 'revoked',
  },
  示例四区: { steps: path('certified'), ends: 'certified' },
  示例五区: {
    // The region asks for rectification once: the estate fixes it, self-checks again, and is certified.
    steps: [
      ...path('city-review-passed'),
      decided('2021-11-05', 'region', 's-gas-pipeline', {
        decision: 'rectification-required',
        what: '接通燃气管道',
        by: '2021-11-30',
      }),
      at('rectification-required', '2021-11-05', { ...region, standards: ['s-gas-pipeline'] }),
      selfCheck('2021-11-20'),
      at('rectified', '2021-11-25'),
      at('region-recheck-passed', '2021-12-01', region),
      at('certified', '2021-12-20', region),
    ],
    ends: 'certified',
  },
  示例六区: {
    steps: [...path('applied'), at('city-review-returned', '2021-10-10', { ...city, reasons: ['材料不全'] })],
    ends: 'returned',
  },
  示例七区: { steps: path('city-review-passed'), ends: 'city-review-passed' },
  示例八区: { steps: path('applied'), ends: 'applied' },
  示例九区: { steps: path('region-recheck-passed'), ends: 'recheck-passed' },
  示例十区: {
    steps: [
      ...path('city-review-passed'),
      at('rectification-required', '2021-11-05', { ...region, standards: ['s-greening'] }),
    ],
    ends: 'rectification-required',
  },
  示例十一区: { steps: path('certified'), ends: 'certified' },
  示例十二区: { steps: path('certified'), ends: 'certified' },
};

/** The usual road through the round, up to and including `until`. */
function path(until: string): Record<string, unknown>[] {
  const steps = [
    selfCheck('2021-08-20'),
    at('applied', '2021-09-01', { actor: '物业服务中心' }),
    at('city-review-passed', '2021-10-10', city),
    at('region-recheck-passed', '2021-11-15', region),
    at('certified', '2021-12-20', { ...region, certificate: 'GX-2021' }),
  ];
  return steps.slice(0, steps.findIndex((step) => step.type === until) + 1);
}

describeEachDatabase('a year of the campaign through the service', (database) => {
  let db: TestDatabase;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    db = await database.open({ plan, standardIds, workflow });
    ({ server, url: base } = await startCampaignService({ store: db.store, port: 0 }));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await db.dispose();
  });

  async function post(estate: string, expectedVersion: number, events: unknown[]) {
    const response = await fetch(`${base}/applications/${encodeURIComponent(estate)}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ expectedVersion, events }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('ends the round where each estate stands, refusing what the workflow does not allow', async () => {
    // One step at a time, as each office records its own decision.
    for (const [estate, { steps }] of Object.entries(round)) {
      for (const [version, step] of steps.entries()) {
        expect(await post(estate, version, [step])).toMatchObject({
          status: 201,
          body: { version: version + 1 },
        });
      }
    }
    // An estate whose self-check falls short may not apply; one that missed the deadline may not either.
    expect((await post('示例十三区', 0, [selfCheck('2021-08-20', { eligible: false })])).status).toBe(201);
    expect(await post('示例十三区', 1, [at('applied', '2021-09-01')])).toMatchObject({
      status: 422,
      body: { error: { issues: [{ path: ['events', 0], kind: 'not-eligible' }] } },
    });
    expect(await post('示例十四区', 0, [selfCheck('2021-09-20'), at('applied', '2021-10-08')])).toMatchObject(
      {
        status: 422,
        body: { error: { issues: [{ path: ['events', 1], kind: 'after-deadline' }] } },
      },
    );
    // Certification is final.
    expect(await post('示例一区', 5, [selfCheck('2022-03-01')])).toMatchObject({
      status: 422,
      body: { error: { issues: [{ kind: 'after-certified' }] } },
    });

    const response = await fetch(`${base}/campaign/2021?asOf=2021-12-31`);
    const { applications, summary } = (await response.json()) as {
      applications: {
        applicationId: string;
        version: number;
        state: { status: string; rectifications: number; decisions?: { tier: string; decision: string }[] };
      }[];
      summary: {
        applications: number;
        byStatus: Record<string, number>;
        certified: { id: string }[];
        refused: [];
      };
    };
    expect(
      Object.fromEntries(applications.map(({ applicationId, state }) => [applicationId, state.status])),
    ).toEqual(Object.fromEntries(Object.entries(round).map(([estate, { ends }]) => [estate, ends])));
    expect(applications.filter(({ state }) => state.status === 'certified')).toHaveLength(6);
    const twoTiers = applications.find(({ applicationId }) => applicationId === '示例二区')?.state.decisions;
    expect(twoTiers?.map(({ tier, decision }) => `${tier} ${decision}`)).toEqual([
      'city disagree',
      'city agree',
      'region agree',
      'region disagree',
    ]);
    // The city's view of the round (core's foldCampaignYear), as the service gives it.
    expect(summary).toMatchObject({ applications: 12, refused: [] });
    expect(summary.byStatus).toMatchObject({ certified: 6, revoked: 1, returned: 1, applied: 1 });
    expect(summary.certified.map(({ id }) => id).sort()).toEqual(
      applications
        .filter(({ state }) => state.status === 'certified')
        .map(({ applicationId }) => applicationId)
        .sort(),
    );
    expect(applications.find(({ applicationId }) => applicationId === '示例五区')?.state.rectifications).toBe(
      1,
    );
  });
});
