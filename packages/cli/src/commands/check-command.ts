import type { RuleSet } from '@sunshine-rubric/core';
import { type Command, Option } from 'commander';
import { checkJson, checkText } from '../check/check-text.js';
import { fails, type LintStep, type Severity } from '../check/findings.js';
import { readFixtures } from '../check/fixtures.js';
import { githubAnnotations } from '../check/github-annotations.js';
import { junitXml } from '../check/junit-xml.js';
import { runCheck } from '../check/run-check.js';
import { parseJson, readTextFile } from '../input/read-json.js';
import { loadRuleSet } from '../input/rule-sets.js';
import { plainPalette } from '../io/colour.js';
import { inputPath, type RunContext, reportFailures } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';
import { emit, writeOutputFile } from '../output/output-file.js';
import type { Language } from '../words/language.js';
import { diffText } from './diff-command.js';
import { examples, formatOption, languageOption } from './options.js';

interface CheckOptions {
  readonly base?: string;
  readonly fixtures?: string;
  readonly coverageMin?: number;
  readonly format: 'text' | 'json' | 'junit' | 'github';
  readonly failOn: Severity;
  readonly junit?: string;
  readonly out?: string;
  readonly lang: Language;
}

/**
 * `check`: everything a rubric author's CI asks of a rule set, in one run — the schema, the linter, the
 * fixtures against their expected verdicts, the coverage threshold, and with `--base` the diff and which
 * fixtures change verdict. `lint` is the lint step (`lintStep`: `lintRuleSet` with the registry's operators).
 */
export function registerCheckCommand(program: Command, context: RunContext, lint: LintStep): void {
  program
    .command('check')
    .description(
      '规则集持续集成检查 — validate, lint, run fixtures, check coverage, and report flips against a base',
    )
    .argument('<rule-set.json>', 'the rule set to check 规则集文件')
    .option(
      '--base <id|file>',
      'the rule set it replaces: print the diff and the fixtures whose verdict flips 对比的旧版本',
    )
    .option(
      '--fixtures <dir|file.ndjson>',
      'assessments to evaluate, each with an optional "expect": { "eligible", "reasons" } 夹具（文件夹或 NDJSON）',
    )
    .addOption(
      new Option(
        '--coverage-min <ratio>',
        'fail below this share of condition-leaf outcomes covered (0–1) 覆盖率下限',
      ).argParser(parseRatio),
    )
    .addOption(formatOption(['text', 'json', 'junit', 'github'], 'text'))
    .addOption(
      new Option('--fail-on <severity>', 'the least severity that fails the check 失败级别')
        .choices(['error', 'warning', 'info'])
        .default('error'),
    )
    .option('--junit <file>', 'also write the JUnit XML report to this file 另存 JUnit XML')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .addOption(languageOption())
    .addHelpText(
      'after',
      `
Fixtures: a folder of assessment JSON files, or an NDJSON file, one assessment a line. A fixture may carry
"expect": { "eligible": false, "reasons": ["BELOW_THRESHOLD"] }; a verdict that differs is an error.
--format github writes "::error file=…,line=…::" annotations that GitHub shows on the lines of the rule set
and fixtures; --format junit (or --junit <file>) writes JUnit XML for any CI system.
Exit code 0 when nothing fails, 1 when a finding does (errors; --fail-on warning counts warnings too),
2 for bad input: a missing file, a rule set that is not JSON, an invalid --base.
${examples(
  'check rule-sets/city.json --fixtures fixtures --coverage-min 0.8',
  'check rule-sets/city.json --base rule-sets/city.previous.json --fixtures fixtures --format github --junit check.xml',
)}`,
    )
    .action(async (file: string, options: CheckOptions) => {
      if (options.coverageMin !== undefined && options.fixtures === undefined) {
        throw new CliError(
          '--coverage-min needs --fixtures: coverage is measured on the fixtures (覆盖率需要夹具)',
        );
      }
      const source = await readTextFile(inputPath(context, file), file);
      const json = parseJson(source, file);
      const base = options.base === undefined ? undefined : await loadBase(context, options.base);
      const fixtures =
        options.fixtures === undefined ? undefined : await readFixtures(context.io.cwd, options.fixtures);
      const report = runCheck({
        file,
        source,
        json,
        operators: context.registry.operators,
        lint,
        ...(fixtures ? { fixtures } : {}),
        ...(base ? { base } : {}),
        ...(options.coverageMin === undefined ? {} : { coverageMin: options.coverageMin }),
      });
      if (report.findings.some((finding) => fails(finding, options.failOn))) reportFailures(context);
      if (options.junit !== undefined) {
        await writeOutputFile(context, options.junit, junitXml(report, options.failOn, options.lang));
      }
      switch (options.format) {
        case 'json':
          return emit(context, checkJson(report, options.failOn), options.out, 'data');
        case 'junit':
          return emit(context, junitXml(report, options.failOn, options.lang), options.out, 'data');
        case 'github':
          return emit(
            context,
            githubAnnotations(report, options.lang, {
              cwd: context.io.cwd,
              workspace: context.io.env.GITHUB_WORKSPACE,
            }),
            options.out,
            'text',
          );
        default: {
          const palette = options.out === undefined ? context.palette : plainPalette;
          const output = checkText(report, options.failOn, options.lang, palette, diffText);
          return emit(context, output, options.out, 'text');
        }
      }
    });
}

async function loadBase(context: RunContext, reference: string): Promise<RuleSet> {
  try {
    return await loadRuleSet(context.registry, reference, context.io.cwd);
  } catch (error) {
    if (error instanceof CliError) {
      throw new CliError(`--base: ${error.message}`, {
        cause: error,
        code: error.code,
        issues: error.issues,
        ...(error.file === undefined ? {} : { file: error.file }),
      });
    }
    throw error;
  }
}

function parseRatio(value: string): number {
  const ratio = Number(value);
  if (value.trim() === '' || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new CliError(
      `--coverage-min: expected a share from 0 to 1 (0.9 for 90%), got ${JSON.stringify(shownInput(value))} (覆盖率下限应在 0 到 1 之间)`,
    );
  }
  return ratio;
}
