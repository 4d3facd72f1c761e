import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { entryPoints, published, run } from './consumer-project.js';

// How users receive the library: each published package packed as a tarball, installed with npm into a
// fresh project (global-setup.ts), and loaded from ESM and from CommonJS (Node ≥ 20.19 can require() ESM).
const project = inject('consumerProject');

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
