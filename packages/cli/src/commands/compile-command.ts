import { generateStandaloneEvaluator } from '@sunshine-rubric/core/standalone';
import { type Command, Option } from 'commander';
import { loadRuleSet } from '../input/rule-sets.js';
import type { RunContext } from '../io/run-context.js';
import { checkOutputTarget, emit, standardStream, writeOutputFile } from '../output/output-file.js';
import { examples } from './options.js';

interface CompileOptions {
  readonly out?: string;
  readonly unknownFacts: 'error' | 'ignore';
}

/** `compile`: writes a rule set's standalone evaluator, a dependency-free ES module. */
export function registerCompileCommand(program: Command, context: RunContext): void {
  program
    .command('compile')
    .description('生成独立评估模块 — write a dependency-free ES module that evaluates one rule set')
    .argument('<rule-set>', 'the rule set (file or registered id) 规则集')
    .option(
      '-o, --out <file>',
      'write the module to a file (e.g. evaluator.mjs, with its TypeScript declarations evaluator.d.mts beside it) instead of stdout',
    )
    .addOption(
      new Option('--unknown-facts <policy>', 'an assessment fact the rule set does not declare 未声明的事实')
        .choices(['error', 'ignore'])
        .default('error'),
    )
    .addHelpText(
      'after',
      `
The module exports evaluate(assessment, { explain? }), RubricError and ruleSet. It imports nothing and
contains no eval, so it can be shipped to a browser under a strict Content-Security-Policy. A rule set that
uses a plugin's custom operator cannot be compiled: plugins are code. With --out x.mjs (or x.js), its
TypeScript declarations go to x.d.mts (or x.d.ts) beside it: facts typed by the rule set's catalog.
${examples('compile guangxi-2021 --out evaluator.mjs', 'compile my-rules.json -o public/evaluator.mjs')}`,
    )
    .action(async (source: string, options: CompileOptions) => {
      const ruleSet = await loadRuleSet(context.registry, source, context.io.cwd);
      const { out } = options;
      const target = out === undefined ? undefined : await checkOutputTarget(context, out);
      // Beside a file only: not beside stdout or a special file such as /dev/null. Checked with the module's
      // target, so that declarations that cannot be written (a folder, an input of the run) leave no module.
      const declarationsFile =
        out !== undefined && target?.kind === 'file' ? declarationsFileFor(out) : undefined;
      if (declarationsFile !== undefined) await checkOutputTarget(context, declarationsFile);
      const { module, declarations } = generateStandaloneEvaluator(ruleSet, {
        unknownFacts: options.unknownFacts,
        declarations: true,
      });
      await emit(context, module, out, 'data');
      if (declarationsFile !== undefined) await writeOutputFile(context, declarationsFile, declarations);
    });
}

/**
 * Where TypeScript looks for a module's declarations: `x.d.mts` for `x.mjs`, `x.d.ts` for `x.js`;
 * `undefined` for `-` and for other names, which TypeScript does not import as modules.
 *
 * @example
 * ```ts
 * declarationsFileFor('public/evaluator.mjs'); // 'public/evaluator.d.mts'
 * ```
 */
export function declarationsFileFor(out: string): string | undefined {
  if (out === standardStream) return undefined;
  if (out.endsWith('.mjs')) return `${out.slice(0, -'.mjs'.length)}.d.mts`;
  if (out.endsWith('.js')) return `${out.slice(0, -'.js'.length)}.d.ts`;
  return undefined;
}
