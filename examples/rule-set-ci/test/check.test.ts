// The example's `check` script, as CI runs it: it passes on the rule set under review, and fails on a copy
// whose change flips a fixture away from its expected verdict.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };

const example = fileURLToPath(new URL('../', import.meta.url));

/** Runs the `check` script of package.json (`tsx … check …`) with node, replacing the arguments in `replace`. */
function runCheckScript(
  replace: Readonly<Record<string, string>> = {},
  extra: readonly string[] = [],
): Promise<{ code: number; stdout: string }> {
  const [tsx, ...args] = packageJson.scripts.check.split(' ');
  expect(tsx).toBe('tsx');
  const argv = [...args.map((arg) => replace[arg] ?? arg), ...extra];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', ...argv],
      { cwd: example, env: { ...process.env, NO_COLOR: '1', GITHUB_WORKSPACE: '' }, timeout: 60_000 },
      (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
    );
  });
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rule-set-ci-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('npm run check', () => {
  it('passes on the rule set under review, and reports the two flips against 1.0.0', async () => {
    const outcome = await runCheckScript({}, ['--lang', 'en']);
    expect(outcome.stdout).toContain('✓ fixtures: 7 (7 with an expectation), 0 failed');
    expect(outcome.stdout).toContain('2 fixture(s) change verdict');
    expect(outcome.stdout).toMatch(/VERDICT_FLIPPED: estate-b .*eligible → ineligible.*SV2: absent → unmet/);
    expect(outcome.code).toBe(0);
  }, 60_000);

  it('fails on a change that flips a fixture, pointing at the fixture and the rule set', async () => {
    const ruleSet = JSON.parse(await readFile(join(example, 'rule-sets/example-city.json'), 'utf8'));
    ruleSet.scoring.threshold = 0.95;
    const stricter = join(folder, 'stricter.json');
    await writeFile(stricter, `${JSON.stringify(ruleSet, null, 2)}\n`);
    const outcome = await runCheckScript({ 'rule-sets/example-city.json': stricter }, ['--format', 'github']);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toMatch(
      /^::error file=fixtures\/estate-d\.json,line=\d+,col=\d+,title=fixture EXPECTATION_NOT_MET::/m,
    );
    // estate-g has no answer for the new canteen standard SV2 (missing data counts as not met): its flip is
    // placed on SV2, whose object opens the line above its id.
    const lines = (await readFile(stricter, 'utf8')).split('\n');
    const sv2 = lines.findIndex((line) => line.includes('"id": "SV2"'));
    expect(outcome.stdout).toContain(`,line=${sv2},col=13,title=flip VERDICT_FLIPPED::estate-g`);
    expect(outcome.stdout).toContain('SV2: absent → missing-data');
  }, 60_000);
});
