import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { createQinzhouRegistry, qinzhouRuleSetReference } from '@sunshine-rubric/qinzhou';
import { afterEach, describe, expect, it } from 'vitest';
import { type RubricServerOptions, startRubricService } from '../src/server.js';
import { createRubricService } from '../src/service.js';
import { openRawClient, postHead } from './raw-client.js';

// Small timeouts, so that each test sees the connection closed soon; the outcome is asserted, not the time.
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close().closeAllConnections();
});

async function start(options: Partial<RubricServerOptions>): Promise<Server> {
  const registry = createQinzhouRegistry();
  const { server } = await startRubricService({
    registry,
    defaultRuleSet: qinzhouRuleSetReference,
    port: 0,
    ...options,
  });
  servers.push(server);
  return server;
}

describe('a slow or silent client does not hold a connection', () => {
  it('closes a connection whose headers never finish with 408 (headersTimeoutMs)', async () => {
    const server = await start({ headersTimeoutMs: 200, requestTimeoutMs: 2_000 });
    const client = openRawClient(server);
    client.socket.write('POST /evaluate HTTP/1.1\r\nHost: service.test\r\n');
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection that sends headers and then no body with 408 (bodyTimeoutMs)', async () => {
    const server = await start({ bodyTimeoutMs: 200 });
    const client = openRawClient(server);
    client.socket.write(postHead(1_000));
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(client.received()).toContain('"code":"REQUEST_TIMEOUT"');
  });

  it('closes a connection that trickles its body with 408, however steadily it trickles', async () => {
    const server = await start({ bodyTimeoutMs: 300 });
    const client = openRawClient(server);
    client.socket.write(`${postHead(100_000)}{"id":"`);
    const trickle = setInterval(() => client.socket.write('x'), 20);
    await client.closed;
    clearInterval(trickle);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it("closes a trickling request at the server's requestTimeoutMs when that comes first", async () => {
    const server = await start({ headersTimeoutMs: 100, requestTimeoutMs: 300, bodyTimeoutMs: 60_000 });
    const client = openRawClient(server);
    client.socket.write(`${postHead(100_000)}{"id":"`);
    const trickle = setInterval(() => client.socket.write('x'), 20);
    await client.closed;
    clearInterval(trickle);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a kept-alive connection that stays idle (keepAliveTimeoutMs)', async () => {
    const server = await start({ keepAliveTimeoutMs: 200 });
    const client = openRawClient(server);
    client.socket.write('GET /rule-sets HTTP/1.1\r\nHost: service.test\r\n\r\n');
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 200/);
  });

  it('applies its body timeout inside any server it is mounted in, whatever that server allows', async () => {
    const registry = createQinzhouRegistry();
    const listener = createRubricService({
      registry,
      defaultRuleSet: qinzhouRuleSetReference,
      bodyTimeoutMs: 200,
    });
    const server = createServer(listener).listen(0, '127.0.0.1'); // Node's own limits: 5 minutes a request
    servers.push(server);
    await once(server, 'listening');
    const client = openRawClient(server);
    client.socket.write(postHead(1_000));
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('still answers a prompt client in full under the same small limits', async () => {
    const server = await start({ headersTimeoutMs: 200, requestTimeoutMs: 400, bodyTimeoutMs: 300 });
    const body = JSON.stringify(guangxiSamples.eligible);
    const client = openRawClient(server);
    client.socket.write(
      `${postHead(Buffer.byteLength(body)).replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n')}${body}`,
    );
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 200/);
    expect(client.received()).toContain('"eligible":true');
  });

  it('refuses limits that would turn a timeout off or make no sense', async () => {
    const registry = createQinzhouRegistry();
    const base = { registry, defaultRuleSet: qinzhouRuleSetReference };
    expect(() => createRubricService({ ...base, bodyTimeoutMs: 0 })).toThrow(/bodyTimeoutMs/);
    expect(() => createRubricService({ ...base, maxBodyBytes: Number.NaN })).toThrow(/maxBodyBytes/);
    await expect(start({ requestTimeoutMs: 1.5 })).rejects.toThrow(/requestTimeoutMs/);
    await expect(start({ headersTimeoutMs: 5_000, requestTimeoutMs: 1_000 })).rejects.toThrow(
      /headersTimeoutMs/,
    );
  });
});
