import { mkdir, readdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileRuleSet } from '@sunshine-rubric/core';
import { generateStandaloneEvaluator } from '@sunshine-rubric/core/standalone';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFixtures } from '../../test/fixtures.js';
import { temporaryFolder } from '../../test/run-cli.js';
import { runInProcess } from '../../test/run-in-process.js';
import { declarationsFileFor } from './compile-command.js';

let folder: { path: string; remove: () => Promise<void> };
const cli = (...args: string[]) => runInProcess(args, { cwd: folder.path });

beforeAll(async () => {
  folder = await temporaryFolder('compile');
  await writeFixtures(folder.path);
});
afterAll(() => folder.remove());

describe('compile', () => {
  test('--out writes a module that scores the samples as the library does', async () => {
    const outcome = await cli('compile', 'guangxi-2021', '--out', 'evaluator.mjs');
    expect(outcome).toMatchObject({ code: 0, stderr: '' });
    const file = join(folder.path, 'evaluator.mjs');
    const module = await import(/* @vite-ignore */ pathToFileURL(file).href);
    const evaluator = compileRuleSet(guangxi2021);
    for (const sample of Object.values(guangxiSamples))
      expect(module.evaluate(sample)).toEqual(evaluator.evaluate(sample));
  });

  test('--out evaluator.mjs writes its TypeScript declarations beside it, as evaluator.d.mts', async () => {
    const outcome = await cli('compile', 'guangxi-2021', '--out', 'typed.mjs');
    expect(outcome).toMatchObject({ code: 0, stderr: '' });
    const declarations = await readFile(join(folder.path, 'typed.d.mts'), 'utf8');
    expect(declarations).toBe(generateStandaloneEvaluator(guangxi2021, { declarations: true }).declarations);
    expect(declarations).toContain('export declare function evaluate(assessment: Assessment');
  });

  test('declarations go beside a .js module as .d.ts, and nowhere for other names', async () => {
    expect(declarationsFileFor('public/evaluator.js')).toBe('public/evaluator.d.ts');
    expect(declarationsFileFor('evaluator.mjs')).toBe('evaluator.d.mts');
    expect(declarationsFileFor('-')).toBeUndefined();
    expect(declarationsFileFor('evaluator.txt')).toBeUndefined();
    const outcome = await cli('compile', 'guangxi-2021', '--out', 'plain.txt');
    expect(outcome.code).toBe(0);
    await expect(readdir(folder.path)).resolves.not.toContain('plain.d.ts');
  });

  test('without --out, the module goes to stdout; a rule-set file works as an id does', async () => {
    const outcome = await cli('compile', 'rule-set.json');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('export function evaluate(assessment, options)');
    const byId = await cli('compile', 'guangxi-2021');
    expect(byId.stdout).toBe(outcome.stdout);
  });

  test('an invalid rule set is refused with its JSON path, and nothing is written', async () => {
    const outcome = await cli('compile', 'invalid-rule-set.json', '--out', 'never.mjs');
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toContain('$.scoring.threshold');
    await expect(readFile(join(folder.path, 'never.mjs'))).rejects.toThrow();
  });

  test('declarations that cannot be written beside the module are refused before the module is written', async () => {
    await mkdir(join(folder.path, 'blocked.d.mts'));
    const outcome = await cli('compile', 'guangxi-2021', '--out', 'blocked.mjs');
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toContain('blocked.d.mts');
    await expect(readFile(join(folder.path, 'blocked.mjs'))).rejects.toThrow();
  });

  test('declarations that would replace the rule set read (through a link) are refused, and nothing is written', async () => {
    await symlink(join(folder.path, 'rule-set.json'), join(folder.path, 'linked.d.mts'));
    const before = await readFile(join(folder.path, 'rule-set.json'), 'utf8');
    const outcome = await cli('compile', 'rule-set.json', '--out', 'linked.mjs');
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toContain('refusing to write over an input');
    await expect(readFile(join(folder.path, 'rule-set.json'), 'utf8')).resolves.toBe(before);
    await expect(readFile(join(folder.path, 'linked.mjs'))).rejects.toThrow();
  });

  test('--unknown-facts takes error or ignore only', async () => {
    const outcome = await cli('compile', 'guangxi-2021', '--unknown-facts', 'warn');
    expect(outcome.code).not.toBe(0);
    expect(outcome.stderr).toContain('--unknown-facts');
  });
});
