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

  test('evidence end to end: JSON carries the evaluator’s unevidenced, and text names them with the documents missing', async () => {
    const evidenced = {
      ...guangxiSamples.eligible,
      evidence: { S01: [{ kind: '配套设施建设规划（小区部分）', name: '规划.pdf', date: '2020-05-06' }] },
    };
    await writeFile(join(folder.path, 'evidenced.json'), JSON.stringify(evidenced));
    const json = JSON.parse((await cli(['evaluate', 'evidenced.json', '--format', 'json'])).stdout);
    expect(json.unevidenced).toContain('S01');
    expect(json.standards[0].evidence).toMatchObject({ missing: ['配套设施建设项目库清单'] });
    const english = await cli(['evaluate', 'evidenced.json', '--lang', 'en']);
    expect(english.stdout).toContain(
      `Standards self-assessed met without their evidence (${json.unevidenced.length}) (shown only: missing evidence does not change the verdict):`,
    );
    expect(english.stdout).toMatch(/\n {2}S01 .*: missing evidence: “配套设施建设项目库清单”\n/);
  });

  test('text in English lists each unmet standard with its explanation and owner', async () => {
    const outcome = await cli(['evaluate', 'below.json', '--lang', 'en']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Notice: provisional rule set.');
    expect(outcome.stdout).toContain('Score: 52 of 64 applicable standards met, 81.3% (threshold 85%)');
    expect(outcome.stdout).toContain('Standards not met (12):');
    expect(outcome.stdout).toMatch(/S28 .*\[unmet\]\s+owner: .*Public security/);
    expect(outcome.stdout).toContain('should be at least 90% (drafted); it is 72%');
  });

  test('text: drafted values marked, the grounds counts under the notice, and the focus', async () => {
    const below = await cli(['evaluate', 'below.json']);
    expect(below.stdout).toContain('“公共区域视频监控覆盖率是多少（0–1）？”应不低于90%（草拟值），实际为72%');
    // S34's "yes" is the plan's own requirement, not a value the project chose.
    expect(below.stdout).toContain('“是否设置了电动自行车集中停放和充电场所？”应为是，实际为否\n');
    expect(below.stdout).toContain('评估结果仅供参考。\n来源：结构依据《钦州市保障性住房小区');
    expect(below.stdout).toContain(
      'is not available.\n依据：46 项引用方案条款，3 项依据其他公开来源，16 项为项目起草；2 项只依据鼓励性内容；草拟取值 30 处（其中数字 24 个）\n',
    );
    expect(below.stdout).toContain('\n重点: ✓ 属于重点范围\n');
    await writeFile(
      join(folder.path, 'small.json'),
      JSON.stringify({
        ...guangxiSamples.eligible,
        facts: { ...guangxiSamples.eligible.facts, rentalHouseholds: 150 },
      }),
    );
    const small = await cli(['evaluate', 'small.json', '--lang', 'en']);
    expect(small.stdout).toContain('\nFocus: ✗ outside the focus\n');
    expect(small.stdout).toContain('Verdict: eligible');
    const { rentalHouseholds: _, ...withoutHouseholds } = guangxiSamples.eligible.facts;
    await writeFile(
      join(folder.path, 'unknown-focus.json'),
      JSON.stringify({ ...guangxiSamples.eligible, facts: withoutHouseholds }),
    );
    const unknown = await cli(['evaluate', 'unknown-focus.json', '--lang', 'en']);
    expect(unknown.stdout).toContain('\nFocus: ? focus unknown: data missing\n');
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
    expect(outcome.stdout).not.toContain('依据：');
  });

  test('a rule set without a focus prints no focus line', async () => {
    const { focus: _, ...withoutFocus } = guangxi2021;
    await writeFile(join(folder.path, 'no-focus.json'), JSON.stringify(withoutFocus));
    const outcome = await cli(['evaluate', 'eligible.json', '--rule-set', 'no-focus.json']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('结论: 符合申报条件');
    expect(outcome.stdout).not.toContain('重点');
  });
});
