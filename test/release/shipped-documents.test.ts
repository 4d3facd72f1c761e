import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  schemaValidator,
  shippedDocuments,
  shippedSchemas,
  strictAjv,
  workspaceResolve,
} from '../../packages/core/test/shipped-documents.js';
import { run } from './consumer-project.js';

// The JSON files as another system gets them: read from the installed tarballs through the packages'
// `exports`, the schemas compiled by Ajv 2020 strict, the shipped documents (and what the installed core
// makes of the samples) validated by them. The same checks as core's ajv-strict test on the workspace.
const project = inject('consumerProject');
const resolve = createRequire(join(project, 'package.json')).resolve;

const schemas = shippedSchemas(resolve);
const documents = shippedDocuments(resolve);
const { errorsOf } = schemaValidator(resolve);

describe('the shipped JSON files, from the installed tarballs, under Ajv 2020 strict', () => {
  it('ship every schema of the workspace', () => {
    expect(Object.keys(schemas)).toEqual(Object.keys(shippedSchemas(workspaceResolve)));
  });

  it.each(Object.keys(schemas))('%s.json compiles with strict: true', (name) => {
    expect(() => strictAjv().compile(schemas[name] ?? {})).not.toThrow();
  });

  it('ship a rule set, samples and a target plan', () => {
    const kinds = new Set(documents.map((document) => document.schema));
    expect([...kinds].sort()).toEqual(['assessment', 'rule-set', 'target-plan']);
  });

  it.each(documents)('$specifier is a valid $schema', ({ schema, document }) => {
    expect(errorsOf(schema, document)).toEqual([]);
  });

  describe('the installed core’s results for the samples', () => {
    let results: { specifier: string; result: unknown }[] = [];
    beforeAll(() => {
      const script = `import { evaluate } from '@sunshine-rubric/core';
import { readFileSync } from 'node:fs';
const [ruleSet, ...samples] = JSON.parse(readFileSync('sample-input.json', 'utf8'));
console.log(JSON.stringify(samples.map(({ specifier, document }) => ({ specifier, result: evaluate(ruleSet, document) }))));`;
      writeFileSync(join(project, 'sample-results.mjs'), script);
      const ruleSet = documents.find((document) => document.schema === 'rule-set')?.document;
      const samples = documents.filter((document) => document.schema === 'assessment');
      writeFileSync(join(project, 'sample-input.json'), JSON.stringify([ruleSet, ...samples]));
      results = JSON.parse(run('node', ['sample-results.mjs'], project));
    });

    it('are valid evaluation-results', () => {
      expect(results.length).toBeGreaterThan(0);
      for (const { specifier, result } of results)
        expect({ specifier, errors: errorsOf('evaluation-result', result) }).toEqual({
          specifier,
          errors: [],
        });
    });
  });
});
