// Ctrl-C in the middle of a batch: the previous output stays as it was and nothing is left beside it.
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bundleCli, removeBundle, temporaryFolder } from './run-cli.js';

let folder: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  folder = await temporaryFolder('interrupted');
  await bundleCli();
}, 60_000);
afterAll(async () => {
  await folder.remove();
  await removeBundle();
});

const temporaryFiles = async () => (await readdir(folder.path)).filter((name) => name.endsWith('.tmp'));

test('an interrupted batch leaves --out as it was and removes its temporary file', {
  timeout: 60_000,
}, async () => {
  await writeFile(join(folder.path, 'verdicts.ndjson'), 'the good output of yesterday\n');
  const child = spawn(process.execPath, [await bundleCli(), 'batch', '-', '--out', 'verdicts.ndjson'], {
    cwd: folder.path,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  // stdin stays open, so the run is still writing when it is interrupted.
  child.stdin.write(`${JSON.stringify(guangxiSamples.eligible)}\n`);
  let polls = 0;
  while ((await temporaryFiles()).length === 0 && polls++ < 300) await sleep(50);
  expect(await temporaryFiles()).toHaveLength(1);
  child.kill('SIGINT');
  expect(await closed).toBe(130);
  expect(await readFile(join(folder.path, 'verdicts.ndjson'), 'utf8')).toBe('the good output of yesterday\n');
  expect(await temporaryFiles()).toEqual([]);
});
