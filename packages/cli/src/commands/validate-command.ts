import { safeDefineRuleSet } from '@sunshine-rubric/core';
import { formatPath, groundsSummary } from '@sunshine-rubric/core/words';
import type { Command } from 'commander';
import { inputPath, type RunContext, reportFailures } from '../cli/context.js';
import { type Language, say } from '../cli/language.js';
import { oneLine } from '../input/describe-error.js';
import { readJsonFile } from '../input/read-json.js';
import { provisionalNotice, ruleSetLabel, text } from '../words/wording.js';
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
Exit code 0 when the rule set is valid, 1 when it is not (every problem listed), 2 when the file is
missing or not JSON.
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
        };
        context.dataOut.write(`${JSON.stringify(summary, null, 2)}\n`);
        return;
      }
      const lines = [
        context.palette.good(say2(`✓ ${file}：规则集有效`, `✓ ${file}: valid rule set`)),
        `  ${ruleSetLabel(ruleSet)} ${say(ruleSet.title, options.lang)}`,
        say2(
          `  ${counts.aspects} 个方面，${counts.requirements} 项要求，${counts.standards} 项标准，${counts.facts} 个事实`,
          `  ${counts.aspects} aspects, ${counts.requirements} requirements, ${counts.standards} standards, ${counts.facts} facts`,
        ),
      ];
      const notice = provisionalNotice(ruleSet, options.lang);
      if (notice) lines.push(...notice.split('\n').map((line) => `  ${line}`));
      context.io.stdout.write(`${lines.join('\n')}\n`);
    });
}
