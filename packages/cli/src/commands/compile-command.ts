import { generateStandaloneEvaluator } from '@sunshine-rubric/core/standalone';
import { type Command, Option } from 'commander';
import { loadRuleSet } from '../input/rule-sets.js';
import type { RunContext } from '../io/run-context.js';
import { emit } from '../output/output-file.js';
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
    .option('-o, --out <file>', 'write the module to a file (e.g. evaluator.mjs) instead of stdout')
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
uses a plugin's custom operator cannot be compiled: plugins are code.
${examples('compile guangxi-2021 --out evaluator.mjs', 'compile my-rules.json -o public/evaluator.mjs')}`,
    )
    .action(async (source: string, options: CompileOptions) => {
      const ruleSet = await loadRuleSet(context.registry, source, context.io.cwd);
      const module = generateStandaloneEvaluator(ruleSet, { unknownFacts: options.unknownFacts });
      await emit(context, module, options.out, 'data');
    });
}
