// Opens an estate report and a timeline report in headless Chromium: they render with no console error
// and make no request at all (every request is recorded and blocked). Skipped when /usr/bin/chromium is
// not installed (apt-get install -y chromium).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkInChromium, chromiumPath, skipChromium } from './chromium.js';
import { temporaryFolder } from './run-cli.js';
import { runInProcess } from './run-in-process.js';

if (skipChromium) {
  console.warn(
    `reports-in-chromium: SKIPPED — ${chromiumPath} is not installed (apt-get install -y chromium)`,
  );
}

let folder: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  folder = await temporaryFolder('chromium');
  const hostile = {
    ...guangxiSamples.belowThreshold,
    community: { name: '<script>alert("x")</script>小区' },
  };
  await writeFile(join(folder.path, 'estate.json'), JSON.stringify(hostile));
  await writeFile(join(folder.path, 'certified.json'), JSON.stringify({ 2021: 11, 2022: 8 }));
  const cli = (...args: string[]) => runInProcess(args, { cwd: folder.path });
  expect((await cli('report', 'estate.json', '--out', 'estate.html')).code).toBe(0);
  expect((await cli('report', 'estate.json', '--out', 'estate-en.html', '--lang', 'en')).code).toBe(0);
  const timeline = await cli(
    'timeline',
    '--certified',
    'certified.json',
    '--format',
    'html',
    '--out',
    'timeline.html',
  );
  expect(timeline.code).toBe(0);
});

afterAll(() => folder?.remove());

describe.skipIf(skipChromium)(`reports in headless Chromium (${chromiumPath})`, () => {
  test('render without console errors and without any network request', { timeout: 60_000 }, async () => {
    const [estate, english, timeline] = await checkInChromium([
      { file: join(folder.path, 'estate.html') },
      { file: join(folder.path, 'estate-en.html') },
      { file: join(folder.path, 'timeline.html') },
    ]);
    for (const page of [estate!, english!, timeline!]) {
      expect(page.errors, page.file).toEqual([]);
      expect(page.requests, page.file).toEqual([]);
      expect(page.chartsVisible, page.file).toBe(true);
    }
    expect(estate!.charts).toBe(2);
    expect(timeline!.charts).toBe(1);
    expect(estate!.text).toContain('注意：暂定规则集');
    expect(estate!.text).toContain('<script>alert("x")</script>小区');
    expect(english!.text).toContain('Notice: provisional rule set.');
    expect(timeline!.text).toContain('BREAKDOWN_SUM_MISMATCH');
  });
});
