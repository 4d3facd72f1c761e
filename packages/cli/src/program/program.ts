import { Command } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { lintStep } from '../check/lint-step.js';
import { registerBatchCommand } from '../commands/batch-command.js';
import { registerCampaignCommand } from '../commands/campaign-command.js';
import { registerCheckCommand } from '../commands/check-command.js';
import { registerCompileCommand } from '../commands/compile-command.js';
import { registerDemoCommand } from '../commands/demo-command.js';
import { registerDiffCommand } from '../commands/diff-command.js';
import { registerEvaluateCommand } from '../commands/evaluate-command.js';
import { registerFormsCommand } from '../commands/forms-command.js';
import { registerPlanCommand } from '../commands/plan-command.js';
import { registerRemediateCommand } from '../commands/remediate-command.js';
import { registerReportCommand } from '../commands/report-command.js';
import { registerTemplateCommand } from '../commands/template-command.js';
import { registerTimelineCommand } from '../commands/timeline-command.js';
import { registerValidateCommand } from '../commands/validate-command.js';
import type { RunContext } from '../io/run-context.js';

/** The `sunshine-rubric` command with every subcommand, writing to the run's streams, never exiting. */
export function buildProgram(context: RunContext): Command {
  const program = new Command('sunshine-rubric')
    .description(
      '阳光社区·美丽家园 创建评估工具 — evaluate affordable-housing estates against certification rubrics',
    )
    .version(packageJson.version, '-v, --version')
    .option('--debug', 'print the stack trace of an error 出错时打印堆栈')
    .showHelpAfterError('(add --help for usage 使用 --help 查看用法)')
    .configureOutput({
      writeOut: (text) => context.io.stdout.write(text),
      writeErr: (text) => context.io.stderr.write(text),
      outputError: (text, write) => write(`sunshine-rubric: ${text}`),
    })
    .exitOverride()
    .hook('preAction', (_program, action) => {
      context.inputs = inputArguments(action);
      if (action.opts().format === 'json') context.errorFormat = 'json';
    });
  program.addHelpText(
    'after',
    `
Every --out is written to a temporary file beside it and renamed into place, so a failed run never leaves
half a file; its folder must exist; it must not be one of the run's inputs (nor a link to one); - is stdout.
Errors name the file and JSON path of each problem (the first 20 in text, all with --format json).

Run \`sunshine-rubric demo\` to see it work on the bundled sample estates. 运行 demo 查看示例。
`,
  );
  registerEvaluateCommand(program, context);
  registerBatchCommand(program, context);
  registerReportCommand(program, context);
  registerFormsCommand(program, context);
  registerCampaignCommand(program, context);
  registerRemediateCommand(program, context);
  registerTimelineCommand(program, context);
  registerPlanCommand(program, context);
  registerValidateCommand(program, context);
  registerCheckCommand(program, context, lintStep);
  registerDiffCommand(program, context);
  registerCompileCommand(program, context);
  registerTemplateCommand(program, context);
  registerDemoCommand(program, context);
  return program;
}

/** Options that name a file the command writes (`--out`, `check --junit`): never inputs. */
const outputOptions = new Set(['out', 'junit']);

/**
 * Every value the user gave the command but its outputs: its files, `--rule-set`, `--costs`, `--plan` ….
 * Any of them that names an existing file is an input that an output must not overwrite; the rest name
 * nothing.
 */
function inputArguments(action: Command): string[] {
  const values: unknown[] = [...action.processedArgs];
  for (const [name, value] of Object.entries(action.opts())) if (!outputOptions.has(name)) values.push(value);
  return values.flat().filter((value): value is string => typeof value === 'string');
}
