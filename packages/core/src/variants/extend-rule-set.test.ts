import { describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { patchRejection } from '../../test/patch-rejection.js';
import { evaluate } from '../evaluate/compile-rule-set.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSet } from '../rule-set/types.js';
import { extendRuleSet } from './extend-rule-set.js';

const base = defineRuleSet(sampleRuleSet());
const variantId = { id: 'sample-city', version: '1.0.0' } as const;
const patrol = {
  id: 's-patrol',
  title: { zh: '夜间巡逻' },
  condition: { fact: 'securityStaff', operator: 'greaterThanInclusive', value: 2 },
};

function layout(ruleSet: RuleSet) {
  return ruleSet.aspects.map((aspect) => ({
    [aspect.id]: aspect.requirements.map((requirement) => ({
      [requirement.id]: requirement.standards.map((standard) => standard.id),
    })),
  }));
}

const rejection = (patch: unknown, on: RuleSet = base) => patchRejection(on, patch);

describe('extendRuleSet', () => {
  it('returns a frozen, valid rule set that names its base and leaves the base unchanged', () => {
    const before = structuredClone(base);
    const variant = extendRuleSet(base, { ...variantId, remove: ['s-heating'], scoring: { threshold: 0.9 } });
    expect(base).toEqual(before);
    expect(variant.extends).toBe('sample-rubric@1.0.0');
    expect(variant.id).toBe('sample-city');
    expect(Object.isFrozen(variant)).toBe(true);
    expect(Object.isFrozen(variant.aspects[1]!.requirements[0]!.standards)).toBe(true);
    expect(defineRuleSet(variant)).toEqual(variant);
  });

  it('adds standards, requirements and aspects at the end of their parent, in order', () => {
    const variant = extendRuleSet(base, {
      ...variantId,
      add: [
        { to: 'policing', standard: patrol },
        { aspect: { id: 'community', title: { zh: '社区' }, requirements: [] } },
        {
          to: 'community',
          requirement: {
            id: 'activities',
            title: { zh: '活动' },
            standards: [{ ...patrol, id: 's-events', title: { zh: '活动' } }],
          },
        },
        { to: 'sample-city', aspect: { id: 'extra', title: { zh: '其他' }, requirements: [] } },
        { to: 'extra', requirement: { id: 'extra-r', title: { zh: '其他要求' }, standards: [] } },
        { to: 'extra-r', standard: { ...patrol, id: 's-extra' } },
      ],
    });
    expect(layout(variant)).toEqual([
      {
        safety: [
          { policing: ['s-policing-room', 's-security-staff', 's-patrol'] },
          { lifts: ['s-lift-inspection'] },
        ],
      },
      { services: [{ childcare: ['s-kindergarten', 's-heating', 's-inspection-date'] }] },
      { community: [{ activities: ['s-events'] }] },
      { extra: [{ 'extra-r': ['s-extra'] }] },
    ]);
    const result = evaluate(variant, assessmentOf({ ...perfectFacts(), securityStaff: 1 }));
    expect(result.standards.find((standard) => standard.id === 's-patrol')?.outcome).toBe('unmet');
  });

  it('removes standards, requirements and aspects, with what they hold', () => {
    const variant = extendRuleSet(base, { ...variantId, remove: ['s-heating', 'lifts'] });
    expect(layout(variant)).toEqual([
      { safety: [{ policing: ['s-policing-room', 's-security-staff'] }] },
      { services: [{ childcare: ['s-kindergarten', 's-inspection-date'] }] },
    ]);
    expect(layout(extendRuleSet(base, { ...variantId, remove: ['services'] }))).toEqual([layout(base)[0]]);
  });

  it('accepts removing a requirement and its standards in either order', () => {
    for (const remove of [
      ['s-lift-inspection', 'lifts'],
      ['lifts', 's-lift-inspection'],
    ]) {
      const variant = extendRuleSet(base, { ...variantId, remove });
      expect(variant.aspects[0]!.requirements.map((requirement) => requirement.id)).toEqual(['policing']);
    }
  });

  it('replaces a standard in the same place, and a removed id can be added anew', () => {
    const replacement = { ...patrol, id: 's-security-staff', title: { zh: '保安配备（市标准）' } };
    const variant = extendRuleSet(base, {
      ...variantId,
      replace: [replacement],
      remove: ['s-heating'],
      add: [{ to: 'policing', standard: { ...patrol, id: 's-heating' } }],
    });
    const policing = variant.aspects[0]!.requirements[0]!.standards;
    expect(policing.map((standard) => standard.id)).toEqual([
      's-policing-room',
      's-security-staff',
      's-heating',
    ]);
    expect(policing[1]).toEqual(replacement);
  });

  it('declares new facts and redefines existing ones', () => {
    const variant = extendRuleSet(base, {
      ...variantId,
      facts: {
        patrolsPerWeek: { type: 'integer', title: { zh: '每周巡逻次数' }, min: 0 },
        heating: {
          type: 'enum',
          title: { zh: '供暖方式' },
          values: ['none', 'gas', 'electric', 'heat-pump'],
        },
      },
      add: [
        {
          to: 'policing',
          standard: { ...patrol, condition: { fact: 'patrolsPerWeek', operator: 'greaterThan', value: 3 } },
        },
      ],
    });
    expect(variant.facts.patrolsPerWeek?.type).toBe('integer');
    expect(variant.facts.heating?.values).toContain('heat-pump');
    expect(variant.facts.cctvCoverage).toEqual(base.facts.cctvCoverage);
  });

  it('merges scoring fields onto the base scoring when the mode stays', () => {
    const variant = extendRuleSet(base, { ...variantId, scoring: { threshold: 0.9 } });
    expect(variant.scoring).toEqual({ ...base.scoring, threshold: 0.9 });
    const same = extendRuleSet(base, {
      ...variantId,
      scoring: { mode: 'compliance-rate', minMetPerRequirement: 0 },
    });
    expect(same.scoring).toEqual({ ...base.scoring, minMetPerRequirement: 0 });
  });

  it('replaces the scoring whole when the mode changes, filling in its defaults', () => {
    const withPoints = extendRuleSet(base, {
      ...variantId,
      replace: base.aspects.flatMap((aspect) =>
        aspect.requirements.flatMap((requirement) =>
          requirement.standards.map((standard) => ({ ...standard, points: 10 })),
        ),
      ),
      scoring: { mode: 'points', passMark: 50 },
    });
    expect(withPoints.scoring).toEqual({ mode: 'points', passMark: 50, minMetPerRequirement: 0 });
  });

  it('rejects an incomplete scoring of another mode with paths into the variant', () => {
    const { code, issues } = rejection({ ...variantId, scoring: { mode: 'points' } });
    expect(code).toBe('INVALID_RULE_SET');
    expect(issues.map((issue) => issue.path)).toContainEqual(['scoring', 'passMark']);
  });

  it('keeps the base provenance, naming the variant, unless the patch says otherwise', () => {
    const variant = extendRuleSet(base, variantId);
    expect(variant.provenance.status).toBe('provisional');
    expect(variant.provenance.source).toBe(base.provenance.source);
    expect(variant.provenance.notes).toContain('sample-city@1.0.0');
    expect(variant.provenance.notes).toContain('sample-rubric@1.0.0');
    const sourced = extendRuleSet(base, { ...variantId, provenance: { source: '钦州市文件' } });
    expect(sourced.provenance).toMatchObject({ status: 'provisional', source: '钦州市文件' });
    const officialBase = defineRuleSet({
      ...sampleRuleSet(),
      provenance: { status: 'official', source: 'x' },
    });
    const official = extendRuleSet(officialBase, {
      ...variantId,
      provenance: { status: 'official', source: '钦州市文件' },
    });
    expect(official.provenance).toMatchObject({ status: 'official', source: '钦州市文件' });
    // A provisional base cannot yield an official variant: see the rejections.
    expect(() => extendRuleSet(base, { ...variantId, provenance: { status: 'official' } })).toThrow(
      /official-from-provisional|keeps its drafted wording/,
    );
    const noted = extendRuleSet(base, { ...variantId, provenance: { notes: '城市版' } });
    expect(noted.provenance).toEqual({ ...base.provenance, notes: '城市版' });
  });

  it('keeps the base notes in the default provenance', () => {
    const notedBase = defineRuleSet({
      ...sampleRuleSet(),
      provenance: { status: 'official', source: 'x', notes: '注意' },
    });
    const variant = extendRuleSet(notedBase, variantId);
    expect(variant.provenance.status).toBe('official');
    expect(variant.provenance.notes).toContain('注意');
  });

  it('keeps, changes or drops title, effective dates and scope', () => {
    const dated = defineRuleSet({ ...sampleRuleSet(), effective: { from: '2021-01-01' } });
    expect(extendRuleSet(dated, variantId)).toMatchObject({
      effective: { from: '2021-01-01' },
      title: base.title,
    });
    const changed = extendRuleSet(dated, {
      ...variantId,
      title: { zh: '钦州' },
      effective: { from: '2022-01-01', until: '2022-12-31' },
    });
    expect(changed).toMatchObject({
      title: { zh: '钦州' },
      effective: { from: '2022-01-01', until: '2022-12-31' },
    });
    const dropped = extendRuleSet(dated, { ...variantId, effective: null, scope: null });
    expect('effective' in dropped).toBe(false);
    expect('scope' in dropped).toBe(false);
    expect(evaluate(dropped, assessmentOf({ occupied: false })).inScope).toBe(true);
  });
});
