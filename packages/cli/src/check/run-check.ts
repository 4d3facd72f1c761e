import {
  type Assessment,
  compileRuleSet,
  diffRuleSets,
  type EvaluationResult,
  type OperatorDefinition,
  RubricError,
  type RuleSet,
  type RuleSetDiff,
  safeDefineRuleSet,
} from '@sunshine-rubric/core';
import { type CoverageReport, coverage, type FlipReport, flipReport } from '@sunshine-rubric/core/fixtures';
import { text } from '../words/wording.js';
import { expectationFindings, readExpectation } from './expectation.js';
import type { CheckCase, Finding, LintStep } from './findings.js';
import type { Fixture } from './fixtures.js';
import { flipCases } from './flip-findings.js';
import { type JsonPath, jsonLocator } from './json-locator.js';
import { coverageCase, standardPaths } from './rule-set-paths.js';

/** What `check` works on, read and parsed by the command. */
export interface CheckInput {
  /** The rule-set file as the user named it, its text and its parsed JSON. */
  readonly file: string;
  readonly source: string;
  readonly json: unknown;
  /** The custom operators of the registry's plugins. */
  readonly operators: readonly OperatorDefinition[];
  readonly lint: LintStep;
  readonly fixtures?: readonly Fixture[];
  readonly base?: RuleSet;
  readonly coverageMin?: number;
}

/** Everything `check` found and ran, for its four outputs. */
export interface CheckReport {
  readonly file: string;
  readonly ruleSet?: { readonly id: string; readonly version: string };
  /** Every check run, pass or fail, in order: schema, lint, fixtures, coverage, flips. */
  readonly cases: readonly CheckCase[];
  /** Every finding of every case, in the same order. */
  readonly findings: readonly Finding[];
  readonly fixtures?: { readonly total: number; readonly withExpectation: number };
  readonly coverage?: Pick<CoverageReport, 'ratio' | 'standardRatio' | 'threshold' | 'passes'>;
  readonly diff?: RuleSetDiff;
  readonly flips?: FlipReport;
}

/**
 * Runs every step of `check` on a rule set that has been read: the schema, then (on a valid rule set) the
 * lint step, each fixture against its expectation, the coverage threshold, and the flips against `base`.
 * Pure but for the lint step it is given; positions come from the rule set's text.
 */
export function runCheck(input: CheckInput): CheckReport {
  const locator = jsonLocator(input.source);
  const at = (path: JsonPath) => ({ file: input.file, path, ...locator.positionOf(path) });
  const checked = safeDefineRuleSet(input.json, { operators: input.operators });
  if (!checked.ok) {
    const findings = checked.error.issues.map(
      (issue): Finding => ({
        source: 'schema',
        code: issue.kind ?? checked.error.code,
        severity: 'error',
        message: text(issue.message, issue.message),
        ...at(issue.path),
      }),
    );
    return finish(input, undefined, [{ source: 'schema', name: 'rule set', file: input.file, findings }]);
  }
  const ruleSet = checked.value;
  const cases: CheckCase[] = [{ source: 'schema', name: 'rule set', file: input.file, findings: [] }];
  const lintFindings = input.lint(ruleSet, input.operators).map(
    (finding): Finding => ({
      source: 'lint',
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      ...at(finding.path),
      ...(finding.witness === undefined ? {} : { witness: finding.witness }),
      ...(finding.proof === undefined ? {} : { proof: finding.proof }),
    }),
  );
  cases.push({ source: 'lint', name: 'lint', file: input.file, findings: lintFindings });
  if (input.fixtures === undefined) return finish(input, ruleSet, cases);

  const evaluator = compileRuleSet(ruleSet, { operators: input.operators });
  const evaluated: { fixture: Fixture; assessment: Assessment }[] = [];
  let withExpectation = 0;
  for (const fixture of input.fixtures) {
    const name = fixtureName(fixture);
    if (fixture.problem) {
      cases.push({ source: 'fixture', name, file: fixture.file, findings: [fixture.problem] });
      continue;
    }
    const { assessment, expectation, problems } = readExpectation(fixture);
    if (expectation) withExpectation++;
    const findings = [...problems];
    const result = evaluateFixture(evaluator, fixture, assessment, findings);
    if (result) {
      evaluated.push({ fixture, assessment: assessment as Assessment });
      if (expectation) findings.push(...expectationFindings(fixture, expectation, result));
    }
    cases.push({ source: 'fixture', name, file: fixture.file, findings });
  }
  const assessments = evaluated.map((entry) => entry.assessment);
  let coverageSummary: CheckReport['coverage'];
  if (input.coverageMin !== undefined) {
    const report = coverage(ruleSet, assessments, {
      operators: input.operators,
      threshold: input.coverageMin,
    });
    coverageSummary = {
      ratio: report.ratio,
      standardRatio: report.standardRatio,
      ...(report.threshold === undefined ? {} : { threshold: report.threshold }),
      passes: report.passes,
    };
    cases.push(coverageCase(report, input.file, locator, standardPaths(input.json)));
  }
  let comparison: Pick<CheckReport, 'diff' | 'flips'> = {};
  if (input.base) {
    const diff = diffRuleSets(input.base, ruleSet);
    const flips = flipReport(input.base, ruleSet, assessments, { operators: input.operators });
    cases.push(
      ...flipCases({
        flips,
        diff,
        fixtures: evaluated.map(({ fixture, assessment }) => ({ assessment, name: fixtureName(fixture) })),
        file: input.file,
        locator,
        paths: standardPaths(input.json),
      }),
    );
    comparison = { diff, flips };
  }
  return finish(input, ruleSet, cases, {
    fixtures: { total: input.fixtures.length, withExpectation },
    ...(coverageSummary ? { coverage: coverageSummary } : {}),
    ...comparison,
  });
}

function finish(
  input: CheckInput,
  ruleSet: RuleSet | undefined,
  cases: readonly CheckCase[],
  extra: Partial<CheckReport> = {},
): CheckReport {
  return {
    file: input.file,
    ...(ruleSet ? { ruleSet: { id: ruleSet.id, version: ruleSet.version } } : {}),
    cases,
    findings: cases.flatMap((entry) => entry.findings),
    ...extra,
  };
}

/** A fixture's name in every output: its id, else where it is. */
export function fixtureName(fixture: Fixture): string {
  const id = (fixture.document as { id?: unknown } | null | undefined)?.id;
  if (typeof id === 'string' && id !== '') return id;
  return fixture.line === undefined ? fixture.file : `${fixture.file}:${fixture.line}`;
}

function evaluateFixture(
  evaluator: ReturnType<typeof compileRuleSet>,
  fixture: Fixture,
  assessment: unknown,
  findings: Finding[],
): EvaluationResult | undefined {
  try {
    // A fixture is parsed JSON: the evaluator checks it at run time, and a refusal becomes findings below.
    return evaluator.evaluate(assessment as Assessment, { explain: false });
  } catch (error) {
    if (!RubricError.isInstance(error)) throw error;
    for (const issue of error.issues.length > 0 ? error.issues : [{ path: [], message: error.message }]) {
      findings.push({
        source: 'fixture',
        code: error.code,
        severity: 'error',
        message: text(issue.message, issue.message),
        file: fixture.file,
        path: issue.path,
        ...fixture.positionOf(issue.path),
      });
    }
    return undefined;
  }
}
