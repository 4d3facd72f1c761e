import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createRegistry, type Registry } from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFixtures } from '../../test/fixtures.js';
import { temporaryFolder } from '../../test/run-cli.js';
import { runInProcess } from '../../test/run-in-process.js';
import { builtInPlugins } from '../input/built-in-plugins.js';
import { run } from '../program/run.js';

let folder: { path: string; remove: () => Promise<void> };
const cli = (args: string[], isTTY = false) => runInProcess(args, { cwd: folder.path, isTTY });
const outputLines = async (name: string) =>
  (await readFile(join(folder.path, name), 'utf8'))
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));

beforeAll(async () => {
  folder = await temporaryFolder('batch');
  await writeFixtures(folder.path);
});
afterAll(() => folder.remove());

describe('batch', () => {
  test('every kind of bad line gets an error line in its place, carrying the input line number', async () => {
    const lines = [
      '[1, 2]',
      JSON.stringify({ ...guangxiSamples.eligible, ruleSet: 'atlantis-2040' }),
      '{"id": "a", "community": {"name": "x"}, "facts": {}, "extra": 1}',
      'null',
      JSON.stringify(guangxiSamples.missingData),
      '{"id": "oops", ',
    ];
    await writeFile(join(folder.path, 'bad.ndjson'), `${lines.join('\r\n')}\r\n`);
    const outcome = await cli(['batch', 'bad.ndjson', '--out', 'bad.out.ndjson']);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe(
      '共 6 行：评估 1 份，符合申报条件 0 份，失败 5 行。结果已写入 bad.out.ndjson\n',
    );
    const output = await outputLines('bad.out.ndjson');
    expect(output.map((line) => line.error?.code ?? 'ok')).toEqual([
      'INVALID_ASSESSMENT',
      'RULE_SET_NOT_FOUND',
      'INVALID_ASSESSMENT',
      'INVALID_ASSESSMENT',
      'ok',
      'INVALID_JSON',
    ]);
    expect(output.map((line) => line.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(output[5].error.message).toBe(
      'invalid JSON at column 16: expected a property name in double quotes, found end of input',
    );
    expect(output[1].error.path).toBe('$.ruleSet');
    expect(output[2].error.path).toBe('$.extra');
    expect(output[4].verdict.missingFacts).toEqual([
      'distanceToKindergarten',
      'cctvCoverage',
      'satisfactionRate',
    ]);
  });

  test('a line nested a million deep that is not JSON is an error line of its own; the others are evaluated', async () => {
    const eligible = JSON.stringify(guangxiSamples.eligible);
    await writeFile(join(folder.path, 'deep.ndjson'), `${eligible}\n${'['.repeat(1_000_000)}\n${eligible}\n`);
    const outcome = await cli(['batch', 'deep.ndjson', '--out', 'deep.out.ndjson', '--jobs', '1']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(1);
    const output = await outputLines('deep.out.ndjson');
    expect(output.map((line) => line.verdict?.eligible ?? line.error.code)).toEqual([
      true,
      'INVALID_JSON',
      true,
    ]);
    expect(output[1].error.message).toBe(
      'invalid JSON at column 1000001: expected a JSON value, found end of input',
    );
  });

  test('a line over 64 MiB is a LINE_TOO_LONG error line, not read; the lines around it are evaluated', async () => {
    const eligible = JSON.stringify(guangxiSamples.eligible);
    const tooLong = 64 * 1024 * 1024 + 1;
    await writeFile(join(folder.path, 'long.ndjson'), `${eligible}\n${' '.repeat(tooLong)}\n${eligible}\n`);
    const outcome = await cli(['batch', 'long.ndjson', '--out', 'long.out.ndjson', '--jobs', '1']);
    expect(outcome.code).toBe(1);
    const output = await outputLines('long.out.ndjson');
    expect(output.map((line) => line.verdict?.eligible ?? line.error.code)).toEqual([
      true,
      'LINE_TOO_LONG',
      true,
    ]);
    expect(output[1].error).toEqual({
      code: 'LINE_TOO_LONG',
      message: `the line is ${tooLong} bytes long, more than the 67108864 (64 MiB) a line may have; it was not read (行超过 64 MiB，未读取)`,
      path: '$',
      issues: [
        {
          path: '$',
          message: `the line is ${tooLong} bytes long, more than the 67108864 (64 MiB) a line may have; it was not read (行超过 64 MiB，未读取)`,
          kind: 'line-too-long',
        },
      ],
    });
  });

  test('a verdict line says whether the estate is in the focus, only for a rule set with one', async () => {
    const { rentalHouseholds: _, ...withoutHouseholds } = guangxiSamples.eligible.facts;
    const lines = [
      guangxiSamples.eligible,
      { ...guangxiSamples.eligible, facts: { ...guangxiSamples.eligible.facts, rentalHouseholds: 150 } },
      { ...guangxiSamples.eligible, facts: withoutHouseholds },
    ].map((assessment) => JSON.stringify(assessment));
    await writeFile(join(folder.path, 'focus.ndjson'), `${lines.join('\n')}\n`);
    expect((await cli(['batch', 'focus.ndjson', '--out', 'focus.out.ndjson'])).code).toBe(0);
    const verdicts = (await outputLines('focus.out.ndjson')).map((line) => line.verdict);
    expect(verdicts.map((verdict) => [verdict.inFocus, verdict.eligible])).toEqual([
      [true, true],
      [false, true],
      [null, true],
    ]);
    const { focus: __, ...withoutFocus } = guangxi2021;
    await writeFile(join(folder.path, 'no-focus.json'), JSON.stringify(withoutFocus));
    const plain = await cli([
      'batch',
      'focus.ndjson',
      '--rule-set',
      'no-focus.json',
      '--out',
      'plain.ndjson',
    ]);
    expect(plain.code).toBe(0);
    for (const line of await outputLines('plain.ndjson')) expect('inFocus' in line.verdict).toBe(false);
  });

  test('--full writes each full result with its explanations', async () => {
    const outcome = await cli(['batch', 'good.ndjson', '--out', 'full.ndjson', '--full']);
    expect(outcome.code).toBe(0);
    const [first] = await outputLines('full.ndjson');
    expect(first.line).toBe(1);
    expect(first.result.standards).toHaveLength(65);
    expect(first.result.standards[0].explanation).toBeDefined();
  });

  test('a progress bar on a terminal only, cleared before the summary, and never among the output lines', async () => {
    const lines = Array.from({ length: 3000 }, (_, index) =>
      JSON.stringify({ ...guangxiSamples.eligible, id: `e${index}` }),
    );
    await writeFile(join(folder.path, 'many.ndjson'), `${lines.join('\n')}\n`);
    // --jobs 1: this 7 MB input would start a worker on an idle machine under the default (auto), and a
    // worker thread cannot load the TypeScript source these in-process runs use (batch-jobs.e2e.test.ts
    // runs the default on the bundle).
    const quiet = await cli(['batch', 'many.ndjson', '--out', 'many.out.ndjson', '--jobs', '1']);
    expect(quiet.stderr).toBe('');
    const terminal = await cli(['batch', 'many.ndjson', '--out', 'many.out.ndjson', '--jobs', '1'], true);
    expect(terminal.code).toBe(0);
    expect(terminal.stderr).toMatch(/^\r█+░* +\d+% {2}[\d,]+ lines/);
    expect(terminal.stderr.endsWith('\r\u001b[K')).toBe(true);
    // With --out - the lines go to the terminal too: a bar would be drawn into them.
    const shown = await cli(['batch', 'many.ndjson', '--out', '-', '--jobs', '1'], true);
    expect(shown.code).toBe(0);
    expect(shown.stdout.split('\n')).toHaveLength(3001);
    expect(shown.stderr).toBe(
      '共 3000 行：评估 3000 份，符合申报条件 3000 份，失败 0 行。结果已写入 stdout\n',
    );
  });

  test('a missing input file or an unknown --rule-set is bad input, before anything is written', async () => {
    const missing = await cli(['batch', 'nothing.ndjson', '--out', 'x.ndjson']);
    expect(missing).toMatchObject({
      code: 2,
      stderr: 'sunshine-rubric: nothing.ndjson: no such file (文件不存在)\n',
    });
    const unknown = await cli(['batch', 'good.ndjson', '--out', 'x.ndjson', '--rule-set', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--rule-set nope: unknown rule set');
  });

  test('an output that cannot be written is bad input', async () => {
    const outcome = await cli(['batch', 'good.ndjson', '--out', 'good.ndjson/inside.ndjson']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^sunshine-rubric: good\.ndjson\/inside\.ndjson: cannot write: /);
  });

  test('a byte-order mark on line 1 is accepted, as evaluate accepts it', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${JSON.stringify(guangxiSamples.eligible)}\n`),
    ]);
    await writeFile(join(folder.path, 'bom.ndjson'), bytes);
    const outcome = await cli(['batch', 'bom.ndjson', '--out', 'bom.out.ndjson']);
    expect(outcome.code).toBe(0);
    const [first] = await outputLines('bom.out.ndjson');
    expect(first).toMatchObject({ line: 1, verdict: { eligible: true } });
  });

  test('blank lines (CRLF ones, spaces, a trailing empty line) are skipped and counted, not failed', async () => {
    const eligible = JSON.stringify(guangxiSamples.eligible);
    await writeFile(join(folder.path, 'blanks.ndjson'), `\r\n${eligible}\r\n  \t\n\n${eligible}\n\n`);
    const outcome = await cli(['batch', 'blanks.ndjson', '--out', 'blanks.out.ndjson', '--lang', 'en']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe(
      '6 lines: 2 evaluated, 2 eligible, 0 failed, 4 blank skipped. Results written to blanks.out.ndjson\n',
    );
    expect((await outputLines('blanks.out.ndjson')).map((line) => line.line)).toEqual([2, 5]);
    const json = await cli(['batch', 'blanks.ndjson', '--out', 'blanks.out.ndjson', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({
      lines: 6,
      evaluated: 2,
      eligible: 2,
      failed: 0,
      skipped: 4,
      out: 'blanks.out.ndjson',
    });
  });

  test('a line that is not UTF-8 is an error line, never scored with U+FFFD in it', async () => {
    const line = Buffer.from(JSON.stringify(guangxiSamples.eligible));
    const at = line.indexOf('示例');
    const broken = Buffer.concat([
      line.subarray(0, at),
      Buffer.from([0xff]),
      line.subarray(at),
      Buffer.from('\n'),
    ]);
    await writeFile(join(folder.path, 'latin1.ndjson'), broken);
    const outcome = await cli(['batch', 'latin1.ndjson', '--out', 'latin1.out.ndjson']);
    expect(outcome.code).toBe(1);
    const [first] = await outputLines('latin1.out.ndjson');
    expect(first).toEqual({
      line: 1,
      error: {
        code: 'INVALID_ENCODING',
        message: `not valid UTF-8 at byte ${at + 1} (不是有效的 UTF-8 编码)`,
        path: '$',
        issues: [
          {
            path: '$',
            message: `not valid UTF-8 at byte ${at + 1} (不是有效的 UTF-8 编码)`,
            kind: 'invalid-utf8',
          },
        ],
      },
    });
  });

  test('- reads stdin and writes stdout; the summary then goes to stderr', async () => {
    let stdout = '';
    let stderr = '';
    const code = await run(['batch', '-', '--out', '-', '--lang', 'en'], {
      cwd: folder.path,
      env: {},
      stdin: Readable.from([Buffer.from(`${JSON.stringify(guangxiSamples.eligible)}\n{"id":`)]),
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
    });
    expect(code).toBe(1);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.verdict?.eligible ?? line.error.code)).toEqual([true, 'INVALID_JSON']);
    expect(stderr).toBe('2 lines: 1 evaluated, 1 eligible, 1 failed. Results written to stdout\n');
  });

  test('an input that fails while it is read is named as the input, not as --out, which is left as it was', async () => {
    await writeFile(join(folder.path, 'kept.ndjson'), 'the output of yesterday\n');
    async function* failingDisk() {
      yield Buffer.from(`${JSON.stringify(guangxiSamples.eligible)}\n`);
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    let stderr = '';
    const code = await run(['batch', '-', '--out', 'kept.ndjson', '--jobs', '1'], {
      cwd: folder.path,
      env: {},
      stdin: Readable.from(failingDisk()),
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => (stderr += chunk) },
    });
    expect(code).toBe(2);
    expect(stderr).toBe('sunshine-rubric: stdin: cannot read: EIO: i/o error, read (无法读取)\n');
    expect(await readFile(join(folder.path, 'kept.ndjson'), 'utf8')).toBe('the output of yesterday\n');
  });

  test.skipIf(!existsSync('/dev/full'))(
    'an output that fails while it is written is named: cannot write',
    async () => {
      const outcome = await cli(['batch', 'good.ndjson', '--out', '/dev/full', '--jobs', '1']);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toBe(
        'sunshine-rubric: /dev/full: cannot write: ENOSPC: no space left on device, write (无法写入)\n',
      );
    },
  );

  test("an error that is not the output's is never reported as --out: cannot write, even with an E… code", async () => {
    await writeFile(join(folder.path, 'kept-too.ndjson'), 'the output of yesterday\n');
    const registry = createRegistry({ plugins: builtInPlugins });
    const failing: Registry = {
      ...registry,
      compile: () => {
        throw Object.assign(new Error('the city plugin failed'), { code: 'ERR_CITY_PLUGIN' });
      },
    };
    const outcome = await runInProcess(['batch', 'good.ndjson', '--out', 'kept-too.ndjson'], {
      cwd: folder.path,
      registry: failing,
    });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe(
      'sunshine-rubric: internal error: the city plugin failed (run again with --debug for the stack trace)\n',
    );
    expect(await readFile(join(folder.path, 'kept-too.ndjson'), 'utf8')).toBe('the output of yesterday\n');
  });

  test('an error line carries every issue with its path, message and kind', async () => {
    const facts = {
      ...guangxiSamples.eligible.facts,
      occupied: 'yes',
      rentalHouseholds: -1,
      cctvCoverage: 'all',
    };
    await writeFile(
      join(folder.path, 'issues.ndjson'),
      `${JSON.stringify({ ...guangxiSamples.eligible, facts })}\n`,
    );
    await cli(['batch', 'issues.ndjson', '--out', 'issues.out.ndjson']);
    const [first] = await outputLines('issues.out.ndjson');
    expect(first.error.code).toBe('INVALID_ASSESSMENT');
    expect(first.error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      '$.facts.occupied',
      '$.facts.rentalHouseholds',
      '$.facts.cctvCoverage',
    ]);
    for (const issue of first.error.issues) {
      expect(issue).toEqual({
        path: expect.any(String),
        message: expect.any(String),
        kind: expect.any(String),
      });
    }
    expect(first.error.path).toBe('$.facts.occupied');
    expect(first.error.message).toMatch(/ \(\+2 more\)$/);
  });
});
