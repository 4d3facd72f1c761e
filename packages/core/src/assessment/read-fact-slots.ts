import type { FactValue } from '../rule-set/types.js';
import { valueChecks } from '../util/show-value.js';
import { isTimestampByHand } from './assessed-at.js';
import { assessmentEvidence, type FactIndex, readAssessment, type UnknownFactPolicy } from './read-facts.js';

/** An assessment's facts read into catalog slots, with what the evaluator's fast path needs to know. */
export interface FactSlots {
  readonly assessmentId: string;
  /** By catalog position; `undefined` where the assessment lacks the fact (or answers `null`). */
  readonly values: readonly (FactValue | undefined)[];
  /** Whether every fact marked in `needed` is answered: then no standard can be `missing-data`. */
  readonly complete: boolean;
  /**
   * The assessment's `evidence` as read (once) and checked, the one value to decide evidence on;
   * `undefined` when it cites none.
   */
  readonly evidence: unknown;
}

/**
 * Reads and checks an assessment exactly as `readAssessment` does, into a dense array in catalog order.
 * The common case (a well-formed assessment, as `JSON.parse` gives it) is read once, its facts by the
 * runtime's reader; anything else — a problem to report, an unusual value, a throwing getter — goes to
 * `readAssessment`, which accepts or rejects it with its own issues and paths. So this never accepts what
 * `readAssessment` rejects, and every error is `readAssessment`'s. `evidence` is read once on either path
 * and decided on as read (a getter or Proxy trap answering otherwise on another read changes nothing).
 *
 * `needed` marks (with 1) the catalog positions a condition reads; `neededCount` is how many it marks.
 *
 * @throws {RubricError} `INVALID_ASSESSMENT`, as `readAssessment` does.
 * @example
 * ```ts
 * const { values, complete } = readFactSlots(JSON.parse(body), layout.facts, 'error', needed);
 * ```
 */
export function readFactSlots(
  input: unknown,
  index: FactIndex,
  unknownFacts: UnknownFactPolicy,
  needed: Uint8Array,
  neededCount: number = countNeeded(needed),
): FactSlots {
  let fast: FactSlots | undefined;
  try {
    fast = readCommonCase(input, index, unknownFacts, needed, neededCount);
  } catch {
    // A getter or Proxy trap threw: readAssessment reports it as the assessment being unreadable.
  }
  if (fast !== undefined) return fast;
  const { assessment, values, evidence } = readAssessment(input, index, unknownFacts);
  let complete = true;
  for (let position = 0; position < values.length; position++)
    if (needed[position] === 1 && values[position] === undefined) complete = false;
  return { assessmentId: assessment.id, values, complete, evidence };
}

/** The well-formed case, or undefined as soon as anything would need `readAssessment`'s judgement. */
function readCommonCase(
  input: unknown,
  index: FactIndex,
  unknownFacts: UnknownFactPolicy,
  needed: Uint8Array,
  neededCount: number,
): FactSlots | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const envelope = input as Record<string, unknown>;
  const id = envelope.id;
  if (typeof id !== 'string' || id === '' || !hasOnlyEnvelopeFields(envelope)) return undefined;
  const ruleSet = envelope.ruleSet;
  if (ruleSet !== undefined && typeof ruleSet !== 'string') return undefined;
  const schema = envelope.$schema;
  if (schema !== undefined && typeof schema !== 'string') return undefined;
  if (!isWellFormedCommunity(envelope.community)) return undefined;
  const assessedAt = envelope.assessedAt;
  if (assessedAt !== undefined && (typeof assessedAt !== 'string' || !isTimestampByHand(assessedAt)))
    return undefined;
  // Evidence of the wrong shape is readAssessment's to report, with any other issue of the assessment.
  const evidence = envelope.evidence;
  if (evidence !== undefined && assessmentEvidence.shapeIssues(evidence).length > 0) return undefined;
  const facts = envelope.facts;
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) return undefined;
  return readFacts(id, facts as Record<string, unknown>, index, unknownFacts, needed, neededCount, evidence);
}

/** The facts read by the runtime's reader; undefined on any issue, for `readAssessment` to report. */
function readFacts(
  id: string,
  answers: Record<string, unknown>,
  index: FactIndex,
  unknownFacts: UnknownFactPolicy,
  needed: Uint8Array,
  neededCount: number,
  evidence: unknown,
): FactSlots | undefined {
  const values: (FactValue | undefined)[] = new Array(index.ids.length);
  const issues: unknown[] = [];
  const answered = index.readFacts(answers, values, issues, unknownFacts);
  if (issues.length > 0) return undefined;
  // Every fact answered (the common case) answers every needed one; else each needed slot is looked at.
  const complete = answered === values.length || answersAll(values, needed, neededCount);
  return { assessmentId: id, values, complete, evidence };
}

function answersAll(
  values: readonly (FactValue | undefined)[],
  needed: Uint8Array,
  neededCount: number,
): boolean {
  let unanswered = neededCount;
  for (let position = 0; position < values.length; position++)
    if (needed[position] === 1 && values[position] !== undefined) unanswered--;
  return unanswered === 0;
}

function countNeeded(needed: Uint8Array): number {
  let count = 0;
  for (let position = 0; position < needed.length; position++) count += needed[position]!;
  return count;
}

function hasOnlyEnvelopeFields(envelope: Record<string, unknown>): boolean {
  if (!valueChecks.ownKeysOnly(envelope)) return false;
  for (const key in envelope) {
    switch (key) {
      case 'id':
      case 'community':
      case 'facts':
      case 'assessedAt':
      case 'ruleSet':
      case '$schema':
      case 'evidence':
        break;
      default:
        return false;
    }
  }
  return true;
}

function isWellFormedCommunity(community: unknown): boolean {
  if (typeof community !== 'object' || community === null || Array.isArray(community)) return false;
  const { name, district } = community as { name?: unknown; district?: unknown };
  if (typeof name !== 'string' || name.trim() === '') return false;
  return district === undefined || typeof district === 'string';
}
