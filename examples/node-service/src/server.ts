import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requireWholeNumber } from './check-option.js';
import { createRubricService, type RubricServiceOptions } from './service.js';

/**
 * The service's options and the server's: where it listens and how long a connection may take. Every one
 * has a safe default, so `startRubricService({ registry, defaultRuleSet })` is fit to run as it is.
 */
export interface RubricServerOptions extends RubricServiceOptions {
  /** The interface to listen on; `127.0.0.1` (this machine only) unless told otherwise, e.g. `0.0.0.0`. */
  readonly host?: string;
  /** The port; `0` picks a free one. */
  readonly port?: number;
  /** The time allowed for a request's headers to arrive (408 after it). */
  readonly headersTimeoutMs?: number;
  /** The time allowed for a whole request, headers and body (408 after it). */
  readonly requestTimeoutMs?: number;
  /** How long an idle kept-alive connection stays open between requests. */
  readonly keepAliveTimeoutMs?: number;
}

/**
 * The defaults: a self-check is about 5 KB, so a healthy client sends it in well under a second; these leave
 * room for slow networks while never letting a slow or silent client hold a connection for long (Node's own
 * `requestTimeout` is 5 minutes).
 */
const serverDefaults = {
  host: '127.0.0.1',
  port: 3000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
} as const;

/**
 * A `node:http` server running the service, with its timeouts set (not yet listening). Node checks the
 * header and request timeouts on an interval; it is set from them so that a timeout closes the connection
 * soon after it passes rather than up to 30 seconds later.
 *
 * @example
 * ```ts
 * const server = createRubricServer({ registry, defaultRuleSet: 'guangxi-2021', requestTimeoutMs: 20_000 });
 * server.listen(3000, '127.0.0.1');
 * ```
 */
export function createRubricServer(options: RubricServerOptions): Server {
  const headersTimeoutMs = options.headersTimeoutMs ?? serverDefaults.headersTimeoutMs;
  const requestTimeoutMs = options.requestTimeoutMs ?? serverDefaults.requestTimeoutMs;
  const keepAliveTimeoutMs = options.keepAliveTimeoutMs ?? serverDefaults.keepAliveTimeoutMs;
  for (const [name, value] of Object.entries({ headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs })) {
    requireWholeNumber(name, value, 1);
  }
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new RangeError(
      'headersTimeoutMs must not be longer than requestTimeoutMs: the headers are part of it',
    );
  }
  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, headersTimeoutMs),
    },
    createRubricService(options),
  );
  server.keepAliveTimeout = keepAliveTimeoutMs;
  return server;
}

/**
 * {@link createRubricServer}, listening on `host` (`127.0.0.1` unless told) and `port` (3000). Resolves
 * once it listens, with the server and its URL.
 *
 * @example
 * ```ts
 * const { url, server } = await startRubricService({ registry, defaultRuleSet: 'guangxi-2021', port: 0 });
 * console.log(`listening on ${url}`); // http://127.0.0.1:40123
 * server.close();
 * ```
 */
export async function startRubricService(
  options: RubricServerOptions,
): Promise<{ server: Server; url: string }> {
  requireWholeNumber('port', options.port, 0);
  const server = createRubricServer(options);
  server.listen(options.port ?? serverDefaults.port, options.host ?? serverDefaults.host);
  await once(server, 'listening'); // rejects with the 'error' (e.g. EADDRINUSE) if listening fails
  const { address, family, port } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  return { server, url: `http://${host}:${port}` };
}
