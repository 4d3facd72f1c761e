import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
    'validate',
    'diff',
    'template',
    'template export',
    'template import',
    'template import-standard',
    'demo',
  ])('%s --help shows usage and a runnable example', async (command) => {
    const outcome = await cli([...command.split(' '), '--help']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(`Usage: sunshine-rubric ${command}`);
    expect(outcome.stdout).toMatch(new RegExp(`Examples 示例:\\n {2}\\$ sunshine-rubric ${command}`));
  });

  test('--version prints the package version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: '0.0.0\n', stderr: '' });
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
});
