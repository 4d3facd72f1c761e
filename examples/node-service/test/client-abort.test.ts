import { once } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { definePlugin } from '@sunshine-rubric/core';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { createQinzhouRegistry, qinzhouRuleSetReference } from '@sunshine-rubric/qinzhou';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRubricService } from '../src/server.js';
import { openRawClient, postHead } from './raw-client.js';

/** A city register that answers only once the test lets it: a window in which the client can leave. */
function gatedRegister() {
  let asked!: () => void;
  let answer!: () => void;
  const wasAsked = new Promise<void>((resolve) => {
    asked = resolve;
  });
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  const plugin = definePlugin({
    name: 'gated-register',
    apiVersion: 1,
    factResolvers: [
      {
        fact: 'cctvCoverage',
        resolve: async () => {
          asked();
          await answered;
          return 0.9;
        },
      },
    ],
  });
  return { plugin, wasAsked, answer };
}

let server: Server;
let base: string;
let register: ReturnType<typeof gatedRegister>;
const written: string[] = [];

beforeEach(async () => {
  written.length = 0;
  const record = (text: unknown) => {
    written.push(String(text));
    return true;
  };
  vi.spyOn(console, 'error').mockImplementation(record);
  vi.spyOn(console, 'warn').mockImplementation(record);
  vi.spyOn(process.stderr, 'write').mockImplementation(record);
  register = gatedRegister();
  const registry = createQinzhouRegistry([register.plugin]);
  ({ server, url: base } = await startRubricService({
    registry,
    defaultRuleSet: qinzhouRuleSetReference,
    port: 0,
  }));
});

afterEach(() => {
  vi.restoreAllMocks();
  register.answer();
  server.close().closeAllConnections();
});

/** The next request's response on the server side, once the service has let go of it. */
function nextResponseClosed(): Promise<void> {
  return new Promise((resolve) => {
    server.once('request', (_request: IncomingMessage, response: ServerResponse) => {
      response.once('close', () => resolve());
    });
  });
}

async function expectStillServing(): Promise<void> {
  const response = await fetch(`${base}/evaluate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...guangxiSamples.eligible, facts: {} }),
  });
  expect(response.status).toBe(200);
}

describe('a client that hangs up', () => {
  it('mid-body costs no error and no stack trace, and the service keeps serving', async () => {
    const closed = nextResponseClosed();
    const reading = once(server, 'request');
    const client = openRawClient(server);
    client.socket.write(`${postHead(10_000)}{"id":"half`);
    await reading;
    client.socket.destroy();
    await closed;
    register.answer();
    await expectStillServing();
    expect(written).toEqual([]);
  });

  it('before the answer is written costs no error and no stack trace, and the service keeps serving', async () => {
    const closed = nextResponseClosed();
    const body = JSON.stringify({ ...guangxiSamples.eligible, facts: {} });
    const client = openRawClient(server);
    client.socket.write(`${postHead(Buffer.byteLength(body))}${body}`);
    await register.wasAsked; // the whole body is read; the service waits on the register
    client.socket.destroy();
    await closed;
    register.answer(); // the register answers after the client has gone
    await expectStillServing();
    expect(written).toEqual([]);
  });
});
