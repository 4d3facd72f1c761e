import { join } from 'node:path';
import { type Assessment, planRemediation } from '@sunshine-rubric/core';
import {
  percentInWords,
  provisionalNotice,
  resultMark,
  ruleSetLabel,
  say,
  verdictInWords,
} from '@sunshine-rubric/core/words';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import type { Command } from 'commander';
import type { EvaluatedFile } from '../input/assessments.js';
import { defaultPlanId } from '../input/plans.js';
import type { RunContext } from '../io/run-context.js';
import { ensureOutputFolder, writeOutputFile } from '../output/output-file.js';
import { timelineReport } from '../report/timeline-report.js';
import { formatTable } from '../text/table.js';
import { timelineText } from '../text/timeline-text.js';
import type { Language } from '../words/language.js';
import { departmentTitle, text } from '../words/wording.js';
import { demoPlan } from './demo-plan.js';
import { demoReviewLines } from './demo-review.js';
import { examples, languageOption } from './options.js';
import { renderEstateReport } from './report-command.js';
import { timelineData } from './timeline-command.js';

/** `demo`: the main job on the bundled sample data, end to end. */
export function registerDemoCommand(program: Command, context: RunContext): void {
  program
    .command('demo')
    .description(
      '用内置示例数据演示：评估、整改、钦州进度与创建规划、HTML 报告 — run the main job on bundled sample data',
    )
    .option(
      '-o, --out <folder>',
      'the folder for the HTML reports, created if missing (its parent must exist) 报告输出文件夹',
      'sunshine-rubric-demo',
    )
    .addOption(languageOption())
    .addHelpText('after', examples('demo', 'demo --lang en --out /tmp/reports'))
    .action(async (options: { out: string; lang: Language }) => {
      await runDemo(context, options.out, options.lang);
    });
}

async function runDemo(context: RunContext, folder: string, language: Language): Promise<void> {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const write = (line = '') => context.io.stdout.write(`${line}\n`);
  const { palette } = context;
  const ruleSet = guangxi2021;
  const evaluator = context.registry.compile(ruleSet);
  write(palette.strong(`sunshine-rubric demo: ${ruleSetLabel(ruleSet)} — ${say(ruleSet.title, language)}`));
  write(palette.warn(provisionalNotice(ruleSet, language) ?? ''));
  write();

  const evaluated = Object.entries(guangxiSamples).map(([name, assessment]): [string, EvaluatedFile] => [
    name,
    { source: name, assessment: assessment as Assessment, ruleSet, result: evaluator.evaluate(assessment) },
  ]);
  const header = [
    say2('示例', 'sample'),
    say2('小区', 'estate'),
    say2('符合/适用', 'met/applicable'),
    say2('符合率', 'rate'),
    say2('重点', 'focus'),
    say2('结论', 'verdict'),
  ];
  const rows = evaluated.map(([name, { assessment, result }]) => {
    const verdict = say(verdictInWords(result), language);
    return [
      { text: name },
      { text: assessment.community.name },
      { text: `${result.compliance.met}/${result.compliance.applicable}` },
      { text: percentInWords(result.compliance.rate) },
      // guangxi-2021 has a focus, so every result says ✓ ✗ or ?; '—' would be a rule set without one.
      { text: result.inFocus === undefined ? '—' : resultMark(result.inFocus) },
      { text: verdict, shown: result.eligible ? palette.good(verdict) : palette.bad(verdict) },
    ];
  });
  write(formatTable([header.map((cell) => ({ text: cell })), ...rows]));
  write(
    say2(
      '重点：✓ 属于规则集的重点范围，✗ 不属于，? 缺少数据；重点范围不影响结论。',
      'focus: ✓ in the rule set’s focus, ✗ outside it, ? data missing; the focus never changes the verdict.',
    ),
  );

  for (const [name, { result }] of evaluated) {
    if (result.eligible) continue;
    write();
    write(palette.strong(`${name}:`));
    for (const reason of result.reasons) write(`  - ${say(reason.message, language)}`);
    const plan = planRemediation(ruleSet, result);
    if (!plan.feasible) continue;
    write(
      `  ${say2(`最省整改（${plan.steps.length} 项标准）：`, `cheapest fixes (${plan.steps.length} standards):`)}`,
    );
    for (const [department, standardIds] of Object.entries(plan.byResponsible)) {
      write(`    ${departmentTitle(department, language)}: ${standardIds.join(', ')}`);
    }
  }

  write();
  for (const line of demoReviewLines(ruleSet, language)) write(line);

  write();
  const timeline = await timelineData(context, defaultPlanId, undefined);
  write(timelineText(timeline, language, palette).trimEnd());

  await ensureOutputFolder(context, folder);
  write();
  const planned = await demoPlan(context, folder, language);
  const written: string[] = [];
  for (const [name, entry] of evaluated) {
    written.push(
      await writeOutputFile(context, join(folder, `${name}.html`), renderEstateReport(entry, language)),
    );
  }
  written.push(
    await writeOutputFile(
      context,
      join(folder, `timeline-${defaultPlanId}.html`),
      timelineReport(timeline, language),
    ),
    ...planned,
  );
  write();
  write(palette.strong(say2(`报告和数据已写入 ${folder}/：`, `Reports and data written to ${folder}/:`)));
  for (const path of written) write(`  ${path}`);
  write();
  write(
    palette.warn(
      say2(
        '提示：guangxi-2021 的标准措辞为暂定版本（项目起草，非官方文本）；示例小区均为虚构。取得官方标准表后，可用 `sunshine-rubric template import-standard` 导入。',
        'Note: the wording of guangxi-2021 is provisional (drafted by the project, not the official text), and the sample estates are fictional. Import the official table with `sunshine-rubric template import-standard` once you have it.',
      ),
    ),
  );
}
