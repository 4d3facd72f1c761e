import type { OperatorDefinition, RuleSet, Text } from '@sunshine-rubric/core';
import type { JsonPath } from './json-locator.js';

/** Which step of `check` found it: the schema, the linter, a fixture's expectation, coverage, a verdict flip. */
export type FindingSource = 'schema' | 'lint' | 'fixture' | 'coverage' | 'flip';

/** How much a finding matters: `error` fails the check; `warning` and `info` fail it only with `--fail-on`. */
export type Severity = 'error' | 'warning' | 'info';

/** The sources in the order `check` runs them and its outputs list them. */
export const findingSources: readonly FindingSource[] = ['schema', 'lint', 'fixture', 'coverage', 'flip'];

/**
 * One thing `check` found, in the one shape that every output (text, JSON, JUnit, GitHub annotations)
 * renders: where it sits (the file as the user named it, the JSON path in it, the line and column there)
 * and what it is, in Chinese and English.
 */
export interface Finding {
  readonly source: FindingSource;
  readonly code: string;
  readonly severity: Severity;
  readonly message: Text;
  /** The file it is in, as the user named it: the rule set, or a fixture file. */
  readonly file?: string;
  /** Its JSON path in that file (for an NDJSON fixture file: in that line's document). */
  readonly path?: JsonPath;
  /** 1-based line and column in `file`, found from `path`. */
  readonly line?: number;
  readonly column?: number;
  /** What a linter or the flip report offers as evidence (an assessment that shows it, the standards that changed). */
  readonly witness?: unknown;
  /** What the linter proved, where a figure proves it (the best compliance any estate can reach). */
  readonly proof?: unknown;
}

/**
 * One check that `check` ran, pass or fail, with what it found: a JUnit test case. A fixture is one check;
 * so are the schema, the linter, the coverage threshold, and each fixture's comparison with `--base`.
 */
export interface CheckCase {
  readonly source: FindingSource;
  readonly name: string;
  readonly file?: string;
  readonly findings: readonly Finding[];
}

/**
 * A finding of the linter, exactly as `lintRuleSet` (`@sunshine-rubric/core/lint`) reports one; `check`
 * adds the source, file and line.
 */
export interface LintFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly path: readonly (string | number)[];
  readonly message: { readonly zh: string; readonly en: string };
  readonly witness?: unknown;
  readonly proof?: unknown;
}

/**
 * The lint step `check` runs on a valid rule set, with the custom operators of the registry's plugins: the
 * command runs `lintStep` (`lint-step.ts`); a system that embeds `runCheck` may give its own.
 */
export type LintStep = (ruleSet: RuleSet, operators: readonly OperatorDefinition[]) => readonly LintFinding[];

const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * True when a finding fails the check at the `--fail-on` level: `error` (the default) fails on errors only,
 * `warning` on warnings too, `info` on anything found.
 *
 * @example
 * ```ts
 * const failed = findings.some((finding) => fails(finding, 'error'));
 * ```
 */
export function fails(finding: Pick<Finding, 'severity'>, failOn: Severity): boolean {
  return rank[finding.severity] >= rank[failOn];
}

/** How many findings of each severity: `{ error: 2, warning: 1, info: 0 }`. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
