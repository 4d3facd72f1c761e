import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  type EvaluationResult,
  type Evaluator,
  formatPath,
  type Registry,
  RubricError,
} from '@sunshine-rubric/core';
import { namedRuleSet } from '../input/assessments.js';
import { oneLine } from '../input/describe-error.js';
import { findJsonSyntaxProblem } from '../input/json-syntax.js';

/** What a batch run did, for the summary line and the exit code. */
export interface BatchSummary {
  /** Input lines read (each has exactly one output line). */
  readonly lines: number;
  /** Lines evaluated: valid JSON, valid assessments. */
  readonly evaluated: number;
  readonly eligible: number;
  /** Lines that are not valid JSON or not valid assessments. */
  readonly failed: number;
}

/** Options of {@link streamBatch}. */
export interface BatchOptions {
  readonly input: string;
  readonly output: string;
  readonly registry: Registry;
  /** The evaluator of `--rule-set`; without it, each line's `ruleSet` (else `fallbackRuleSet`) is used. */
  readonly evaluator?: Evaluator | undefined;
  readonly fallbackRuleSet: string;
  /** Write each full result (with explanations) instead of the verdict only. */
  readonly full?: boolean;
  /** Called now and then with the bytes read so far. */
  readonly onProgress?: (bytesRead: number, lines: number) => void;
}

/** One output line for an input line that could not be evaluated. */
export interface BatchLineError {
  readonly line: number;
  readonly error: { readonly code: string; readonly message: string; readonly path: string };
}

/**
 * Evaluates an NDJSON file line by line into an NDJSON file, in order, one output line per input line.
 * Streams both ways — readline over a read stream, a write stream whose backpressure is awaited — so memory
 * stays flat however many lines there are.
 */
export async function streamBatch(options: BatchOptions): Promise<BatchSummary> {
  const source = createReadStream(options.input, { encoding: 'utf8', highWaterMark: 1 << 16 });
  const sink = createWriteStream(options.output);
  const sinkFailed = new Promise<never>((_, reject) => sink.once('error', reject));
  sinkFailed.catch(() => undefined);
  const lines = createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY });
  const evaluatorFor = evaluatorCache(options);
  let count = 0;
  let evaluated = 0;
  let eligible = 0;
  let failed = 0;
  let lastProgress = 0;
  try {
    for await (const text of lines) {
      count++;
      const outcome = evaluateLine(text, count, evaluatorFor, options.full ?? false);
      if ('error' in outcome) failed++;
      else {
        evaluated++;
        if (outcome.eligible) eligible++;
      }
      if (!sink.write(`${outcome.json}\n`)) await Promise.race([once(sink, 'drain'), sinkFailed]);
      if (options.onProgress && count - lastProgress >= 1000) {
        lastProgress = count;
        options.onProgress(source.bytesRead, count);
      }
    }
    sink.end();
    await Promise.race([once(sink, 'finish'), sinkFailed]);
  } finally {
    lines.close();
    source.destroy();
    if (!sink.writableFinished) sink.destroy();
  }
  options.onProgress?.(source.bytesRead, count);
  return { lines: count, evaluated, eligible, failed };
}

type LineOutcome =
  | { readonly json: string; readonly eligible: boolean }
  | { readonly json: string; readonly error: true };

function evaluateLine(
  text: string,
  line: number,
  evaluatorFor: (json: unknown) => Evaluator | RubricError,
  full: boolean,
): LineOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const problem = findJsonSyntaxProblem(text);
    const message = problem
      ? `invalid JSON at column ${problem.column}: ${problem.message}`
      : `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return lineError(line, 'INVALID_JSON', message, '$');
  }
  const evaluator = evaluatorFor(json);
  if (RubricError.isInstance(evaluator)) {
    return lineError(line, evaluator.code, evaluator.issues[0]?.message ?? evaluator.message, '$.ruleSet');
  }
  try {
    const result = evaluator.evaluate(json, { explain: full });
    const body = full ? { line, result } : { line, verdict: verdictOf(result) };
    return { json: JSON.stringify(body), eligible: result.eligible };
  } catch (error) {
    if (!RubricError.isInstance(error)) throw error;
    const first = error.issues[0];
    const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
    return lineError(
      line,
      error.code,
      `${oneLine(first?.message ?? error.message)}${more}`,
      formatPath(first?.path ?? []),
    );
  }
}

/** The verdict-only output of a line: everything but the per-standard outcomes and requirement counts. */
export function verdictOf(result: EvaluationResult) {
  return {
    assessmentId: result.assessmentId,
    ruleSet: `${result.ruleSet.id}@${result.ruleSet.version}`,
    inScope: result.inScope,
    eligible: result.eligible,
    compliance: result.compliance,
    ...(result.score === undefined ? {} : { score: result.score }),
    reasons: result.reasons,
    missingFacts: result.missingFacts,
  };
}

function lineError(line: number, code: string, message: string, path: string): LineOutcome {
  const body: BatchLineError = { line, error: { code, message, path } };
  return { json: JSON.stringify(body), error: true };
}

/** The evaluator for a line: `--rule-set`'s, else the one its `ruleSet` names (compiled once per name). */
function evaluatorCache(options: BatchOptions): (json: unknown) => Evaluator | RubricError {
  if (options.evaluator) {
    const evaluator = options.evaluator;
    return () => evaluator;
  }
  const cache = new Map<string, Evaluator | RubricError>();
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
      if (cache.size < 1000) cache.set(reference, found);
    }
    return found;
  };
}
