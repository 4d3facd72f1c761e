// Hardening: the command's arguments. Random argument lists built from the real commands and options,
// the fixture files (valid, broken, hostile) and hostile strings always end in exit code 0, 1 or 2 with
// no stack trace — never an exception out of `run`. FUZZ_RUNS scales the number of runs (default 200 / 4).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeFixtures } from './fixtures.js';
import { temporaryFolder } from './run-cli.js';
import { runInProcess } from './run-in-process.js';

const numRuns = Math.max(1, Math.round(Number(process.env.FUZZ_RUNS ?? 200) / 4));
let folder: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  folder = await temporaryFolder('fuzz-arguments');
  await writeFixtures(folder.path);
  await writeFile(join(folder.path, 'deep.json'), `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
  await writeFile(
    join(folder.path, 'proto.json'),
    '{"__proto__":{"polluted":true},"id":"x","community":{"name":"n"},"facts":{}}',
  );
  await writeFile(join(folder.path, 'bytes.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13]));
  await writeFile(join(folder.path, 'empty.json'), '');
});

afterAll(async () => {
  await folder.remove();
});

const commands = [
  'evaluate',
  'batch',
  'report',
  'remediate',
  'timeline',
  'validate',
  'check',
  'diff',
  'template',
  'export',
  'import',
  'import-standard',
];
const options = [
  '--rule-set',
  '--format',
  '--out',
  '--lang',
  '--check',
  '--plan',
  '--certified',
  '--costs',
  '--default-cost',
  '--full',
  '--id',
  '--base',
  '--fixtures',
  '--coverage-min',
  '--fail-on',
  '--junit',
  '--help',
  '-o',
  '-r',
  '--',
];
const values = [
  'json',
  'text',
  'html',
  'junit',
  'github',
  'warning',
  '0.9',
  'en',
  'zh',
  'guangxi-2021',
  'guangxi-2021@^9',
  'qinzhou-2021',
  'nope',
  '-1',
  'NaN',
  '1e308',
  'out.json',
  'out/x.html',
];
const files = [
  'eligible.json',
  'below.json',
  'broken.json',
  'wrong-type.json',
  'rule-set.json',
  'invalid-rule-set.json',
  'costs.json',
  'bad-costs.json',
  'certified.json',
  'in.ndjson',
  'deep.json',
  'proto.json',
  'bytes.xlsx',
  'empty.json',
  'missing.json',
  '.',
];
const hostile = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('__proto__', 'constructor', '\u0000', '\u202e', '\ud800', '💥'.repeat(50), '-'.repeat(3)),
);

const argv = fc.tuple(
  fc.constantFrom(...commands),
  fc.array(
    fc.oneof(fc.constantFrom(...options), fc.constantFrom(...values), fc.constantFrom(...files), hostile),
    { maxLength: 6 },
  ),
);

it('every argument list ends in exit code 0, 1 or 2, without a stack trace or a polluted prototype', async () => {
  await fc.assert(
    fc.asyncProperty(argv, async ([command, rest]) => {
      const outcome = await runInProcess([command, ...rest], { cwd: folder.path });
      expect([0, 1, 2]).toContain(outcome.code);
      expect(outcome.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    }),
    { numRuns },
  );
}, 180_000);
