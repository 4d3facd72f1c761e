import type { TargetPlan } from './plan-schema.js';
import {
  type PlanPath,
  type TimelineIssue,
  type TimelineIssueDraft,
  timelineIssueSeverity,
} from './timeline-issue-codes.js';

/**
 * The clauses of the plan document that the values at some paths come from, each once, in the order met: from
 * `plan.sources` (a source whose path lies on, above or below a compared path) and from the `clause` field of
 * a compared value itself (total statements, goals, funding routes carry their own).
 *
 * @example
 * ```ts
 * clausesOf(qinzhouPlan, [['quotas'], ['milestones', 0]]); // ['五（二）', '一']
 * ```
 */
export function clausesOf(plan: TargetPlan, paths: readonly PlanPath[]): string[] {
  const clauses = new Set<string>();
  for (const path of paths) {
    for (const source of plan.sources ?? []) {
      if (isPrefix(source.path, path) || isPrefix(path, source.path)) clauses.add(source.clause);
    }
    for (const clause of ownClauses(valueAt(plan, path))) clauses.add(clause);
  }
  return [...clauses];
}

/**
 * A finding with its severity, its clauses and its message in both languages attached.
 *
 * @example
 * ```ts
 * finishIssue(plan, timelineIssue.quotasSumMismatch(27, 26)).severity; // 'error'
 * ```
 */
export function finishIssue(plan: TargetPlan, draft: TimelineIssueDraft): TimelineIssue {
  // Built field by field in one order, not spread: a plan can have hundreds of thousands of findings, and
  // objects of one shape are several times cheaper to build than spreads of drafts of many shapes.
  const issue: Mutable<TimelineIssue> = {
    code: draft.code,
    severity: timelineIssueSeverity[draft.code],
    message: draft.message,
    messageZh: draft.messageZh,
    text: { zh: draft.messageZh, en: draft.message },
    path: draft.path,
    compares: draft.compares,
    clauses: plan.sources === undefined && !hasClauseFields(plan) ? [] : clausesOf(plan, draft.compares),
  };
  for (const key of optionalKeys) {
    const value = draft[key];
    if (value !== undefined) (issue as Record<string, unknown>)[key] = value;
  }
  return issue;
}

type Mutable<Type> = { -readonly [Key in keyof Type]: Type[Key] };

const optionalKeys = ['area', 'year', 'breakdown', 'estate', 'expected', 'actual'] as const;

/** Whether any list of the plan whose entries carry their own `clause` is present. */
function hasClauseFields(plan: TargetPlan): boolean {
  return (
    plan.totalStatements !== undefined ||
    plan.goals !== undefined ||
    plan.rules !== undefined ||
    plan.funding !== undefined ||
    plan.organization !== undefined
  );
}

function isPrefix(prefix: PlanPath, path: PlanPath): boolean {
  return (
    prefix.length <= path.length && prefix.every((segment, index) => String(segment) === String(path[index]))
  );
}

function valueAt(root: unknown, path: PlanPath): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[String(segment)] : undefined;
  }
  return value;
}

/** The value's own `clause` (lists are not walked, so a finding that compares a long list stays cheap). */
function ownClauses(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'clause')) return [];
  const clause = (value as { clause: unknown }).clause;
  return typeof clause === 'string' ? [clause] : [];
}
