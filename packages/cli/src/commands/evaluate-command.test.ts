import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFixtures } from '../../test/fixtures.js';
import { temporaryFolder } from '../../test/run-cli.js';
import { runInProcess } from '../../test/run-in-process.js';

let folder: { path: string; remove: () => Promise<void> };
const cli = (args: string[], isTTY = false) => runInProcess(args, { cwd: folder.path, isTTY });

beforeAll(async () => {
  folder = await temporaryFolder('evaluate');
  await writeFixtures(folder.path);
});
afterAll(() => folder.remove());

describe('evaluate', () => {
  test('--format json: the result for one file, an array for several', async () => {
    const one = await cli(['evaluate', 'eligible.json', '--format', 'json']);
    expect(JSON.parse(one.stdout)).toMatchObject({
      assessmentId: 'sample-eligible',
      eligible: true,
      reasons: [],
    });
    const two = await cli(['evaluate', 'eligible.json', 'below.json', '--format', 'json']);
    const results = JSON.parse(two.stdout);
    expect(results.map((result: { assessmentId: string }) => result.assessmentId)).toEqual([
      'sample-eligible',
      'sample-below-threshold',
    ]);
  });

  test('text in English lists each unmet standard with its explanation and owner', async () => {
    const outcome = await cli(['evaluate', 'below.json', '--lang', 'en']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Notice: provisional rule set.');
    expect(outcome.stdout).toContain('Score: 52 of 64 applicable standards met, 81.3% (threshold 85%)');
    expect(outcome.stdout).toContain('Standards not met (12):');
    expect(outcome.stdout).toMatch(/S28 .*\[unmet\]\s+owner: .*Public security/);
    expect(outcome.stdout).toContain('should be at least 90%; it is 72%');
  });

  test('--check exits 0 when every estate is eligible, 1 when one is not', async () => {
    expect((await cli(['evaluate', 'eligible.json', '--check'])).code).toBe(0);
    expect((await cli(['evaluate', 'eligible.json', 'below.json', '--check'])).code).toBe(1);
  });

  test('--out writes plain text, without colour even on a terminal', async () => {
    const outcome = await cli(['evaluate', 'eligible.json', '--out', 'eligible.txt'], true);
    expect(outcome.stdout).toBe('');
    const written = await readFile(join(folder.path, 'eligible.txt'), 'utf8');
    expect(written).toContain('结论: 符合申报条件');
    expect(written).not.toContain('\u001b[');
  });

  test('--format html: to stdout for one file, one file per estate in a folder for several', async () => {
    const one = await cli(['evaluate', 'eligible.json', '--format', 'html']);
    expect(one.stdout).toMatch(/^<!doctype html>/);
    const withoutFolder = await cli(['evaluate', 'eligible.json', 'below.json', '--format', 'html']);
    expect(withoutFolder.code).toBe(2);
    expect(withoutFolder.stderr).toContain('needs --out <folder>');
    const several = await cli([
      'evaluate',
      'eligible.json',
      'below.json',
      '--format',
      'html',
      '--out',
      'html',
    ]);
    expect(several.code).toBe(0);
    expect((await readdir(join(folder.path, 'html'))).sort()).toEqual([
      'sample-below-threshold.html',
      'sample-eligible.html',
    ]);
  });

  test('--rule-set takes a JSON file; an assessment naming an unknown rule set fails at $.ruleSet', async () => {
    const fromFile = await cli([
      'evaluate',
      'eligible.json',
      '--rule-set',
      './rule-set.json',
      '--format',
      'json',
    ]);
    expect(JSON.parse(fromFile.stdout).eligible).toBe(true);
    await writeFile(
      join(folder.path, 'other-rules.json'),
      JSON.stringify({ ...guangxiSamples.eligible, ruleSet: 'shanghai-2030' }),
    );
    const unknown = await cli(['evaluate', 'other-rules.json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^sunshine-rubric: other-rules\.json \$\.ruleSet: no rule set "shanghai-2030" is registered .*\(RULE_SET_NOT_FOUND\)\n$/,
    );
  });

  test('an invalid rule-set file fails with its JSON path', async () => {
    const outcome = await cli(['evaluate', 'eligible.json', '--rule-set', 'invalid-rule-set.json']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('invalid-rule-set.json $.scoring.threshold');
    expect(outcome.stderr).toContain('(INVALID_RULE_SET)');
  });

  test('an official rule set prints no provisional notice', async () => {
    const official = { ...guangxi2021, provenance: { status: 'official', source: 'test' } };
    await writeFile(join(folder.path, 'official.json'), JSON.stringify(official));
    const outcome = await cli(['evaluate', 'eligible.json', '--rule-set', 'official.json']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).not.toContain('暂定');
  });
});
