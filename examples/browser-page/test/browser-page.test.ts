import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { compileRuleSet, evaluate } from '@sunshine-rubric/core';
import { generateStandaloneEvaluator } from '@sunshine-rubric/core/standalone';
import { focusInWords, verdictInWords } from '@sunshine-rubric/core/words';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { exportSelfCheckWorkbook, importSelfCheckWorkbook } from '@sunshine-rubric/workbook';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumFlags, chromiumPath, onCi, skipChromium } from '../../../packages/cli/test/chromium.js';
import { buildPage } from '../scripts/build.mjs';

/** The policy the page is served with: its own files only; no eval, no inline script, no other origin. */
const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

let folder: string;
let server: Server;
let browser: Browser;
let page: Page;
let base: string;
const problems: string[] = [];
const foreignRequests: string[] = [];
const requested: string[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sunshine-rubric-page-'));
  // On CI the page is bundled from the packages' dist/ (the build step runs before the tests), as a user's
  // would be; elsewhere from their TypeScript source, so that the test needs no build.
  await buildPage(join(folder, 'site'), { fromSource: !onCi });
  server = createServer(async (request, response) => {
    const name = new URL(request.url ?? '/', 'http://page.invalid').pathname.slice(1) || 'index.html';
    if (!/^[\w.-]+$/.test(name)) return void response.writeHead(404).end();
    try {
      const body = await readFile(join(folder, 'site', name));
      response.writeHead(200, {
        'content-type': contentTypes[extname(name)] ?? 'application/octet-stream',
        'content-security-policy': contentSecurityPolicy,
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (skipChromium) return;
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
  const context = await browser.newContext({ acceptDownloads: true });
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith(`${base}/`)) {
      requested.push(new URL(route.request().url()).pathname);
      return route.continue();
    }
    foreignRequests.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  // Runs in the page before its scripts: a violation is reported even when the page catches the error.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI);
    });`,
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${base}/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(folder, { recursive: true, force: true });
});

const text = async (selector: string) => (await page.locator(selector).textContent()) ?? '';

// Every test ends with no console error, page error or CSP violation, and no request to another origin.
afterEach(() => {
  if (skipChromium) return;
  expect(problems).toEqual([]);
  expect(foreignRequests).toEqual([]);
});

describe.skipIf(skipChromium)('the browser page, in Chromium under a strict Content-Security-Policy', () => {
  it('says the rule set is provisional and offers the sample self-checks', async () => {
    expect(await text('#notice')).toContain('不是官方文本');
    const options = await page.locator('#sample option').allTextContents();
    expect(options).toEqual(Object.values(guangxiSamples).map((sample) => sample.community.name));
  });

  it('scores every sample in the browser exactly as Node does', async () => {
    for (const [key, sample] of Object.entries(guangxiSamples)) {
      const result = evaluate(guangxi2021, sample);
      await page.selectOption('#sample', key);
      await page.click('#evaluate-sample');
      expect(await text('#verdict')).toBe(verdictInWords(result).zh);
      expect(await text('#compliance')).toContain(`中符合 ${result.compliance.met} 项`);
      // The focus is said beside the verdict (guangxi-2021 has one), never in it.
      expect(await text('#compliance')).toContain(focusInWords(result)!.zh);
      expect(await page.locator('#reasons li').allTextContents()).toEqual(
        result.reasons.map((reason) => reason.message.zh),
      );
      const open = result.standards.filter((standard) =>
        ['unmet', 'missing-data'].includes(standard.outcome),
      );
      expect(await page.locator('#standards details').count()).toBe(open.length);
    }
  });

  it('reads an uploaded self-check workbook and explains the verdict', async () => {
    const sample = guangxiSamples.belowThreshold;
    const file = join(folder, 'filled.xlsx');
    await writeFile(file, await exportSelfCheckWorkbook(guangxi2021, { assessment: sample }));
    await page.setInputFiles('#workbook', file);
    await page.waitForSelector('#result:not([hidden])');
    await expect.poll(() => text('#estate')).toContain(sample.id);
    const result = evaluate(guangxi2021, sample);
    expect(await text('#verdict')).toBe('暂不符合申报条件');
    expect(await page.locator('#reasons li').first().textContent()).toBe(result.reasons[0]?.message.zh);
    const unmet = result.standards.find((standard) => standard.outcome === 'unmet')!;
    expect(await text(`details[data-standard="${unmet.id}"] .line`)).toMatch(/^✗ “.+”.+实际为/);
  });

  it('answers a file that is not a workbook with INVALID_WORKBOOK', async () => {
    const file = join(folder, 'not-a-workbook.xlsx');
    await writeFile(file, 'id,name\n1,示例小区\n');
    await page.setInputFiles('#workbook', file);
    await page.waitForSelector('#error:not([hidden])');
    expect(await text('#error')).toMatch(/^INVALID_WORKBOOK/);
  });

  it('exports the self-check workbook as a download that imports back to the same assessment', async () => {
    await page.selectOption('#sample', 'missingData');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-form')]);
    expect(download.suggestedFilename()).toBe(`自查表-${guangxiSamples.missingData.id}.xlsx`);
    const bytes = await readFile((await download.path())!);
    const back = await importSelfCheckWorkbook(guangxi2021, bytes);
    expect(back.facts).toEqual(guangxiSamples.missingData.facts);
    expect(evaluate(guangxi2021, back).reasons).toEqual(
      evaluate(guangxi2021, guangxiSamples.missingData).reasons,
    );
  });
});

describe.skipIf(skipChromium)('the standalone page, in Chromium under the same strict policy', () => {
  it('scores every sample with the generated evaluator.mjs alone, as the compiled evaluator does', async () => {
    requested.length = 0;
    await page.goto(`${base}/standalone.html`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await text('#rule-set')).toBe(`${guangxi2021.id}@${guangxi2021.version}`);
    const evaluator = compileRuleSet(guangxi2021);
    for (const [key, sample] of Object.entries(guangxiSamples)) {
      await page.selectOption('#sample', key);
      await page.click('#evaluate-sample');
      const expected = evaluator.evaluate(sample);
      expect(JSON.parse(await text('#result-json'))).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(await text('#verdict')).toBe(verdictInWords(expected).zh);
      expect(await page.locator('#reasons li').allTextContents()).toEqual(
        expected.reasons.map((reason) => reason.message.zh),
      );
    }
    // The module is the file the build wrote, loaded as itself (the page's script does not carry it).
    expect(requested).toContain('/evaluator.mjs');
    const pageScript = await readFile(join(folder, 'site', 'standalone.js'), 'utf8');
    expect(pageScript).toContain('./evaluator.mjs');
    expect(pageScript).not.toContain('reasonsWriter');
  });
});

describe('the standalone page', () => {
  it("types its import of evaluator.mjs with the generator's declarations, kept up to date", async () => {
    const declarations = await readFile(new URL('../src/evaluator.d.mts', import.meta.url), 'utf8');
    expect(declarations).toBe(generateStandaloneEvaluator(guangxi2021, { declarations: true }).declarations);
  });

  it('ships the module the generator writes for guangxi-2021', async () => {
    expect(await readFile(join(folder, 'site', 'evaluator.mjs'), 'utf8')).toBe(
      generateStandaloneEvaluator(guangxi2021),
    );
  });
});
