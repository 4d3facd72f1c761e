import { once } from 'node:events';
import { createReadStream, fstat, type ReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { say } from '@sunshine-rubric/core/words';
import { type Command, Option } from 'commander';
import { autoJobs, workerRegistryProblem } from '../batch/batch-workers.js';
import { progressBar } from '../batch/progress-bar.js';
import { type BatchSink, type BatchSummary, streamBatch } from '../batch/stream-batch.js';
import { fileProblem } from '../input/read-json.js';
import { defaultRuleSetId, loadRuleSet } from '../input/rule-sets.js';
import { inputPath, type RunContext, reportFailures } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';
import { checkOutputTarget, openTarget, standardStream } from '../output/output-file.js';
import type { Language } from '../words/language.js';
import { text } from '../words/wording.js';
import { examples, formatOption, languageOption, ruleSetOption } from './options.js';

interface BatchCommandOptions {
  readonly out: string;
  readonly ruleSet?: string;
  readonly full?: boolean;
  readonly format: 'text' | 'json';
  readonly lang: Language;
  readonly jobs: number | 'auto';
}

/** The most threads `--jobs` takes: far past any gain, short of exhausting the process. */
const maxJobs = 64;

/**
 * `--jobs auto` starts its worker threads once this much input has been read: a worker takes a tenth of a
 * second or more to load and warm up, which a few hundred lines (or lines typed on stdin) do not repay.
 */
const autoWorkersAfterBytes = 1 << 20;

/** `batch`: evaluates an NDJSON file of assessments, streaming, into an NDJSON file of verdicts. */
export function registerBatchCommand(program: Command, context: RunContext): void {
  program
    .command('batch')
    .description(
      '批量评估 NDJSON 文件（每行一份自查数据）— evaluate an NDJSON file of assessments, streaming',
    )
    .argument('<in.ndjson>', 'one assessment per line, UTF-8; - reads stdin 每行一份自查数据')
    .requiredOption(
      '-o, --out <out.ndjson>',
      'one result per non-blank input line, in order; - writes stdout 每行一个结果，顺序一致',
    )
    .addOption(ruleSetOption('rule set for every line (default: each line’s ruleSet, else guangxi-2021)'))
    .option('--full', 'write full results with explanations, not only verdicts 输出完整结果')
    .addOption(formatOption(['text', 'json'], 'text'))
    .addOption(languageOption())
    .addOption(
      new Option(
        '-j, --jobs <n|auto>',
        `threads that evaluate (1–${maxJobs}; auto, the default: one per core, at most 8, while the machine is not busy); output is the same 并行线程数`,
      )
        .default('auto' as const)
        .argParser(parseJobs),
    )
    .addHelpText(
      'after',
      `
Each output line is {"line":n,"verdict":{assessmentId,ruleSet,inScope,inFocus,eligible,compliance,reasons,missingFacts}}
(inFocus only for a rule set with a focus: true, false, or null when a fact the focus reads is missing)
(or {"line":n,"result":{…}} with --full), or, for a line that is not UTF-8, not JSON, not a valid
assessment or longer than 64 MiB (LINE_TOO_LONG, not read), {"line":n,"error":{code,message,path,issues:[{path,message,kind}]}}: message and path are the
first issue's, issues has every one. n is the input's line number. Blank lines (empty, spaces, a lone CR)
give no output line and are counted as skipped; a byte-order mark on line 1 is ignored.
The output is written to a temporary file beside --out and renamed into place at the end; --out must not
be the input (nor a link to it) and its folder must exist. The summary goes to stdout (to stderr with
--out -); --format json prints it as JSON. Exit code 1 when any line failed.
With --jobs n, n threads evaluate chunks of lines (this one and n-1 worker threads, each compiling the rule
set once) and the output is written in input order, the same bytes as with --jobs 1; a worker that fails
stops the run (exit 2). The default, auto, is one thread per core (at most 8) while the 1-minute load average is below
the number of cores (else 1), its workers started once the input passes 1 MiB.
${examples('batch self-checks.ndjson --out verdicts.ndjson', 'batch self-checks.ndjson --rule-set guangxi-2021 --out verdicts.ndjson --lang en', 'batch - --out - < self-checks.ndjson > verdicts.ndjson', 'batch self-checks.ndjson --jobs 1 --out verdicts.ndjson')}`,
    )
    .action(async (file: string, options: BatchCommandOptions) => {
      // auto never asks for what this run cannot do: workers need a registry they can rebuild.
      const jobs =
        options.jobs === 'auto'
          ? workerRegistryProblem(context) === undefined
            ? Math.min(autoJobs(), maxJobs)
            : 1
          : options.jobs;
      const registryProblem = jobs > 1 ? workerRegistryProblem(context) : undefined;
      if (registryProblem) throw new CliError(registryProblem);
      const fromStdin = file === standardStream;
      const input = inputPath(context, file);
      const totalBytes = fromStdin ? 0 : await inputSize(input, file);
      if (fromStdin && context.io.stdin === undefined) await refuseFolderAsStdin();
      const ruleSet =
        options.ruleSet === undefined
          ? undefined
          : await loadRuleSet(context.registry, options.ruleSet, context.io.cwd);
      const evaluator = ruleSet === undefined ? undefined : context.registry.compile(ruleSet);
      const target = await checkOutputTarget(context, options.out);
      const source = fromStdin ? context.stdin : await openInput(input, file);
      const output = target.kind === 'stdout' ? undefined : openTarget(target);
      // A failure of the output is named here, where it is known to be the output's: an error elsewhere
      // (an internal one, a plugin's) must not be reported as `--out: cannot write`.
      const cannotWrite = (error: unknown) =>
        new CliError(`${shownInput(options.out)}: cannot write: ${fileProblem(error)} (无法写入)`, {
          cause: error,
        });
      const sink = output === undefined ? stdoutSink(context) : streamSink(output.stream, cannotWrite);
      // Not with --out -: on a terminal the bar would be drawn into the output lines themselves.
      const bar =
        context.io.isTTY && !fromStdin && target.kind !== 'stdout'
          ? progressBar(context.rawStderr, totalBytes)
          : undefined;
      let summary: BatchSummary;
      try {
        summary = await streamBatch({
          source: readErrorsNamed(source, fromStdin ? 'stdin' : file),
          sink,
          registry: context.registry,
          evaluator,
          ruleSet,
          jobs,
          ...(options.jobs === 'auto' ? { workersAfterBytes: autoWorkersAfterBytes } : {}),
          fallbackRuleSet: defaultRuleSetId,
          full: options.full ?? false,
          ...(bar ? { onProgress: bar.update } : {}),
        });
        await output?.commit().catch((error: unknown) => {
          throw cannotWrite(error);
        });
      } catch (error) {
        await output?.discard();
        throw error;
      } finally {
        if ('destroy' in source && typeof source.destroy === 'function') source.destroy();
        bar?.finish();
      }
      // The reader went away (stdout into `head`): end as quietly as the pipe did.
      if (!summary.complete) return;
      const summaryStream = target.kind === 'stdout' ? context.io.stderr : context.io.stdout;
      summaryStream.write(
        options.format === 'json'
          ? `${JSON.stringify({ ...summaryCounts(summary), out: options.out })}\n`
          : `${summaryLine(summary, options.out, options.lang)}\n`,
      );
      if (summary.failed > 0) reportFailures(context);
    });
}

/** `--jobs`: a whole number of worker threads, or `auto`; anything else is a usage error. */
function parseJobs(value: string): number | 'auto' {
  if (value.trim() === 'auto') return 'auto';
  const jobs = Number(value);
  if (!/^\d+$/.test(value.trim()) || jobs < 1 || jobs > maxJobs) {
    throw new CliError(
      `--jobs: expected a whole number from 1 to ${maxJobs} or auto, got ${JSON.stringify(shownInput(value))} (应为 1–${maxJobs} 的整数或 auto)`,
    );
  }
  return jobs;
}

/** The output stream of a file, awaiting its backpressure; a write error rejects, as `failed` names it. */
function streamSink(stream: NodeJS.WritableStream, failed: (error: unknown) => CliError): BatchSink {
  let failure: CliError | undefined;
  stream.once('error', (error) => {
    failure = failed(error);
  });
  return {
    closed: () => false,
    write(chunk) {
      if (failure !== undefined) throw failure;
      try {
        if (stream.write(chunk)) return undefined;
      } catch (error) {
        throw failed(error);
      }
      return new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          stream.off('error', onError);
          resolve();
        };
        const onError = (error: unknown) => {
          stream.off('drain', onDrain);
          reject(failed(error));
        };
        stream.once('drain', onDrain);
        stream.once('error', onError);
      });
    },
  };
}

