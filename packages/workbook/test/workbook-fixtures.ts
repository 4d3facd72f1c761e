// Shared by the workbook tests: a small rule set with every fact type, fast-check arbitraries for fact
// catalogs and assessments, and helpers to build and inspect .xlsx files with exceljs.
import { fc } from '@fast-check/vitest';
import {
  type Assessment,
  defineRuleSet,
  type FactDefinition,
  type FactValue,
  RubricError,
  type RuleSet,
} from '@sunshine-rubric/core';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';

const longChoices = Array.from(
  { length: 12 },
  (_, index) => `选项 ${index + 1}：一段很长的说明文字，用来撑满下拉列表`,
);

/** A provisional rule set with one fact of every type, bounds, and enums short and long. */
export const allTypesRuleSet: RuleSet = defineRuleSet({
  id: 'all-types',
  version: '1.2.3',
  title: { zh: '全类型测试规则集', en: 'All fact types' },
  provenance: { status: 'provisional', source: '测试', notes: 'test only' },
  facts: {
    occupied: { type: 'boolean', title: { zh: '小区是否已入住？', en: 'Occupied?' } },
    rentalHouseholds: { type: 'integer', title: { zh: '租赁户数？' }, min: 0, unit: 'households' },
    cctvCoverage: { type: 'number', title: { zh: '监控覆盖率？' }, min: 0, max: 1, unit: 'share' },
    operatorName: { type: 'string', title: { zh: '运营单位名称？' } },
    lastInspection: { type: 'date', title: { zh: '最近一次检查日期？' } },
    housingType: {
      type: 'enum',
      title: { zh: '房源类型？' },
      values: ['public-rental', 'low-rent', 'other'],
    },
    serviceMode: { type: 'enum', title: { zh: '服务方式？' }, values: longChoices },
  },
  scoring: { mode: 'compliance-rate', threshold: 0.85, minMetPerRequirement: 1 },
  aspects: [
    {
      id: 'A1',
      title: { zh: '小区管理' },
      requirements: [
        {
          id: 'R1',
          title: { zh: '安全管理' },
          standards: [
            {
              id: 'S1',
              title: { zh: '视频监控覆盖率达到 90%' },
              condition: { fact: 'cctvCoverage', operator: 'greaterThanInclusive', value: 0.9 },
              applicableWhen: { fact: 'occupied', operator: 'equal', value: true },
              responsible: ['public-security', 'city-management-bureau'],
              evidence: ['监控点位图'],
              basis: '测试条款 1',
            },
            {
              id: 'S2',
              title: { zh: '租赁户数不少于 200 户且为公租房' },
              condition: {
                all: [
                  { fact: 'rentalHouseholds', operator: 'greaterThanInclusive', value: 200 },
                  { fact: 'housingType', operator: 'in', value: ['public-rental'] },
                ],
              },
            },
          ],
        },
      ],
    },
  ],
});

export const sampleAssessment: Assessment = {
  id: 'test-1',
  ruleSet: 'all-types',
  community: { name: '测试小区', district: '测试区', address: '某路 1 号', units: 520, fictional: true },
  facts: {
    occupied: true,
    rentalHouseholds: 520,
    cctvCoverage: 0.85,
    operatorName: '  某某物业  ',
    lastInspection: '2021-09-30',
    housingType: 'public-rental',
    serviceMode: longChoices[3]!,
  },
  assessedAt: '2021-09-30',
};

const factId = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/)
  .filter((id) => id !== 'constructor' && id !== 'prototype');
const title = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((zh) => ({ zh }));
const bound = fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: undefined });
const withBounds = (type: 'integer' | 'number') =>
  fc.record({ type: fc.constant(type), title, min: bound, max: bound }).map(({ min, max, ...rest }) => {
    const [low, high] = min !== undefined && max !== undefined && min > max ? [max, min] : [min, max];
    return {
      ...rest,
      ...(low !== undefined ? { min: low } : {}),
      ...(high !== undefined ? { max: high } : {}),
    };
  });

/** One fact definition of any type, with bounds and enum values that exercise the workbook. */
export const factDefinition: fc.Arbitrary<FactDefinition> = fc.oneof(
  fc.record({ type: fc.constant('boolean' as const), title }),
  withBounds('integer'),
  withBounds('number'),
  fc.record({ type: fc.constant('string' as const), title }),
  fc.record({ type: fc.constant('date' as const), title }),
  fc.record({
    type: fc.constant('enum' as const),
    title,
    values: fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), {
      minLength: 1,
      maxLength: 12,
    }),
  }),
);

/** A rule set around a generated fact catalog; one standard reads a fixed boolean fact. */
export function ruleSetWithFacts(facts: Record<string, FactDefinition>): RuleSet {
  return defineRuleSet({
    id: 'generated',
    version: '1.0.0',
    title: { zh: '生成的规则集' },
    provenance: { status: 'official', source: 'fast-check' },
    facts: { ...facts, standardMet: { type: 'boolean', title: { zh: '是否符合？' } } },
    scoring: { mode: 'compliance-rate', threshold: 0.85 },
    aspects: [
      {
        id: 'A1',
        title: { zh: '方面' },
        requirements: [
          {
            id: 'R1',
            title: { zh: '要求' },
            standards: [
              {
                id: 'S1',
                title: { zh: '标准' },
                condition: { fact: 'standardMet', operator: 'equal', value: true },
              },
            ],
          },
        ],
      },
    ],
  });
}

