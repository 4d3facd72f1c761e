// `batch` streams: 200,000 assessments (about 480 MB of NDJSON, larger than the memory bound) go through a
// spawned process whose peak memory stays under the bound, and every line comes out in order.

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bundleCli, removeBundle, runCli, temporaryFolder } from './run-cli.js';

const lineCount = 200_000;
const badLineEvery = 50_000;
const memoryBoundBytes = 300 * 1024 * 1024;

let folder: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  folder = await temporaryFolder('batch-memory');
  await Promise.all([bundleCli(), writeLines(join(folder.path, 'many.ndjson'))]);
});

afterAll(async () => {
  await folder.remove();
  await removeBundle();
});

/** The five samples in turn, each with its own id; every 50,000th line is not JSON. */
async function writeLines(file: string): Promise<void> {
  const samples = Object.values(guangxiSamples).map((sample) => JSON.stringify({ ...sample, id: '@ID@' }));
  const sink = createWriteStream(file);
  let chunk = '';
  for (let line = 1; line <= lineCount; line++) {
    chunk +=
      line % badLineEvery === 0
        ? '{"id": broken\n'
        : `${samples[line % samples.length]!.replace('@ID@', `estate-${line}`)}\n`;
    if (chunk.length > 1 << 20) {
      if (!sink.write(chunk)) await once(sink, 'drain');
      chunk = '';
    }
  }
  sink.end(chunk);
  await once(sink, 'finish');
}

test(`batch streams ${lineCount.toLocaleString('en-US')} lines in flat memory`, {
  timeout: 180_000,
}, async () => {
  const input = join(folder.path, 'many.ndjson');
  expect((await stat(input)).size).toBeGreaterThan(memoryBoundBytes);
  const outcome = await runCli(['batch', 'many.ndjson', '--out', 'many.out.ndjson', '--lang', 'en'], {
    cwd: folder.path,
    env: { SUNSHINE_RUBRIC_REPORT_RSS: '1' },
  });
  expect(outcome.code).toBe(1);
  expect(outcome.stdout).toBe(
    '200000 lines: 199996 evaluated, 39996 eligible, 4 failed. Results written to many.out.ndjson\n',
  );
  const peakKilobytes = Number(/^maxRSS: (\d+) kB$/m.exec(outcome.stderr)?.[1]);
  console.info(`batch of ${lineCount} lines: peak RSS ${(peakKilobytes / 1024).toFixed(0)} MB`);
  expect(peakKilobytes * 1024).toBeLessThan(memoryBoundBytes);

  let expected = 0;
  const failedLines: number[] = [];
  const output = createInterface({ input: createReadStream(join(folder.path, 'many.out.ndjson'), 'utf8') });
  for await (const text of output) {
    expected++;
    const line = JSON.parse(text) as { line: number; error?: unknown };
    if (line.line !== expected) throw new Error(`output line ${expected} is for input line ${line.line}`);
    if (line.error) failedLines.push(line.line);
  }
  expect(expected).toBe(lineCount);
  expect(failedLines).toEqual([50_000, 100_000, 150_000, 200_000]);
});
