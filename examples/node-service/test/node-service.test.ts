import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { definePlugin, type EvaluationResult, type RemediationPlan } from '@sunshine-rubric/core';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { createQinzhouRegistry, qinzhouRuleSetReference } from '@sunshine-rubric/qinzhou';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../src/http-error.js';
import { defaultMaxBodyBytes } from '../src/read-body.js';
import { startRubricService } from '../src/server.js';
import { createRubricService } from '../src/service.js';

/** Any answer of the service: one of these fields is set, by route. */
interface ServiceBody {
  readonly result: EvaluationResult;
  readonly remediation: RemediationPlan;
  readonly error: ErrorBody['error'];
}

let server: Server;
let base: string;

beforeAll(async () => {
  const registry = createQinzhouRegistry();
  ({ server, url: base } = await startRubricService({
    registry,
    defaultRuleSet: qinzhouRuleSetReference,
    port: 0,
  }));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function post(path: string, body: unknown, contentType = 'application/json') {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as ServiceBody };
}

describe('the rubric service', () => {
  it('listens on this machine only (127.0.0.1) unless told another host', async () => {
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('lists its rule sets with their provenance', async () => {
    const response = await fetch(`${base}/rule-sets`);
    expect(response.status).toBe(200);
    const { ruleSets } = (await response.json()) as {
      ruleSets: { id: string; provenance: { status: string } }[];
    };
    expect(ruleSets.map((ruleSet) => `${ruleSet.id} ${ruleSet.provenance.status}`)).toEqual([
      'guangxi-2021 provisional',
    ]);
  });

  it('evaluates each sample self-check as the library does, provenance included', async () => {
    const registry = createQinzhouRegistry();
    for (const sample of Object.values(guangxiSamples)) {
      const { status, body } = await post('/evaluate', sample);
      expect(status).toBe(200);
      expect(body.result).toEqual(registry.compile(qinzhouRuleSetReference).evaluate(sample));
      expect(body.result.ruleSet.provenance.status).toBe('provisional');
    }
  });

  it('says why an estate is not eligible, and plans the cheapest fixes by department', async () => {
    const { status, body } = await post('/remediate', guangxiSamples.belowThreshold);
    expect(status).toBe(200);
    expect(body.result.eligible).toBe(false);
    expect(body.result.reasons[0]?.code).toBe('BELOW_THRESHOLD');
    expect(body.remediation.feasible).toBe(true);
    expect(body.remediation.steps.length).toBeGreaterThan(0);
    expect(Object.keys(body.remediation.byResponsible).length).toBeGreaterThan(0);
  });

  it('answers an invalid assessment with 422 and every issue with its path', async () => {
    const { status, body } = await post('/evaluate', {
      ...guangxiSamples.eligible,
      facts: { ...guangxiSamples.eligible.facts, cctvCoverage: 'most', cctvCoverge: 0.9 },
    });
    expect(status).toBe(422);
    expect(body.error.code).toBe('INVALID_ASSESSMENT');
    expect(body.error.issues?.map((issue) => issue.path.join('.'))).toEqual([
      'facts.cctvCoverage',
      'facts.cctvCoverge',
    ]);
    const blankName = await post('/evaluate', { ...guangxiSamples.eligible, community: { name: ' ' } });
    expect(blankName.body.error.issues?.map((issue) => issue.path.join('.'))).toEqual(['community.name']);
  });

  it('answers an unknown rule set with 404, and a rule set named in the query over the default', async () => {
    const unknown = await post('/evaluate?ruleSet=nanning-2030', guangxiSamples.eligible);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('RULE_SET_NOT_FOUND');
    const byRange = await post('/evaluate?ruleSet=guangxi-2021@^0.2', guangxiSamples.eligible);
    expect(byRange.body.result.eligible).toBe(true);
  });

  it('rejects what is not a JSON assessment: 415, 400, 413, and unknown routes and methods', async () => {
    expect((await post('/evaluate', 'id=1', 'application/x-www-form-urlencoded')).status).toBe(415);
    const broken = await post('/evaluate', '{"id":');
    expect([broken.status, broken.body.error.code]).toEqual([400, 'INVALID_JSON']);
    const huge = await post('/evaluate', `"${'x'.repeat(defaultMaxBodyBytes)}"`);
    expect([huge.status, huge.body.error.code]).toEqual([413, 'BODY_TOO_LARGE']);
    expect((await post('/evaluate', '{}', 'application/json-patch+json')).status).toBe(415);
    const wrongMethod = await fetch(`${base}/evaluate`);
    expect([wrongMethod.status, wrongMethod.headers.get('allow')]).toEqual([405, 'POST']);
    expect((await fetch(`${base}/admin`)).status).toBe(404);
    expect((await fetch(`${base}/__proto__`)).status).toBe(404);
  });

  it('answers a request line whose URL cannot be parsed with 400, and keeps serving', async () => {
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    socket.write('GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    const [answer] = (await once(socket.setEncoding('utf8'), 'data')) as [string];
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toContain('INVALID_URL');
    expect((await fetch(`${base}/rule-sets`)).status).toBe(200);
  });

  it('answers a failing fact resolver with 502 and the plugin error', async () => {
    const failing = definePlugin({
      name: 'failing-register',
      apiVersion: 1,
      factResolvers: [
        {
          fact: 'cctvCoverage',
          resolve: async () => {
            throw new Error('the register is down');
          },
        },
      ],
    });
    const registry = createQinzhouRegistry([failing]);
    const listener = createRubricService({ registry, defaultRuleSet: qinzhouRuleSetReference });
    const other = createServer(listener).listen(0, '127.0.0.1');
    await once(other, 'listening');
    try {
      const response = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...guangxiSamples.eligible, facts: {} }),
      });
      const body = (await response.json()) as ServiceBody;
      expect([response.status, body.error.code]).toEqual([502, 'PLUGIN_FAILED']);
    } finally {
      other.close();
    }
  });
});
