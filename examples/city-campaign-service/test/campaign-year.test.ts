import type { Server } from 'node:http';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCampaignService } from '../src/server.js';
import { describeEachDatabase, type TestDatabase } from './databases.js';
import { at, selfCheck } from './events.js';
import { plan, workflow, year2021 } from './year-2021.js';

// The 2021 round of a fictional city (test/year-2021.ts), through the service as its systems would drive
// it: twelve estates, each step posted on the version the poster last saw; reviews by two tiers that
// disagree, a rectification, and a title revoked after re-inspection. What the round ends with is read back
// from GET /campaign/2021.

describeEachDatabase('a year of the campaign through the service', (database) => {
  let db: TestDatabase;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    db = await database.open({ plan, ruleSet: guangxi2021, workflow });
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
    for (const { id: estate, events: steps } of year2021) {
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
    ).toEqual(Object.fromEntries(year2021.map(({ id, ends }) => [id, ends])));
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
