import {
  type AnyRubricError,
  type Assessment,
  type EvaluationResult,
  type Evaluator,
  type Registry,
  RubricError,
} from '@sunshine-rubric/core';
import { formatPath } from '@sunshine-rubric/core/words';
import { namedRuleSet } from '../input/assessments.js';
import { issuesAsJson, oneLine } from '../input/describe-error.js';
import { findJsonSyntaxProblem } from '../input/json-syntax.js';
import type { CliIssue } from '../io/run-io.js';
import { unevidencedIn } from '../words/evidence-wording.js';
import { linesOfChunk, type NdjsonChunk, type UnreadableLine, unreadableLine } from './ndjson-lines.js';
import { verdictLineJson } from './verdict-json.js';

/** What one run of lines gave: its output lines (each ending in LF) and its counts. */
export interface ChunkOutcome {
  /** The output lines: text, or its UTF-8 bytes when a worker thread made them (moved, not copied). */
  readonly text: string | Uint8Array;
  readonly lines: number;
  readonly evaluated: number;
  readonly eligible: number;
  readonly failed: number;
  readonly skipped: number;
}

/** One output line for an input line that could not be evaluated. */
export interface BatchLineError {
  readonly line: number;
  readonly error: {
    readonly code: string;
    /** The first issue (and how many more), in words. */
    readonly message: string;
    /** The JSON path of the first issue (kept from the first format; `issues` has every one). */
    readonly path: string;
    readonly issues: readonly { path: string; message: string; kind?: string }[];
  };
}

/** The evaluator a line's JSON asks for, or why there is none (an unknown rule set). */
export type LineEvaluators = (json: unknown) => Evaluator | AnyRubricError;

/**
 * Evaluates a run of whole NDJSON lines into its output lines, in order: the one place that turns input
 * bytes into output text, on the main thread (`--jobs 1`) and in every worker alike, so that the output
 * is the same bytes however the input is cut and however many threads run.
 *
 * @example
 * ```ts
 * const evaluators = lineEvaluators({ registry, fallbackRuleSet: 'guangxi-2021' });
 * const { text, failed } = evaluateChunk({ firstLine: 1, lineCount: 1, bytes }, evaluators, false);
 * ```
 */
export function evaluateChunk(
  chunk: NdjsonChunk,
  evaluatorFor: LineEvaluators,
  full: boolean,
): ChunkOutcome & { readonly text: string } {
  let text = '';
  let evaluated = 0;
  let eligible = 0;
  let failed = 0;
  let skipped = 0;
  for (const entry of linesOfChunk(chunk)) {
    if (entry.kind === 'blank') {
      skipped++;
      continue;
    }
    const outcome =
      entry.kind === 'text'
        ? evaluateLine(entry.text, entry.line, evaluatorFor, full)
        : unreadableLineError(entry.line, unreadableLine(entry));
    if ('error' in outcome) failed++;
    else {
      evaluated++;
      if (outcome.eligible) eligible++;
    }
    text += `${outcome.json}\n`;
  }
  return { text, lines: chunk.lineCount, evaluated, eligible, failed, skipped };
}

type LineOutcome =
  | { readonly json: string; readonly eligible: boolean }
  | { readonly json: string; readonly error: true };

