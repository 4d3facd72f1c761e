import { RubricError } from '@sunshine-rubric/core';
import type { Command } from 'commander';
import { readApplicationState } from '../input/application-log.js';
import { evaluateFile } from '../input/assessments.js';
import { readCampaignInputs } from '../input/campaign-inputs.js';
import { rubricCliError } from '../input/describe-error.js';
import { readJsonFile } from '../input/read-json.js';
import { defaultRuleSetId } from '../input/rule-sets.js';
import { workflowOption } from '../input/workflows.js';
import { inputPath, type RunContext } from '../io/run-context.js';
import { reportWritten, writeOutputFile } from '../output/output-file.js';
import type { Language } from '../words/language.js';
import { examples, formatOption, languageOption, parseDay, parseYear, ruleSetOption } from './options.js';

interface FormFlags {
  readonly out: string;
  readonly format: 'xlsx' | 'html';
  readonly lang: Language;
  readonly layout?: string;
  readonly ruleSet?: string;
}

/** `forms`: the application form (申报表) of one estate, and the city's summary table of a year. */
export function registerFormsCommand(program: Command, context: RunContext): void {
  const forms = program
    .command('forms')
    .description('申报表与申报情况明细表 — the application form and the city’s summary table (.xlsx or HTML)')
    .addHelpText(
      'after',
      examples(
        'forms application estate.json --application events.json --out 申报表.xlsx',
        'forms summary applications.json --year 2021 --format html --out 明细表.html',
      ),
    );

  forms
    .command('application')
    .description('一个小区的申报表 — the application form of one estate')
    .argument('<assessment.json>', 'the estate’s assessment 小区自查数据')
    .addOption(ruleSetOption())
    .option('--application <events.json>', 'the application’s event log: the reviewers’ blocks 申报审核记录')
    .addOption(workflowOption())
    .option('--layout <layout.json>', 'the city’s own layout (default: the drafted one) 城市表式')
    .requiredOption('-o, --out <file>', 'the file to write 输出文件')
    .addOption(formatOption(['xlsx', 'html'], 'xlsx'))
    .addOption(languageOption())
    .addHelpText(
      'after',
      examples(
        'forms application estate.json --application events.json --out 申报表.xlsx',
        'forms application estate.json --layout qinzhou-form.json --format html --lang en --out form.html',
      ),
    )
    .action(async (file: string, options: FormFlags & { application?: string; workflow?: string }) => {
      const workbook = await import('@sunshine-rubric/workbook');
      const { assessment, ruleSet, result } = await evaluateFile(context, file, options.ruleSet);
      const state =
        options.application === undefined
          ? undefined
          : await readApplicationState(context, options.application, ruleSet, options.workflow);
      const formOptions = {
        ...(await layoutOf(context, options.layout, workbook.checkApplicationFormLayout)),
        language: options.lang === 'en' ? ('zh-en' as const) : ('zh' as const),
      };
      const blame = options.application ?? file;
      const content =
        options.format === 'html'
          ? blamed(blame, () => workbook.applicationFormHtml(ruleSet, assessment, result, state, formOptions))
          : await blamedAsync(blame, () =>
              workbook.applicationFormWorkbook(ruleSet, assessment, result, state, formOptions),
            );
      reportWritten(context, await writeOutputFile(context, options.out, content));
    });

  forms
    .command('summary')
    .description('年度申报情况明细表 — the city’s summary table of a year’s applicants')
    .argument(
      '<applications.json|dir>',
      'the applications: [{ "id", "events": [...], "community"?: {...} }], or a folder of logs 各小区申报记录',
    )
    .requiredOption('--year <year>', 'the year’s round 申报年度', parseYear)
    .option(
      '--as-of <date>',
      'the day the view is taken on, YYYY-MM-DD: marks overdue steps 统计日期',
      parseDay,
    )
    .option('--plan <id|file>', 'target plan: built-in id or JSON file (refuses late applications) 目标计划')
    .addOption(workflowOption())
    .addOption(ruleSetOption().default(defaultRuleSetId))
    .option('--layout <layout.json>', 'the city’s own layout (default: the drafted one) 城市表式')
    .requiredOption('-o, --out <file>', 'the file to write 输出文件')
    .addOption(formatOption(['xlsx', 'html'], 'xlsx'))
    .addOption(languageOption())
    .addHelpText(
      'after',
      examples(
        'forms summary applications.json --year 2021 --out 明细表.xlsx',
        'forms summary applications.json --year 2021 --as-of 2021-11-20 --format html --out 明细表.html',
      ),
    )
    .action(
      async (
        file: string,
        options: FormFlags & { year: number; asOf?: string; plan?: string; workflow?: string },
      ) => {
        const workbook = await import('@sunshine-rubric/workbook');
        const {
          applications,
          communities,
          ruleSet,
          plan,
          workflow: chosen,
        } = await readCampaignInputs(context, file, options);
        const tableOptions = {
          year: options.year,
          ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
          ...(plan === undefined ? {} : { plan }),
          ...(chosen === undefined ? {} : { workflow: chosen.workflow }),
          ruleSet,
          communities,
          ...(await layoutOf(context, options.layout, workbook.checkSummaryTableLayout)),
          language: options.lang === 'en' ? ('zh-en' as const) : ('zh' as const),
        };
        const blame = file;
        const content =
          options.format === 'html'
            ? blamed(blame, () => workbook.summaryTableHtml(applications, tableOptions))
            : await blamedAsync(blame, () => workbook.summaryTableWorkbook(applications, tableOptions));
        reportWritten(context, await writeOutputFile(context, options.out, content));
      },
    );
}

/** A city's layout file, read and checked: a problem in it names the file and the JSON path. */
async function layoutOf<Layout>(
  context: RunContext,
  file: string | undefined,
  check: (layout: unknown) => Layout,
): Promise<{ layout?: Layout }> {
  if (file === undefined) return {};
  const json = await readJsonFile(inputPath(context, file), file);
  return { layout: blamed(file, () => check(json)) };
}

/** A library error is the command's bad input, naming the file it most likely comes from. */
function blamed<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (RubricError.isInstance(error)) throw rubricCliError(error, file);
    throw error;
  }
}

async function blamedAsync<T>(file: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (RubricError.isInstance(error)) throw rubricCliError(error, file);
    throw error;
  }
}
