import type { RuleSet } from '@sunshine-rubric/core';
import { groundsSummary } from '@sunshine-rubric/core/words';
import { describe, expect, it } from 'vitest';
import { guangxiPlugin } from '../plugin/guangxi-plugin.js';

// Qinzhou plan 二（二）: "分为政府职责、小区管理、服务管理、环境管理和满意度调查等5大方面、24项要求和65项标准，
// 每项要求细化为若干项具体标准" — several standards to every requirement. And what the plan only encourages
// (六（二）: "同时鼓励社会资本参与改造，合理利用小区内闲置储物房、空地等资源…") must never decide eligibility alone.

const claimsOfficialStructure = (ruleSet: RuleSet): boolean => {
  const requirements = ruleSet.aspects.flatMap((aspect) => aspect.requirements);
  const standards = requirements.flatMap((requirement) => requirement.standards);
  return ruleSet.aspects.length === 5 && requirements.length === 24 && standards.length === 65;
};

const shipped = (guangxiPlugin.ruleSets ?? []).filter(claimsOfficialStructure);

describe('every shipped rule set with the official structure (5 aspects, 24 requirements, 65 standards)', () => {
  it('is at least guangxi-2021', () => {
    expect(shipped.map((ruleSet) => ruleSet.id)).toContain('guangxi-2021');
  });

  it.each(shipped.map((ruleSet) => [ruleSet.id, ruleSet] as const))(
    '%s: refines every requirement into at least 2 standards (二（二）：每项要求细化为若干项具体标准)',
    (_id, ruleSet) => {
      const thin = ruleSet.aspects
        .flatMap((aspect) => aspect.requirements)
        .filter((requirement) => requirement.standards.length < 2)
        .map((requirement) => requirement.id);
      expect(thin).toEqual([]);
    },
  );

  it.each(shipped.map((ruleSet) => [ruleSet.id, ruleSet] as const))(
    '%s: types the grounds of every standard, and never lets an encouraged measure (鼓励) alone satisfy a requirement',
    (_id, ruleSet) => {
      const requirements = ruleSet.aspects.flatMap((aspect) => aspect.requirements);
      const untyped = requirements
        .flatMap((requirement) => requirement.standards)
        .filter((standard) => (standard.grounds ?? []).length === 0)
        .map((standard) => standard.id);
      expect(untyped).toEqual([]);
      const encouragedOnly = new Set(groundsSummary(ruleSet).encouragedOnly);
      const needed = Math.max(1, ruleSet.scoring.minMetPerRequirement);
      const resting = requirements
        .filter(
          (requirement) =>
            requirement.standards.filter((standard) => !encouragedOnly.has(standard.id)).length < needed,
        )
        .map((requirement) => requirement.id);
      expect(resting).toEqual([]);
    },
  );
});