/** stdout (`--out -`), awaiting its backpressure, closed when its reader goes. */
function stdoutSink(context: RunContext): BatchSink {
  // The run's stdout takes text (an embedder's stream may take nothing else): a worker's bytes are decoded.
  const decoder = new TextDecoder();
  return {
    closed: () => context.dataOut.closed(),
    write(chunk) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk);
      return context.dataOut.write(text) === false ? context.dataOut.drained() : undefined;
    },
  };
}

/**
 * The input's bytes, a failure to read them (EIO on a failing disk or network share, a broken stdin) named
 * as the input's: otherwise it would reach the write errors' handling and be reported against `--out`.
 */
async function* readErrorsNamed(
  source: AsyncIterable<Uint8Array | string>,
  shown: string,
): AsyncGenerator<Uint8Array | string, void, undefined> {
  try {
    yield* source;
  } catch (error) {
    throw new CliError(`${shownInput(shown)}: cannot read: ${fileProblem(error)} (无法读取)`, {
      cause: error,
    });
  }
}

async function openInput(input: string, shown: string): Promise<ReadStream> {
  // 256 KiB: as fast as 1 MiB in bench/batch.bench.mjs, with the peak memory of 64 KiB reads (1 MiB
  // reads raised it by some 70 MB).
  const stream = createReadStream(input, { highWaterMark: 1 << 18 });
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new CliError(`${shownInput(shown)}: ${fileProblem(error)}`, { cause: error });
  }
  return stream;
}

