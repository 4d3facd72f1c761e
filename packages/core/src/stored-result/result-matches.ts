import { issuesFromZod } from '../errors/from-zod.js';
import { RubricError } from '../errors/rubric-error.js';
import { assembleResult } from '../evaluate/assemble-result.js';
import type { RubricLayout } from '../evaluate/layout.js';
import type { ScopeVerdict } from '../evaluate/scope-verdict.js';
import { MAX_DOCUMENT_DEPTH, resultLimits, snapshotDocument } from '../reading/structure-depth.js';
import { safeParseDocument } from '../reading/zod.js';
import { EvaluationResultSchema } from '../result/schema.js';
import type { EvaluationResult, Outcome } from '../result/types.js';
import { quote } from '../util/show-value.js';

/**
 * Returns the result read once into plain data (see `snapshotDocument`), for the caller to use instead of
 * `given`. Throws `INVALID_OPTIONS` unless `given` is an evaluation result (it may come from storage or another
 * system) evaluated against the rule set laid out in `layout`.
 */
export function checkResultMatches(
  layout: RubricLayout,
  given: EvaluationResult,
  standardIds: readonly string[] = [],
): EvaluationResult {
  const limits = resultLimits(layout.standards.length, layout.requirements.length, layout.aspects.length);
  const snapshot = snapshotDocument(given, MAX_DOCUMENT_DEPTH, limits);
  if (!snapshot.ok) {
    throw new RubricError('INVALID_OPTIONS', [
      { ...snapshot.issue, path: ['result', ...snapshot.issue.path] },
    ]);
  }
  // Read as an EvaluationResult only once the schema accepts it (rule-set/schema-types.test.ts pins the
  // schema's output to EvaluationResult).
  const result = snapshot.value as EvaluationResult;
  const parsed = safeParseDocument(EvaluationResultSchema, result);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error).map((issue) => ({
      ...issue,
      path: ['result', ...issue.path],
    }));
    throw new RubricError('INVALID_OPTIONS', issues);
  }
  const { id, version } = layout.ruleSet;
  // The same tree, position by position: the aggregation reads the counts by position.
  const sameStandards =
    result.standards.length === layout.standards.length &&
    result.standards.every((standard, position) => {
      const expected = layout.standards[position]!;
      return (
        standard.id === expected.id &&
        standard.requirementId === expected.requirementId &&
        standard.aspectId === expected.aspectId
      );
    }) &&
    result.requirements.length === layout.requirements.length &&
    result.requirements.every(
      (requirement, position) => requirement.id === layout.requirements[position]!.id,
    ) &&
    result.aspects.length === layout.aspects.length &&
    result.aspects.every((aspect, position) => aspect.id === layout.aspects[position]!.id);
  if (result.ruleSet?.id !== id || result.ruleSet.version !== version || !sameStandards) {
    throw new RubricError('INVALID_OPTIONS', [
      { path: ['result', 'ruleSet'], message: `the result was not evaluated against ${id}@${version}` },
    ]);
  }
  checkResultAddsUp(layout, result);
  checkFocusReported(layout, result);
  unevidencedPositions(layout, result);
  const known = new Set(layout.standards.map((standard) => standard.id));
  const unknown = standardIds.filter((standardId) => !known.has(standardId));
  if (unknown.length > 0) {
    throw new RubricError(
      'INVALID_OPTIONS',
      unknown.map((standardId) => ({
        path: ['outcomes', standardId],
        message: `no standard has id ${quote(standardId)}`,
      })),
    );
  }
  return result;
}

/**
 * The positions of the standards a result lists as unevidenced, in rule-set order; none for a result stored
 * before evidence existed (no `unevidenced`). Throws `INVALID_OPTIONS` for an id that is no standard's.
 */
export function unevidencedPositions(layout: RubricLayout, result: EvaluationResult): number[] {
  const listed = result.unevidenced ?? [];
  const positionOf = new Map(layout.standards.map((standard, position) => [standard.id, position]));
  const unknown = listed.flatMap((standardId, index) => (positionOf.has(standardId) ? [] : [index]));
  if (unknown.length > 0) {
    throw new RubricError(
      'INVALID_OPTIONS',
      unknown.map((index) => ({
        path: ['result', 'unevidenced', index],
        message: `no standard has id ${quote(listed[index]!)}; pass the result evaluate returned, unchanged`,
        kind: 'result-does-not-add-up',
      })),
    );
  }
  return listed.map((standardId) => positionOf.get(standardId)!).sort((left, right) => left - right);
}

