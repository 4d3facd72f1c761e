// A program that embeds the command composes its registry: the built-in plugins and one of its own, with a
// custom operator and a rule set. The command then knows both; a run without it knows neither.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createRegistry,
  definePlugin,
  defineRuleSet,
  type OperatorDefinition,
  type Registry,
} from '@sunshine-rubric/core';
import { guangxiSamples } from '@sunshine-rubric/guangxi';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtInPlugins, type RunOptions, run } from '../src/index.js';
import { temporaryFolder } from './run-cli.js';
import { tinyEstate, tinyRuleSet } from './tiny-rule-set.js';

/** tiny-city where S2 asks for an even count of 乙, through the plugin's own operator. */
function harbourRuleSet() {
  const ruleSet = tinyRuleSet();
  const [aspect] = ruleSet.aspects;
  const [first, second] = aspect?.requirements ?? [];
  if (!aspect || !first || !second) throw new Error('tinyRuleSet changed shape');
  const [s1, s2] = first.standards;
  if (!s1 || !s2) throw new Error('tinyRuleSet changed shape');
  const even = { all: [{ fact: 'b', operator: 'divisibleBy', value: 2 }] };
  return {
    ...ruleSet,
    id: 'harbour-2024',
    aspects: [
      { ...aspect, requirements: [{ ...first, standards: [s1, { ...s2, condition: even }] }, second] },
    ],
  };
}

const divisibleBy: OperatorDefinition = {
  name: 'divisibleBy',
  factTypes: ['integer'],
  valueKind: 'scalar',
  evaluate: (factValue, divisor) => (factValue as number) % (divisor as number) === 0,
};

const harbourPlugin = definePlugin({
  name: 'harbour-city',
  apiVersion: 1,
  operators: [divisibleBy],
  ruleSets: [defineRuleSet(harbourRuleSet(), { operators: [divisibleBy] })],
});

let folder: { path: string; remove: () => Promise<void> };
let registry: Registry;

/** `sunshine-rubric …args` in the test folder, with the given options (none: the built-in registry). */
async function cli(args: readonly string[], options?: RunOptions) {
  let stdout = '';
  let stderr = '';
  const code = await run(
    args,
    {
      cwd: folder.path,
      env: {},
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
    },
    options,
  );
  return { code, stdout, stderr };
}

beforeAll(async () => {
  folder = await temporaryFolder('embedded');
  registry = createRegistry({ plugins: [...builtInPlugins, harbourPlugin] });
  const put = (name: string, json: unknown) =>
    writeFile(join(folder.path, name), `${JSON.stringify(json, null, 2)}\n`);
  await mkdir(join(folder.path, 'fixtures'));
  await Promise.all([
    put('harbour.json', harbourRuleSet()),
    put('guangxi-estate.json', Object.values(guangxiSamples)[0]),
    put('estate.json', { ...tinyEstate('e1', { a: true, b: 4, c: true }), ruleSet: 'harbour-2024' }),
    put('fixtures/even.json', tinyEstate('even', { a: false, b: 4, c: true }, { eligible: true })),
    put('fixtures/odd.json', tinyEstate('odd', { a: false, b: 5, c: true }, { eligible: false })),
  ]);
});
afterAll(() => folder.remove());

describe('run with a registry of the embedding program', () => {
  test('evaluate resolves the plugin’s rule set by id and runs its operator', async () => {
    const outcome = await cli(['evaluate', 'estate.json', '--rule-set', 'harbour-2024', '--format', 'json'], {
      registry,
    });
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const result = JSON.parse(outcome.stdout);
    expect(result.ruleSet).toMatchObject({ id: 'harbour-2024' });
    expect(result.eligible).toBe(true);
    expect(result.standards.find((standard: { id: string }) => standard.id === 'S2').outcome).toBe('met');
    // The assessment's own `ruleSet` names it too.
    const named = await cli(['evaluate', 'estate.json', '--format', 'json'], { registry });
    expect(JSON.parse(named.stdout).ruleSet.id).toBe('harbour-2024');
  });

  test('the built-in rule sets are still there beside the plugin’s', async () => {
    const outcome = await cli(['evaluate', 'guangxi-estate.json', '--format', 'json'], { registry });
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout).ruleSet.id).toBe('guangxi-2021');
  });

  test('validate accepts a rule-set file that uses the plugin’s operator', async () => {
    const outcome = await cli(['validate', 'harbour.json', '--format', 'json'], { registry });
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ valid: true });
  });

  test('check runs the fixtures of such a rule set through the operator', async () => {
    const outcome = await cli(['check', 'harbour.json', '--fixtures', 'fixtures', '--format', 'json'], {
      registry,
    });
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout);
    expect(report.ok).toBe(true);
    expect(report.fixtures).toMatchObject({ total: 2, withExpectation: 2 });
  });

  test('batch --jobs 2 is refused with one line: worker threads cannot rebuild the program’s plugins', async () => {
    const outcome = await cli(['batch', 'estate.json', '--jobs', '2', '--out', 'out.ndjson'], { registry });
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toMatch(/--jobs: .*cannot rebuild; run with --jobs 1/);
  });

  test('batch --jobs auto evaluates on the main thread, as --jobs 1 does, instead of being refused', async () => {
    const one = await cli(['batch', 'estate.json', '--jobs', '1', '--out', 'one.ndjson'], { registry });
    const auto = await cli(['batch', 'estate.json', '--jobs', 'auto', '--out', 'auto.ndjson'], { registry });
    expect(auto.stderr).not.toContain('--jobs');
    expect(auto.code).toBe(one.code);
    const written = (name: string) => readFile(join(folder.path, name), 'utf8');
    expect(await written('auto.ndjson')).toBe(await written('one.ndjson'));
  });

  test('a run without it has only the built-in plugins: nothing of the embedding program’s stays behind', async () => {
    const unknown = await cli(['evaluate', 'estate.json', '--rule-set', 'harbour-2024']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown rule set (registered: guangxi-2021)');
    const operator = await cli(['validate', 'harbour.json', '--format', 'json']);
    expect(operator.code).toBe(1);
    expect(operator.stdout).toContain('divisibleBy');
  });
});

describe('run with a registry that is not one', () => {
  test.each([
    ['a list of plugins', [...builtInPlugins]],
    ['a plugin', builtInPlugins[0]],
    ['null', null],
  ])('%s is refused with INVALID_OPTIONS before anything is written', async (_name, registry) => {
    let written = '';
    const io = { cwd: folder.path, env: {}, stdout: { write: (chunk: string) => (written += chunk) } };
    const options = { registry } as unknown as RunOptions;
    await expect(
      run(['evaluate', 'estate.json'], { ...io, stderr: io.stdout }, options),
    ).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
      issues: [{ path: ['options', 'registry'], kind: 'invalid-type' }],
    });
    expect(written).toBe('');
  });
});
