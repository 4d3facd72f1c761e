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
import { ndjsonLineBatches } from './ndjson-lines.js';

/** What a batch run did, for the summary line and the exit code. */
export interface BatchSummary {
  /** Input lines read, blank ones included. */
  readonly lines: number;
  /** Lines evaluated: valid JSON, valid assessments. */
  readonly evaluated: number;
  readonly eligible: number;
  /** Lines that are not UTF-8, not valid JSON or not valid assessments: each has an error line. */
  readonly failed: number;
  /** Blank lines (empty, spaces, a CRLF alone): no output line, counted here. */
  readonly skipped: number;
  /** False when the reader of the output went away (stdout into `head`) before the end. */
  readonly complete: boolean;
}

/** Where the output lines go: `write` returns a promise when the reader asks for a pause. */
export interface BatchSink {
  write(chunk: string): Promise<void> | undefined;
  /** True once the reader has gone (a closed pipe): the batch stops there. */
  closed(): boolean;
}

/** Options of {@link streamBatch}. */
export interface BatchOptions {
  /** The bytes of the NDJSON input. */
  readonly source: AsyncIterable<Uint8Array | string>;
  readonly sink: BatchSink;
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
  readonly error: {
    readonly code: string;
    /** The first issue (and how many more), in words. */
    readonly message: string;
    /** The JSON path of the first issue (kept from the first format; `issues` has every one). */
    readonly path: string;
    readonly issues: readonly { path: string; message: string; kind?: string }[];
  };
}

/** Output buffered before one write: large writes, not one per line, with memory still bounded. */
const outputChunkChars = 1 << 20;

/**
 * Evaluates NDJSON assessments line by line into NDJSON output, in order: one output line per non-blank
 * input line, carrying the input's line number. Streams both ways: the output lines of each input chunk
 * are joined into one write (flushed sooner past 1 MiB), awaiting the output's backpressure, so memory
 * stays flat however many lines there are.
 *
 * @example
 * ```ts
 * const summary = await streamBatch({ source: createReadStream('in.ndjson'), sink, registry, fallbackRuleSet: 'guangxi-2021' });
 * ```
 */
export async function streamBatch(options: BatchOptions): Promise<BatchSummary> {
  const evaluatorFor = evaluatorCache(options);
  const full = options.full ?? false;
  let bytesRead = 0;
  async function* counted() {
    for await (const chunk of options.source) {
      bytesRead += chunk.length;
      yield chunk;
    }
  }
  let count = 0;
  let evaluated = 0;
  let eligible = 0;
  let failed = 0;
  let skipped = 0;
  let lastProgress = 0;
  let output = '';
  const flush = async () => {
    const chunk = output;
    output = '';
    if (chunk.length > 0 && !options.sink.closed()) await options.sink.write(chunk);
  };
  reading: for await (const lines of ndjsonLineBatches(counted())) {
    for (const entry of lines) {
      if (options.sink.closed()) break reading;
      count = entry.line;
      if (entry.kind === 'blank') {
        skipped++;
        continue;
      }
      const outcome =
        entry.kind === 'text'
          ? evaluateLine(entry.text, entry.line, evaluatorFor, full)
          : lineError(entry.line, 'INVALID_ENCODING', [
              {
                path: [],
                message: `not valid UTF-8 at byte ${entry.byteOffset} (不是有效的 UTF-8 编码)`,
                kind: 'invalid-utf8',
              },
            ]);
      if ('error' in outcome) failed++;
      else {
        evaluated++;
        if (outcome.eligible) eligible++;
      }
      output += `${outcome.json}\n`;
      if (output.length >= outputChunkChars) await flush();
      if (options.onProgress && count - lastProgress >= 1000) {
        lastProgress = count;
        options.onProgress(bytesRead, count);
      }
    }
    await flush();
  }
  await flush();
  options.onProgress?.(bytesRead, count);
  const complete = !options.sink.closed();
  return { lines: count, evaluated, eligible, failed, skipped, complete };
}

type LineOutcome =
  | { readonly json: string; readonly eligible: boolean }
  | { readonly json: string; readonly error: true };

function evaluateLine(
  text: string,
  line: number,
  evaluatorFor: (json: unknown) => Evaluator | AnyRubricError,
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
    const body = full ? { line, result } : { line, verdict: verdictOf(result) };
    return { json: JSON.stringify(body), eligible: result.eligible };
  } catch (error) {
    if (!RubricError.isInstance(error)) throw error;
    const issues = error.issues.length > 0 ? error.issues : [{ path: [], message: error.message }];
    return lineError(line, error.code, issues);
  }
}

/**
 * The verdict-only output of a line: everything but the per-standard outcomes and requirement counts.
 * `inFocus` is there exactly when the rule set has a focus (as in the full result).
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
  };
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

/** The evaluator for a line: `--rule-set`'s, else the one its `ruleSet` names (compiled once per name). */
function evaluatorCache(options: BatchOptions): (json: unknown) => Evaluator | AnyRubricError {
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
      if (cache.size < 1000) cache.set(reference, found);
    }
    return found;
  };
}
