import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { ruleSetArbitrary } from '@sunshine-rubric/testing';
import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../errors/from-zod.js';
import { snapshotDocument } from '../../reading/structure-depth.js';
import { safeParseDocument } from '../../reading/zod.js';
import { RuleSetSchema } from '../schema.js';
import { checkRuleSetShape } from './rule-set-shape.js';

// The hand-written structure check and the zod schema must be one format: on every document, valid or
// broken, the same verdict, the same issues (path, kind, message, order) and the same parsed value.

const guangxi2021 = JSON.parse(
  readFileSync(new URL('../../../../guangxi/src/data/guangxi-2021.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** Every optional part of the format at least once: grounds of each kind, drafted values, points mode… */
const richDocument = {
  $schema: './rule-set.json',
  formatVersion: 2,
  id: 'rich-rubric',
  version: '1.2.3-beta.1+build.5',
  title: { zh: '示例', en: 'Sample' },
  provenance: {
    status: 'official',
    source: 'a source',
    notes: '',
    basis: [{ number: '桂建保〔2021〕3号', title: { zh: '通知' }, issuedBy: { zh: '住建厅', en: 'DoH' } }],
  },
  effective: { from: '2024-02-29', until: '2025-12-31' },
  extends: 'base@1.0.0',
  facts: {
    lifts: { type: 'boolean', title: { zh: '电梯' } },
    area: { type: 'number', title: { zh: '面积' }, min: 0, max: 100, unit: 'm2' },
    kind: { type: 'enum', title: { zh: '类型' }, values: ['a', 'b'] },
  },
  conditions: { hasLifts: { all: [{ fact: 'lifts', operator: 'equal', value: true }] } },
  scope: { not: { fact: 'kind', operator: 'in', value: ['b'] } },
  focus: { condition: 'hasLifts' },
  scoring: {
    mode: 'points',
    passMark: 3,
    aspectMinimums: { A: 1 },
    minMetPerRequirement: 1,
    unevidenced: 'unmet',
  },
  aspects: [
    {
      id: 'A',
      title: { zh: '方面' },
      requirements: [
        {
          id: 'R1',
          title: { zh: '要求' },
          standards: [
            {
              id: 'S1',
              title: { zh: '标准' },
              condition: {
                any: [
                  { condition: 'hasLifts' },
                  { fact: 'area', operator: 'greaterThan', value: { fact: 'area' } },
                ],
              },
              applicableWhen: { fact: 'kind', operator: 'equal', value: 'a', path: '$.x' },
              points: 3,
              responsible: ['housing'],
              evidence: ['photo'],
              basis: '四（一）',
              grounds: [
                { kind: 'plan-clause', clause: '四（一）', quote: '引文', encouraged: true },
                { kind: 'public-source', source: '新闻', date: '2023-05', url: 'https://example.org' },
                { kind: 'project-drafting', note: '草拟' },
              ],
              drafted: [{ fact: 'area', value: [1, 2], note: '草拟' }],
            },
          ],
        },
      ],
    },
  ],
};

function byZod(document: unknown) {
  const parsed = safeParseDocument(RuleSetSchema, document);
  return parsed.success ? { issues: [], value: parsed.data } : { issues: issuesFromZod(parsed.error) };
}

function byHand(document: unknown) {
  const checked = checkRuleSetShape(document);
  return checked.issues.length === 0 ? { issues: [], value: checked.value } : { issues: checked.issues };
}

/** Both checks on the document as defineRuleSet reads it; the same issues and, when valid, the same value. */
function expectSameVerdict(document: unknown) {
  const snapshot = snapshotDocument(document);
  if (!snapshot.ok) return;
  const expected = byZod(snapshot.value);
  const actual = byHand(snapshot.value);
  expect(actual.issues).toEqual(expected.issues);
  expect(actual.value).toStrictEqual(expected.value);
  expect(JSON.stringify(actual.value)).toBe(JSON.stringify(expected.value)); // key order too
}

const oddValue = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    ' ',
    'a b',
    'x'.repeat(101),
    '2023-02-29',
    '1.0',
    'Bad-Id',
    -1,
    1.5,
    2,
    0,
    1e300,
    -1e20,
    2 ** 60,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    true,
    [],
    {},
    [1, 'a', true],
    [{}],
    new Date(0),
    { fact: 'lifts' },
    { fact: 'lifts', path: 1 },
    { all: [] },
    { any: [{}] },
    { not: { condition: 'a b' } },
    { condition: '' },
    { mode: 'points' },
    { mode: 'other' },
    'shown',
    'unmet',
    ['建设用地批准文件', ''],
    { kind: 'plan-clause' },
    { zh: '' },
    { type: 'enum', title: { zh: 't' }, values: [] },
    { '1bad': { type: 'boolean', title: { zh: 't' } } },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

type Mutation = { at: number; how: 'delete' | 'replace' | 'add-key'; value: unknown; key: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  how: fc.constantFrom('delete', 'replace', 'replace', 'add-key'),
  value: oddValue,
  key: fc.constantFrom(
    'extra',
    'mode',
    'fact',
    'all',
    'not',
    'condition',
    'zh',
    'kind',
    'value',
    'Z',
    'unevidenced',
    'evidence',
  ),
});

/** Every place in a document: its container and the key or index there. */
function placesOf(document: unknown): [Record<string | number, unknown>, string | number][] {
  const places: [Record<string | number, unknown>, string | number][] = [];
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    for (const key of Array.isArray(node) ? node.keys() : Object.keys(node)) {
      places.push([node as Record<string | number, unknown>, key]);
      visit((node as Record<string | number, unknown>)[key]);
    }
  };
  visit(document);
  return places;
}

function mutate(document: unknown, mutations: readonly Mutation[]): unknown {
  const copy = structuredClone(document);
  for (const { at, how, value, key } of mutations) {
    const places = placesOf(copy);
    if (places.length === 0) break;
    const [container, place] = places[at % places.length]!;
    if (how === 'delete' && !Array.isArray(container)) delete container[place];
    else if (how === 'add-key' && typeof container[place] === 'object' && container[place] !== null)
      (container[place] as Record<string, unknown>)[key] = value;
    else container[place] = value;
  }
  return copy;
}

const documents = fc.oneof(
  ruleSetArbitrary({ sharedConditions: true, factComparisons: true }),
  ruleSetArbitrary({ evidence: true }),
  fc.constant(richDocument),
  fc.constant(guangxi2021),
);

describe('the hand-written structure check of a rule set and RuleSetSchema', () => {
  it('agree on the shipped rule set and on a document with every optional part', () => {
    expectSameVerdict(guangxi2021);
    expectSameVerdict(richDocument);
    expect(byHand(richDocument).issues).toEqual([]);
  });

  test.prop([documents])('accept the same valid documents, parsed to the same value', (document) => {
    expectSameVerdict(document);
  });

  test.prop([documents, fc.array(mutation, { minLength: 1, maxLength: 3 })])(
    'refuse the same broken documents with the same issues',
    (document, mutations) => {
      expectSameVerdict(mutate(document, mutations));
    },
  );

  test.prop([oddValue])('agree on any value where a whole document is expected', (value) => {
    expectSameVerdict(value);
  });
});
