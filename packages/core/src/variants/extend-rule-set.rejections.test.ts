import { describe, expect, it } from 'vitest';
import { sampleRuleSet } from '../../test/fixtures.js';
import { patchRejection } from '../../test/patch-rejection.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSet } from '../rule-set/types.js';
import { extendRuleSet } from './extend-rule-set.js';
import type { RuleSetPatch } from './patch-schema.js';

const base = defineRuleSet(sampleRuleSet());
const variantId = { id: 'sample-city', version: '1.0.0' } as const;
const patrol = {
  id: 's-patrol',
  title: { zh: '夜间巡逻' },
  condition: { fact: 'securityStaff', operator: 'greaterThanInclusive', value: 2 },
};

const rejection = (patch: unknown, on: RuleSet = base) => patchRejection(on, patch);

describe('extendRuleSet rejects a bad patch with INVALID_PATCH and paths into the patch', () => {
  const cases: [string, unknown, (string | number)[], string][] = [
    ['not an object', 'remove everything', [], 'not-an-object'],
    ['an array', [], [], 'not-an-object'],
    [
      'an unknown id in remove',
      { ...variantId, remove: ['s-heating', 'lifts', 'nope'] },
      ['remove', 2],
      'unknown-id',
    ],
    ['an id removed twice', { ...variantId, remove: ['lifts', 'lifts'] }, ['remove', 1], 'duplicate'],
    [
      'an unknown standard in replace',
      { ...variantId, replace: [{ ...patrol }] },
      ['replace', 0, 'id'],
      'unknown-id',
    ],
    [
      'a replaced standard that the patch removes',
      { ...variantId, remove: ['lifts'], replace: [{ ...patrol, id: 's-lift-inspection' }] },
      ['replace', 0, 'id'],
      'unknown-id',
    ],
    [
      'a requirement in replace',
      { ...variantId, replace: [{ ...patrol, id: 'lifts' }] },
      ['replace', 0, 'id'],
      'wrong-kind',
    ],
    [
      'a standard replaced twice',
      {
        ...variantId,
        replace: [
          { ...patrol, id: 's-heating' },
          { ...patrol, id: 's-heating' },
        ],
      },
      ['replace', 1, 'id'],
      'duplicate',
    ],
    [
      'an unknown parent',
      { ...variantId, add: [{ to: 'nope', standard: patrol }] },
      ['add', 0, 'to'],
      'unknown-id',
    ],
    [
      'a parent the patch removes',
      { ...variantId, remove: ['lifts'], add: [{ to: 'lifts', standard: patrol }] },
      ['add', 0, 'to'],
      'unknown-id',
    ],
    [
      'a standard added to an aspect',
      { ...variantId, add: [{ to: 'safety', standard: patrol }] },
      ['add', 0, 'to'],
      'wrong-parent',
    ],
    [
      'a requirement added to a requirement',
      {
        ...variantId,
        add: [{ to: 'lifts', requirement: { id: 'r', title: { zh: '要求' }, standards: [patrol] } }],
      },
      ['add', 0, 'to'],
      'wrong-parent',
    ],
    [
      'an aspect added to an aspect',
      { ...variantId, add: [{ to: 'safety', aspect: { id: 'x', title: { zh: 'x' }, requirements: [] } }] },
      ['add', 0, 'to'],
      'wrong-parent',
    ],
    [
      'a requirement without to',
      { ...variantId, add: [{ requirement: { id: 'r', title: { zh: '要求' }, standards: [patrol] } }] },
      ['add', 0, 'to'],
      'invalid_type',
    ],
    [
      'an added standard whose id exists',
      { ...variantId, add: [{ to: 'lifts', standard: { ...patrol, id: 's-heating' } }] },
      ['add', 0, 'standard', 'id'],
      'duplicate-id',
    ],
    [
      'an added requirement holding an existing id',
      {
        ...variantId,
        add: [
          {
            to: 'safety',
            requirement: { id: 'r', title: { zh: '要求' }, standards: [{ ...patrol, id: 's-heating' }] },
          },
        ],
      },
      ['add', 0, 'requirement', 'standards', 0, 'id'],
      'duplicate-id',
    ],
    [
      'an addition of two kinds',
      {
        ...variantId,
        add: [{ to: 'lifts', standard: patrol, requirement: { id: 'r', title: { zh: 'r' }, standards: [] } }],
      },
      ['add', 0],
      'invalid-addition',
    ],
    [
      'a malformed added standard',
      { ...variantId, add: [{ to: 'lifts', standard: { ...patrol, title: 'no' } }] },
      ['add', 0, 'standard', 'title'],
      'invalid_type',
    ],
    ['an unknown patch field', { ...variantId, rename: {} }, [], 'unrecognized_keys'],
    ['a missing version', { id: 'sample-city' }, ['version'], 'invalid_type'],
    ['the base id@version', { id: 'sample-rubric', version: '1.0.0' }, ['version'], 'same-as-base'],
    [
      'official provenance on a variant of a provisional base',
      { ...variantId, provenance: { status: 'official', source: '示例市文件' } },
      ['provenance', 'status'],
      'official-from-provisional',
    ],
    [
      'a field of the other scoring mode',
      { ...variantId, scoring: { passMark: 3 } },
      ['scoring', 'passMark'],
      'wrong-scoring-mode',
    ],
  ];
  it.each(cases)('%s', (_name, patch, path, kind) => {
    const { code, issues } = rejection(patch);
    expect(code).toBe('INVALID_PATCH');
    expect(issues).toContainEqual(expect.objectContaining({ path, kind }));
  });

  it('reports every problem at once', () => {
    const { issues } = rejection({ ...variantId, remove: ['a', 'b'], add: [{ to: 'c', standard: patrol }] });
    expect(issues.map((issue) => issue.path)).toEqual([
      ['remove', 0],
      ['remove', 1],
      ['add', 0, 'to'],
    ]);
  });

  it('throws from extendRuleSet', () => {
    expect(() => extendRuleSet(base, { ...variantId, remove: ['nope'] })).toThrowError(
      /INVALID_PATCH: \$\.remove\[0\]/,
    );
  });
});

