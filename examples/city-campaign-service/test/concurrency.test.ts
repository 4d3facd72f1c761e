import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type ApplicationEvent, foldApplication } from '@sunshine-rubric/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCampaignService } from '../src/server.js';
import { describeEachDatabase, type TestDatabase } from './databases.js';
import { applied, at } from './events.js';
import { startServiceProcess } from './service-process.js';

// Many reviewers, each on its own connection, deciding on the same few applications at once. Each decision
// is taken on the state the reviewer has just read; when another decision lands first (409), the reviewer
// reads again, decides again on the new state, and retries.
const clients = 24;
const applications = ['estate-a', 'estate-b', 'estate-c', 'estate-d'];
const decisionsPerClient = 8;
/** A reviewer that cannot land one decision in this many tries means something is wrong: fail, never hang. */
const maxAttemptsPerDecision = 200;

/** Where each application starts: waiting for the region's re-check. */
const opening = [...applied, at('city-review-passed', '2021-10-10')];

interface Accepted {
  readonly applicationId: string;
  readonly version: number;
  readonly event: ApplicationEvent;
}

interface RaceFigures {
  attempts: number;
  conflicts: number;
  /** Decisions that met at least one conflict before they landed. */
  decisionsRetried: number;
  mostRetriesOfOneDecision: number;
  readonly accepted: Accepted[];
}

/** The decision a reviewer takes on what it read: ask for rectification, or record it as made. */
function decide(status: string, client: number, decision: number): ApplicationEvent {
  const mark = { actor: `reviewer-${client}`, note: `decision ${client}.${decision}` };
  if (status === 'rectification-required') return at('rectified', '2021-11-01', mark) as ApplicationEvent;
  return at('rectification-required', '2021-11-01', {
    ...mark,
    standards: [`s-${decision}`],
  }) as ApplicationEvent;
}

describeEachDatabase('the campaign service under conflicting decisions', (database) => {
  let db: TestDatabase;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    db = await database.open();
    ({ server, url: base } = await startCampaignService({ store: db.store, port: 0 }));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await db.dispose();
  });

  async function reviewer(
    base: string,
    applicationId: string,
    client: number,
    figures: RaceFigures,
  ): Promise<void> {
    for (let decision = 0; decision < decisionsPerClient; decision++) {
      for (let attempt = 1; ; attempt++) {
        if (attempt > maxAttemptsPerDecision) {
          throw new Error(
            `reviewer ${client} could not land decision ${decision} in ${maxAttemptsPerDecision} tries`,
          );
        }
        const read = await fetch(`${base}/applications/${applicationId}`);
        const { version, state } = (await read.json()) as { version: number; state: { status: string } };
        const event = decide(state.status, client, decision);
        figures.attempts++;
        const response = await fetch(`${base}/applications/${applicationId}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ expectedVersion: version, events: [event] }),
        });
        const body = (await response.json()) as { version?: number; error?: { currentVersion?: number } };
        if (response.status === 201) {
          figures.accepted.push({ applicationId, version: body.version!, event });
          if (attempt > 1) figures.decisionsRetried++;
          figures.mostRetriesOfOneDecision = Math.max(figures.mostRetriesOfOneDecision, attempt - 1);
          break;
        }
        if (response.status !== 409)
          throw new Error(`unexpected ${response.status}: ${JSON.stringify(body)}`);
        expect(body.error?.currentVersion).toBeGreaterThan(version);
        figures.conflicts++;
      }
    }
  }

  /** Races the reviewers, each on one of `bases` in turn; checks the outcome through `bases[0]`; prints figures. */
  async function race(label: string, bases: readonly string[]): Promise<void> {
    // Applications of their own, so that each race starts from the opening events.
    const raced = applications.map((estate) => `${label.replaceAll(' ', '-')}-${estate}`);
    for (const applicationId of raced) await db.store.appendEvents(applicationId, 0, opening);
    const figures: RaceFigures = {
      attempts: 0,
      conflicts: 0,
      decisionsRetried: 0,
      mostRetriesOfOneDecision: 0,
      accepted: [],
    };
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, (_, client) =>
        reviewer(bases[client % bases.length]!, raced[client % raced.length]!, client, figures),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `concurrency (${database.name}, ${label}): ${clients} clients on ${applications.length} applications, ` +
        `${clients * decisionsPerClient} decisions: ${figures.attempts} attempts, ${figures.accepted.length} accepted, ` +
        `${figures.conflicts} conflicts (409), ${figures.decisionsRetried} decisions retried ` +
        `(at most ${figures.mostRetriesOfOneDecision} retries for one), ${seconds.toFixed(2)} s`,
    );

    expect(figures.accepted).toHaveLength(clients * decisionsPerClient);
    expect(figures.attempts).toBe(figures.accepted.length + figures.conflicts);
    expect(figures.conflicts).toBeGreaterThan(0); // the reviewers did race

    for (const applicationId of raced) {
      const { events } = (await (await fetch(`${bases[0]}/applications/${applicationId}/events`)).json()) as {
        events: { version: number; event: ApplicationEvent }[];
      };
      const accepted = figures.accepted
        .filter((entry) => entry.applicationId === applicationId)
        .sort((a, b) => a.version - b.version);
      // No gap, no duplicate: versions 1…n, the opening events and then exactly the accepted decisions.
      expect(events.map(({ version }) => version)).toEqual(events.map((_event, index) => index + 1));
      expect(accepted.map(({ version }) => version)).toEqual(
        accepted.map((_entry, index) => opening.length + index + 1),
      );
      expect(events.map(({ event }) => event)).toEqual([...opening, ...accepted.map(({ event }) => event)]);

      const { history: _history, ...replayed } = foldApplication([
        ...opening,
        ...accepted.map(({ event }) => event),
      ]);
      const current = (await (await fetch(`${bases[0]}/applications/${applicationId}`)).json()) as object;
      expect(current).toEqual({ applicationId, version: events.length, state: replayed });
      const asked = accepted.filter(({ event }) => event.type === 'rectification-required').length;
      expect(replayed.rectifications).toBe(asked);
    }
    const notes = figures.accepted.map(({ event }) => event.note);
    expect(new Set(notes).size).toBe(clients * decisionsPerClient);
  }

  it('loses and duplicates nothing: the folded state is a sequential replay of the accepted events', async () => {
    await race('one service', [base]);
  }, 120_000);

  it('loses and duplicates nothing with two service processes on the one database', async () => {
    const services = [await startServiceProcess(db.location), await startServiceProcess(db.location)];
    try {
      await race(
        'two processes',
        services.map(({ url }) => url),
      );
    } finally {
      await Promise.all(services.map((service) => service.stop()));
    }
  }, 180_000);
});
