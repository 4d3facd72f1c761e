import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { createQinzhouRegistry, qinzhouRuleSetReference } from '@sunshine-rubric/qinzhou';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../src/http-error.js';
import { startRubricService } from '../src/server.js';

let close: () => void;
let base: string;

beforeAll(async () => {
  const registry = createQinzhouRegistry();
  const started = await startRubricService({ registry, defaultRuleSet: qinzhouRuleSetReference, port: 0 });
  base = started.url;
  close = () => started.server.close().closeAllConnections();
});
afterAll(() => close());

async function evaluate(body: string, path = '/evaluate') {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  return { response, bytes: Buffer.byteLength(text), body: JSON.parse(text) as ErrorBody };
}

describe('an error answer stays small whatever was posted', () => {
  it('lists the first 20 of 70,000 unknown facts, with their count, in under 16 KB', async () => {
    const facts: Record<string, unknown> = { ...guangxiSamples.eligible.facts };
    for (let index = 0; index < 70_000; index += 1) facts[`u${index}`] = true;
    const posted = JSON.stringify({ ...guangxiSamples.eligible, facts });
    expect(posted.length).toBeGreaterThan(900_000); // under the 1 MB body limit, so it is read and checked

    const { response, bytes, body } = await evaluate(posted);
    expect(response.status).toBe(422);
    expect(body.error.code).toBe('INVALID_ASSESSMENT');
    expect(body.error.issues).toHaveLength(20);
    expect(body.error.issues?.[0]?.path).toEqual(['facts', 'u0']);
    expect([body.error.issueCount, body.error.truncated]).toEqual([70_000, true]);
    expect(bytes).toBeLessThan(16_384);
  });

  it('lists every issue, and says it left none out, when there are few', async () => {
    const facts = { ...guangxiSamples.eligible.facts, cctvCoverage: 'most' };
    const { response, body } = await evaluate(JSON.stringify({ ...guangxiSamples.eligible, facts }));
    expect(response.status).toBe(422);
    expect(body.error.issues?.map((issue) => issue.path.join('.'))).toEqual(['facts.cctvCoverage']);
    expect(typeof body.error.issues?.[0]?.kind).toBe('string');
    expect(body.error.issueCount).toBe(1);
    expect(body.error.truncated).toBeUndefined();
  });

  it('cuts each echoed string: a 500,000-character fact name, a 900,000-character rule-set name', async () => {
    const longName = 'n'.repeat(500_000);
    const facts = { ...guangxiSamples.eligible.facts, [longName]: true };
    const unknownFact = await evaluate(JSON.stringify({ ...guangxiSamples.eligible, facts }));
    expect(unknownFact.response.status).toBe(422);
    expect(unknownFact.bytes).toBeLessThan(16_384);
    expect(unknownFact.body.error.issues?.[0]?.path[1]).toMatch(/^n{200}… \(499800 more characters\)$/);

    const unknownRuleSet = await evaluate(
      JSON.stringify({ ...guangxiSamples.eligible, ruleSet: 'r'.repeat(900_000) }),
    );
    expect(unknownRuleSet.response.status).toBe(404);
    expect(unknownRuleSet.bytes).toBeLessThan(16_384);
  });

  it('closes the connection after a 413, so that a client does not send its next request into the rest', async () => {
    const tooLarge = await evaluate(`"${'x'.repeat(1_400_000)}"`);
    expect(tooLarge.response.status).toBe(413);
    expect(tooLarge.response.headers.get('connection')).toBe('close');
    const next = await fetch(`${base}/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(guangxiSamples.eligible),
    });
    expect(next.status).toBe(200);
  });

  it('keeps to the body limit and the number of issues it is configured with', async () => {
    const registry = createQinzhouRegistry();
    const sampleBytes = Buffer.byteLength(JSON.stringify(guangxiSamples.eligible));
    const small = await startRubricService({
      registry,
      defaultRuleSet: qinzhouRuleSetReference,
      port: 0,
      maxBodyBytes: sampleBytes + 200,
      maxIssues: 2,
    });
    try {
      const response = await fetch(`${small.url}/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...guangxiSamples.eligible, padding: 'p'.repeat(1_000) }),
      });
      expect([response.status, response.headers.get('connection')]).toEqual([413, 'close']);
      const facts = { a: 1, b: 2, c: 3 };
      const invalid = await fetch(`${small.url}/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...guangxiSamples.eligible,
          facts: { ...guangxiSamples.eligible.facts, ...facts },
        }),
      });
      const body = (await invalid.json()) as ErrorBody;
      expect([body.error.issues?.length, body.error.issueCount, body.error.truncated]).toEqual([2, 3, true]);
    } finally {
      small.server.close().closeAllConnections();
    }
  });
});
