import { planRemediation, type RemediationPlan } from '@sunshine-rubric/core';
import { missingEvidenceInWords, provisionalNotice, say, verdictInWords } from '@sunshine-rubric/core/words';
import type { Command } from 'commander';
import { evaluateFile } from '../input/assessments.js';
import { parseDefaultCost, readCosts } from '../input/costs.js';
import type { RunContext } from '../io/run-context.js';
import { emit } from '../output/output-file.js';
import { scoreLine } from '../text/evaluation-text.js';
import { formatTable } from '../text/table.js';
import type { Language } from '../words/language.js';
import { departmentTitle, indexRuleSet, text } from '../words/wording.js';
import { examples, formatOption, languageOption, ruleSetOption } from './options.js';

interface RemediateOptions {
  readonly ruleSet?: string;
  readonly costs?: string;
  readonly defaultCost?: number;
  readonly format: 'text' | 'json';
  readonly out?: string;
  readonly lang: Language;
}

/** `remediate`: the cheapest set of standards to fix, by responsible department. */
export function registerRemediateCommand(program: Command, context: RunContext): void {
  program
    .command('remediate')
    .description('计算最省的整改方案（按责任部门）— the cheapest fixes that make an estate eligible')
    .argument('<assessment.json>', 'the estate’s assessment 小区自查数据')
    .addOption(ruleSetOption())
    .option('--costs <costs.json>', 'cost of fixing each standard, { "S28": 120000 } 各标准整改成本')
    .option(
      '--default-cost <number>',
      'cost of a standard the costs file does not list (default 1)',
      parseDefaultCost,
    )
    .addOption(formatOption(['text', 'json'], 'text'))
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .addOption(languageOption())
    .addHelpText(
      'after',
      `
Without --costs every standard costs 1, so the plan fixes as few standards as possible.
${examples('remediate estate.json', 'remediate estate.json --costs costs.json --default-cost 20000 --format json')}`,
    )
    .action(async (file: string, options: RemediateOptions) => {
      const evaluated = await evaluateFile(context, file, options.ruleSet);
      const remediation =
        options.costs === undefined
          ? options.defaultCost === undefined
            ? {}
            : { defaultCost: options.defaultCost }
          : await readCosts(context, options.costs, evaluated.ruleSet, options.defaultCost);
      const plan = planRemediation(evaluated.ruleSet, evaluated.result, remediation);
      if (options.format === 'json') {
        await emit(context, `${JSON.stringify(plan, null, 2)}\n`, options.out, 'data');
        return;
      }
      const { ruleSet, result } = evaluated;
      const language = options.lang;
      const say2 = (zh: string, en: string) => say(text(zh, en), language);
      const lines = [
        `${evaluated.assessment.community.name}  [${result.assessmentId}]`,
        `${say2('结论', 'Verdict')}: ${say(verdictInWords(result), language)}; ${scoreLine(ruleSet, result, language)}`,
      ];
      const notice = provisionalNotice(ruleSet, language);
      if (notice) lines.push(notice);
      lines.push(
        ...planLines(
          plan,
          evaluated.ruleSet,
          language,
          options.costs !== undefined || options.defaultCost !== undefined,
        ),
      );
      await emit(context, `${lines.join('\n')}\n`, options.out, 'text');
    });
}

function planLines(
  plan: RemediationPlan,
  ruleSet: Parameters<typeof indexRuleSet>[0],
  language: Language,
  costsGiven: boolean,
): string[] {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  if (plan.feasible && plan.steps.length === 0)
    return [say2('已符合申报条件，无需整改。', 'Already eligible: nothing to fix.')];
  if (!plan.feasible) {
    const why = {
      OUT_OF_SCOPE: say2(
        '小区不在创建范围内，整改无法使其符合条件。',
        'Out of scope: no fix makes the estate eligible.',
      ),
      SCOPE_UNKNOWN: say2(
        '缺少判断创建范围的数据，请先补充。',
        'The scope cannot be decided: answer the missing facts first.',
      ),
      UNREACHABLE: say2(
        '即使整改全部标准也无法符合条件。',
        'Even fixing every open standard would not make it eligible.',
      ),
    };
    return [why[plan.blockedBy ?? 'UNREACHABLE']];
  }
  const index = indexRuleSet(ruleSet);
  const lines = [
    costsGiven
      ? say2(
          `最省整改方案：${plan.steps.length} 项标准，总成本 ${plan.totalCost}`,
          `Cheapest plan: ${plan.steps.length} standards, total cost ${plan.totalCost}`,
        )
      : say2(`最省整改方案：${plan.steps.length} 项标准`, `Cheapest plan: ${plan.steps.length} standards`),
  ];
  const byStandard = new Map(plan.steps.map((step) => [step.standardId, step]));
  for (const [department, standardIds] of Object.entries(plan.byResponsible)) {
    lines.push(`  ${departmentTitle(department, language)}:`);
    const rows = standardIds.map((id) => {
      const step = byStandard.get(id);
      return [
        `    ${id}`,
        say(index.standard(id).title, language),
        ...(costsGiven ? [String(step?.cost ?? '')] : []),
        step?.outcome === 'missing-data'
          ? say2('（补充数据）', '(answer missing facts)')
          : step?.evidence !== undefined && step.evidence.length > 0
            ? `[${say(missingEvidenceInWords(step.evidence), language)}]`
            : '',
      ];
    });
    lines.push(formatTable(rows));
  }
  return lines;
}