describe('extendRuleSet rejects a patch that yields an invalid rule set with INVALID_RULE_SET', () => {
  it("says so when a patch removes a requirement's last standard", () => {
    const { code, issues } = rejection({ ...variantId, remove: ['s-lift-inspection'] });
    expect(code).toBe('INVALID_RULE_SET');
    expect(issues).toEqual([
      expect.objectContaining({
        path: ['aspects', 0, 'requirements', 1, 'standards'],
        kind: 'empty',
        message: expect.stringContaining('the patch removes everything it held'),
      }),
    ]);
  });

  it('accepts an emptied requirement that gets a new standard', () => {
    const variant = extendRuleSet(base, {
      ...variantId,
      remove: ['s-lift-inspection'],
      add: [{ to: 'lifts', standard: patrol }],
    });
    expect(variant.aspects[0]!.requirements[1]!.standards.map((standard) => standard.id)).toEqual([
      's-patrol',
    ]);
  });

  it('points into the variant and names the place in the patch', () => {
    const patch: RuleSetPatch = {
      ...variantId,
      add: [
        { to: 'lifts', standard: patrol },
        {
          to: 'lifts',
          standard: { ...patrol, id: 's-bad', condition: { fact: 'nope', operator: 'equal', value: 1 } },
        },
      ],
    };
    const { code, issues } = rejection(patch);
    expect(code).toBe('INVALID_RULE_SET');
    expect(issues).toEqual([
      expect.objectContaining({
        path: ['aspects', 0, 'requirements', 1, 'standards', 2, 'condition', 'fact'],
        kind: 'undeclared-fact',
        message: expect.stringContaining('from the patch at $.add[1].standard'),
      }),
    ]);
  });

  it('rejects points mode when a standard lacks points', () => {
    const { code, issues } = rejection({ ...variantId, scoring: { mode: 'points', passMark: 1 } });
    expect(code).toBe('INVALID_RULE_SET');
    expect(issues.map((issue) => issue.kind)).toContain('points-missing');
  });

  it('rejects an invalid base with its own paths', () => {
    const { code } = rejection(variantId, { ...base, aspects: [] } as RuleSet);
    expect(code).toBe('INVALID_RULE_SET');
  });
});
