import { join } from 'node:path';
import type { Command } from 'commander';
import { type EvaluatedFile, evaluateFile } from '../input/assessments.js';
import { plainPalette } from '../io/colour.js';
import { type RunContext, reportFailures } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { emit, ensureOutputFolder, reportWritten } from '../output/output-file.js';
import { evaluationText } from '../text/evaluation-text.js';
import type { Language } from '../words/language.js';
import { examples, formatOption, languageOption, ruleSetOption } from './options.js';
import { renderEstateReport, writeEstateReport } from './report-command.js';

interface EvaluateOptions {
  readonly ruleSet?: string;
  readonly format: 'text' | 'json' | 'html';
  readonly out?: string;
  readonly lang: Language;
  readonly check?: boolean;
}

/** `evaluate`: the verdict on one or more assessment files. */
export function registerEvaluateCommand(program: Command, context: RunContext): void {
  program
    .command('evaluate')
    .description('评估小区自查数据是否符合申报条件 — evaluate assessments against a rule set')
    .argument('<assessment.json...>', 'assessment files 自查数据文件')
    .addOption(
      ruleSetOption(
        'rule set: registered id or JSON file (default: the assessment’s ruleSet, else guangxi-2021)',
      ),
    )
    .addOption(formatOption(['text', 'json', 'html'], 'text'))
    .option(
      '-o, --out <file>',
      'write to a file instead of stdout; - is stdout (for html with several files: a folder, created if missing)',
    )
    .addOption(languageOption())
    .option('--check', 'exit with code 1 when any estate is not eligible 任一小区不符合时退出码为 1')
    .addHelpText(
      'after',
      examples(
        'evaluate estate.json',
        'evaluate a.json b.json --format json --out results.json',
        'evaluate estate.json --rule-set my-rules.json --check --lang en',
      ),
    )
    .action(async (files: string[], options: EvaluateOptions) => {
      const evaluated: EvaluatedFile[] = [];
      for (const file of files) evaluated.push(await evaluateFile(context, file, options.ruleSet));
      if (options.format === 'json') {
        const results = evaluated.map((entry) => entry.result);
        await emit(
          context,
          `${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`,
          options.out,
          'data',
        );
      } else if (options.format === 'html') {
        await writeHtml(context, evaluated, options);
      } else {
        const texts = evaluated.map((entry) =>
          evaluationText({
            ...entry,
            estateName: entry.assessment.community.name,
            language: options.lang,
            palette: options.out === undefined ? context.palette : plainPalette,
          }),
        );
        await emit(context, texts.join('\n'), options.out, 'text');
      }
      if (options.check && evaluated.some((entry) => !entry.result.eligible)) reportFailures(context);
    });
}

async function writeHtml(context: RunContext, evaluated: readonly EvaluatedFile[], options: EvaluateOptions) {
  if (evaluated.length === 1) {
    const only = evaluated[0]!;
    if (options.out === undefined) context.dataOut.write(renderEstateReport(only, options.lang));
    else reportWritten(context, await writeEstateReport(context, only, options.out, options.lang));
    return;
  }
  if (options.out === undefined) {
    throw new CliError(
      '--format html with several assessments needs --out <folder> (多个文件需用 --out 指定文件夹)',
    );
  }
  await ensureOutputFolder(context, options.out);
  const names = new Set<string>();
  for (const entry of evaluated) {
    const base = entry.result.assessmentId.replace(/[^\w.-]+/g, '_').slice(0, 100);
    // Two files with one assessment id must not overwrite each other's report.
    let name = `${base}.html`;
    for (let copy = 2; names.has(name); copy++) name = `${base}-${copy}.html`;
    names.add(name);
    context.io.stdout.write(
      `${await writeEstateReport(context, entry, join(options.out, name), options.lang)}\n`,
    );
  }
}
