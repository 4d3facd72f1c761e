import { describe, expect, it } from 'vitest';
import { sampleRuleSet } from '../../test/fixtures.js';
import { formatPath, RubricError } from '../errors/rubric-error.js';
import { defineRuleSet, safeDefineRuleSet } from './define-rule-set.js';
import { formatVersionNeeded } from './format-version.js';
import type { RuleSetInput } from './schema.js';

function issuesOf(input: unknown) {
  const result = safeDefineRuleSet(input);
  if (result.ok) throw new Error('expected the rule set to be rejected');
  expect(result.error.code).toBe('INVALID_RULE_SET');
  return result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    kind: issue.kind,
    message: issue.message,
  }));
}

function withStandardCondition(condition: unknown): unknown {
  const ruleSet = structuredClone(sampleRuleSet()) as RuleSetInput;
  (ruleSet.aspects[0]!.requirements[0]!.standards[0] as { condition: unknown }).condition = condition;
  return ruleSet;
}

const firstCondition = '$.aspects[0].requirements[0].standards[0].condition';

describe('defineRuleSet', () => {
  it('returns the rule set normalised and deep-frozen', () => {
    const ruleSet = defineRuleSet(sampleRuleSet());
    expect(ruleSet.formatVersion).toBe(1);
    expect(ruleSet.scoring).toEqual({
      mode: 'compliance-rate',
      threshold: 0.85,
      minMetPerRequirement: 1,
      notApplicable: 'exclude',
    });
    expect(Object.isFrozen(ruleSet)).toBe(true);
    expect(Object.isFrozen(ruleSet.aspects[0]!.requirements[0]!.standards[0]!.condition)).toBe(true);
    expect(() => {
      (ruleSet.aspects as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('gives a document without formatVersion the version formatVersionNeeded says, wherever a fact value is', () => {
    const comparing = { fact: 'hasLifts', operator: 'equal', value: { fact: 'liftsInspected' } };
    const nested = { all: [{ fact: 'occupied', operator: 'equal', value: true }, { not: comparing }] };
    const documents = [
      sampleRuleSet(),
      withStandardCondition(nested),
      { ...sampleRuleSet(), focus: { any: [comparing] } },
      { ...sampleRuleSet(), scope: comparing },
    ] as RuleSetInput[];
    const applicable = structuredClone(sampleRuleSet()) as RuleSetInput;
    (applicable.aspects[0]!.requirements[0]!.standards[0] as { applicableWhen: unknown }).applicableWhen =
      nested;
    documents.push(applicable);
    const versions = documents.map((document) => defineRuleSet(document).formatVersion);
    expect(versions).toEqual([1, 2, 2, 2, 2]);
    // formatVersionNeeded reads a draft as written, so the document as it is.
    const parts = documents as unknown as Parameters<typeof formatVersionNeeded>[0][];
    expect(versions).toEqual(parts.map((document) => formatVersionNeeded(document)));
  });

  it('does not keep a reference to the input', () => {
    const input = sampleRuleSet();
    const ruleSet = defineRuleSet(input);
    input.aspects[0]!.title = { zh: '改了' };
    expect(ruleSet.aspects[0]!.title.zh).toBe('安全');
  });

  it('drops $schema and keeps everything else', () => {
    const ruleSet = defineRuleSet({ ...sampleRuleSet(), $schema: './rule-set.json' });
    expect('$schema' in ruleSet).toBe(false);
    expect(ruleSet.aspects).toHaveLength(2);
  });

  it('throws RubricError recognisable by isInstance', () => {
    let caught: unknown;
    try {
      defineRuleSet({});
    } catch (error) {
      caught = error;
    }
    expect(RubricError.isInstance(caught)).toBe(true);
    expect(RubricError.isInstance(new Error('x'))).toBe(false);
    expect((caught as RubricError).message).toMatch(/^INVALID_RULE_SET: /);
  });

  it('rejects an unknown operator with its path', () => {
    expect(
      issuesOf(withStandardCondition({ fact: 'hasPolicingRoom', operator: 'equals', value: true })),
    ).toContainEqual(
      expect.objectContaining({ path: `${firstCondition}.operator`, kind: 'unknown-operator' }),
    );
  });

  it('rejects a condition that reads an undeclared fact', () => {
    expect(
      issuesOf(withStandardCondition({ fact: 'hasPoliceRoom', operator: 'equal', value: true })),
    ).toContainEqual(expect.objectContaining({ path: `${firstCondition}.fact`, kind: 'undeclared-fact' }));
  });

  it.each([
    [
      { fact: 'hasPolicingRoom', operator: 'equal', value: 'yes' },
      `${firstCondition}.value`,
      /expected true or false/,
    ],
    [
      { fact: 'securityStaff', operator: 'greaterThan', value: 2.5 },
      `${firstCondition}.value`,
      /expected an integer/,
    ],
    [
      { fact: 'heating', operator: 'equal', value: 'coal' },
      `${firstCondition}.value`,
      /expected one of "none", "gas", "electric"/,
    ],
    [
      { fact: 'heating', operator: 'in', value: ['gas', 'oil'] },
      `${firstCondition}.value[1]`,
      /expected one of/,
    ],
    [
      { fact: 'lastInspection', operator: 'lessThan', value: '2021-02-30' },
      `${firstCondition}.value`,
      /YYYY-MM-DD/,
    ],
    [{ fact: 'heating', operator: 'in', value: 'gas' }, `${firstCondition}.value`, /list of values/],
    [
      { fact: 'heating', operator: 'equal', value: ['gas'] },
      `${firstCondition}.value`,
      /one value, not a list/,
    ],
    [
      { fact: 'heating', operator: 'lessThan', value: 'gas' },
      `${firstCondition}.operator`,
      /does not apply to enum/,
    ],
    [
      { fact: 'hasLifts', operator: 'contains', value: true },
      `${firstCondition}.operator`,
      /does not apply to boolean/,
    ],
  ])('rejects a value or operator that does not fit its fact: %j', (condition, path, message) => {
    const issues = issuesOf(withStandardCondition(condition));
    expect(issues).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(message) }));
  });

  it('rejects a path on a leaf, since facts are scalar', () => {
    const issues = issuesOf(
      withStandardCondition({ fact: 'hasLifts', operator: 'equal', value: true, path: '$.a' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ path: `${firstCondition}.path`, kind: 'path-unsupported' }),
    );
  });

  it('keeps typed grounds and drafted marks, and a focus checked like the scope', () => {
    const ruleSet = structuredClone(sampleRuleSet()) as RuleSetInput;
    const standard = ruleSet.aspects[0]!.requirements[0]!.standards[1]!;
    Object.assign(standard, {
      grounds: [
        { kind: 'plan-clause', clause: '四（四）', quote: '规范保安人员配备和管理' },
        { kind: 'public-source', source: '自治区住房城乡建设厅 2023 年报道', date: '2023', encouraged: true },
        { kind: 'project-drafting', note: '覆盖率为项目草拟' },
      ],
      drafted: [
        { fact: 'securityStaff', value: 4, note: '4 名为项目草拟' },
        { fact: 'cctvCoverage', value: 0.9, note: '90% 为项目草拟' },
      ],
    });
    ruleSet.focus = { fact: 'rentalHouseholds', operator: 'greaterThanInclusive', value: 200 };
    const defined = defineRuleSet(ruleSet);
    expect(defined.aspects[0]!.requirements[0]!.standards[1]).toMatchObject({
      grounds: standard.grounds,
      drafted: standard.drafted,
    });
    expect(defined.focus).toEqual(ruleSet.focus);
    expect(issuesOf({ ...ruleSet, focus: { fact: 'nope', operator: 'equal', value: 1 } })).toContainEqual(
      expect.objectContaining({ path: '$.focus.fact', kind: 'undeclared-fact' }),
    );
  });

  it('rejects a drafted mark that names no value the standard compares, and an untyped ground', () => {
    const ruleSet = structuredClone(sampleRuleSet()) as RuleSetInput;
    Object.assign(ruleSet.aspects[0]!.requirements[0]!.standards[1]!, {
      grounds: [{ kind: 'hearsay', note: '?' }],
      drafted: [
        { fact: 'securityStaff', value: 5, note: 'stale: the condition says 4' },
        { fact: 'hasLifts', value: true, note: 'another standard’s fact' },
      ],
    });
    const issues = issuesOf(ruleSet);
    const standardPath = '$.aspects[0].requirements[0].standards[1]';
    expect(issues).toContainEqual(
      expect.objectContaining({ path: `${standardPath}.drafted[0]`, kind: 'drafted-value-not-in-condition' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ path: `${standardPath}.drafted[1]`, kind: 'drafted-value-not-in-condition' }),
    );
    expect(issues.some((issue) => issue.path.startsWith(`${standardPath}.grounds[0]`))).toBe(true);
  });

  it('rejects duplicate ids anywhere in the tree', () => {
    const ruleSet = sampleRuleSet();
    ruleSet.aspects[1]!.requirements[0]!.standards[2]!.id = 's-policing-room';
    ruleSet.aspects[1]!.id = 'policing';
    const issues = issuesOf(ruleSet);
    expect(issues).toContainEqual(expect.objectContaining({ path: '$.aspects[1].id', kind: 'duplicate-id' }));
    expect(issues).toContainEqual(
      expect.objectContaining({ path: '$.aspects[1].requirements[0].standards[2].id', kind: 'duplicate-id' }),
    );
  });

  it('rejects an empty requirement and an empty aspect', () => {
    const ruleSet = sampleRuleSet();
    ruleSet.aspects[0]!.requirements[1]!.standards = [];
    ruleSet.aspects[1]!.requirements = [];
    const issues = issuesOf(ruleSet);
    expect(issues).toContainEqual(
      expect.objectContaining({ path: '$.aspects[0].requirements[1].standards', kind: 'empty' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ path: '$.aspects[1].requirements', kind: 'empty' }),
    );
  });

  it.each([1.2, -0.1])('rejects threshold %d outside 0..1', (threshold) => {
    const issues = issuesOf({ ...sampleRuleSet(), scoring: { mode: 'compliance-rate', threshold } });
    expect(issues).toContainEqual(expect.objectContaining({ path: '$.scoring.threshold' }));
  });

  it('rejects points mode without points, and an unreachable pass mark', () => {
    expect(issuesOf({ ...sampleRuleSet(), scoring: { mode: 'points', passMark: 60 } })).toContainEqual(
      expect.objectContaining({ path: '$.scoring.mode', kind: 'points-missing' }),
    );
    const ruleSet = sampleRuleSet();
    for (const aspect of ruleSet.aspects)
      for (const requirement of aspect.requirements)
        for (const standard of requirement.standards) standard.points = 10;
    expect(issuesOf({ ...ruleSet, scoring: { mode: 'points', passMark: 61 } })).toContainEqual(
      expect.objectContaining({ path: '$.scoring.passMark', kind: 'unreachable-pass-mark' }),
    );
    expect(defineRuleSet({ ...ruleSet, scoring: { mode: 'points', passMark: 60 } }).scoring).toEqual({
      mode: 'points',
      passMark: 60,
      minMetPerRequirement: 0,
    });
  });

  it('refuses points that add up to more than points mode counts exactly (Number.MAX_VALUE once gave Infinity)', () => {
    const ruleSet = sampleRuleSet();
    const standards = ruleSet.aspects.flatMap((aspect) =>
      aspect.requirements.flatMap((requirement) => requirement.standards),
    );
    standards.forEach((standard, index) => {
      standard.points = index === 0 ? Number.MAX_VALUE : 1;
    });
    expect(issuesOf({ ...ruleSet, scoring: { mode: 'points', passMark: 1 } })).toEqual([
      expect.objectContaining({ path: '$.scoring.mode', kind: 'points-too-large' }),
    ]);
    standards.forEach((standard, index) => {
      standard.points = index === 0 ? 1_000_000 - (standards.length - 1) : 1;
    });
    expect(defineRuleSet({ ...ruleSet, scoring: { mode: 'points', passMark: 1 } }).scoring.mode).toBe(
      'points',
    );
  });

  it('adds points exactly when checking the pass mark: 0.1 + 0.7 reaches 0.8', () => {
    const ruleSet = sampleRuleSet();
    const standards = ruleSet.aspects.flatMap((aspect) =>
      aspect.requirements.flatMap((requirement) => requirement.standards),
    );
    standards.forEach((standard, index) => {
      standard.points = index === 0 ? 0.1 : index === 1 ? 0.7 : 0;
    });
    expect(defineRuleSet({ ...ruleSet, scoring: { mode: 'points', passMark: 0.8 } }).scoring).toMatchObject({
      passMark: 0.8,
    });
    expect(issuesOf({ ...ruleSet, scoring: { mode: 'points', passMark: 0.800001 } })).toEqual([
      expect.objectContaining({
        path: '$.scoring.passMark',
        kind: 'unreachable-pass-mark',
        message: 'pass mark 0.800001 is above the 0.8 points all standards give together',
      }),
    ]);
  });

  it('rejects an aspect minimum above what the aspect’s standards give', () => {
    const ruleSet = sampleRuleSet();
    for (const aspect of ruleSet.aspects)
      for (const requirement of aspect.requirements)
        for (const standard of requirement.standards) standard.points = 10;
    const [first, second] = ruleSet.aspects;
    const firstTotal = 10 * first!.requirements.flatMap((requirement) => requirement.standards).length;
    const aspectMinimums = { [first!.id]: firstTotal, [second!.id]: 1000 };
    expect(issuesOf({ ...ruleSet, scoring: { mode: 'points', passMark: 10, aspectMinimums } })).toEqual([
      expect.objectContaining({
        path: `$.scoring.aspectMinimums.${second!.id}`,
        kind: 'unreachable-aspect-minimum',
      }),
    ]);
  });

  it('reports two aspects with one id as a duplicate, not as an unreachable aspect minimum', () => {
    const ruleSet = sampleRuleSet();
    for (const aspect of ruleSet.aspects)
      for (const requirement of aspect.requirements)
        for (const standard of requirement.standards) standard.points = 10;
    const [first, second] = ruleSet.aspects;
    second!.id = first!.id;
    for (const requirement of second!.requirements) requirement.id = `${requirement.id}-2`;
    const firstTotal = 10 * first!.requirements.flatMap((requirement) => requirement.standards).length;
    const aspectMinimums = { [first!.id]: firstTotal };
    const kinds = issuesOf({ ...ruleSet, scoring: { mode: 'points', passMark: 10, aspectMinimums } }).map(
      (issue) => issue.kind,
    );
    expect(kinds).toEqual(['duplicate-id']);
  });

  it('answers a value zod itself cannot read with INVALID_RULE_SET, not a TypeError', () => {
    const title = { zh: JSON.parse('{"length":{"toString":null}}') };
    expect(issuesOf({ ...sampleRuleSet(), title })).toEqual([
      expect.objectContaining({ path: '$', message: expect.stringContaining('not JSON data') }),
    ]);
  });

  it('rejects absurd nesting without overflowing the stack', () => {
    let deep: unknown = { fact: 'hasLifts', operator: 'equal', value: true };
    for (let level = 0; level < 20_000; level++) deep = { not: deep };
    const issues = issuesOf(withStandardCondition(deep));
    expect(issues).toEqual([expect.objectContaining({ kind: 'too-deep' })]);

    let nestedArrays: unknown = [];
    for (let level = 0; level < 20_000; level++) nestedArrays = [nestedArrays];
    expect(issuesOf({ ...sampleRuleSet(), aspects: nestedArrays })).toEqual([
      expect.objectContaining({ kind: 'too-deep' }),
    ]);
  });

  it('rejects condition nesting beyond 32 levels that is still a small document', () => {
    let deep: unknown = { fact: 'hasLifts', operator: 'equal', value: true };
    for (let level = 0; level < 40; level++) deep = { not: deep };
    expect(issuesOf(withStandardCondition(deep))).toContainEqual(
      expect.objectContaining({ kind: 'too-deep' }),
    );
  });

  it('rejects empty all/any, which json-rules-engine would treat as true', () => {
    expect(issuesOf(withStandardCondition({ any: [] }))).toContainEqual(
      expect.objectContaining({ path: `${firstCondition}.any` }),
    );
  });

  it('reports every problem at once, structural and referential', () => {
    const ruleSet = sampleRuleSet();
    ruleSet.scoring = { mode: 'compliance-rate', threshold: 2 };
    ruleSet.aspects[0]!.requirements[0]!.standards[0]!.condition = {
      fact: 'nope',
      operator: 'like',
      value: 1,
    };
    ruleSet.aspects[0]!.requirements[1]!.standards = [];
    ruleSet.aspects[1]!.id = 'safety';
    const kinds = issuesOf(ruleSet).map((issue) => issue.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['too_big', 'undeclared-fact', 'unknown-operator', 'empty', 'duplicate-id']),
    );
  });

  it('rejects inconsistent fact definitions', () => {
    const ruleSet = sampleRuleSet();
    ruleSet.facts.occupied = { type: 'boolean', title: { zh: 'x' }, min: 1 };
    ruleSet.facts.securityStaff = { type: 'integer', title: { zh: 'x' }, min: 5, max: 1 };
    ruleSet.facts.heating = { type: 'enum', title: { zh: 'x' } };
    const kinds = issuesOf(ruleSet).map((issue) => `${issue.path} ${issue.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        '$.facts.occupied.min bound-on-non-number',
        '$.facts.securityStaff.min empty-range',
        '$.facts.heating.values enum-without-values',
      ]),
    );
  });

  it('rejects non-objects and hostile fact ids without touching prototypes', () => {
    expect(issuesOf(null)).toHaveLength(1);
    expect(issuesOf('guangxi-2021')).toHaveLength(1);
    const hostile = JSON.parse(
      JSON.stringify(sampleRuleSet()).replace('"occupied":{', '"__proto__":{"polluted":true},"occupied":{'),
    );
    expect(issuesOf(hostile)).toContainEqual(
      expect.objectContaining({ path: '$.facts.__proto__', kind: 'reserved-name' }),
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('refuses constructor and prototype as a fact id or a shared condition name', () => {
    const document = structuredClone(sampleRuleSet()) as RuleSetInput & { conditions?: unknown };
    (document.facts as Record<string, unknown>).prototype = { type: 'boolean', title: { zh: '原型' } };
    document.conditions = { constructor: { all: [{ fact: 'occupied', operator: 'equal', value: true }] } };
    const reserved = issuesOf(document).filter((issue) => issue.kind === 'reserved-name');
    expect(reserved).toEqual([
      {
        path: '$.facts.prototype',
        kind: 'reserved-name',
        message: '"prototype" is a reserved name and cannot be a fact id',
      },
      {
        path: '$.conditions.constructor',
        kind: 'reserved-name',
        message: '"constructor" is a reserved name and cannot name a shared condition',
      },
    ]);
  });

  it('accepts custom operators only when given', () => {
    const input = withStandardCondition({ fact: 'heating', operator: 'startsWith', value: 'g' });
    expect(issuesOf(input)).toContainEqual(expect.objectContaining({ kind: 'unknown-operator' }));
    const operators = [
      {
        name: 'startsWith',
        factTypes: ['enum'] as const,
        valueKind: 'scalar' as const,
        valueType: 'string' as const,
        evaluate: (a: unknown, b: unknown) => String(a).startsWith(String(b)),
      },
    ];
    expect(safeDefineRuleSet(input, { operators }).ok).toBe(true);
  });

  it('refuses a custom operator that takes a built-in operator’s name or is given twice, as definePlugin does', () => {
    const lenientEqual = {
      name: 'equal',
      factTypes: ['string'] as const,
      valueKind: 'scalar' as const,
      evaluate: (a: unknown, b: unknown) => String(a).trim() === String(b).trim(),
    };
    const result = safeDefineRuleSet(sampleRuleSet(), { operators: [lenientEqual] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_OPTIONS');
    expect(result.error.issues).toEqual([
      expect.objectContaining({ path: ['operators', 0, 'name'], kind: 'shadows-built-in' }),
    ]);
    const startsWith = { ...lenientEqual, name: 'startsWith' };
    const twice = safeDefineRuleSet(sampleRuleSet(), { operators: [startsWith, startsWith] });
    expect(twice.ok || twice.error.issues).toEqual([
      expect.objectContaining({ path: ['operators', 1, 'name'], kind: 'duplicate-operator' }),
    ]);
  });
});
