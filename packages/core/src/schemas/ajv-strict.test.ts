import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  schemaValidator,
  shippedDocuments,
  shippedSchemas,
  strictAjv,
  workspaceResolve,
} from '../../test/shipped-documents.js';
import { evaluate } from '../evaluate/compile-rule-set.js';
import { jsonSchemas } from './json-schemas.js';

// What another system does with the shipped files: Ajv 2020 in strict mode (see strictAjv). The release
// test runs the same checks on the installed tarballs.
const shipped = shippedSchemas(workspaceResolve);
const shippedSchema = (name: string): object => shipped[name] ?? {};
const names = Object.keys(jsonSchemas());
const { errorsOf } = schemaValidator(workspaceResolve);

const documents = shippedDocuments(workspaceResolve);
const documentOf = (specifier: string): Record<string, unknown> => {
  const found = documents.find((document) => document.specifier.endsWith(specifier));
  if (!found) throw new Error(`not shipped: ${specifier}`);
  return found.document;
};
const guangxi2021 = documentOf('/guangxi-2021.json');
const samples = documents
  .filter((document) => document.schema === 'assessment')
  .map(({ specifier, document }) => ({
    sample: specifier.slice(specifier.lastIndexOf('/') + 1),
    assessment: document,
  }));
const qinzhouPlan = documentOf('/qinzhou-2021-plan.json');

/** The guide's example patch, the JSON block after `<!-- patch: example-estate-2021 -->`. */
function guidePatch(): Record<string, unknown> {
  const guide = readFileSync(new URL('../../../../docs/rule-set-format.md', import.meta.url), 'utf8');
  const block = /<!-- patch: example-estate-2021 -->\n```json\n([\s\S]*?)\n```/.exec(guide);
  if (!block?.[1]) throw new Error('the guide has no example patch');
  return JSON.parse(block[1]);
}

describe('the shipped JSON Schemas under Ajv 2020 strict', () => {
  it('ships a file for every schema, and no other', () => {
    expect(Object.keys(shipped).sort()).toEqual([...names].sort());
  });

  it.each(names)('%s.json compiles with strict: true and no allowUnionTypes', (name) => {
    expect(() => strictAjv().compile(shippedSchema(name))).not.toThrow();
  });

  it('accepts the shipped rule set guangxi-2021', () => {
    expect(errorsOf('rule-set', guangxi2021)).toEqual([]);
  });

  it.each(samples)('accepts the sample $sample and the result evaluate gives for it', ({ assessment }) => {
    expect(errorsOf('assessment', assessment)).toEqual([]);
    const result = JSON.parse(JSON.stringify(evaluate(guangxi2021 as never, assessment as never)));
    expect(errorsOf('evaluation-result', result)).toEqual([]);
  });

  it('accepts the Qinzhou target plan', () => {
    expect(errorsOf('target-plan', qinzhouPlan)).toEqual([]);
  });

  it("accepts the format guide's example patch", () => {
    expect(errorsOf('rule-set-patch', guidePatch())).toEqual([]);
  });

  it('accepts an application event', () => {
    const event = { type: 'applied', date: '2021-09-01', actor: '香山四区物业' };
    expect(errorsOf('application-event', event)).toEqual([]);
  });
});

const eligible = documentOf('/samples/eligible.json');
const withScoring = (scoring: unknown) => ({ ...guangxi2021, scoring });

/** JSON paths of the properties, anywhere in a schema, that carry no description (a `$ref` has its own). */
function undescribedProperties(node: unknown, path = ''): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const entries = Object.entries(node);
  const own = entries.flatMap(([keyword, child]) =>
    keyword === 'properties' && typeof child === 'object' && child !== null
      ? Object.entries(child as Record<string, { description?: string; $ref?: string }>)
          .filter(([, property]) => property.description === undefined && property.$ref === undefined)
          .map(([name]) => `${path}/properties/${name}`)
      : [],
  );
  return [
    ...own,
    ...entries.flatMap(([keyword, child]) => undescribedProperties(child, `${path}/${keyword}`)),
  ];
}

describe('descriptions', () => {
  it.each(names)('every property of %s.json has a description', (name) => {
    expect(undescribedProperties(shippedSchema(name))).toEqual([]);
  });
});

describe('one short error per mistake', () => {
  it.each([
    {
      mistake: 'a threshold above 1',
      schema: 'rule-set',
      document: withScoring({ mode: 'compliance-rate', threshold: 1.5 }),
      paths: ['/scoring/threshold'],
    },
    {
      mistake: 'a points field in compliance-rate scoring',
      schema: 'rule-set',
      document: withScoring({ mode: 'compliance-rate', threshold: 0.85, passMark: 60 }),
      paths: ['/scoring'],
    },
    {
      mistake: 'an unknown scoring mode',
      schema: 'rule-set',
      document: withScoring({ mode: 'majority', threshold: 0.85 }),
      paths: ['/scoring'],
    },
    {
      mistake: 'a date that does not exist',
      schema: 'rule-set',
      document: { ...guangxi2021, effective: { from: '2021-02-30' } },
      paths: ['/effective/from'],
    },
    {
      mistake: 'an event date that does not exist',
      schema: 'application-event',
      document: { type: 'applied', date: '2021-13-01', actor: '物业' },
      paths: ['/date'],
    },
    {
      mistake: 'an application event without its actor',
      schema: 'application-event',
      document: { type: 'applied', date: '2021-09-01' },
      paths: [''],
    },
    {
      mistake: 'an assessment without facts',
      schema: 'assessment',
      document: { ...eligible, facts: undefined },
      paths: [''],
    },
    {
      mistake: 'a version that is not semver',
      schema: 'rule-set',
      document: { ...guangxi2021, version: '1.0' },
      paths: ['/version'],
    },
  ])('$mistake: $paths', ({ schema, document, paths }) => {
    const errors = errorsOf(schema, JSON.parse(JSON.stringify(document)));
    expect(errors.map((error) => error.instancePath)).toEqual(paths);
  });

  it('names the format of a wrong date rather than printing a regex', () => {
    const errors = errorsOf('rule-set', { ...guangxi2021, effective: { from: '2021-02-30' } });
    expect(errors.map((error) => error.message)).toEqual(['must match format "date"']);
  });
});