/**
 * `batch - < folder/` (a file name cut short): Node reads a folder as an empty stdin, so the run would
 * replace `--out` with an empty output and report success.
 */
async function refuseFolderAsStdin(): Promise<void> {
  const info = await new Promise<Stats | undefined>((resolve) =>
    fstat(0, (error, stats) => resolve(error ? undefined : stats)),
  );
  if (info?.isDirectory()) throw new CliError(`stdin: ${fileProblem({ code: 'EISDIR' })}`);
}

async function inputSize(input: string, shown: string): Promise<number> {
  try {
    const info = await stat(input);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    return info.size;
  } catch (error) {
    throw new CliError(`${shownInput(shown)}: ${fileProblem(error)}`, { cause: error });
  }
}

function summaryCounts(summary: BatchSummary) {
  const { lines, evaluated, eligible, failed, skipped } = summary;
  return { lines, evaluated, eligible, failed, skipped };
}

function summaryLine(summary: BatchSummary, out: string, language: Language): string {
  const { lines, evaluated, eligible, failed, skipped } = summary;
  const where = out === standardStream ? 'stdout' : shownInput(out);
  const skippedZh = skipped > 0 ? `，跳过空行 ${skipped} 行` : '';
  const skippedEn = skipped > 0 ? `, ${skipped} blank skipped` : '';
  return say(
    text(
      `共 ${lines} 行：评估 ${evaluated} 份，符合申报条件 ${eligible} 份，失败 ${failed} 行${skippedZh}。结果已写入 ${where}`,
      `${lines} lines: ${evaluated} evaluated, ${eligible} eligible, ${failed} failed${skippedEn}. Results written to ${where}`,
    ),
    language,
  );
}
