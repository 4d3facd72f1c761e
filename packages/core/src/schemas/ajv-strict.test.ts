import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate/compile-rule-set.js';
import { jsonSchemas } from './json-schemas.js';

// What another system does with the shipped files: Ajv 2020 in strict mode, without allowUnionTypes, with
// ajv-formats for `date` and `date-time`, and `discriminator: true` for the `oneOf`s keyed on one field.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const shippedSchema = (name: string): object =>
  JSON.parse(readFileSync(new URL(`../../schemas/${name}.json`, import.meta.url), 'utf8'));
const names = Object.keys(jsonSchemas());

function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, discriminator: true });
  addFormats(ajv);
  return ajv;
}

const ajv = strictAjv();
for (const name of names) ajv.addSchema(shippedSchema(name), name);

function errorsOf(name: string, document: unknown): ErrorObject[] {
  const validate = ajv.getSchema(name);
  if (validate === undefined) throw new Error(`no schema ${name}`);
  return validate(document) ? [] : [...(validate.errors ?? [])];
}

const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const guangxi2021 = readJson('../../../guangxi/src/data/guangxi-2021.json');
const sampleNames = ['eligible', 'below-threshold', 'uncovered-requirement', 'out-of-scope', 'missing-data'];
const samples = sampleNames.map((sample) => ({
  sample,
  assessment: readJson(`../../../guangxi/src/data/samples/${sample}.json`),
}));
const qinzhouPlan = readJson('../../../qinzhou/src/data/qinzhou-2021-plan.json');

/** The guide's example patch, the JSON block after `<!-- patch: example-estate-2021 -->`. */
function guidePatch(): Record<string, unknown> {
  const guide = readFileSync(new URL('../../../../docs/rule-set-format.md', import.meta.url), 'utf8');
  const block = /<!-- patch: example-estate-2021 -->\n```json\n([\s\S]*?)\n```/.exec(guide);
  if (!block?.[1]) throw new Error('the guide has no example patch');
  return JSON.parse(block[1]);
}

describe('the shipped JSON Schemas under Ajv 2020 strict', () => {
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

const eligible = samples[0]!.assessment;
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
