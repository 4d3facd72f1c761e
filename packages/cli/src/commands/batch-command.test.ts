import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFixtures } from '../../test/fixtures.js';
import { temporaryFolder } from '../../test/run-cli.js';
import { runInProcess } from '../../test/run-in-process.js';

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
  test('every kind of bad line gets an error line in its place', async () => {
    const lines = [
      '',
      '[1, 2]',
      JSON.stringify({ ...guangxiSamples.eligible, ruleSet: 'atlantis-2040' }),
      '{"id": "a", "community": {"name": "x"}, "facts": {}, "extra": 1}',
      'null',
      JSON.stringify(guangxiSamples.missingData),
    ];
    await writeFile(join(folder.path, 'bad.ndjson'), `${lines.join('\r\n')}\r\n`);
    const outcome = await cli(['batch', 'bad.ndjson', '--out', 'bad.out.ndjson']);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe(
      '共 6 行：评估 1 份，符合申报条件 0 份，失败 5 行。结果已写入 bad.out.ndjson\n',
    );
    const output = await outputLines('bad.out.ndjson');
    expect(output.map((line) => line.error?.code ?? 'ok')).toEqual([
      'INVALID_JSON',
      'INVALID_ASSESSMENT',
      'RULE_SET_NOT_FOUND',
      'INVALID_ASSESSMENT',
      'INVALID_ASSESSMENT',
      'ok',
    ]);
    expect(output[0].error.message).toBe(
      'invalid JSON at column 1: expected a JSON value, found end of input',
    );
    expect(output[2].error.path).toBe('$.ruleSet');
    expect(output[3].error.path).toBe('$.extra');
    expect(output[5].verdict.missingFacts).toEqual([
      'distanceToKindergarten',
      'cctvCoverage',
      'satisfactionRate',
    ]);
  });

  test('--full writes each full result with its explanations', async () => {
    const outcome = await cli(['batch', 'good.ndjson', '--out', 'full.ndjson', '--full']);
    expect(outcome.code).toBe(0);
    const [first] = await outputLines('full.ndjson');
    expect(first.line).toBe(1);
    expect(first.result.standards).toHaveLength(65);
    expect(first.result.standards[0].explanation).toBeDefined();
  });

  test('a progress bar on a terminal only, cleared before the summary', async () => {
    const lines = Array.from({ length: 3000 }, (_, index) =>
      JSON.stringify({ ...guangxiSamples.eligible, id: `e${index}` }),
    );
    await writeFile(join(folder.path, 'many.ndjson'), `${lines.join('\n')}\n`);
    const quiet = await cli(['batch', 'many.ndjson', '--out', 'many.out.ndjson']);
    expect(quiet.stderr).toBe('');
    const terminal = await cli(['batch', 'many.ndjson', '--out', 'many.out.ndjson'], true);
    expect(terminal.code).toBe(0);
    expect(terminal.stderr).toMatch(/^\r█+░* +\d+% {2}[\d,]+ lines/);
    expect(terminal.stderr.endsWith('\r\u001b[K')).toBe(true);
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
});
