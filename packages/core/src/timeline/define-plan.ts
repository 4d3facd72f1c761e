import type { z } from 'zod';
import type { RubricErrorCode } from '../errors/error-codes.js';
import { issueFromZod } from '../errors/from-zod.js';
import type { ShapeKind } from '../errors/issue-kinds.js';
import { type IssueOf, type Result, RubricError, type RubricIssue } from '../errors/rubric-error.js';
import { safeParseDocument } from '../reading/zod.js';
import { deepFreeze } from '../util/deep-freeze.js';
import { quote } from '../util/show-value.js';
import { rankMilestones } from './milestones.js';
import { type TargetPlan, type TargetPlanInput, TargetPlanSchema } from './plan-schema.js';

/**
 * Validates a target plan and fills in its defaults. Throws a `RubricError` with code `INVALID_PLAN` listing
 * every problem with its path; use {@link safeDefineTargetPlan} for untrusted input.
 *
 * @example
 * ```ts
 * const plan = defineTargetPlan({ total: 26, milestones: [{ year: 2021, share: 0.35 }, { year: 2024, share: 1 }] });
 * plan.rounding; // 'ceil'
 * ```
 */
export function defineTargetPlan(plan: TargetPlanInput): TargetPlan {
  const result = safeDefineTargetPlan(plan);
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * {@link defineTargetPlan} without throwing: the plan, or the `INVALID_PLAN` error it would have thrown.
 *
 * @example
 * ```ts
 * const result = safeDefineTargetPlan(JSON.parse(text));
 * if (!result.ok) for (const issue of result.error.issues) console.log(issue.path, issue.message);
 * ```
 */
export function safeDefineTargetPlan(plan: unknown): Result<TargetPlan, 'INVALID_PLAN'> {
  const parsed = safeParseDocument(TargetPlanSchema, plan);
  if (!parsed.success) {
    return { ok: false, error: new RubricError('INVALID_PLAN', toRubricIssues(parsed.error.issues)) };
  }
  const uncountable = uncountableFigures(parsed.data);
  if (uncountable.length > 0) return { ok: false, error: new RubricError('INVALID_PLAN', uncountable) };
  return { ok: true, value: deepFreeze(parsed.data) };
}

/**
 * Figures too large to be a count of estates (beyond `Number.MAX_SAFE_INTEGER`): a milestone's target, or
 * its step from the milestone before (e.g. a share of 3e14 of 26 estates), the yearly quotas added up, a
 * breakdown's parts added up. A share outside 0..1 that still gives a countable target is accepted here and
 * reported by `checkTimeline` as `SHARE_OUT_OF_RANGE`.
 */
function uncountableFigures(plan: TargetPlan): IssueOf<'INVALID_PLAN'>[] {
  const issues: IssueOf<'INVALID_PLAN'>[] = [];
  const tooLarge = (path: (string | number)[], message: string) =>
    issues.push({ path, message, kind: 'too-large-to-count' });
  // undefined after a target that is itself too large: no step from it is reported as well.
  let previousTarget: number | undefined = 0;
  for (const entry of rankMilestones(plan)) {
    const { milestone, cumulativeTarget: target } = entry;
    const path = ['milestones', entry.index, 'share' in milestone ? 'share' : 'count'];
    if (!Number.isSafeInteger(target) && 'share' in milestone) {
      tooLarge(
        path,
        `the share ${milestone.share} of ${plan.total} estates is too large to count (a share is 0 to 1: 0.35 is 35%)`,
      );
    } else if (previousTarget !== undefined && !Number.isSafeInteger(target - previousTarget)) {
      tooLarge(
        path,
        `the step from the milestone before (${previousTarget} estates) to this one (${target}) is too large to count`,
      );
    }
    previousTarget = Number.isSafeInteger(target) ? target : undefined;
  }
  if (!Number.isSafeInteger(sum(Object.values(plan.quotas ?? {})))) {
    tooLarge(['quotas'], 'the yearly quotas add up to too many estates to count');
  }
  (plan.breakdowns ?? []).forEach((breakdown, index) => {
    if (!Number.isSafeInteger(sum(Object.values(breakdown.parts)))) {
      tooLarge(
        ['breakdowns', index, 'parts'],
        `the parts of ${quote(breakdown.name)} add up to too many estates to count`,
      );
    }
  });
  return issues;
}

const sum = (counts: readonly number[]): number => counts.reduce((total, count) => total + count, 0);

/** Parses `value` with `schema`, or throws a RubricError whose issue paths start with `pathPrefix`. */
export function parseOrThrow<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  code: RubricErrorCode,
  pathPrefix: readonly (string | number)[] = [],
): z.output<Schema> {
  const parsed = safeParseDocument(schema, value);
  if (parsed.success) return parsed.data;
  throw new RubricError(code, toRubricIssues(parsed.error.issues, pathPrefix));
}

/**
 * Turns zod's issues into RubricIssues. A union (a milestone is a share or a count) is reported through the
 * branch that came closest, so the path points at the offending field rather than at the whole milestone;
 * when no branch came closer than another, the union's own message says what a milestone looks like.
 */
export function toRubricIssues(
  issues: readonly z.core.$ZodIssue[],
  pathPrefix: readonly (string | number)[] = [],
): RubricIssue<ShapeKind>[] {
  const rubricIssues: RubricIssue<ShapeKind>[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = closestBranch(issue.errors);
      if (closest !== undefined) {
        rubricIssues.push(...toRubricIssues(closest, issueFromZod(issue, pathPrefix).path));
        continue;
      }
    }
    rubricIssues.push(issueFromZod(issue, pathPrefix));
  }
  return rubricIssues;
}

function closestBranch(
  branches: readonly (readonly z.core.$ZodIssue[])[],
): readonly z.core.$ZodIssue[] | undefined {
  const sizes = branches.map((branch) => branch.length);
  const fewest = sizes.reduce((least, size) => Math.min(least, size), Number.POSITIVE_INFINITY);
  const closest = branches.filter((branch) => branch.length === fewest);
  return closest.length === 1 ? closest[0] : undefined;
}
