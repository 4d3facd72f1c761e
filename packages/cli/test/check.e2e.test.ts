// `check` as a CI job runs it: a separate process, its exit code and its output streams.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatPath } from '@sunshine-rubric/core/words';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { brokenConditionPath, brokenGuangxi } from './broken-guangxi.js';
import { bundleCli, removeBundle, runCli, temporaryFolder } from './run-cli.js';
import { tinyEstate, tinyRuleSet } from './tiny-rule-set.js';

const guangxiFile = new URL('../../guangxi/src/data/guangxi-2021.json', import.meta.url);
let folder: { path: string; remove: () => Promise<void> };
const cli = (...args: string[]) => runCli(['check', ...args], { cwd: folder.path });
const put = (name: string, value: unknown) =>
  writeFile(join(folder.path, name), `${JSON.stringify(value, null, 2)}\n`);

beforeAll(async () => {
  folder = await temporaryFolder('check-e2e');
  await mkdir(join(folder.path, 'fixtures'));
  await Promise.all([
    bundleCli(),
    put('city.json', tinyRuleSet(0.6)),
    put('stricter.json', tinyRuleSet(0.7)),
    put('fixtures/e2.json', tinyEstate('e2', { a: false, b: 5, c: true }, { eligible: true })),
    put('broken-guangxi.json', brokenGuangxi(JSON.parse(await readFile(guangxiFile, 'utf8')))),
  ]);
});

afterAll(async () => {
  await folder.remove();
  await removeBundle();
});

describe.concurrent('sunshine-rubric check, spawned', { timeout: 60_000 }, () => {
  test('exit 0 when nothing fails', async ({ expect }) => {
    const outcome = await cli('city.json', '--fixtures', 'fixtures', '--coverage-min', '0.3');
    expect(outcome).toMatchObject({ code: 0, stderr: '' });
    expect(outcome.stdout).toContain('✓ 检查通过');
  });

  test('exit 1 on findings: the flipped fixture, annotated for GitHub', async ({ expect }) => {
    const outcome = await cli(
      'stricter.json',
      '--base',
      'city.json',
      '--fixtures',
      'fixtures',
      '--format',
      'github',
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toBe('');
    const lines = outcome.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^::error file=fixtures\/e2\.json,line=\d+,col=\d+,title=fixture EXPECTATION_NOT_MET::/,
    );
    expect(lines[1]).toMatch(
      /^::warning file=stricter\.json,line=\d+,col=\d+,title=flip VERDICT_FLIPPED::e2/,
    );
  });

  test('exit 1 on a rubric whose standards can never be met: both proved by the linter, at their lines', async ({
    expect,
  }) => {
    const outcome = await cli('broken-guangxi.json', '--format', 'json');
    expect(outcome.code).toBe(1);
    const report = JSON.parse(outcome.stdout);
    const lint = report.findings.filter(
      (finding: { source: string; code: string }) =>
        finding.source === 'lint' && finding.code === 'STANDARD_NEVER_MET',
    );
    expect(lint.map((finding: { path: unknown }) => finding.path)).toEqual([
      formatPath(brokenConditionPath('S28')),
      formatPath(brokenConditionPath('S65')),
    ]);
    for (const finding of lint) {
      expect(finding.severity).toBe('error');
      expect(finding.line).toBeGreaterThan(1);
      expect(finding.message.en).toContain('can never be met');
    }
  });

  test('exit 2 on bad input, one line on stderr, nothing on stdout', async ({ expect }) => {
    const outcome = await cli('absent.json', '--format', 'junit');
    expect(outcome).toEqual({
      code: 2,
      stdout: '',
      stderr: 'sunshine-rubric: absent.json: no such file (文件不存在)\n',
    });
  });
});
