// `batch --jobs n` as users run it: a spawned process whose worker threads run the bundled worker module.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bundleCli, removeBundle, runCli, temporaryFolder } from './run-cli.js';

let folder: { path: string; remove: () => Promise<void> };
let input: string;

beforeAll(async () => {
  folder = await temporaryFolder('batch-jobs');
  const samples = Object.values(guangxiSamples).map((sample) => JSON.stringify(sample));
  // Enough lines for several 256 KiB chunks, with a bad line, a blank line and a BOM among them.
  const lines = Array.from({ length: 600 }, (_, index) =>
    index % 97 === 5 ? '{"id": broken' : index % 89 === 7 ? '' : samples[index % samples.length]!,
  );
  input = `\uFEFF${lines.join('\r\n')}\n`;
  await Promise.all([bundleCli(), writeFile(join(folder.path, 'in.ndjson'), input)]);
}, 120_000);
afterAll(async () => {
  await folder.remove();
  await removeBundle();
});

/** `batch - --out - …` with `stdin` piped in; what came out on stdout and stderr, and the exit code. */
async function batchFromStdin(stdin: string, extra: readonly string[]) {
  const bin = await bundleCli();
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'batch', '-', '--out', '-', ...extra], {
      cwd: folder.path,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

test('--jobs 2, 3, auto and the default write the same bytes and summary as --jobs 1, from a file and from stdin', {
  timeout: 120_000,
}, async () => {
  const outputs: string[] = [];
  const summaries: string[] = [];
  for (const jobs of ['1', '2', '3', 'auto', 'default']) {
    const out = `out-${jobs}.ndjson`;
    const flags = jobs === 'default' ? [] : ['--jobs', jobs];
    const outcome = await runCli(['batch', 'in.ndjson', '--out', out, ...flags, '--lang', 'en'], {
      cwd: folder.path,
    });
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(1);
    outputs.push(await readFile(join(folder.path, out), 'utf8'));
    summaries.push(outcome.stdout.replace(/out-\w+\.ndjson/, 'OUT'));
  }
  expect(summaries[0]).toBe(
    '600 lines: 586 evaluated, 117 eligible, 7 failed, 7 blank skipped. Results written to OUT\n',
  );
  expect(new Set(outputs).size).toBe(1);
  expect(new Set(summaries).size).toBe(1);
  const piped = await batchFromStdin(input, ['--jobs', '2', '--lang', 'en']);
  expect(piped.code).toBe(1);
  expect(piped.stdout).toBe(outputs[0]);
});

test('--jobs takes a whole number from 1 to 64 or auto; anything else is a one-line usage error', async () => {
  for (const jobs of ['0', '65', '1.5', 'many', '-2']) {
    const outcome = await runCli(['batch', 'in.ndjson', '--out', 'never.ndjson', '--jobs', jobs], {
      cwd: folder.path,
    });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/--jobs: expected a whole number from 1 to 64 or auto, got/);
    expect(outcome.stderr.trimEnd().split('\n')).toHaveLength(1);
  }
});
