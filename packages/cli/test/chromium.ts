import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Where Debian's `chromium` package installs the browser. */
export const chromiumPath = '/usr/bin/chromium';

/** True when the browser is installed. */
export const hasChromium = existsSync(chromiumPath);

/** True on CI: `CI` set to anything but empty, `0` or `false` (`.ci/run` sets `CI=true`). */
export const onCi = !['', '0', 'false'].includes(process.env.CI ?? '');

/** Browser checks skip where Chromium is missing, but never on CI: there a missing browser fails them. */
export const skipChromium = !hasChromium && !onCi;

/** A headless browser that stays off the network: no QUIC, no background or component traffic, no sync. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A report to open, and where to save its screenshot (if anywhere). */
export interface PageToCheck {
  readonly file: string;
  readonly screenshot?: string;
}

/** What the browser saw on one page. */
export interface PageCheck {
  readonly file: string;
  /** Console errors and uncaught page errors (a CSP violation shows up here too). */
  readonly errors: readonly string[];
  /** Every request other than the report file itself; they are blocked as well as recorded. */
  readonly requests: readonly string[];
  /** Number of `<svg>` charts in the page, and whether each has a non-zero size as laid out. */
  readonly charts: number;
  readonly chartsVisible: boolean;
  /** The text of the page, for checking the notice and the verdict are shown. */
  readonly text: string;
}

/**
 * Opens each report in headless Chromium (a fresh profile in a temporary folder), with every request but
 * the file itself blocked and recorded, and collects console errors; saves a screenshot when asked.
 */
export async function checkInChromium(pages: readonly PageToCheck[]): Promise<PageCheck[]> {
  const profile = await mkdtemp(join(tmpdir(), 'sunshine-rubric-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
    viewport: { width: 1100, height: 1400 },
    deviceScaleFactor: 1,
    offline: true,
  });
  try {
    const checks: PageCheck[] = [];
    for (const target of pages) {
      const url = pathToFileURL(target.file).href;
      const requests = new Set<string>();
      await context.route('**/*', (route) =>
        route.request().url() === url ? route.continue() : route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('request', (request) => {
        if (request.url() !== url) requests.add(request.url());
      });
      await page.goto(url, { waitUntil: 'load' });
      const charts = await page.locator('figure.chart svg').count();
      const chartsVisible = await page.$$eval('figure.chart svg', (svgs) =>
        svgs.every((svg) => {
          const box = svg.getBoundingClientRect();
          return box.width > 100 && box.height > 100;
        }),
      );
      const text = (await page.locator('body').textContent()) ?? '';
      if (target.screenshot) await page.screenshot({ path: target.screenshot, type: 'png' });
      await page.close();
      await context.unroute('**/*');
      checks.push({ file: target.file, errors, requests: [...requests], charts, chartsVisible, text });
    }
    return checks;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