function evaluateLine(text: string, line: number, evaluatorFor: LineEvaluators, full: boolean): LineOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const problem = findJsonSyntaxProblem(text);
    const message = problem
      ? `invalid JSON at column ${problem.column}: ${problem.message}`
      : `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return lineError(line, 'INVALID_JSON', [{ path: [], message, kind: 'invalid-json' }]);
  }
  const evaluator = evaluatorFor(json);
  if (RubricError.isInstance(evaluator)) {
    const issues =
      evaluator.issues.length > 0 ? evaluator.issues : [{ path: [], message: evaluator.message }];
    return lineError(
      line,
      evaluator.code,
      issues.map((issue) => ({ ...issue, path: ['ruleSet'] })),
    );
  }
  try {
    // Parsed JSON, not yet checked: the evaluator checks the assessment itself (INVALID_ASSESSMENT).
    const result = evaluator.evaluate(json as Assessment, { explain: full });
    const output = full ? JSON.stringify({ line, result }) : verdictLineJson(line, result);
    return { json: output, eligible: result.eligible };
  } catch (error) {
    if (!RubricError.isInstance(error)) throw error;
    const issues = error.issues.length > 0 ? error.issues : [{ path: [], message: error.message }];
    return lineError(line, error.code, issues);
  }
}

/**
 * The verdict-only output of a line: everything but the per-standard outcomes and requirement counts.
 * `inFocus` is there exactly when the rule set has a focus (as in the full result); `unevidenced` exactly
 * when some standard self-assessed met lacks its evidence, so the line of an estate without any is as before. Batch writes its
 * JSON directly ({@link verdictLineJson}); this object is what those bytes are the JSON of.
 *
 * @example
 * ```ts
 * JSON.stringify({ line: 1, verdict: verdictOf(evaluator.evaluate(assessment)) });
 * ```
 */
export function verdictOf(result: EvaluationResult) {
  return {
    assessmentId: result.assessmentId,
    ruleSet: `${result.ruleSet.id}@${result.ruleSet.version}`,
    inScope: result.inScope,
    ...(result.inFocus === undefined ? {} : { inFocus: result.inFocus }),
    eligible: result.eligible,
    compliance: result.compliance,
    ...(result.score === undefined ? {} : { score: result.score }),
    reasons: result.reasons,
    missingFacts: result.missingFacts,
    ...(unevidencedIn(result).length === 0 ? {} : { unevidenced: result.unevidenced }),
  };
}

function unreadableLineError(line: number, { code, kind, message, zh }: UnreadableLine): LineOutcome {
  return lineError(line, code, [{ path: [], message: `${message} (${zh})`, kind }]);
}

function lineError(line: number, code: string, issues: readonly CliIssue[]): LineOutcome {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  const body: BatchLineError = {
    line,
    error: {
      code,
      message: `${oneLine(first.message)}${more}`,
      path: formatPath(first.path),
      issues: issuesAsJson(issues),
    },
  };
  return { json: JSON.stringify(body), error: true };
}

/**
 * The rule-set references kept with their evaluator (or error), and the longest kept: a real one is an id
 * and a semver range, a few dozen characters, while a batch of untrusted lines may name a new megabyte-long
 * one on every line, which kept would grow memory with the input (1,000 such lines of 200 KB held 200 MB).
 */
const cachedReferencesAtMost = 1000;
const longestCachedReference = 256;

/**
 * The evaluator for a line: `--rule-set`'s, else the one its `ruleSet` names (compiled once per name, for
 * names of a sensible length).
 *
 * @example
 * ```ts
 * const evaluatorFor = lineEvaluators({ registry: builtInRegistry(), fallbackRuleSet: 'guangxi-2021' });
 * evaluatorFor({ ruleSet: 'guangxi-2021@^0.2' }); // an Evaluator, or the RubricError of an unknown id
 * ```
 */
export function lineEvaluators(options: {
  readonly registry: Registry;
  readonly evaluator?: Evaluator | undefined;
  readonly fallbackRuleSet: string;
}): LineEvaluators {
  if (options.evaluator) {
    const evaluator = options.evaluator;
    return () => evaluator;
  }
  const cache = new Map<string, Evaluator | AnyRubricError>();
  return (json) => {
    const reference = namedRuleSet(json) ?? options.fallbackRuleSet;
    let found = cache.get(reference);
    if (found === undefined) {
      try {
        found = options.registry.compile(reference);
      } catch (error) {
        if (!RubricError.isInstance(error)) throw error;
        found = error;
      }
      if (cache.size < cachedReferencesAtMost && reference.length <= longestCachedReference) {
        cache.set(reference, found);
      }
    }
    return found;
  };
}
