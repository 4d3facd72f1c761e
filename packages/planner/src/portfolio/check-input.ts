import { type IssueOf, RubricError } from '@sunshine-rubric/core';
import type { PlanningYear } from './planning-years.js';
import type { PortfolioInput } from './portfolio-input.js';

type OptionsIssue = IssueOf<'INVALID_OPTIONS'>;

/**
 * The input's shape, before anything is evaluated: an object with a rule set, a list of estates whose
 * assessment ids are unique, constraints and progress that name only those estates.
 *
 * @throws {RubricError} `INVALID_OPTIONS`, every issue with its path.
 * @example
 * ```ts
 * checkPortfolioInput({ ruleSet, estates: [], plan }); // passes
 * ```
 */
export function checkPortfolioInput(input: PortfolioInput): void {
  if (typeof input !== 'object' || input === null)
    throw invalid([
      { path: [], message: 'the input is an object with ruleSet, estates and plan', kind: 'invalid-type' },
    ]);
  const issues: OptionsIssue[] = [];
  if (typeof input.ruleSet !== 'object' || input.ruleSet === null)
    issues.push({
      path: ['ruleSet'],
      message: 'ruleSet is a rule set from defineRuleSet',
      kind: 'invalid-type',
    });
  if (!Array.isArray(input.estates)) {
    issues.push({
      path: ['estates'],
      message: 'estates is a list of { assessment, area?, level? }',
      kind: 'invalid-type',
    });
    throw invalid(issues);
  }
  const seen = new Map<string, number>();
  input.estates.forEach((estate, position) => {
    const id = estate?.assessment?.id;
    if (typeof id !== 'string') {
      issues.push({
        path: ['estates', position, 'assessment', 'id'],
        message: 'each estate has an assessment with an id',
        kind: 'invalid-type',
      });
      return;
    }
    const first = seen.get(id);
    if (first !== undefined)
      issues.push({
        path: ['estates', position, 'assessment', 'id'],
        message: `assessment id ${id} is also estate ${first}'s: ids name estates in the plan, so they are unique`,
        kind: 'duplicate-estate',
      });
    else seen.set(id, position);
  });
  for (const id of Object.keys(input.constraints?.fixedYears ?? {}))
    if (!seen.has(id))
      issues.push({
        path: ['constraints', 'fixedYears', id],
        message: `no estate has assessment id ${id}`,
        kind: 'unknown-estate',
      });
  const certifiedEstates = input.progress?.certifiedEstates ?? [];
  certifiedEstates.forEach((id, position) => {
    if (!seen.has(id))
      issues.push({
        path: ['progress', 'certifiedEstates', position],
        message: `no estate has assessment id ${id}`,
        kind: 'unknown-estate',
      });
    if (input.constraints?.fixedYears && Object.hasOwn(input.constraints.fixedYears, id))
      issues.push({
        path: ['constraints', 'fixedYears', id],
        message: `estate ${id} is already certified`,
        kind: 'unknown-estate',
      });
  });
  const certifiedCount = Object.values(input.progress?.certified ?? {}).reduce(
    (sum, count) => sum + count,
    0,
  );
  if (certifiedEstates.length > certifiedCount)
    issues.push({
      path: ['progress', 'certifiedEstates'],
      message: `${certifiedEstates.length} estates are named certified, but the certified counts add up to ${certifiedCount}`,
      kind: 'too_big',
    });
  if (issues.length > 0) throw invalid(issues);
}

/**
 * Fixed years as positions into the planning years; a year outside them is an issue.
 *
 * @throws {RubricError} `INVALID_OPTIONS` `year-outside-plan`.
 * @example
 * ```ts
 * fixedYearIndexes({ a: 2021 }, years); // Map { 'a' => 0 }
 * ```
 */
export function fixedYearIndexes(
  fixedYears: Readonly<Record<string, number>> | undefined,
  years: readonly PlanningYear[],
): Map<string, number> {
  const indexes = new Map<string, number>();
  const issues: OptionsIssue[] = [];
  const covered = years.map((year) => year.year);
  for (const [id, year] of Object.entries(fixedYears ?? {})) {
    const index = covered.indexOf(year);
    if (index < 0)
      issues.push({
        path: ['constraints', 'fixedYears', id],
        message: `${String(year)} is not a year left to plan (${covered.length > 0 ? `${covered[0]}–${covered.at(-1)}` : 'none left'})`,
        kind: 'year-outside-plan',
      });
    else indexes.set(id, index);
  }
  if (issues.length > 0) throw invalid(issues);
  return indexes;
}

/**
 * A time limit is a positive, finite number of seconds.
 *
 * @throws {RubricError} `INVALID_OPTIONS` `invalid-limit`.
 * @example
 * ```ts
 * checkTimeLimit(60); // 60
 * ```
 */
export function checkTimeLimit(seconds: unknown): number {
  if (typeof seconds !== 'number' || !(seconds > 0 && Number.isFinite(seconds)))
    throw invalid([
      {
        path: ['timeLimitSeconds'],
        message: `a time limit is a positive number of seconds, got ${String(seconds)}`,
        kind: 'invalid-limit',
      },
    ]);
  return seconds;
}

function invalid(issues: OptionsIssue[]): RubricError<'INVALID_OPTIONS'> {
  return new RubricError('INVALID_OPTIONS', issues);
}
