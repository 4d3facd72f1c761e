import { foldCampaignYear } from '@sunshine-rubric/core/workflow';
import type { Command } from 'commander';
import { readCampaignInputs } from '../input/campaign-inputs.js';
import { issuesAsJson } from '../input/describe-error.js';
import { defaultRuleSetId } from '../input/rule-sets.js';
import { workflowOption } from '../input/workflows.js';
import { plainPalette } from '../io/colour.js';
import { type RunContext, reportFailures } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { emit, reportWritten } from '../output/output-file.js';
import { campaignReport } from '../report/campaign-report.js';
import { type CampaignData, campaignText } from '../text/campaign-text.js';
import type { Language } from '../words/language.js';
import { examples, formatOption, languageOption, parseDay, parseYear, ruleSetOption } from './options.js';

interface CampaignOptions {
  readonly year: number;
  readonly plan?: string;
  readonly workflow?: string;
  readonly asOf?: string;
  readonly ruleSet?: string;
  readonly format: 'text' | 'json' | 'html';
  readonly out?: string;
  readonly lang: Language;
}

/** `campaign`: the city's view of one year's round, from every estate's application log. */
export function registerCampaignCommand(program: Command, context: RunContext): void {
  program
    .command('campaign')
    .description(
      '城市年度申报汇总：各环节数量、逾期、退回、认定与进度 — the city’s view of a year’s round of applications',
    )
    .argument(
      '<applications.json|dir>',
      'the applications: [{ "id", "events": [...], "community"?: {...} }], or a folder of logs 各小区申报记录',
    )
    .requiredOption('--year <year>', 'the year’s round 申报年度', parseYear)
    .option('--plan <id|file>', 'target plan: built-in id or JSON file, for progress 目标计划')
    .addOption(workflowOption())
    .option(
      '--as-of <date>',
      'the day the view is taken on, YYYY-MM-DD: lists overdue steps 统计日期',
      parseDay,
    )
    .addOption(ruleSetOption().default(defaultRuleSetId))
    .addOption(formatOption(['text', 'json', 'html'], 'text'))
    .option('-o, --out <file>', 'write to a file instead of stdout (html needs it)')
    .addOption(languageOption())
    .addHelpText(
      'after',
      examples(
        'campaign applications.json --year 2021 --plan qinzhou-2021 --as-of 2021-11-20',
        'campaign logs/ --year 2021 --plan plan.json --workflow @sunshine-rubric/qinzhou --format json',
        'campaign applications.json --year 2021 --plan qinzhou-2021 --format html --out 2021.html',
      ),
    )
    .action(async (file: string, options: CampaignOptions) => {
      if (options.format === 'html' && options.out === undefined)
        throw new CliError('--format html needs --out <file.html> (需用 --out 指定文件)');
      const { applications, communities, ruleSet, plan, workflow } = await readCampaignInputs(
        context,
        file,
        options,
      );
      const view = foldCampaignYear(applications, {
        year: options.year,
        ruleSet,
        ...(plan === undefined ? {} : { plan }),
        ...(workflow === undefined ? {} : { workflow: workflow.workflow }),
        ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      });
      const data: CampaignData = {
        view,
        ruleSet,
        asOf: options.asOf,
        planId: options.plan === undefined ? undefined : (plan?.id ?? options.plan),
        workflow,
        communities,
      };
      if (options.format === 'json') {
        await emit(context, `${JSON.stringify(campaignJson(data), null, 2)}\n`, options.out, 'data');
      } else if (options.format === 'html') {
        const out = options.out as string;
        await emit(context, campaignReport(data, options.lang), out, 'data');
        reportWritten(context, out);
      } else {
        const palette = options.out === undefined ? context.palette : plainPalette;
        await emit(context, campaignText(data, options.lang, palette), options.out, 'text');
      }
      // A log that does not fold is listed, and the run says it did not sum up everything.
      if (view.refused.length > 0) reportFailures(context);
    });
}

/** The view as JSON: `foldCampaignYear`'s, each refused log's error as `{ code, message, issues }`. */
function campaignJson(data: CampaignData) {
  const { view } = data;
  return {
    ...view,
    ...(data.asOf === undefined ? {} : { asOf: data.asOf }),
    ...(data.planId === undefined ? {} : { plan: data.planId }),
    ruleSet: `${data.ruleSet.id}@${data.ruleSet.version}`,
    workflow: data.workflow === undefined ? null : { plugin: data.workflow.plugin },
    refused: view.refused.map(({ id, error }) => ({
      id,
      error: { code: error.code, message: error.message, issues: issuesAsJson(error.issues) },
    })),
  };
}
