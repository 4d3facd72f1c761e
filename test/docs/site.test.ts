import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumFlags, chromiumPath, skipChromium } from '../../packages/cli/test/chromium.js';
import { type StaticSite, serveFolder } from './static-server.js';

// Builds the site as `pnpm run docs` does (typedoc, into a temporary folder), serves it on loopback and crawls
// every internal link in headless Chromium: a missing page or file, a broken #anchor, a console error or a
// request to another origin fails. Then the site's own search must find planRemediation.
const root = fileURLToPath(new URL('../..', import.meta.url));
let out = '';
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'sunshine-rubric-site-'));
  await promisify(execFile)(
    process.execPath,
    [join(root, 'node_modules/typedoc/bin/typedoc'), '--out', out, '--json', join(out, 'api.json')],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  site = await serveFolder(out);
  if (!skipChromium) {
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('the docs site', () => {
  it('holds every guide and every page of docs/', () => {
    const configured: string[] = JSON.parse(
      readFileSync(join(root, 'typedoc.json'), 'utf8'),
    ).projectDocuments;
    const written = [
      ...readdirSync(join(root, 'docs')).map((name) => `docs/${name}`),
      ...readdirSync(join(root, 'docs/guides')).map((name) => `docs/guides/${name}`),
    ].filter((path) => path.endsWith('.md') && path !== 'docs/index.md');
    expect([...configured].sort()).toEqual(written.sort());
  });

  it.skipIf(skipChromium)(
    'has no broken link, no missing file and no console error, page by page',
    async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      let current = '';
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${current}: console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`${current}: page error: ${error.message}`));
      await page.route('**/*', (route) =>
        route.request().url().startsWith(site.origin) ? route.continue() : route.abort('blockedbyclient'),
      );
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${current}: ${response.status()} for ${response.url()}`);
      });
      // Going on to the next page aborts what the last one still loads (its favicon): not a failure.
      page.on('requestfailed', (request) => {
        const failure = request.failure()?.errorText ?? '';
        if (failure !== 'net::ERR_ABORTED') problems.push(`${current}: ${request.url()} failed: ${failure}`);
      });

      const queue = [`${site.origin}/index.html`];
      const visited = new Set(queue);
      const anchorsOf = new Map<string, Set<string>>();
      const linksWithAnchor: { from: string; to: string; anchor: string }[] = [];
      const files = new Set<string>();
      while (queue.length > 0) {
        current = queue.shift()!;
        const response = await page.goto(current, { waitUntil: 'load' });
        if (response?.status() !== 200) problems.push(`${current}: status ${response?.status()}`);
        const anchors = await page
          .locator('[id], a[name]')
          .evaluateAll((nodes) => nodes.map((node) => node.id || (node.getAttribute('name') ?? '')));
        const links = await page
          .locator('a[href]')
          .evaluateAll((nodes) => nodes.map((node) => (node as unknown as { href: string }).href));
        anchorsOf.set(current, new Set(anchors));
        for (const link of links) {
          const url = new URL(link);
          if (url.origin !== site.origin) continue;
          const anchor = decodeURIComponent(url.hash.slice(1));
          url.hash = '';
          const target = url.href;
          if (anchor) linksWithAnchor.push({ from: current, to: target, anchor });
          if (!target.endsWith('.html')) files.add(target);
          else if (!visited.has(target)) {
            visited.add(target);
            queue.push(target);
          }
        }
      }
      for (const file of files) {
        const response = await fetch(file);
        if (response.status !== 200) problems.push(`${file}: status ${response.status}`);
      }
      for (const { from, to, anchor } of linksWithAnchor) {
        const anchors = anchorsOf.get(to);
        if (anchors && !anchors.has(anchor)) problems.push(`${from}: links to #${anchor}, which ${to} lacks`);
      }
      await page.close();
      expect(problems).toEqual([]);
      expect(site.missing).toEqual([]);
      expect(visited.size).toBeGreaterThan(100);
      console.info(`docs site: ${visited.size} pages and ${files.size} other files crawled`);
    },
    300_000,
  );

  it.skipIf(skipChromium)(
    'finds planRemediation with its own search, and the guides in both languages',
    async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${site.origin}/index.html`, { waitUntil: 'load' });
      const search = async (text: string) => {
        await page.click('#tsd-search-trigger');
        await page.fill('#tsd-search-input', text);
        const results = page.locator('#tsd-search-results li a');
        await results.first().waitFor({ timeout: 10_000 });
        const hits = await results.evaluateAll((links) =>
          links.map((link) => ({
            text: link.textContent ?? '',
            href: (link as unknown as { href: string }).href,
          })),
        );
        await page.keyboard.press('Escape');
        return hits;
      };
      const hits = await search('planRemediation');
      expect(hits[0]?.text).toContain('planRemediation');
      expect(decodeURIComponent(hits[0]!.href)).toMatch(/planRemediation\.html$/);
      expect((await page.goto(hits[0]!.href))?.status()).toBe(200);
      await page.goto(`${site.origin}/index.html`, { waitUntil: 'load' });
      expect((await search('Getting started')).map((hit) => hit.text).join('\n')).toContain('快速上手');
      await page.close();
      expect(errors).toEqual([]);
    },
    60_000,
  );
});
