import { type ApplicationEvent, foldApplication, RubricError } from '@sunshine-rubric/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEventStore } from '../src/event-store.js';
import { describeEachDatabase, type TestDatabase } from './databases.js';
import { applied, at, selfCheck } from './events.js';

describeEachDatabase('the event store', (database) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await database.open();
  });
  afterEach(() => db.dispose());

  it('appends at the expected version and folds what it stored', async () => {
    expect(await db.store.appendEvents('jiaxingyuan-1', 0, applied)).toEqual({ ok: true, version: 2 });
    expect(await db.store.appendEvents('jiaxingyuan-1', 2, [at('city-review-passed', '2021-10-10')])).toEqual(
      {
        ok: true,
        version: 3,
      },
    );
    const events = await db.store.readEvents('jiaxingyuan-1');
    expect(events.map(({ version }) => version)).toEqual([1, 2, 3]);
    expect(events.map(({ event }) => event)).toEqual([...applied, at('city-review-passed', '2021-10-10')]);
    expect(events.every(({ recordedAt }) => !Number.isNaN(Date.parse(recordedAt)))).toBe(true);
    const { history: _history, ...state } = foldApplication(events.map(({ event }) => event));
    expect(await db.store.readApplication('jiaxingyuan-1')).toEqual({
      applicationId: 'jiaxingyuan-1',
      version: 3,
      state,
    });
    expect(state).toMatchObject({ status: 'city-review-passed', year: 2021 });
  });

  it('keeps every event exactly as it was validated: Chinese text, notes, a whole verdict', async () => {
    const event = {
      ...selfCheck('2021-08-20', { actor: '香山四区物业 "甲"' }),
      note: ['监控覆盖率 ≥ 90%；', '\u2028换行 $', '{x} </script> \u0000'].join(''),
    };
    await db.store.appendEvents('香山四区', 0, [event]);
    expect((await db.store.readEvents('香山四区'))[0]?.event).toEqual(event);
  });

  it('answers a conflict with the current version when the application moved on, and stores nothing', async () => {
    await db.store.appendEvents('anhui-1', 0, applied);
    const stale = await db.store.appendEvents('anhui-1', 1, [at('city-review-passed', '2021-10-10')]);
    expect(stale).toEqual({ ok: false, conflict: { currentVersion: 2 } });
    const ahead = await db.store.appendEvents('anhui-1', 5, [at('city-review-passed', '2021-10-10')]);
    expect(ahead).toEqual({ ok: false, conflict: { currentVersion: 2 } });
    const fresh = await db.store.appendEvents('anhui-1', 0, applied);
    expect(fresh).toEqual({ ok: false, conflict: { currentVersion: 2 } });
    expect(await db.store.readEvents('anhui-1')).toHaveLength(2);
  });

  it('lets exactly one of many writers expecting the same version store', async () => {
    await db.store.appendEvents('anhui-2', 0, applied);
    const decisions = Array.from({ length: 12 }, (_, index) =>
      db.store.appendEvents('anhui-2', 2, [
        index % 2 === 0
          ? at('city-review-passed', '2021-10-10', { actor: `reviewer-${index}` })
          : at('city-review-returned', '2021-10-10', { actor: `reviewer-${index}` }),
      ]),
    );
    const outcomes = await Promise.all(decisions);
    expect(outcomes.filter((outcome) => outcome.ok)).toEqual([{ ok: true, version: 3 }]);
    expect(outcomes.filter((outcome) => !outcome.ok)).toHaveLength(11);
    expect(await db.store.readEvents('anhui-2')).toHaveLength(3);
  });

  it('refuses an illegal step with INVALID_WORKFLOW_STEP at its place in the append, storing none of it', async () => {
    await db.store.appendEvents('qinbei-1', 0, [selfCheck('2021-08-20')]);
    const attempt = db.store.appendEvents('qinbei-1', 1, [
      at('applied', '2021-09-01'),
      at('certified', '2021-09-02'),
      at('city-review-passed', '2021-10-10'),
    ]);
    const error = await attempt.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(RubricError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'INVALID_WORKFLOW_STEP',
      issues: [{ path: [1], kind: 'illegal-step', message: expect.stringContaining('certified') }],
    });
    expect(await db.store.readEvents('qinbei-1')).toHaveLength(1);
  });

  it('refuses a malformed event with the path to its field, storing nothing', async () => {
    await expect(
      db.store.appendEvents('qinbei-2', 0, [
        selfCheck('2021-08-20'),
        { type: 'applied', date: '2021-09-01' },
      ]),
    ).rejects.toMatchObject({ code: 'INVALID_WORKFLOW_STEP', issues: [{ path: [1, 'actor'] }] });
    await expect(db.store.appendEvents('qinbei-2', 0, [at('approved', '2021-09-01')])).rejects.toMatchObject({
      issues: [{ path: [0, 'type'], message: expect.stringContaining('self-check-completed, applied') }],
    });
    expect(await db.store.readApplication('qinbei-2')).toBeUndefined();
  });

  it('applies the plan’s application deadline', async () => {
    const plan = { total: 26, milestones: [{ year: 2024, share: 1 }], applicationDeadline: '09-30' };
    const withPlan = await database.open({ plan });
    try {
      await expect(
        withPlan.store.appendEvents('lingshan-1', 0, [selfCheck('2021-08-20'), at('applied', '2021-10-01')]),
      ).rejects.toMatchObject({ issues: [{ path: [1], kind: 'after-deadline' }] });
    } finally {
      await withPlan.dispose();
    }
  });

  it('says so, never folds around it, when the stored history no longer passes the checks', async () => {
    await db.store.appendEvents('qinnan-1', 0, [selfCheck('2021-08-20'), at('applied', '2021-10-08')]);
    const plan = { total: 26, milestones: [{ year: 2024, share: 1 }], applicationDeadline: '09-30' };
    const stricter = createEventStore(db.log, { plan });
    await expect(stricter.readApplication('qinnan-1')).rejects.toThrow(
      /stored events of application "qinnan-1" no longer fold: .*deadline was 2021-09-30/,
    );
    await expect(
      stricter.appendEvents('qinnan-1', 2, [at('city-review-passed', '2021-10-10')]),
    ).rejects.toThrow(/no longer fold/);
  });

  it('refuses invalid fold options when it is made, not at the first request', () => {
    const plan = { total: 26, milestones: [{ year: 2024, share: 1 }], applicationDeadline: '02-30' };
    expect(() => createEventStore(db.log, { plan })).toThrow(
      expect.objectContaining({ code: 'INVALID_PLAN' }),
    );
  });

  it('lists a year’s round: every application that applied for it, folded, by id', async () => {
    await db.store.appendEvents('b-estate', 0, applied);
    await db.store.appendEvents('a-estate', 0, [...applied, at('city-review-passed', '2021-10-10')]);
    await db.store.appendEvents('self-checked-only', 0, [selfCheck('2021-08-20')]);
    await db.store.appendEvents('next-year', 0, [selfCheck('2022-03-01'), at('applied', '2022-03-02')]);
    const round = await db.store.readCampaignYear(2021);
    expect(
      round.applications.map(({ applicationId, version, state }) => [applicationId, version, state.status]),
    ).toEqual([
      ['a-estate', 3, 'city-review-passed'],
      ['b-estate', 2, 'applied'],
    ]);
    expect(round.summary).toMatchObject({ year: 2021, applications: 2, refused: [] });
    expect(round.summary.byStatus).toMatchObject({ applied: 1, 'city-review-passed': 1 });
    expect((await db.store.readCampaignYear(2020)).applications).toEqual([]);
  });

  it('holds the history’s shape in the database itself: no second writer of a version, no gap', async () => {
    const event = at('city-review-passed', '2021-10-10') as ApplicationEvent;
    await db.store.appendEvents('pubei-1', 0, applied);
    // Straight to the log, past the store's checks: the constraints alone refuse these.
    expect(await db.log.insert('pubei-1', 1, [event], [], new Date().toISOString())).toEqual({
      ok: false,
      currentVersion: 2,
    });
    expect(await db.log.insert('pubei-1', 3, [event], [], new Date().toISOString())).toEqual({
      ok: false,
      currentVersion: 2,
    });
    expect(await db.log.insert('pubei-2', 0, [event, event], [2021], new Date().toISOString())).toEqual({
      ok: true,
    });
    expect((await db.log.read('pubei-2')).map(({ version }) => version)).toEqual([1, 2]);
    expect((await db.log.read('pubei-1')).map(({ version }) => version)).toEqual([1, 2]);
  });
});
