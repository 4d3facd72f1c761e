import { safeDefineRuleSet } from '@sunshine-rubric/core';
import { lintRuleSet } from '@sunshine-rubric/core/lint';
import {
  formatPath,
  groundsSummary,
  provisionalNotice,
  ruleSetLabel,
  say,
} from '@sunshine-rubric/core/words';
import type { Command } from 'commander';
import { oneLine } from '../input/describe-error.js';
import { readJsonFile } from '../input/read-json.js';
import { inputPath, type RunContext, reportFailures } from '../io/run-context.js';
import type { Language } from '../words/language.js';
import { text } from '../words/wording.js';
import { lintCounts, lintJson, lintLines } from './lint-findings.js';
import { examples, formatOption, languageOption } from './options.js';

interface ValidateOptions {
  readonly format: 'text' | 'json';
  readonly lang: Language;
}

/** `validate`: checks a rule-set file and lists every problem with its JSON path. */
export function registerValidateCommand(program: Command, context: RunContext): void {
  program
    .command('validate')
    .description('校验规则集文件 — check a rule-set JSON file and list every problem')
    .argument('<rule-set.json>', 'the rule set to check 规则集文件')
    .addOption(formatOption(['text', 'json'], 'text'))
    .addOption(languageOption())
    .addHelpText(
      'after',
      `
A valid rule set is then linted: what no estate can ever reach (a standard never met, a requirement
never covered, eligibility out of reach), proved over every value its facts allow. Errors fail, warnings
and notes are printed.

Exit code 0 when the rule set is valid and the linter finds no error, 1 when it is invalid (every problem
listed) or the linter finds an error, 2 when the file is missing or not JSON.
${examples('validate my-rules.json', 'validate my-rules.json --format json')}`,
    )
    .action(async (file: string, options: ValidateOptions) => {
      const json = await readJsonFile(inputPath(context, file), file);
      const checked = safeDefineRuleSet(json, { operators: context.registry.operators });
      const say2 = (zh: string, en: string) => say(text(zh, en), options.lang);
      if (!checked.ok) {
        reportFailures(context);
        const issues = checked.error.issues.map((issue) => ({
          path: formatPath(issue.path),
          message: oneLine(issue.message),
          ...(issue.kind === undefined ? {} : { kind: issue.kind }),
        }));
        if (options.format === 'json') {
          context.dataOut.write(
            `${JSON.stringify({ valid: false, file, code: checked.error.code, issues }, null, 2)}\n`,
          );
          return;
        }
        const heading = say2(
          `✗ ${file}：规则集无效，共 ${issues.length} 个问题`,
          `✗ ${file}: invalid rule set, ${issues.length} problem(s)`,
        );
        const lines = [
          context.palette.bad(heading),
          ...issues.map((issue) => `  ${file} ${issue.path}: ${issue.message}`),
        ];
        context.io.stdout.write(`${lines.join('\n')}\n`);
        return;
      }
      const ruleSet = checked.value;
      const lint = lintRuleSet(ruleSet, { operators: context.registry.operators });
      const { errors, warnings } = lintCounts(lint);
      if (errors > 0) reportFailures(context);
      const requirements = ruleSet.aspects.flatMap((aspect) => aspect.requirements);
      const counts = {
        aspects: ruleSet.aspects.length,
        requirements: requirements.length,
        standards: requirements.reduce((sum, requirement) => sum + requirement.standards.length, 0),
        facts: Object.keys(ruleSet.facts).length,
      };
      if (options.format === 'json') {
        const summary = {
          valid: true,
          file,
          id: ruleSet.id,
          version: ruleSet.version,
          provenance: ruleSet.provenance.status,
          ...counts,
          grounds: groundsSummary(ruleSet),
          lint: lintJson(lint),
        };
        context.dataOut.write(`${JSON.stringify(summary, null, 2)}\n`);
        return;
      }
      const heading =
        errors > 0
          ? context.palette.bad(
              say2(
                `✗ ${file}：规则集格式有效，但检查发现 ${errors} 个错误、${warnings} 个警告`,
                `✗ ${file}: valid rule set, but the linter found ${errors} error(s) and ${warnings} warning(s)`,
              ),
            )
          : context.palette.good(say2(`✓ ${file}：规则集有效`, `✓ ${file}: valid rule set`));
      const lines = [
        heading,
        `  ${ruleSetLabel(ruleSet)} ${say(ruleSet.title, options.lang)}`,
        say2(
          `  ${counts.aspects} 个方面，${counts.requirements} 项要求，${counts.standards} 项标准，${counts.facts} 个事实`,
          `  ${counts.aspects} aspects, ${counts.requirements} requirements, ${counts.standards} standards, ${counts.facts} facts`,
        ),
      ];
      const notice = provisionalNotice(ruleSet, options.lang);
      if (notice) lines.push(...notice.split('\n').map((line) => `  ${line}`));
      lines.push(...lintLines(lint, file, context.palette, options.lang));
      context.io.stdout.write(`${lines.join('\n')}\n`);
    });
}
