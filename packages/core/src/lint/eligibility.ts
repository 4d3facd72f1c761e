import { decimalScale, toScaledInteger } from '../numbers/exact.js';
import { exactShare, formatPercent } from '../numbers/fraction.js';
import { aspectMinimumOf } from '../rule-set/aspect-minimum.js';
import { usesCustomOperator } from './condition-truth.js';
import { witnessOf } from './decide.js';
import { type Option, optionGroups } from './eligibility-options.js';
import { bestRate, type EligibilityRule, searchEligible } from './eligibility-search.js';
import type { LintContext, StandardInfo } from './lint-context.js';
import type { EligibilityProof } from './types.js';

const path = ['scoring'];

/**
 * Whether any in-scope assessment can be eligible, decided exactly: the facts split into groups that no
 * standard crosses, each group's distinct outcomes are enumerated, and a branch and bound picks one per
 * group. When none is eligible, the proof is the best compliance (or points) any assessment reaches, with
 * an assessment that reaches it.
 */
export function checkEligibility(context: LintContext): void {
  const { ruleSet, space, standards } = context;
  if (
    usesCustomOperator(ruleSet.scope) ||
    standards.some(
      (info) =>
        usesCustomOperator(info.standard.condition) || usesCustomOperator(info.standard.applicableWhen),
    )
  ) {
    context.undecided.push({
      check: 'NEVER_ELIGIBLE',
      path,
      reason: {
        zh: '有条件使用自定义运算符，检查器不推测其含义',
        en: 'conditions use custom operators, and the linter does not guess what they do',
      },
    });
    return;
  }
  const requirementPositions = new Map<string, number>();
  ruleSet.aspects.forEach((aspect, aspectIndex) => {
    aspect.requirements.forEach((_requirement, requirementIndex) => {
      requirementPositions.set(`${aspectIndex}/${requirementIndex}`, requirementPositions.size);
    });
  });
  const scoring = ruleSet.scoring;
  const pointValues = standards.map((info) => info.standard.points ?? 0);
  if (scoring.mode === 'points')
    pointValues.push(scoring.passMark, ...Object.values(scoring.aspectMinimums ?? {}));
  const scale = decimalScale(pointValues);
  const groups = optionGroups(space, standards, {
    requirementPosition: (info: StandardInfo) =>
      requirementPositions.get(`${info.aspectIndex}/${info.requirementIndex}`)!,
    scaledPoints: (info: StandardInfo) => toScaledInteger(info.standard.points ?? 0, scale),
  });
  if (groups === 'too-many') {
    context.undecided.push({
      check: 'NEVER_ELIGIBLE',
      path,
      reason: {
        zh: '某组相互关联的事实需要枚举的取值组合超过 65536 种',
        en: 'a group of facts read together needs more than 65,536 combinations of values enumerated',
      },
    });
    return;
  }
  // No option in a group: no estate is in scope, which the scope's own finding reports.
  if (groups.some((options) => options.length === 0)) return;
  const threshold = scoring.mode === 'compliance-rate' ? exactShare(scoring.threshold) : undefined;
  const rule: EligibilityRule = {
    requirementCount: requirementPositions.size,
    aspectCount: ruleSet.aspects.length,
    minMetPerRequirement: scoring.minMetPerRequirement,
    margin: threshold
      ? (option) =>
          BigInt(option.met) * threshold.denominator - threshold.numerator * BigInt(option.applicable)
      : (option) => BigInt(option.points),
    marginNeeded: scoring.mode === 'points' ? BigInt(toScaledInteger(scoring.passMark, scale)) : 0n,
    needsApplicable: scoring.mode === 'compliance-rate',
    aspectMinimums: ruleSet.aspects.map((aspect) =>
      toScaledInteger(aspectMinimumOf(scoring, aspect.id) ?? 0, scale),
    ),
  };
  const eligible = searchEligible(groups, rule, false);
  if (eligible === 'undecided') {
    context.undecided.push({
      check: 'NEVER_ELIGIBLE',
      path,
      reason: {
        zh: '搜索超过 200000 个节点仍未得出结论',
        en: 'the search ran past 200,000 nodes without an answer',
      },
    });
    return;
  }
  if (eligible !== 'none') return;
  const coverable = searchEligible(groups, rule, true);
  const requirementsCoverable =
    coverable === 'undecided' ? {} : { requirementsCoverable: coverable !== 'none' };
  if (scoring.mode === 'compliance-rate') {
    const best = bestRate(groups);
    const met = sum(best, (option) => option.met);
    const applicable = sum(best, (option) => option.applicable);
    const proof: EligibilityProof = {
      bestMet: met,
      bestApplicable: applicable,
      threshold: scoring.threshold,
      ...requirementsCoverable,
    };
    const percent =
      applicable === 0 ? '0%' : formatPercent({ numerator: BigInt(met), denominator: BigInt(applicable) });
    const belowThreshold =
      applicable === 0 || BigInt(met) * threshold!.denominator < threshold!.numerator * BigInt(applicable);
    context.findings.push({
      code: 'NEVER_ELIGIBLE',
      severity: 'error',
      path,
      message: belowThreshold
        ? {
            zh: `没有小区能达到申报条件：任何在范围内的小区最多达标 ${met} / ${applicable} 项（${percent}），低于 ${scoring.threshold}`,
            en: `no estate can be eligible: the best compliance any in-scope estate reaches is ${met} of ${applicable} (${percent}), below ${scoring.threshold}`,
          }
        : {
            zh: `没有小区能达到申报条件：最高达标率 ${met} / ${applicable}（${percent}）虽达到门槛，但无法同时满足每项要求`,
            en: `no estate can be eligible: the best compliance, ${met} of ${applicable} (${percent}), reaches the threshold, but never while every requirement is covered`,
          },
      witness: witnessOf(ruleSet, mergeValues(best)),
      proof,
    });
    return;
  }
  const best = bestPoints(groups);
  const points = sum(best, (option) => option.points) / scale;
  const proof: EligibilityProof = {
    bestPoints: points,
    passMark: scoring.passMark,
    ...requirementsCoverable,
  };
  context.findings.push({
    code: 'NEVER_ELIGIBLE',
    severity: 'error',
    path,
    message:
      points < scoring.passMark
        ? {
            zh: `没有小区能达到申报条件：任何在范围内的小区最多得 ${points} 分，低于及格分 ${scoring.passMark}`,
            en: `no estate can be eligible: the most points any in-scope estate earns is ${points}, below the pass mark ${scoring.passMark}`,
          }
        : {
            zh: `没有小区能达到申报条件：最高可得 ${points} 分，但无法同时满足各方面最低分和每项要求`,
            en: `no estate can be eligible: up to ${points} points are reachable, but never together with every aspect minimum and requirement`,
          },
    witness: witnessOf(ruleSet, mergeValues(best)),
    proof,
  });
}

function bestPoints(groups: readonly (readonly Option[])[]): Option[] {
  return groups.map((options) =>
    options.reduce((best, option) => (option.points > best.points ? option : best)),
  );
}

function sum(options: readonly Option[], of: (option: Option) => number): number {
  return options.reduce((total, option) => total + of(option), 0);
}

function mergeValues(options: readonly Option[]) {
  return Object.assign({}, ...options.map((option) => option.values));
}
