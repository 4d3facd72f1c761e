import { planRemediation, type RemediationOptions } from '@sunshine-rubric/core';
import type { ReviewedResult } from '@sunshine-rubric/core/workflow';
import type { Command } from 'commander';
import { readApplicationReview } from '../input/application-log.js';
import { type EvaluatedFile, evaluateFile } from '../input/assessments.js';
import { parseDefaultCost, readCosts } from '../input/costs.js';
import { workflowOption } from '../input/workflows.js';
import type { RunContext } from '../io/run-context.js';
import { reportWritten, writeOutputFile } from '../output/output-file.js';
import { estateReport } from '../report/estate-report.js';
import type { Language } from '../words/language.js';
import { examples, languageOption, ruleSetOption } from './options.js';

interface ReportOptions {
  readonly ruleSet?: string;
  readonly out: string;
  readonly lang: Language;
  readonly costs?: string;
  readonly defaultCost?: number;
  readonly application?: string;
  readonly workflow?: string;
}

/** `report`: one estate's self-contained HTML report. */
export function registerReportCommand(program: Command, context: RunContext): void {
  program
    .command('report')
    .description('生成单个小区的 HTML 评估报告 — write the HTML report of one estate')
    .argument('<assessment.json>', 'the estate’s assessment 小区自查数据')
    .addOption(ruleSetOption())
    .requiredOption('-o, --out <file>', 'the HTML file to write 输出的 HTML 文件')
    .option('--costs <costs.json>', 'cost of fixing each standard, { "S28": 120000 } 各标准整改成本')
    .option(
      '--default-cost <number>',
      'cost of a standard the costs file does not list (default 1)',
      parseDefaultCost,
    )
    .option(
      '--application <events.json>',
      'the application’s event log: shows each tier’s verdict and every disagreement 申报审核记录',
    )
    .addOption(workflowOption())
    .addOption(languageOption())
    .addHelpText(
      'after',
      examples(
        'report estate.json --out report.html',
        'report estate.json --costs costs.json --lang en --out report-en.html',
        'report estate.json --application events.json --out report.html',
      ),
    )
    .action(async (file: string, options: ReportOptions) => {
      const evaluated = await evaluateFile(context, file, options.ruleSet);
      const remediation =
        options.costs === undefined
          ? options.defaultCost === undefined
            ? {}
            : { defaultCost: options.defaultCost }
          : await readCosts(context, options.costs, evaluated.ruleSet, options.defaultCost);
      const review =
        options.application === undefined
          ? undefined
          : await readApplicationReview(
              context,
              options.application,
              evaluated.ruleSet,
              evaluated.result,
              options.workflow,
            );
      const written = await writeEstateReport(
        context,
        evaluated,
        options.out,
        options.lang,
        remediation,
        options.costs !== undefined,
        review,
      );
      reportWritten(context, written);
    });
}

/** Builds one estate's report and writes it; resolves to the absolute path written. */
export async function writeEstateReport(
  context: RunContext,
  evaluated: EvaluatedFile,
  out: string,
  language: Language,
  remediation: RemediationOptions = {},
  costsGiven = false,
  review?: ReviewedResult,
): Promise<string> {
  const html = renderEstateReport(evaluated, language, remediation, costsGiven, review);
  return writeOutputFile(context, out, html);
}

/** One estate's report as HTML. */
export function renderEstateReport(
  evaluated: EvaluatedFile,
  language: Language,
  remediation: RemediationOptions = {},
  costsGiven = false,
  review?: ReviewedResult,
): string {
  const plan = planRemediation(evaluated.ruleSet, evaluated.result, remediation);
  return estateReport({
    ...evaluated,
    plan,
    language,
    costsGiven,
    ...(review === undefined ? {} : { review }),
  });
}
