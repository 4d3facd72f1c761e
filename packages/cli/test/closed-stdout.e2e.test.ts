// `sunshine-rubric … | head -1`: a reader that goes away must end the run quietly, for every command that
// writes to stdout — no "Unhandled 'error' event", no stack trace, the run's own exit code.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFixtures } from './fixtures.js';
import { bundleCli, removeBundle, runCliClosingStdout, samplesFolder, temporaryFolder } from './run-cli.js';

let folder: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  folder = await temporaryFolder('closed-stdout');
  await writeFixtures(folder.path);
  await bundleCli();
}, 60_000);
afterAll(async () => {
  await folder.remove();
  await removeBundle();
});

const manyAssessments = Array.from({ length: 120 }, () => join(samplesFolder, 'below-threshold.json'));

describe('a closed stdout ends the run quietly', () => {
  test.each([
    { name: 'evaluate of many files, text', args: ['evaluate', ...manyAssessments], codes: [0] },
    {
      name: 'evaluate of many files, json',
      args: ['evaluate', ...manyAssessments, '--format', 'json'],
      codes: [0],
    },
    { name: 'evaluate --format html', args: ['evaluate', 'below.json', '--format', 'html'], codes: [0] },
    { name: 'remediate', args: ['remediate', 'below.json'], codes: [0] },
    { name: 'timeline', args: ['timeline'], codes: [0] },
    { name: 'validate', args: ['validate', 'rule-set.json'], codes: [0] },
    { name: 'diff', args: ['diff', 'rule-set.json', 'rule-set-changed.json'], codes: [0] },
    { name: 'demo', args: ['demo', '--out', 'demo-reports'], codes: [0] },
    {
      name: 'template import-standard',
      args: ['template', 'import-standard', 'standard-table.xlsx', '--id', 'x-city'],
      codes: [0],
    },
    { name: 'batch --out -', args: ['batch', 'in.ndjson', '--out', '-'], codes: [0, 1] },
    { name: '--help', args: ['--help'], codes: [0] },
  ])('$name', { timeout: 60_000 }, async ({ args, codes }) => {
    for (const closeAt of ['start', 'first-chunk'] as const) {
      const outcome = await runCliClosingStdout(args, { cwd: folder.path, closeAt });
      expect(outcome.stderr).not.toMatch(/Unhandled|EPIPE|\n\s+at /);
      expect(codes).toContain(outcome.code);
    }
  });

  test('batch - --out -, stdin to stdout, ends quietly when its reader has gone', {
    timeout: 60_000,
  }, async () => {
    const line = '{"id":"e","community":{"name":"n"},"facts":{}}';
    const outcome = await runCliClosingStdout(['batch', '-', '--out', '-'], {
      cwd: folder.path,
      stdin: `${line}\n`.repeat(20_000),
      closeAt: 'first-chunk',
    });
    expect(outcome.stderr).toBe('');
    expect([0, 1]).toContain(outcome.code);
  });
});
