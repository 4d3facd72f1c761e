import { diffRuleSets, type FieldChange, type ItemChanges, type RuleSetDiff } from '@sunshine-rubric/core';
import type { Command } from 'commander';
import { loadRuleSet } from '../input/rule-sets.js';
import type { RunContext } from '../io/run-context.js';
import { emit } from '../output/output-file.js';
import { type Language, say } from '../words/language.js';
import { ruleSetLabel, text } from '../words/wording.js';
import { examples, formatOption, languageOption } from './options.js';

interface DiffOptions {
  readonly format: 'text' | 'json';
  readonly out?: string;
  readonly lang: Language;
}

/** `diff`: what changed between two rule sets, standard by standard. */
export function registerDiffCommand(program: Command, context: RunContext): void {
  program
    .command('diff')
    .description('比较两个规则集的差异 — what changed between two rule sets, standard by standard')
    .argument('<a.json>', 'the rule set before (file or registered id) 修改前')
    .argument('<b.json>', 'the rule set after (file or registered id) 修改后')
    .addOption(formatOption(['text', 'json'], 'text'))
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .addOption(languageOption())
    .addHelpText(
      'after',
      examples('diff guangxi-2021 my-city-rules.json', 'diff old.json new.json --format json'),
    )
    .action(async (before: string, after: string, options: DiffOptions) => {
      const diff = diffRuleSets(
        await loadRuleSet(context.registry, before, context.io.cwd),
        await loadRuleSet(context.registry, after, context.io.cwd),
      );
      const output =
        options.format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : diffText(diff, options.lang);
      await emit(context, output, options.out, options.format === 'json' ? 'data' : 'text');
    });
}

/** A rule-set diff as text: one section per kind of item, `+` added, `-` removed, `~` changed. */
export function diffText(diff: RuleSetDiff, language: Language): string {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const lines = [`${ruleSetLabel(diff.from)} → ${ruleSetLabel(diff.to)}`];
  if (diff.identical) {
    lines.push(
      say2(
        '两个规则集在评估和措辞上完全相同。',
        'Identical in everything that affects evaluation or wording.',
      ),
    );
    return `${lines.join('\n')}\n`;
  }
  if (diff.ruleSet.length > 0) {
    lines.push(say2('规则集：', 'Rule set:'));
    for (const change of diff.ruleSet) lines.push(`  ~ ${fieldLine(change)}`);
  }
  const sections: [string, string, ItemChanges][] = [
    ['事实', 'Facts', diff.facts],
    ['方面', 'Aspects', diff.aspects],
    ['要求', 'Requirements', diff.requirements],
    ['标准', 'Standards', diff.standards],
  ];
  for (const [zh, en, changes] of sections) {
    const count = changes.added.length + changes.removed.length + changes.changed.length;
    if (count === 0) continue;
    lines.push(
      say2(
        `${zh}：新增 ${changes.added.length}，删除 ${changes.removed.length}，修改 ${changes.changed.length}`,
        `${en}: ${changes.added.length} added, ${changes.removed.length} removed, ${changes.changed.length} changed`,
      ),
    );
    for (const id of changes.added) lines.push(`  + ${id}`);
    for (const id of changes.removed) lines.push(`  - ${id}`);
    for (const { id, changes: fields } of changes.changed) {
      lines.push(`  ~ ${id}`);
      for (const change of fields) lines.push(`      ${fieldLine(change)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function fieldLine(change: FieldChange): string {
  return `${change.field}: ${shortJson(change.before)} → ${shortJson(change.after)}`;
}

function shortJson(value: unknown): string {
  if (value === undefined) return '(none)';
  const json = JSON.stringify(value);
  return json.length > 100 ? `${json.slice(0, 97)}...` : json;
}