const tricky = fc.constantFrom(
  '_x0041_',
  '_x0041\u0001',
  'a_x00ff_b',
  'a\r\nb',
  'x\u0001y',
  '\uD800',
  '  前后空格  ',
  '\t',
  '😀 中文',
  '=1+1',
  "=cmd|' /C calc'!A0",
  '+86 138 0000 0000',
  '-5',
  '@SUM(A1:A2)',
  '\t=1',
  '\r=1',
  "'=1+1",
  "''+1",
  "'",
  "'quoted'",
  '00123',
  '"引号"',
);
// What a spreadsheet could take for a formula, after any number of quotes: exports neutralise it.
const formulaStart = fc
  .tuple(fc.constantFrom('', "'", "''"), fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'"))
  .map((parts) => parts.join(''));
/** Text that a spreadsheet could take for a formula, possibly behind quotes of its own. */
export const formulaLikeText: fc.Arbitrary<string> = fc
  .tuple(formulaStart, fc.string({ unit: 'binary' }))
  .map((parts) => parts.join(''));
const text = fc.oneof(
  formulaLikeText,
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.string({ unit: 'binary', minLength: 1 }),
  tricky,
  fc
    .tuple(fc.string({ unit: 'grapheme' }), tricky, fc.string({ unit: 'binary' }))
    .map((parts) => parts.join('')),
);

/** A valid answer to this fact. */
export function answerFor(definition: FactDefinition): fc.Arbitrary<FactValue> {
  const { min, max } = definition;
  switch (definition.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return min === undefined && max === undefined
        ? fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger())
        : fc.integer({ min: min ?? (max ?? 0) - 1_000_000, max: max ?? (min ?? 0) + 1_000_000 });
    case 'number':
      return fc
        .oneof(
          fc.double({ min: min ?? -1e12, max: max ?? 1e12, noNaN: true, noDefaultInfinity: true }),
          // fractions as people type them, clamped into the bounds
          fc
            .constantFrom(0.85, 0.1, 1 / 3, 0.30000000000000004, 1e-7)
            .map((value) =>
              Math.min(max ?? Number.POSITIVE_INFINITY, Math.max(min ?? Number.NEGATIVE_INFINITY, value)),
            ),
        )
        .map((value) => (value === 0 ? 0 : value)); // JSON has no -0
    case 'string':
      return text;
    case 'date':
      return fc
        .date({
          min: new Date('0100-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString().slice(0, 10));
    case 'enum':
      return fc.constantFrom(...(definition.values ?? []));
  }
}

/** A fact catalog and an assessment answering some of its facts (the others missing). */
export const catalogAndAssessment = fc
  .dictionary(factId, factDefinition, { minKeys: 1, maxKeys: 8 })
  .filter((facts) => !Object.hasOwn(facts, 'standardMet'))
  .chain((facts) => {
    const ruleSet = ruleSetWithFacts(facts);
    const answers = Object.fromEntries(
      Object.entries(facts).map(([id, definition]) => [
        id,
        fc.option(answerFor(definition), { nil: undefined }),
      ]),
    );
    return fc.record(answers).map((values) => {
      const answered = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
      const assessment: Assessment = {
        id: 'generated-1',
        community: { name: '生成小区' },
        facts: answered as Record<string, FactValue>,
      };
      return { ruleSet, assessment };
    });
  });

/** Loads .xlsx bytes with exceljs, to inspect or edit them in a test. */
export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

/** The workbook as bytes again, after a test edited it. */
export async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The RubricError a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<RubricError> {
  try {
    await promise;
  } catch (error) {
    expect(RubricError.isInstance(error), String(error)).toBe(true);
    return error as RubricError;
  }
  throw new Error('expected the promise to reject');
}

// The separators, prefixes and look-alikes of the evidence lines' plain form, to put in any text.
const evidenceLookAlike = fc.constantFrom(
  '：',
  ':',
  '；',
  ';',
  '备注：',
  'note:',
  '{',
  '2021-01-01',
  'sha256:',
  '\n',
  ' ',
  '　',
);
const evidenceText = fc.oneof(
  text,
  fc
    .array(fc.oneof(evidenceLookAlike, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 6 })
    .map((parts) => parts.join('')),
);
const nonBlank = evidenceText.filter((value) => /\S/.test(value));

/** One document cited as evidence, with text that tries every corner of the evidence lines' form. */
export const evidenceEntry = fc.record(
  {
    kind: nonBlank,
    name: nonBlank,
    hash: fc.stringMatching(/^[0-9a-f]{64}$/).map((digits) => `sha256:${digits}`),
    date: answerFor({ type: 'date', title: { zh: '日期' } }) as fc.Arbitrary<string>,
    note: evidenceText,
  },
  { requiredKeys: ['kind', 'name'] },
);
