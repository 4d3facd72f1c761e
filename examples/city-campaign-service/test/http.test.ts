import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCampaignService } from '../src/server.js';
import { describeEachDatabase, type TestDatabase } from './databases.js';
import { applied, at, selfCheck } from './events.js';

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: each test reads the fields its route answers with
  readonly body: any;
}

describeEachDatabase('the campaign service over HTTP', (database) => {
  let db: TestDatabase;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    db = await database.open();
    ({ server, url: base } = await startCampaignService({ store: db.store, port: 0, maxBodyBytes: 20_000 }));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await db.dispose();
  });

  async function request(method: string, path: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${base}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : {
            headers: { 'content-type': 'application/json' },
            body: typeof body === 'string' ? body : JSON.stringify(body),
          }),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }
  const post = (id: string, body: unknown) =>
    request('POST', `/applications/${encodeURIComponent(id)}/events`, body);

  it('appends with the expected version (201), and answers the folded state and the events', async () => {
    expect(await post('家兴苑一区', { expectedVersion: 0, events: applied })).toMatchObject({
      status: 201,
      body: { applicationId: '家兴苑一区', version: 2 },
    });
    const { status, body } = await request('GET', `/applications/${encodeURIComponent('家兴苑一区')}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      applicationId: '家兴苑一区',
      version: 2,
      state: {
        status: 'applied',
        year: 2021,
        appliedOn: '2021-09-01',
        rectifications: 0,
        selfCheck: selfCheck('2021-08-20').evaluation,
      },
    });
    const events = await request('GET', `/applications/${encodeURIComponent('家兴苑一区')}/events`);
    expect(events.body).toMatchObject({ applicationId: '家兴苑一区', version: 2 });
    expect(
      events.body.events.map(({ version, event }: { version: number; event: unknown }) => [version, event]),
    ).toEqual([
      [1, applied[0]],
      [2, applied[1]],
    ]);
  });

  it('answers 409 with the current version when another decision came first, and stores nothing', async () => {
    await post('anhui-1', { expectedVersion: 0, events: applied });
    expect(
      await post('anhui-1', { expectedVersion: 2, events: [at('city-review-passed', '2021-10-10')] }),
    ).toMatchObject({
      status: 201,
    });
    const late = await post('anhui-1', {
      expectedVersion: 2,
      events: [at('city-review-returned', '2021-10-10')],
    });
    expect(late).toMatchObject({
      status: 409,
      body: { error: { code: 'VERSION_CONFLICT', currentVersion: 3 } },
    });
    expect((await request('GET', '/applications/anhui-1')).body).toMatchObject({
      version: 3,
      state: { status: 'city-review-passed' },
    });
  });

  it('refuses an illegal or malformed event with 422 and the path into the body, storing nothing', async () => {
    const illegal = await post('qinbei-1', {
      expectedVersion: 0,
      events: [selfCheck('2021-08-20'), at('certified', '2021-09-01')],
    });
    expect(illegal).toMatchObject({
      status: 422,
      body: {
        error: {
          code: 'INVALID_WORKFLOW_STEP',
          issues: [{ path: ['events', 1], kind: 'illegal-step' }],
          issueCount: 1,
        },
      },
    });
    expect(illegal.body.error.message).toMatch(/^INVALID_WORKFLOW_STEP: \$\.events\[1\]: certified: /);
    const malformed = await post('qinbei-1', {
      expectedVersion: 0,
      events: [{ ...selfCheck('2021-08-20'), date: '2021-02-30' }],
    });
    expect(malformed).toMatchObject({
      status: 422,
      body: { error: { issues: [{ path: ['events', 0, 'date'] }] } },
    });
    expect((await request('GET', '/applications/qinbei-1')).status).toBe(404);
  });

  it.each([
    ['not an object', [], 'the body is an object'],
    ['no expectedVersion', { events: applied }, 'expectedVersion'],
    ['a negative expectedVersion', { expectedVersion: -1, events: applied }, 'expectedVersion'],
    ['a fractional expectedVersion', { expectedVersion: 1.5, events: applied }, 'expectedVersion'],
    ['a string expectedVersion', { expectedVersion: '0', events: applied }, 'expectedVersion'],
    ['no events', { expectedVersion: 0, events: [] }, 'at least one'],
    ['events that are not a list', { expectedVersion: 0, events: applied[0] }, 'events is a list'],
    ['an unknown field', { expectedVersion: 0, events: applied, expected: 0 }, 'unknown field "expected"'],
  ])('answers 400 INVALID_REQUEST to a body with %s', async (_name, body, words) => {
    const answer = await post('pubei-1', body);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_REQUEST' } } });
    expect(answer.body.error.message).toContain(words);
  });

  it('answers clear errors for what is not an append at all', async () => {
    expect(await post('pubei-2', '{"expectedVersion": 0,')).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_JSON' } },
    });
    const big = await post('pubei-2', {
      expectedVersion: 0,
      events: applied.concat(Array(500).fill(applied[1])),
    });
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'BODY_TOO_LARGE' } } });
    expect(big.headers.get('connection')).toBe('close');
    const text = await fetch(`${base}/applications/pubei-2/events`, { method: 'POST', body: 'x' });
    expect(text.status).toBe(415);
    expect(await request('GET', '/applications/nobody')).toMatchObject({
      status: 404,
      body: { error: { code: 'APPLICATION_NOT_FOUND' } },
    });
    expect(await request('GET', '/applications/nobody/events')).toMatchObject({
      status: 200,
      body: { applicationId: 'nobody', version: 0, events: [] },
    });
    const wrongMethod = await request('DELETE', '/applications/pubei-2/events');
    expect(wrongMethod).toMatchObject({ status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED' } } });
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
    expect(await request('GET', `/applications/${'x'.repeat(129)}`)).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_APPLICATION_ID' } },
    });
    expect(await request('GET', '/applications/%E0%A4%A')).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_APPLICATION_ID' } },
    });
    expect(await request('GET', '/applications/a%2Fb')).toMatchObject({ status: 400 });
    expect(await request('GET', '/campaign/21')).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_YEAR' } },
    });
    expect(await request('GET', '/nowhere')).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
  });

  it('lists a year’s round, every application folded', async () => {
    await post('lingshan-1', {
      expectedVersion: 0,
      events: [selfCheck('2022-03-01'), at('applied', '2022-03-02')],
    });
    await post('lingshan-2', { expectedVersion: 0, events: [selfCheck('2022-03-01')] });
    const { status, body } = await request('GET', '/campaign/2022');
    expect(status).toBe(200);
    expect(body.summary).toMatchObject({ year: 2022, applications: 1, byStatus: { applied: 1 } });
    expect(body).toMatchObject({
      year: 2022,
      applications: [
        {
          applicationId: 'lingshan-1',
          version: 2,
          state: expect.objectContaining({ status: 'applied', year: 2022 }),
        },
      ],
    });
  });
});
