import type { RuleSet, Standard } from '../rule-set/types.js';
import { type Assignment, both, type Truth, truthOf } from './condition-truth.js';
import { type Decision, factsOfAll, questionFacts, type ValueSpace } from './decide.js';
import type { LintCode, LintFinding, LintUndecided } from './types.js';

type Path = readonly (string | number)[];

/** What the per-standard checks learned, for the checks between standards. */
export type StandardStatus = 'never-applicable' | 'never-met' | 'always-met' | 'varies' | 'undecided';

/** One standard, located, with its verdicts as functions of fact values. */
export interface StandardInfo {
  readonly standard: Standard;
  readonly path: Path;
  readonly aspectIndex: number;
  readonly requirementIndex: number;
  /** The facts it reads, and the scope's when it shares one with them. */
  readonly facts: readonly string[];
  readonly applicable: (values: Assignment) => Truth;
  readonly met: (values: Assignment) => Truth;
  status: StandardStatus;
}

/** The rule set being linted, and where findings go. */
export interface LintContext {
  readonly space: ValueSpace;
  readonly ruleSet: RuleSet;
  readonly standards: readonly StandardInfo[];
  readonly findings: LintFinding[];
  readonly undecided: LintUndecided[];
}

export function standardInfos(ruleSet: RuleSet, space: ValueSpace): StandardInfo[] {
  const infos: StandardInfo[] = [];
  ruleSet.aspects.forEach((aspect, aspectIndex) => {
    aspect.requirements.forEach((requirement, requirementIndex) => {
      requirement.standards.forEach((standard, standardIndex) => {
        const { applicableWhen, condition } = standard;
        const applicable = applicableWhen
          ? (values: Assignment) => truthOf(applicableWhen, values)
          : () => true;
        infos.push({
          standard,
          path: ['aspects', aspectIndex, 'requirements', requirementIndex, 'standards', standardIndex],
          aspectIndex,
          requirementIndex,
          facts: questionFacts(space, factsOfAll(applicableWhen, condition)),
          applicable,
          met: (values) => both(applicable(values), truthOf(condition, values)),
          status: 'varies',
        });
      });
    });
  });
  return infos;
}

const reasons = {
  'custom-operator': {
    zh: '由自定义运算符决定，检查器不推测其含义',
    en: 'a custom operator decides it, and the linter does not guess what it does',
  },
  'too-many': {
    zh: '需要枚举的取值组合超过 65536 种',
    en: 'it needs more than 65,536 combinations of values enumerated',
  },
} as const;

/** Records an undecided question; returns whether the decision was one (so callers can stop). */
export function noteUndecided(
  context: LintContext,
  check: LintCode,
  path: Path,
  decision: Decision,
): boolean {
  if (decision.kind !== 'unknown') return false;
  context.undecided.push({ check, path, reason: reasons[decision.reason] });
  return true;
}

/** A standard's id in quotes, for messages. */
export function named(info: StandardInfo): string {
  return JSON.stringify(info.standard.id);
}