/**
 * The scope verdict a result records: in scope, out of scope (with the facts of its reason), or undecided
 * (`SCOPE_UNKNOWN`).
 */
export function scopeOf(result: EvaluationResult): ScopeVerdict {
  const inFocus = result.inFocus === undefined ? {} : { inFocus: result.inFocus };
  if (result.inScope) return { inScope: true, failedFacts: [], ...inFocus };
  const scopeUnknown = result.reasons.some((reason) => reason.code === 'SCOPE_UNKNOWN');
  const outOfScope = result.reasons.find((reason) => reason.code === 'OUT_OF_SCOPE');
  // Reasons are checked loosely (code and message); take the facts only when they are a list of ids.
  const facts: unknown = outOfScope?.code === 'OUT_OF_SCOPE' ? outOfScope.facts : [];
  const failedFacts = Array.isArray(facts) && facts.every((fact) => typeof fact === 'string') ? facts : [];
  return { inScope: scopeUnknown ? null : false, failedFacts, ...inFocus };
}

/**
 * Throws `INVALID_OPTIONS` unless the result's counts, points and verdict are what its standards' outcomes
 * give: a plan or a what-if built on counts that do not add up would not hold.
 */
function checkResultAddsUp(layout: RubricLayout, result: EvaluationResult): void {
  const recounted = assembleResult(layout, result.assessmentId, scopeOf(result), result.standards, []);
  const mismatches: { path: (string | number)[]; stored: unknown; recounted: unknown }[] = [];
  const compare = (path: (string | number)[], stored: unknown, expected: unknown) => {
    if (stored !== expected) mismatches.push({ path, stored, recounted: expected });
  };
  compare(['eligible'], result.eligible, recounted.eligible);
  for (const field of ['met', 'applicable', 'total'] as const)
    compare(['compliance', field], result.compliance[field], recounted.compliance[field]);
  compare(['score', 'points'], result.score?.points, recounted.score?.points);
  result.requirements.forEach((requirement, position) => {
    const expected = recounted.requirements[position]!;
    for (const field of ['met', 'applicable', 'satisfied'] as const)
      compare(['requirements', position, field], requirement[field], expected[field]);
  });
  result.aspects.forEach((aspect, position) => {
    const expected = recounted.aspects[position]!;
    for (const field of ['met', 'applicable', 'points'] as const)
      compare(['aspects', position, field], aspect[field], expected[field]);
  });
  if (mismatches.length === 0) return;
  throw new RubricError(
    'INVALID_OPTIONS',
    mismatches.map(({ path, stored, recounted: expected }) => ({
      path: ['result', ...path],
      message: `the result does not add up: it says ${String(stored)}, its standards' outcomes give ${String(expected)}; pass the result evaluate returned, unchanged`,
      kind: 'result-does-not-add-up',
    })),
  );
}

/**
 * Throws `INVALID_OPTIONS` when the result reports a focus the rule set does not have, or lacks the one it
 * has: a plan or a what-if built on it would drop or invent `inFocus` without a word.
 */
function checkFocusReported(layout: RubricLayout, result: EvaluationResult): void {
  const hasFocus = layout.ruleSet.focus !== undefined;
  if (hasFocus === (result.inFocus !== undefined)) return;
  throw new RubricError('INVALID_OPTIONS', [
    {
      path: ['result', 'inFocus'],
      message: hasFocus
        ? `the result has no inFocus, and ${layout.ruleSet.id}@${layout.ruleSet.version} has a focus; pass the result evaluate returned, unchanged`
        : `the result has inFocus, and ${layout.ruleSet.id}@${layout.ruleSet.version} has no focus; pass the result evaluate returned, unchanged`,
      kind: 'result-does-not-add-up',
    },
  ]);
}

const outcomes: ReadonlySet<unknown> = new Set<Outcome>(['met', 'unmet', 'not-applicable', 'missing-data']);

/** Throws `INVALID_OPTIONS` for any value of `changes` that is not an outcome. */
export function checkOutcomes(changes: Readonly<Record<string, unknown>>): void {
  const wrong = Object.keys(changes).filter((standardId) => !outcomes.has(changes[standardId]));
  if (wrong.length > 0) {
    throw new RubricError(
      'INVALID_OPTIONS',
      wrong.map((standardId) => ({
        path: ['outcomes', standardId],
        message: 'an outcome is met, unmet, not-applicable or missing-data',
      })),
    );
  }
}
