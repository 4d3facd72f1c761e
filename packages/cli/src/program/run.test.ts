import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { writeFixtures } from '../../test/fixtures.js';
import { temporaryFolder } from '../../test/run-cli.js';
import { runInProcess } from '../../test/run-in-process.js';

let folder: { path: string; remove: () => Promise<void> };
const cli = (args: string[], options: { isTTY?: boolean; env?: Record<string, string> } = {}) =>
  runInProcess(args, { cwd: folder.path, ...options });

beforeAll(async () => {
  folder = await temporaryFolder('run');
  await writeFixtures(folder.path);
});
afterAll(() => folder.remove());

describe('run', () => {
  test.each([
    'evaluate',
    'batch',
    'report',
    'remediate',
    'timeline',
    'plan',
    'validate',
    'diff',
    'template',
    'template export',
    'template import',
    'template import-standard',
    'forms',
    'forms application',
    'forms summary',
    'campaign',
    'demo',
  ])('%s --help shows usage and a runnable example', async (command) => {
    const outcome = await cli([...command.split(' '), '--help']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(`Usage: sunshine-rubric ${command}`);
    expect(outcome.stdout).toMatch(new RegExp(`Examples 示例:\\n {2}\\$ sunshine-rubric ${command}`));
  });

  test('--version prints the package version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  test('usage errors exit 2 with commander’s message and a hint', async () => {
    const unknown = await cli(['evaluat', 'eligible.json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("sunshine-rubric: error: unknown command 'evaluat'");
    expect(unknown.stderr).toContain('(Did you mean evaluate?)');
    const missing = await cli(['report', 'eligible.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '-o, --out <file>' not specified");
    const language = await cli(['evaluate', 'eligible.json', '--lang', 'fr']);
    expect(language.code).toBe(2);
    expect(language.stderr).toContain('Allowed choices are zh, en');
    const nothing = await cli([]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('Usage: sunshine-rubric');
  });

  test('errors are one line; --debug adds the stack trace', async () => {
    const plain = await cli(['evaluate', 'wrong-type.json']);
    expect(plain.stderr.split('\n')).toEqual([
      'sunshine-rubric: wrong-type.json $.facts.rentalHouseholds: expected an integer, got "many" (INVALID_ASSESSMENT)',
      '',
    ]);
    const debug = await cli(['evaluate', 'wrong-type.json', '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^RubricError: INVALID_ASSESSMENT/m);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  test('colour only on a terminal, and never with NO_COLOR', async () => {
    const terminal = await cli(['evaluate', 'eligible.json'], { isTTY: true });
    expect(terminal.stdout).toContain('\u001b[32m符合申报条件\u001b[39m');
    const noColor = await cli(['evaluate', 'eligible.json'], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    const pipe = await cli(['evaluate', 'eligible.json']);
    expect(pipe.stdout).not.toContain('\u001b[');
    expect(pipe.stdout).toBe(noColor.stdout);
  });

  test('SUNSHINE_RUBRIC_REPORT_RSS reports the peak memory on stderr', async () => {
    const outcome = await cli(['validate', 'rule-set.json'], { env: { SUNSHINE_RUBRIC_REPORT_RSS: '1' } });
    expect(outcome.stderr).toMatch(/^maxRSS: \d+ kB\n$/);
  });

  test('every issue reaches the user: 20 in text then a count, all of them with --format json', async () => {
    const facts: Record<string, unknown> = { ...guangxiSamples.eligible.facts };
    const names = Object.keys(facts).filter((name) => typeof facts[name] !== 'string');
    for (const name of names.slice(0, 25)) facts[name] = 'wrong';
    await writeFile(
      join(folder.path, 'many-wrong.json'),
      JSON.stringify({ ...guangxiSamples.eligible, facts }),
    );
    const text = await cli(['evaluate', 'many-wrong.json']);
    expect(text.code).toBe(2);
    const lines = text.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(
      /^sunshine-rubric: many-wrong\.json \$\.facts\.\w+: .* \(\+24 more\) \(INVALID_ASSESSMENT\)$/,
    );
    expect(lines.slice(1, 20).every((line) => /^ {2}many-wrong\.json \$\.facts\.\w+: /.test(line))).toBe(
      true,
    );
    expect(lines[20]).toBe('  … and 5 more (--format json lists every one; 其余问题)');
    const json = await cli(['evaluate', 'many-wrong.json', '--format', 'json']);
    expect(json.code).toBe(2);
    expect(json.stdout).toBe('');
    const { error } = JSON.parse(json.stderr);
    expect(error.code).toBe('INVALID_ASSESSMENT');
    expect(error.issues).toHaveLength(25);
    expect(error.issues[0]).toEqual({
      path: expect.stringMatching(/^\$\.facts\./),
      message: expect.any(String),
      kind: expect.any(String),
    });
  });

  test('a community name cannot drive the terminal; JSON keeps it exactly', async () => {
    const name = '恶意\u001b[2J\u001b]0;owned\u0007\u202eA';
    const assessment = { ...guangxiSamples.belowThreshold, community: { name } };
    await writeFile(join(folder.path, 'hostile.json'), JSON.stringify(assessment));
    for (const isTTY of [false, true]) {
      const text = await cli(['evaluate', 'hostile.json'], { isTTY });
      expect(text.stdout).toContain('恶意\\u001b[2J\\u001b]0;owned\\u0007\\u202eA');
      for (const raw of ['\u001b[2J', '\u001b]', '\u0007', '\u202e']) expect(text.stdout).not.toContain(raw);
    }
    const coloured = await cli(['evaluate', 'hostile.json'], { isTTY: true });
    expect(coloured.stdout).toContain('\u001b[1m');
    await cli(['evaluate', 'hostile.json', '--out', 'hostile.txt']);
    const saved = await readFile(join(folder.path, 'hostile.txt'), 'utf8');
    for (const raw of ['\u001b', '\u0007', '\u202e']) expect(saved).not.toContain(raw);
    const json = await cli(['evaluate', 'hostile.json', '--format', 'json', '--check']);
    expect(JSON.parse(json.stdout).assessmentId).toBe(assessment.id);
    const remediate = await cli(['remediate', 'hostile.json', '--format', 'json']);
    expect(remediate.code).toBe(0);
    const missing = await cli(['evaluate', 'no\u001b]0;owned\u0007.json']);
    expect(missing.stderr).toBe(
      'sunshine-rubric: no\\u001b]0;owned\\u0007.json: no such file (文件不存在)\n',
    );
  });

  test('messages echo at most about 200 characters of what the user typed', async () => {
    const long = `x${'y'.repeat(4999)}`;
    for (const args of [
      ['evaluate', 'eligible.json', '--rule-set', long],
      ['evaluate', `${long}.json`],
      ['timeline', '--plan', long],
      ['remediate', 'below.json', '--default-cost', long],
      ['batch', 'good.ndjson', '--out', `${long}/x.ndjson`],
    ]) {
      const outcome = await cli(args);
      expect(outcome.code, args.join(' ').slice(0, 40)).toBe(2);
      expect(outcome.stderr.length, args[0]).toBeLessThan(600);
    }
  });
});
