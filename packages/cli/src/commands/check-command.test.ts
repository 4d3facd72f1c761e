import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../test/run-cli.js';
import { runInProcess } from '../../test/run-in-process.js';
import { tinyEstate as estate, tinyRuleSet } from '../../test/tiny-rule-set.js';

let folder: { path: string; remove: () => Promise<void> };
const put = (name: string, value: unknown) =>
  writeFile(
    join(folder.path, name),
    typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`,
  );
const check = (...args: string[]) => runInProcess(['check', ...args], { cwd: folder.path });
/** The 1-based line of the first line of `file` that contains `text`, after `after`. */
const lineOf = async (file: string, text: string, after = '') => {
  const lines = (await readFile(join(folder.path, file), 'utf8')).split('\n');
  const start = after === '' ? 0 : lines.findIndex((line) => line.includes(after));
  return lines.findIndex((line, index) => index >= start && line.includes(text)) + 1;
};

beforeAll(async () => {
  folder = await temporaryFolder('check');
  await mkdir(join(folder.path, 'fixtures'));
  await Promise.all([
    put('city.json', tinyRuleSet(0.6)),
    put('stricter.json', tinyRuleSet(0.7)),
    put('fixtures/e1.json', estate('e1', { a: true, b: 5, c: true }, { eligible: true, reasons: [] })),
    put('fixtures/e2.json', estate('e2', { a: false, b: 5, c: true }, { eligible: true })),
    put(
      'fixtures/e3.json',
      estate(
        'e3',
        { a: true, b: 1, c: false },
        { eligible: false, reasons: ['REQUIREMENT_UNCOVERED', 'BELOW_THRESHOLD'] },
      ),
    ),
  ]);
});

afterAll(() => folder.remove());

describe('check', () => {
  it('passes a valid rule set whose fixtures keep their expected verdicts: exit 0', async () => {
    const outcome = await check(
      'city.json',
      '--fixtures',
      'fixtures',
      '--coverage-min',
      '0.5',
      '--lang',
      'en',
    );
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('✓ fixtures: 3 (3 with an expectation), 0 failed');
    expect(outcome.stdout).toContain('✓ check passed: 0 error(s), 0 warning(s), 0 notice(s)');
  });

  it('prints the flip a change makes, with its reasons, placed on the line that caused it', async () => {
    const outcome = await check(
      'stricter.json',
      '--base',
      'city.json',
      '--fixtures',
      'fixtures',
      '--lang',
      'en',
    );
    const line = await lineOf('stricter.json', '"threshold"');
    expect(outcome.stdout).toContain('~ scoring.threshold: 0.6 → 0.7');
    expect(outcome.stdout).toContain(
      `stricter.json:${line}:5 warning VERDICT_FLIPPED: e2 (e2 小区): eligible → ineligible, 66.7% (2/3) → 66.7% (2/3); reasons: 1 more standard needed`,
    );
    // e2 expected eligible: the flip breaks its expectation, an error at its `expect`.
    const expectLine = await lineOf('fixtures/e2.json', '"eligible"');
    expect(outcome.stdout).toContain(
      `fixtures/e2.json:${expectLine}:5 error EXPECTATION_NOT_MET: expected eligible, got ineligible (1 more standard needed`,
    );
    expect(outcome.code).toBe(1);
  });

  it('a flip alone warns; --fail-on warning makes it fail', async () => {
    await put('fixtures-plain.ndjson', `${JSON.stringify(estate('e2', { a: false, b: 5, c: true }))}\n`);
    const warned = await check('stricter.json', '--base', 'city.json', '--fixtures', 'fixtures-plain.ndjson');
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('VERDICT_FLIPPED');
    const failed = await check(
      'stricter.json',
      ...['--base', 'city.json', '--fixtures', 'fixtures-plain.ndjson', '--fail-on', 'warning'],
    );
    expect(failed.code).toBe(1);
  });

  it('says which fixtures the base cannot evaluate, rather than leave them out unsaid', async () => {
    const base = tinyRuleSet();
    base.facts.b = { type: 'boolean', title: { zh: '有乙吗？' } } as never;
    base.aspects[0]!.requirements[0]!.standards[1]!.condition = {
      all: [{ fact: 'b', operator: 'equal', value: true }],
    };
    await put('boolean-b.json', base);
    const outcome = await check(
      'city.json',
      '--base',
      'boolean-b.json',
      '--fixtures',
      'fixtures',
      '--lang',
      'en',
    );
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(
      /warning NOT_COMPARED: e1: not compared, the base cannot evaluate it \(.*facts\.b/,
    );
  });

  it('annotates a schema problem on its line of the rule set, for GitHub', async () => {
    const broken = tinyRuleSet();
    broken.aspects[0]!.requirements[1]!.standards[0]!.condition = {
      any: [{ fact: 'c', operator: 'roughlyEqual', value: true }],
    };
    await put('broken.json', broken);
    const outcome = await check('broken.json', '--format', 'github');
    const line = await lineOf('broken.json', '"operator": "roughlyEqual"');
    expect(outcome.code).toBe(1);
    const first = outcome.stdout.split('\n')[0]!;
    expect(first).toMatch(new RegExp(`^::error file=broken.json,line=${line},col=\\d+,title=schema `));
    expect(first).toContain('roughlyEqual');
  });

  it('reports each fixture problem at its line: invalid JSON, an unknown fact, a malformed expect', async () => {
    await put(
      'mixed.ndjson',
      [
        JSON.stringify(estate('ok', { a: true, b: 5, c: true }, { eligible: true })),
        '',
        '{"id": "broken",',
        JSON.stringify(estate('unknown-fact', { a: true, zzz: 1 })),
        JSON.stringify(estate('bad-expect', { a: true }, { eligible: 'yes', colour: 'red' })),
      ].join('\n'),
    );
    const outcome = await check('city.json', '--fixtures', 'mixed.ndjson', '--format', 'json');
    expect(outcome.code).toBe(1);
    const json = JSON.parse(outcome.stdout);
    expect(json.ok).toBe(false);
    const found = json.findings.map((finding: { code: string; line: number; path?: string }) => [
      finding.code,
      finding.line,
      finding.path,
    ]);
    expect(found).toEqual([
      ['INVALID_JSON', 3, undefined],
      ['INVALID_ASSESSMENT', 4, '$.facts.zzz'],
      ['INVALID_EXPECTATION', 5, '$.expect.colour'],
      ['INVALID_EXPECTATION', 5, '$.expect.eligible'],
    ]);
    expect(json.checks.map((entry: { name: string; passed: boolean }) => [entry.name, entry.passed])).toEqual(
      [
        ['rule set', true],
        ['lint', true],
        ['ok', true],
        ['mixed.ndjson:3', false],
        ['unknown-fact', false],
        ['bad-expect', false],
      ],
    );
  });

  it('fails below the coverage threshold, with a notice at each leaf never decided both ways', async () => {
    const outcome = await check(
      'city.json',
      '--fixtures',
      'fixtures/e1.json',
      '--coverage-min',
      '0.9',
      '--format',
      'json',
    );
    expect(outcome.code).toBe(1);
    const json = JSON.parse(outcome.stdout);
    expect(json.coverage).toMatchObject({ ratio: 0.5, threshold: 0.9, passes: false });
    const leaf = json.findings.find((finding: { code: string }) => finding.code === 'LEAF_NOT_COVERED');
    expect(leaf).toMatchObject({
      severity: 'info',
      path: '$.aspects[0].requirements[0].standards[0].condition.all[0]',
      // The leaf's object opens on the line above its first key.
      line: (await lineOf('city.json', '"fact": "a"')) - 1,
    });
  });

  it('writes JUnit XML beside any format with --junit, again over the last run’s file', async () => {
    for (const run of [1, 2]) {
      const outcome = await check('city.json', '--fixtures', 'fixtures', '--junit', 'junit.xml');
      expect(outcome.stderr, `run ${run}`).toBe('');
      expect(outcome.code).toBe(0);
    }
    const xml = await readFile(join(folder.path, 'junit.xml'), 'utf8');
    expect(xml).toContain('<testsuite name="fixture" tests="3" failures="0"');
    const onInput = await check('city.json', '--fixtures', 'fixtures', '--junit', 'city.json');
    expect(onInput.code).toBe(2);
    expect(onInput.stderr).toContain('refusing to write over an input of this run');
  });

  it('refuses bad input with exit 2 and one line', async () => {
    await put('not-json.json', '{ "id": ');
    for (const [args, message] of [
      [['missing.json'], 'missing.json: no such file'],
      [['not-json.json'], 'not-json.json: invalid JSON at line 1'],
      [['city.json', '--coverage-min', '0.9'], '--coverage-min needs --fixtures'],
      [
        ['city.json', '--fixtures', 'fixtures', '--coverage-min', '90%'],
        '--coverage-min: expected a share from 0 to 1',
      ],
      [['city.json', '--fixtures', 'nowhere'], '--fixtures nowhere: no such file'],
      [['city.json', '--base', 'no-such-rules'], '--base: --rule-set no-such-rules: unknown rule set'],
      [['city.json', '--base', 'not-json.json'], '--base: not-json.json: invalid JSON'],
    ] as const) {
      const outcome = await check(...args);
      expect(outcome.code, args.join(' ')).toBe(2);
      expect(outcome.stderr).toContain(message);
      expect(outcome.stdout).toBe('');
    }
  });
});
