import { type Assessment, compileRuleSet, type ExplanationNode, type RuleSet } from '@sunshine-rubric/core';
import { type KitOptions, kitOperators } from '../options/kit-options.js';

export interface LeafCoverage {
  readonly standardId: string;
  /** The standard's `condition` or its `applicableWhen`. */
  readonly in: 'condition' | 'applicableWhen';
  /** Where the leaf sits in its condition, e.g. `any[1].all[0]`. */
  readonly path: string;
  readonly fact: string;
  readonly operator: string;
  readonly sawTrue: boolean;
  readonly sawFalse: boolean;
}

export interface StandardCoverage {
  readonly id: string;
  readonly met: number;
  readonly unmet: number;
  readonly notApplicable: number;
  readonly missingData: number;
  /** The fixtures made it both met and not met. */
  readonly covered: boolean;
}

export interface CoverageReport {
  readonly standards: readonly StandardCoverage[];
  readonly leaves: readonly LeafCoverage[];
  /** Share of leaf results seen: each leaf counts twice, once for true and once for false. */
  readonly ratio: number;
  /** Share of standards the fixtures made both met and not met. */
  readonly standardRatio: number;
  readonly threshold?: number;
  /** `ratio` reaches `threshold` (true without a threshold). */
  readonly passes: boolean;
}

/**
 * How thoroughly fixture assessments exercise a rule set: per standard, whether they ever made it met and
 * not met; per leaf of every condition, whether it was ever true and false. With a threshold, `passes`
 * says whether the leaf ratio reaches it (like `opa test --coverage --threshold`); {@link assertCoverage}
 * throws when it does not. `operators` / `plugins` are the custom operators the rule set uses.
 *
 * @example
 * ```ts
 * const report = coverage(ruleSet, fixtures, { threshold: 0.8 });
 * console.log(`${(report.ratio * 100).toFixed(1)}% of leaf outcomes covered`);
 * ```
 */
export function coverage(
  ruleSet: RuleSet,
  assessments: readonly Assessment[],
  options: KitOptions & { readonly threshold?: number } = {},
): CoverageReport {
  const evaluator = compileRuleSet(ruleSet, { operators: kitOperators(options) });
  const leaves = new Map<
    string,
    { leaf: Omit<LeafCoverage, 'sawTrue' | 'sawFalse'>; sawTrue: boolean; sawFalse: boolean }
  >();
  const standards = new Map<
    string,
    StandardCoverage & { met: number; unmet: number; notApplicable: number; missingData: number }
  >();
  const record = (node: ExplanationNode, standardId: string, where: LeafCoverage['in'], path: string) => {
    if (node.kind === 'leaf') {
      const key = `${standardId}/${where}/${path}`;
      const entry = leaves.get(key) ?? {
        leaf: { standardId, in: where, path: path || '(root)', fact: node.fact, operator: node.operator },
        sawTrue: false,
        sawFalse: false,
      };
      if (node.result === true) entry.sawTrue = true;
      if (node.result === false) entry.sawFalse = true;
      leaves.set(key, entry);
    } else if (node.kind === 'not') record(node.child, standardId, where, join(path, 'not'));
    else {
      for (const [index, child] of node.children.entries()) {
        record(child, standardId, where, join(path, `${node.kind}[${index}]`));
      }
    }
  };
  for (const assessment of assessments) {
    const result = evaluator.evaluate(assessment);
    for (const standard of result.standards) {
      const counts = standards.get(standard.id) ?? {
        id: standard.id,
        met: 0,
        unmet: 0,
        notApplicable: 0,
        missingData: 0,
        covered: false,
      };
      if (standard.outcome === 'met') counts.met++;
      else if (standard.outcome === 'unmet') counts.unmet++;
      else if (standard.outcome === 'not-applicable') counts.notApplicable++;
      else counts.missingData++;
      standards.set(standard.id, counts);
      if (standard.explanation?.applicable)
        record(standard.explanation.applicable, standard.id, 'applicableWhen', '');
      if (standard.explanation) record(standard.explanation.condition, standard.id, 'condition', '');
    }
  }
  const leafList = [...leaves.values()].map(({ leaf, sawTrue, sawFalse }) => ({
    ...leaf,
    sawTrue,
    sawFalse,
  }));
  const standardList = evaluator.ruleSet.aspects
    .flatMap((aspect) => aspect.requirements.flatMap((requirement) => requirement.standards))
    .map((standard) => {
      const counts = standards.get(standard.id) ?? {
        id: standard.id,
        met: 0,
        unmet: 0,
        notApplicable: 0,
        missingData: 0,
      };
      return {
        ...counts,
        covered: counts.met > 0 && counts.unmet + counts.notApplicable + counts.missingData > 0,
      };
    });
  const seen = leafList.reduce((sum, leaf) => sum + Number(leaf.sawTrue) + Number(leaf.sawFalse), 0);
  const ratio = leafList.length === 0 ? 0 : seen / (2 * leafList.length);
  const standardRatio =
    standardList.length === 0
      ? 0
      : standardList.filter((standard) => standard.covered).length / standardList.length;
  const threshold = options.threshold;
  return {
    standards: standardList,
    leaves: leafList,
    ratio,
    standardRatio,
    ...(threshold !== undefined ? { threshold } : {}),
    passes: threshold === undefined || ratio >= threshold,
  };
}

/**
 * Throws when a coverage report falls below its threshold, listing the leaves never seen true or false.
 *
 * @example
 * ```ts
 * assertCoverage(coverage(ruleSet, fixtures, { threshold: 0.9 }));
 * ```
 */
export function assertCoverage(report: CoverageReport): void {
  if (report.passes) return;
  const gaps = report.leaves
    .filter((leaf) => !leaf.sawTrue || !leaf.sawFalse)
    .slice(0, 20)
    .map(
      (leaf) =>
        `  ${leaf.standardId} ${leaf.in} ${leaf.path}: ${leaf.fact} ${leaf.operator} never ${leaf.sawTrue ? 'false' : leaf.sawFalse ? 'true' : 'decided'}`,
    );
  throw new Error(
    `rubric coverage ${(report.ratio * 100).toFixed(1)}% is below the threshold ${((report.threshold ?? 0) * 100).toFixed(1)}%:\n${gaps.join('\n')}`,
  );
}

function join(path: string, segment: string): string {
  return path === '' ? segment : `${path}.${segment}`;
}
