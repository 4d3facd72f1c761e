import { RubricError } from '../errors/rubric-error.js';
import { unreadableIssue } from '../reading/structure-depth.js';
import { assessmentEvidence } from './read-facts.js';

/**
 * An assessment's `evidence` field, read once, with its shape checked on the value read: the value every
 * later step uses, so that a getter or Proxy trap answering differently on another read can neither slip
 * an unchecked value past the check nor run the caller's code once the evaluation has begun deciding.
 * `undefined` when the assessment cites none.
 *
 * @throws {RubricError} `INVALID_ASSESSMENT`: the field unreadable (a getter or Proxy trap threw), or each
 * problem of its shape at its path (`['evidence', standardId, index, field]`).
 * @example
 * ```ts
 * const evidence = readEvidenceField(assessment); // undefined, or { S01: [{ kind: '台账', name: 'a.pdf' }] }
 * ```
 */
export function readEvidenceField(input: unknown): unknown {
  let evidence: unknown;
  try {
    evidence = (input as { readonly evidence?: unknown }).evidence;
  } catch (error) {
    throw new RubricError('INVALID_ASSESSMENT', [unreadableIssue(input, error)], undefined, { cause: error });
  }
  if (evidence === undefined) return undefined;
  const issues = assessmentEvidence.shapeIssues(evidence);
  if (issues.length > 0) throw new RubricError('INVALID_ASSESSMENT', issues);
  return evidence;
}
