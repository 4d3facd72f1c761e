import { type Assessment, defineRuleSet, type RuleSet } from '@sunshine-rubric/core';

/**
 * A rule set of `requirements.length` requirements, requirement `r` holding `requirements[r]` standards;
 * standard `s{i}` is met when boolean fact `f{i}` is true. Compliance rate with the given threshold and one
 * standard per requirement.
 *
 * @example
 * ```ts
 * const ruleSet = smallRuleSet([2, 2], 0.75); // s0, s1 in r0; s2, s3 in r1; 3 of 4 needed
 * ```
 */
export function smallRuleSet(
  requirements: readonly number[],
  threshold = 0.75,
  provisional = false,
): RuleSet {
  let next = 0;
  const facts: Record<string, { type: 'boolean'; title: { zh: string } }> = {};
  const aspectRequirements = requirements.map((size, r) => ({
    id: `r${r}`,
    title: { zh: `要求${r}` },
    standards: Array.from({ length: size }, () => {
      const i = next++;
      facts[`f${i}`] = { type: 'boolean', title: { zh: `事实${i}` } };
      return {
        id: `s${i}`,
        title: { zh: `标准${i}` },
        condition: { all: [{ fact: `f${i}`, operator: 'equal', value: true }] },
        responsible: [i % 2 === 0 ? 'housing' : 'police'],
      };
    }),
  }));
  return defineRuleSet({
    id: 'small-city',
    version: '1.0.0',
    title: { zh: '小城' },
    provenance: { status: provisional ? 'provisional' : 'official', source: 'test' },
    facts,
    scoring: { mode: 'compliance-rate', threshold, minMetPerRequirement: 1, notApplicable: 'exclude' },
    aspects: [{ id: 'a0', title: { zh: '方面' }, requirements: aspectRequirements }],
  });
}

/**
 * An assessment of {@link smallRuleSet} with standards `met` met and the rest unmet.
 *
 * @example
 * ```ts
 * selfCheck('e1', 4, [0, 2]); // s0 and s2 met
 * ```
 */
export function selfCheck(
  id: string,
  standards: number,
  met: readonly number[],
  district?: string,
): Assessment {
  const facts = Object.fromEntries(Array.from({ length: standards }, (_, i) => [`f${i}`, met.includes(i)]));
  return { id, community: { name: `小区${id}`, ...(district ? { district } : {}) }, facts };
}
