import { checkTimeline, trackProgress } from '@sunshine-rubric/core';
import type { Command } from 'commander';
import { certifiedError, defaultPlanId, loadPlan, readCertified } from '../input/plans.js';
import { plainPalette } from '../io/colour.js';
import { type RunContext, reportFailures } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { emit, reportWritten } from '../output/output-file.js';
import { timelineReport } from '../report/timeline-report.js';
import { type TimelineData, timelineText } from '../text/timeline-text.js';
import type { Language } from '../words/language.js';
import { examples, formatOption, languageOption } from './options.js';

interface TimelineOptions {
  readonly plan: string;
  readonly certified?: string;
  readonly format: 'text' | 'json' | 'html';
  readonly out?: string;
  readonly lang: Language;
  readonly check?: boolean;
}

/** `timeline`: a target plan's quotas, consistency findings and progress. */
export function registerTimelineCommand(program: Command, context: RunContext): void {
  program
    .command('timeline')
    .description(
      '创建目标：年度任务、计划一致性检查和进度 — a target plan’s quotas, consistency findings and progress',
    )
    .option('--plan <id|file>', `target plan: built-in id or JSON file 目标计划`, defaultPlanId)
    .option('--certified <file>', 'estates certified per year, { "2021": 11, "2022": 8 } 各年度已创建数量')
    .addOption(formatOption(['text', 'json', 'html'], 'text'))
    .option('-o, --out <file>', 'write to a file instead of stdout (html needs it)')
    .addOption(languageOption())
    .option(
      '--check',
      'exit with code 1 when the plan has an error or a warning (notices print but pass) 计划有错误或警告时退出码为 1',
    )
    .addHelpText(
      'after',
      examples(
        'timeline',
        'timeline --plan qinzhou-2021 --certified certified.json --lang en',
        'timeline --certified certified.json --format html --out timeline.html',
      ),
    )
    .action(async (options: TimelineOptions) => {
      const data = await timelineData(context, options.plan, options.certified);
      if (options.format === 'json') {
        const json = {
          plan: options.plan,
          check: data.check,
          ...(data.progress ? { progress: data.progress } : {}),
        };
        await emit(context, `${JSON.stringify(json, null, 2)}\n`, options.out, 'data');
      } else if (options.format === 'html') {
        if (options.out === undefined)
          throw new CliError('--format html needs --out <file.html> (需用 --out 指定文件)');
        await emit(context, timelineReport(data, options.lang), options.out, 'data');
        reportWritten(context, options.out);
      } else {
        const palette = options.out === undefined ? context.palette : plainPalette;
        await emit(context, timelineText(data, options.lang, palette), options.out, 'text');
      }
      // A notice is a reading the plan leaves open, not a fault: it is printed, and --check passes it.
      if (options.check && data.check.issues.some((issue) => issue.severity !== 'notice'))
        reportFailures(context);
    });
}

/** Loads a plan (and certified counts) and computes its check and progress. */
export async function timelineData(
  context: RunContext,
  planReference: string,
  certifiedFile: string | undefined,
): Promise<TimelineData> {
  const plan = await loadPlan(context, planReference);
  const check = checkTimeline(plan);
  if (certifiedFile === undefined) return { planId: plan.id ?? planReference, plan, check };
  const certified = await readCertified(context, certifiedFile);
  try {
    return { planId: plan.id ?? planReference, plan, check, progress: trackProgress(plan, certified) };
  } catch (error) {
    throw certifiedError(error, certifiedFile);
  }
}
