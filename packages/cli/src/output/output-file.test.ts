import { link, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFixtures } from '../../test/fixtures.js';
import { temporaryFolder } from '../../test/run-cli.js';
import { runInProcess } from '../../test/run-in-process.js';
import { run } from '../program/run.js';

let folder: { path: string; remove: () => Promise<void> };
const cli = (...args: string[]) => runInProcess(args, { cwd: folder.path });
const read = (name: string) => readFile(join(folder.path, name), 'utf8');
const goodLines = `${JSON.stringify(guangxiSamples.eligible)}\n${JSON.stringify(guangxiSamples.belowThreshold)}\n`;

beforeAll(async () => {
  folder = await temporaryFolder('output-file');
  await writeFixtures(folder.path);
});
afterAll(() => folder.remove());

describe('an output never destroys an input', () => {
  test('batch --out the input itself: exit 2, one line, input untouched', async () => {
    await writeFile(join(folder.path, 'same.ndjson'), goodLines);
    const outcome = await cli('batch', 'same.ndjson', '--out', 'same.ndjson');
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toBe(
      'sunshine-rubric: same.ndjson: refusing to write over an input of this run (same.ndjson); choose another --out (输出文件不能是输入文件)\n',
    );
    expect(await read('same.ndjson')).toBe(goodLines);
  });

  test('--out a symlink or a hard link to the input, or the input by another path, is refused', async () => {
    await writeFile(join(folder.path, 'linked.ndjson'), goodLines);
    await symlink(join(folder.path, 'linked.ndjson'), join(folder.path, 'symlink.ndjson'));
    await link(join(folder.path, 'linked.ndjson'), join(folder.path, 'hardlink.ndjson'));
    for (const out of [
      'symlink.ndjson',
      'hardlink.ndjson',
      './sub/../linked.ndjson',
      join(folder.path, 'linked.ndjson'),
    ]) {
      const outcome = await cli('batch', 'linked.ndjson', '--out', out);
      expect(outcome.code, out).toBe(2);
      expect(outcome.stderr).toMatch(/refusing to write over an input of this run \(linked\.ndjson\)/);
    }
    expect(await read('linked.ndjson')).toBe(goodLines);
  });

  test('every command refuses an --out that is one of its inputs', async () => {
    const before = await read('below.json');
    const evaluate = await cli('evaluate', 'below.json', '--format', 'json', '--out', 'below.json');
    const remediate = await cli('remediate', 'below.json', '--costs', 'costs.json', '--out', 'costs.json');
    const diff = await cli(
      'diff',
      'rule-set.json',
      'rule-set-changed.json',
      '--out',
      'rule-set-changed.json',
    );
    for (const outcome of [evaluate, remediate, diff]) {
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toMatch(/refusing to write over an input of this run/);
      expect(outcome.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(await read('below.json')).toBe(before);
  });
});

describe('an output is written whole or not at all', () => {
  test('a batch that fails part-way leaves the previous output as it was, and no temporary file', async () => {
    await writeFile(join(folder.path, 'previous.ndjson'), 'the good output of yesterday\n');
    let sent = 0;
    const failing = new Readable({
      read() {
        if (sent++ === 0) this.push(Buffer.from(goodLines));
        else this.destroy(new Error('the disk went away'));
      },
    });
    const code = await run(['batch', '-', '--out', 'previous.ndjson'], {
      cwd: folder.path,
      env: {},
      stdin: failing,
      stdout: { write: () => true },
      stderr: { write: () => true },
    });
    expect(code).toBe(2);
    expect(await read('previous.ndjson')).toBe('the good output of yesterday\n');
    expect((await readdir(folder.path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('an input that fails to read after the output was opened leaves the previous output as it was', async () => {
    // /proc/self/mem opens, then fails on the first read (EIO): the run fails after the output is open.
    await writeFile(join(folder.path, 'kept.ndjson'), 'the good output of yesterday\n');
    const outcome = await cli('batch', '/proc/self/mem', '--out', 'kept.ndjson');
    expect(outcome.code).toBe(2);
    expect(await read('kept.ndjson')).toBe('the good output of yesterday\n');
    expect((await readdir(folder.path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('a successful write replaces the file, follows a symlink to it, and leaves no temporary file', async () => {
    await writeFile(join(folder.path, 'real-out.json'), 'old');
    await symlink(join(folder.path, 'real-out.json'), join(folder.path, 'out-link.json'));
    const outcome = await cli('evaluate', 'eligible.json', '--format', 'json', '--out', 'out-link.json');
    expect(outcome.code).toBe(0);
    expect(JSON.parse(await read('real-out.json')).eligible).toBe(true);
    expect(JSON.parse(await read('out-link.json')).eligible).toBe(true);
    expect((await readdir(folder.path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('--out - writes to stdout', async () => {
    const outcome = await cli('evaluate', 'eligible.json', '--format', 'json', '--out', '-');
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout).eligible).toBe(true);
    const imported = await cli(
      'template',
      'import-standard',
      'standard-table.xlsx',
      '--id',
      'x-city',
      '--out',
      '-',
    );
    expect(JSON.parse(imported.stdout).id).toBe('x-city');
  });
});

describe('an output folder that does not exist', () => {
  test('fails at once with one line, creating nothing', async () => {
    const html = await cli('evaluate', 'eligible.json', '--format', 'html', '--out', 'nowhere/dir/r.html');
    expect(html.code).toBe(2);
    expect(html.stderr).toBe(
      'sunshine-rubric: nowhere/dir/r.html: cannot write: nowhere/dir is not an existing folder; create it first (文件夹不存在，请先创建) (无法写入)\n'.replace(
        'nowhere/dir is',
        `${join(folder.path, 'nowhere/dir')} is`,
      ),
    );
    expect((await readdir(folder.path)).includes('nowhere')).toBe(false);
  });

  test('under /proc: fails with one line instead of spinning', { timeout: 10_000 }, async () => {
    const outcome = await cli('batch', 'good.ndjson', '--out', '/proc/nonexist/x.ndjson');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^sunshine-rubric: \/proc\/nonexist\/x\.ndjson: cannot write: .*\n$/);
  });

  test('the demo and evaluate --format html of several files create their one folder, not a chain', async () => {
    const nested = await cli('demo', '--out', 'missing-parent/reports');
    expect(nested.code).toBe(2);
    expect(nested.stderr).toMatch(/missing-parent is not an existing folder/);
    const several = await cli(
      'evaluate',
      'eligible.json',
      'below.json',
      '--format',
      'html',
      '--out',
      'several',
    );
    expect(several.code).toBe(0);
    expect((await readdir(join(folder.path, 'several'))).sort()).toEqual([
      'sample-below-threshold.html',
      'sample-eligible.html',
    ]);
    await mkdir(join(folder.path, 'twice'));
    const same = await cli(
      'evaluate',
      'eligible.json',
      'eligible.json',
      '--format',
      'html',
      '--out',
      'twice',
    );
    expect(same.code).toBe(0);
    expect((await readdir(join(folder.path, 'twice'))).sort()).toEqual([
      'sample-eligible-2.html',
      'sample-eligible.html',
    ]);
  });
});
