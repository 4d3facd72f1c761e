import { readFile } from 'node:fs/promises';
import { RubricError } from '@sunshine-rubric/core';
import type { Command } from 'commander';
import { fileProblem, readJsonFile } from '../input/read-json.js';
import { defaultRuleSetId, loadRuleSet } from '../input/rule-sets.js';
import { inputPath, type RunContext } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';
import { emit, reportWritten, writeOutputFile } from '../output/output-file.js';
import type { Language } from '../words/language.js';
import { examples, languageOption, ruleSetOption } from './options.js';
import {
  addWorkbookLimitOptions,
  type WorkbookLimitFlags,
  workbookCliError,
  workbookLimits,
} from './workbook-limit-options.js';

/** `template export | import | import-standard`: between JSON and the spreadsheets people fill in. */
export function registerTemplateCommand(program: Command, context: RunContext): void {
  const template = program
    .command('template')
    .description('自查表（Excel）导出与导入 — self-check workbooks and official standard tables (.xlsx)')
    .addHelpText(
      'after',
      examples(
        'template export --rule-set guangxi-2021 --out self-check.xlsx',
        'template import filled-in.xlsx --rule-set guangxi-2021 --out estate.json',
        'template import-standard 附件1.xlsx --id guangxi-2021-official --out guangxi-2021-official.json',
      ),
    );

  template
    .command('export')
    .description('导出空白（或预填的）自查表 — write the self-check workbook of a rule set')
    .addOption(ruleSetOption().default(defaultRuleSetId))
    .requiredOption('-o, --out <file.xlsx>', 'the workbook to write 输出的 Excel 文件')
    .option('--assessment <file.json>', 'pre-fill the answers from an assessment 用已有自查数据预填')
    .addOption(languageOption().default('zh'))
    .addHelpText(
      'after',
      examples(
        'template export --out self-check.xlsx',
        'template export --rule-set my-rules.json --assessment last-year.json --out 2025.xlsx',
      ),
    )
    .action(async (options: { ruleSet: string; out: string; assessment?: string; lang: Language }) => {
      const workbook = await import('@sunshine-rubric/workbook');
      const ruleSet = await loadRuleSet(context.registry, options.ruleSet, context.io.cwd);
      const assessment =
        options.assessment === undefined
          ? undefined
          : await readJsonFile(inputPath(context, options.assessment), options.assessment);
      const bytes = await withFile(options.assessment ?? options.ruleSet, () =>
        workbook.exportSelfCheckWorkbook(ruleSet, {
          ...(assessment === undefined ? {} : { assessment: assessment as never }),
          lang: options.lang === 'en' ? 'zh-en' : 'zh',
        }),
      );
      reportWritten(context, await writeOutputFile(context, options.out, bytes));
    });

  addWorkbookLimitOptions(template.command('import'))
    .description('把填好的自查表读回自查数据 JSON — read a filled-in self-check workbook into an assessment')
    .argument('<file.xlsx>', 'the filled-in workbook 填好的自查表')
    .addOption(ruleSetOption().default(defaultRuleSetId))
    .option('-o, --out <assessment.json>', 'the assessment to write (default: stdout) 输出的自查数据')
    .addHelpText(
      'after',
      `${limitsHelp}${examples('template import filled-in.xlsx --out estate.json', 'template import big.xlsx --max-cells 5000000 --out estate.json')}`,
    )
    .action(async (file: string, options: { ruleSet: string; out?: string } & WorkbookLimitFlags) => {
      const workbook = await import('@sunshine-rubric/workbook');
      const ruleSet = await loadRuleSet(context.registry, options.ruleSet, context.io.cwd);
      const bytes = await readBytes(context, file);
      const assessment = await withFile(file, () =>
        workbook.importSelfCheckWorkbook(ruleSet, bytes, workbookLimits(options)),
      );
      await emit(context, `${JSON.stringify(assessment, null, 2)}\n`, options.out, 'data');
    });

  addWorkbookLimitOptions(template.command('import-standard'))
    .description('把官方标准表导入为规则集 — import an official standard table as a rule set')
    .argument('<table.xlsx>', 'the official standard table (附件1) 官方标准表')
    .requiredOption('--id <id>', 'the rule set’s id, kebab-case 规则集编号')
    .option('-o, --out <rule-set.json>', 'the rule set to write (default: stdout) 输出的规则集')
    .option('--rule-set-version <semver>', 'the rule set’s version', '1.0.0')
    .option('--source <text>', 'where the table comes from (default: the file name) 来源')
    .option('--title <text>', 'the rule set’s title (default: the table’s title)')
    .option('--sheet <name>', 'the sheet to read (default: the first with a header row)')
    .option('--threshold <share>', 'compliance-rate threshold, 0 to 1 (default 0.85)', parseShare)
    .option('--min-met <count>', 'standards to meet in every requirement (default 1)', parseCount)
    .option('--pass-mark <points>', 'pass mark, required when the table has 分值 (points)', parseCount)
    .addHelpText(
      'after',
      `${limitsHelp}${examples('template import-standard 附件1.xlsx --id guangxi-2021-official --out official.json')}`,
    )
    .action(async (file: string, options: StandardOptions) => {
      const workbook = await import('@sunshine-rubric/workbook');
      const bytes = await readBytes(context, file);
      const ruleSet = await withFile(file, () =>
        workbook.importStandardTable(bytes, {
          id: options.id,
          version: options.ruleSetVersion,
          source: options.source ?? file,
          ...(options.title === undefined ? {} : { title: options.title }),
          ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
          ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
          ...(options.minMet === undefined ? {} : { minMetPerRequirement: options.minMet }),
          ...(options.passMark === undefined ? {} : { passMark: options.passMark }),
          ...workbookLimits(options),
        }),
      );
      await emit(context, `${JSON.stringify(ruleSet, null, 2)}\n`, options.out, 'data');
    });
}

const limitsHelp = `
A workbook beyond --max-cells or --max-inflated-bytes is refused before it is read (exit code 2); raise
them only for a genuine workbook that large. 超过上限的工作簿在读取前即被拒绝。
`;

interface StandardOptions extends WorkbookLimitFlags {
  readonly id: string;
  readonly out?: string;
  readonly ruleSetVersion: string;
  readonly source?: string;
  readonly title?: string;
  readonly sheet?: string;
  readonly threshold?: number;
  readonly minMet?: number;
  readonly passMark?: number;
}

async function readBytes(context: RunContext, file: string): Promise<Uint8Array> {
  try {
    return await readFile(inputPath(context, file));
  } catch (error) {
    throw new CliError(`${shownInput(file)}: ${fileProblem(error)}`, { cause: error });
  }
}

/** Runs a workbook step; its errors name the file, every problem with its path. */
async function withFile<T>(file: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!RubricError.isInstance(error)) throw error;
    throw workbookCliError(error, file);
  }
}

function parseShare(value: string): number {
  const share = Number(value);
  if (value.trim() === '' || !(share > 0 && share <= 1)) {
    throw new CliError(
      `--threshold: expected a share above 0 and at most 1, e.g. 0.85, got ${JSON.stringify(shownInput(value))}`,
    );
  }
  return share;
}

function parseCount(value: string): number {
  const count = Number(value);
  if (value.trim() === '' || !Number.isFinite(count) || count < 0) {
    throw new CliError(`expected a number 0 or more, got ${JSON.stringify(shownInput(value))}`);
  }
  return count;
}
