import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { progressBar } from '../batch/progress-bar.js';
import { type BatchSummary, streamBatch } from '../batch/stream-batch.js';
import { inputPath, type RunContext, reportFailures } from '../cli/context.js';
import { CliError } from '../cli/io.js';
import { type Language, say } from '../cli/language.js';
import { fileProblem } from '../input/read-json.js';
import { defaultRuleSetId, loadRuleSet } from '../input/rule-sets.js';
import { text } from '../words/wording.js';
import { examples, languageOption, ruleSetOption } from './options.js';

interface BatchCommandOptions {
  readonly out: string;
  readonly ruleSet?: string;
  readonly full?: boolean;
  readonly lang: Language;
}

/** `batch`: evaluates an NDJSON file of assessments, streaming, into an NDJSON file of verdicts. */
export function registerBatchCommand(program: Command, context: RunContext): void {
  program
    .command('batch')
    .description(
      '批量评估 NDJSON 文件（每行一份自查数据）— evaluate an NDJSON file of assessments, streaming',
    )
    .argument('<in.ndjson>', 'one assessment per line 每行一份自查数据')
    .requiredOption('-o, --out <out.ndjson>', 'one result per input line, in order 每行一个结果，顺序一致')
    .addOption(ruleSetOption('rule set for every line (default: each line’s ruleSet, else guangxi-2021)'))
    .option('--full', 'write full results with explanations, not only verdicts 输出完整结果')
    .addOption(languageOption())
    .addHelpText(
      'after',
      `
Each output line is {"line":n,"verdict":{assessmentId,ruleSet,inScope,eligible,compliance,reasons,missingFacts}}
(or {"line":n,"result":{…}} with --full), or {"line":n,"error":{code,message,path}} for a line that is not
valid JSON or not a valid assessment. Exit code 1 when any line failed.
${examples('batch self-checks.ndjson --out verdicts.ndjson', 'batch self-checks.ndjson --rule-set guangxi-2021 --out verdicts.ndjson --lang en')}`,
    )
    .action(async (file: string, options: BatchCommandOptions) => {
      const input = inputPath(context, file);
      const totalBytes = await inputSize(input, file);
      const evaluator =
        options.ruleSet === undefined
          ? undefined
          : context.registry.compile(await loadRuleSet(context.registry, options.ruleSet, context.io.cwd));
      const bar = context.io.isTTY ? progressBar(context.io.stderr, totalBytes) : undefined;
      const output = inputPath(context, options.out);
      let summary: BatchSummary;
      try {
        await mkdir(dirname(output), { recursive: true });
        summary = await streamBatch({
          input,
          output,
          registry: context.registry,
          evaluator,
          fallbackRuleSet: defaultRuleSetId,
          full: options.full ?? false,
          ...(bar ? { onProgress: bar.update } : {}),
        });
      } catch (error) {
        if (error instanceof CliError) throw error;
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'string' && code.startsWith('E')) {
          throw new CliError(`${options.out}: cannot write: ${fileProblem(error)} (无法写入)`, {
            cause: error,
          });
        }
        throw error;
      } finally {
        bar?.finish();
      }
      context.io.stdout.write(`${summaryLine(summary, options.out, options.lang)}\n`);
      if (summary.failed > 0) reportFailures(context);
    });
}

async function inputSize(input: string, shown: string): Promise<number> {
  try {
    const info = await stat(input);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    return info.size;
  } catch (error) {
    throw new CliError(`${shown}: ${fileProblem(error)}`, { cause: error });
  }
}

function summaryLine(summary: BatchSummary, out: string, language: Language): string {
  const { lines, evaluated, eligible, failed } = summary;
  return say(
    text(
      `共 ${lines} 行：评估 ${evaluated} 份，符合申报条件 ${eligible} 份，失败 ${failed} 行。结果已写入 ${out}`,
      `${lines} lines: ${evaluated} evaluated, ${eligible} eligible, ${failed} failed. Results written to ${out}`,
    ),
    language,
  );
}
