import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** A static file server on loopback, and every path it answered 404 to. */
export interface StaticSite {
  readonly origin: string;
  readonly missing: readonly string[];
  close(): Promise<void>;
}

/**
 * Serves a folder on 127.0.0.1 (a free port), as a static host such as GitHub Pages would: a path that is
 * not a file there is a 404, and recorded.
 *
 * @example
 * ```ts
 * const site = await serveFolder('/tmp/site');
 * await fetch(`${site.origin}/index.html`);
 * await site.close();
 * ```
 */
export async function serveFolder(folder: string): Promise<StaticSite> {
  const missing: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(folder, path.endsWith('/') ? `${path}index.html` : path));
    try {
      if (!file.startsWith(folder + sep)) throw new Error('outside the site');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'text/plain; charset=utf-8' });
      response.end(body);
    } catch {
      missing.push(path);
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    missing,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
