// What only a real process shows: Ctrl-C (or a kill, or a closed terminal) in the middle of a batch leaves
// the previous output as it was and nothing beside it; stdin redirected from the output file is an input
// like any other, and so is the file stdout is appended to.
import { spawn } from 'node:child_process';
import { open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
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

test.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const)(
  'a batch interrupted by %s leaves --out as it was and removes its temporary file (exit code %i)',
  {
    timeout: 60_000,
  },
  async (signal, exitCode) => {
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
    child.kill(signal);
    expect(await closed).toBe(exitCode);
    expect(await readFile(join(folder.path, 'verdicts.ndjson'), 'utf8')).toBe(
      'the good output of yesterday\n',
    );
    expect(await temporaryFiles()).toEqual([]);
  },
);

test('batch - --out x < x is refused: stdin redirected from the output is an input', {
  timeout: 60_000,
}, async () => {
  const content = `${JSON.stringify(guangxiSamples.eligible)}\n`;
  await writeFile(join(folder.path, 'both.ndjson'), content);
  const input = await open(join(folder.path, 'both.ndjson'), 'r');
  try {
    const child = spawn(process.execPath, [await bundleCli(), 'batch', '-', '--out', 'both.ndjson'], {
      cwd: folder.path,
      stdio: [input.fd, 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (exit) => resolve(exit)));
    expect(code).toBe(2);
    expect(stderr).toBe(
      'sunshine-rubric: both.ndjson: refusing to write over an input of this run (stdin); choose another --out (输出文件不能是输入文件)\n',
    );
  } finally {
    await input.close();
  }
  expect(await readFile(join(folder.path, 'both.ndjson'), 'utf8')).toBe(content);
});

test('batch in --out - >> in is refused: a stdout appended to the input would be read back for ever', {
  timeout: 60_000,
}, async () => {
  // Several read chunks, so that a run that started would read back what it had appended.
  const content = `${JSON.stringify(guangxiSamples.eligible)}\n`.repeat(1000);
  await writeFile(join(folder.path, 'growing.ndjson'), content);
  const appended = await open(join(folder.path, 'growing.ndjson'), 'a');
  try {
    const child = spawn(
      process.execPath,
      [await bundleCli(), 'batch', 'growing.ndjson', '--out', '-', '--jobs', '1'],
      { cwd: folder.path, stdio: ['ignore', appended.fd, 'pipe'] },
    );
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', (exit) => resolve(exit)));
    // A run that did start would grow the file until the disk is full: stopped once it has doubled.
    let running = true;
    void closed.then(() => {
      running = false;
    });
    while (running) {
      if ((await stat(join(folder.path, 'growing.ndjson'))).size > 2 * content.length) child.kill();
      await sleep(50);
    }
    const code = await closed;
    expect(stderr).toBe(
      'sunshine-rubric: --out -: stdout is redirected to an input of this run (growing.ndjson); redirect it to another file (输出文件不能是输入文件)\n',
    );
    expect(code).toBe(2);
  } finally {
    await appended.close();
  }
  expect(await readFile(join(folder.path, 'growing.ndjson'), 'utf8')).toBe(content);
});

test('batch - < folder is refused: a folder is no stdin, and --out is left as it was', {
  timeout: 60_000,
}, async () => {
  await writeFile(join(folder.path, 'verdicts.ndjson'), 'the good output of yesterday\n');
  const stdin = await open(folder.path, 'r');
  try {
    const child = spawn(process.execPath, [await bundleCli(), 'batch', '-', '--out', 'verdicts.ndjson'], {
      cwd: folder.path,
      stdio: [stdin.fd, 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (exit) => resolve(exit)));
    expect(stderr).toBe('sunshine-rubric: stdin: is a directory, not a file (这是目录，不是文件)\n');
    expect(code).toBe(2);
  } finally {
    await stdin.close();
  }
  expect(await readFile(join(folder.path, 'verdicts.ndjson'), 'utf8')).toBe('the good output of yesterday\n');
});
