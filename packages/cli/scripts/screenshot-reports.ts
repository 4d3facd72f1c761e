// Writes docs/images/report-estate.png and docs/images/report-timeline.png: an estate report (the sample
// below the threshold) and Qinzhou's timeline report, rendered by the CLI and shot in headless Chromium.
// Run from packages/cli: `pnpm screenshots` (needs /usr/bin/chromium: apt-get install -y chromium
// fonts-wqy-microhei — the font makes the Chinese legible).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { run } from '../src/index.js';
import { checkInChromium, hasChromium } from '../test/chromium.js';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const images = join(repository, 'docs/images');

if (!hasChromium) {
  console.error(
    'screenshot-reports: /usr/bin/chromium is missing (apt-get install -y chromium fonts-wqy-microhei)',
  );
  process.exit(1);
}
const folder = await mkdtemp(join(tmpdir(), 'sunshine-rubric-screenshots-'));
try {
  await writeFile(join(folder, 'estate.json'), JSON.stringify(guangxiSamples.belowThreshold));
  const quiet = { write: () => true };
  const io = { cwd: folder, stdout: quiet, stderr: process.stderr, isTTY: false, env: {} };
  const estate = await run(['report', 'estate.json', '--out', 'estate.html'], io);
  await writeFile(join(folder, 'certified.json'), JSON.stringify({ 2021: 11, 2022: 8 }));
  const timeline = await run(
    ['timeline', '--certified', 'certified.json', '--format', 'html', '--out', 'timeline.html'],
    io,
  );
  if (estate !== 0 || timeline !== 0)
    throw new Error(`the CLI failed: report ${estate}, timeline ${timeline}`);
  await mkdir(images, { recursive: true });
  const checks = await checkInChromium([
    { file: join(folder, 'estate.html'), screenshot: join(images, 'report-estate.png') },
    { file: join(folder, 'timeline.html'), screenshot: join(images, 'report-timeline.png') },
  ]);
  for (const check of checks) {
    if (check.errors.length > 0 || check.requests.length > 0) {
      throw new Error(
        `${check.file}: errors ${JSON.stringify(check.errors)}, requests ${JSON.stringify(check.requests)}`,
      );
    }
  }
  console.log(`wrote ${join(images, 'report-estate.png')} and ${join(images, 'report-timeline.png')}`);
} finally {
  await rm(folder, { recursive: true, force: true });
}
