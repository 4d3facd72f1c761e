import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// How users receive the library: each published package packed as a tarball, installed with npm into a
// fresh project, and loaded from ESM and from CommonJS (Node ≥ 20.19 can require() ESM).
const root = new URL('../../', import.meta.url).pathname;
const published = readdirSync(join(root, 'packages')).filter((name) => {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
  return manifest.private !== true;
});

/** Every entry point a package exports (`.`, `./json-rules-engine`…), as import specifiers. */
function entryPoints(name: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
  return Object.keys(manifest.exports)
    .filter((key) => !key.includes('*') && !key.endsWith('.json'))
    .map((key) => manifest.name + key.slice(1));
}
let project = '';

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  if (published.some((name) => !existsSync(join(root, 'packages', name, 'dist'))))
    run('pnpm', ['build'], root);
  project = mkdtempSync(join(tmpdir(), 'sunshine-rubric-smoke-'));
  for (const name of published)
    run('pnpm', ['pack', '--pack-destination', project], join(root, 'packages', name));
  const tarballs = readdirSync(project).filter((file) => file.endsWith('.tgz'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'smoke', private: true }));
  // vitest: the optional peer that @sunshine-rubric/testing/vitest needs, as its users have it.
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', ...tarballs.map((file) => `./${file}`), 'vitest@4.1.12'],
    project,
  );
}, 240_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

const script = (body: string) => `
${body}
const result = compileRuleSet(guangxi2021).evaluate(guangxiSamples.eligible);
const rules = toJsonRulesEngineRules(guangxi2021);
const drawn = fc.sample(assessmentArbitrary(guangxi2021, { missing: 0 }), 1)[0];
console.log(JSON.stringify({ eligible: result.eligible, status: result.ruleSet.provenance.status, rules: rules.length, isError: RubricError.isInstance(new Error()), drawn: Object.keys(drawn.facts).length }));
`;

describe('the packed packages', () => {
  // rules: guangxi-2021's 65 standards, its scope and its focus.
  const expected = { eligible: true, status: 'provisional', rules: 67, isError: false, drawn: 83 };

  it('load from ESM', () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      script(`import { compileRuleSet, RubricError } from '@sunshine-rubric/core';
import { toJsonRulesEngineRules } from '@sunshine-rubric/core/json-rules-engine';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { assessmentArbitrary } from '@sunshine-rubric/testing';
import fc from 'fast-check';`),
    );
    expect(JSON.parse(run('node', ['esm.mjs'], project))).toEqual(expected);
  });

  it("load from CommonJS with require('@sunshine-rubric/core')", () => {
    writeFileSync(
      join(project, 'cjs.cjs'),
      script(`const { compileRuleSet, RubricError } = require('@sunshine-rubric/core');
const { toJsonRulesEngineRules } = require('@sunshine-rubric/core/json-rules-engine');
const { guangxi2021, guangxiSamples } = require('@sunshine-rubric/guangxi');
const { assessmentArbitrary } = require('@sunshine-rubric/testing');
const fc = require('fast-check');`),
    );
    expect(JSON.parse(run('node', ['cjs.cjs'], project))).toEqual(expected);
  });

  it('every entry point of every published package loads from ESM and CommonJS', () => {
    const specifiers = published.flatMap(entryPoints);
    expect(specifiers).toEqual(
      expect.arrayContaining(['@sunshine-rubric/core', '@sunshine-rubric/core/json-rules-engine']),
    );
    const imports = specifiers.map((specifier) => `await import(${JSON.stringify(specifier)});`).join('\n');
    const requires = specifiers.map((specifier) => `require(${JSON.stringify(specifier)});`).join('\n');
    writeFileSync(join(project, 'all.mjs'), `${imports}\nconsole.log('ok');`);
    writeFileSync(join(project, 'all.cjs'), `${requires}\nconsole.log('ok');`);
    expect(run('node', ['all.mjs'], project).trim()).toBe('ok');
    expect(run('node', ['all.cjs'], project).trim()).toBe('ok');
  });

  it('ship the JSON Schemas and the rule-set JSON', () => {
    const check = `const s = require('@sunshine-rubric/core/schemas/rule-set.json'); const g = require('@sunshine-rubric/guangxi/data/guangxi-2021.json'); console.log(s.$id, g.id);`;
    writeFileSync(join(project, 'json.cjs'), check);
    expect(run('node', ['json.cjs'], project).trim()).toBe(
      'urn:sunshine-rubric:schema:rule-set guangxi-2021',
    );
  });
});
