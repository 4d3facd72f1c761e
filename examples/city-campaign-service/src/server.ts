import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requireWholeNumber } from '@sunshine-rubric-examples/node-service/check-option';
import { type CampaignServiceOptions, createCampaignService } from './service.js';

/** The service's options and where it listens: `127.0.0.1` (this machine only) and port 3000 unless told. */
export interface CampaignServerOptions extends CampaignServiceOptions {
  readonly host?: string;
  /** `0` picks a free port. */
  readonly port?: number;
}

/**
 * The service in a `node:http` server on `host` and `port`, with the same connection timeouts as the
 * rubric service beside it (headers 10 s, whole request 30 s, idle keep-alive 5 s). Resolves once it
 * listens, with the server and its URL.
 *
 * @example
 * ```ts
 * const { url, server } = await startCampaignService({ store, port: 0 });
 * server.close();
 * ```
 */
export async function startCampaignService(
  options: CampaignServerOptions,
): Promise<{ server: Server; url: string }> {
  requireWholeNumber('port', options.port, 0);
  const server = createServer(
    { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 },
    createCampaignService(options),
  );
  server.keepAliveTimeout = 5_000;
  server.listen(options.port ?? 3000, options.host ?? '127.0.0.1');
  await once(server, 'listening'); // rejects with the 'error' (e.g. EADDRINUSE) if listening fails
  const { address, family, port } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  return { server, url: `http://${host}:${port}` };
}
