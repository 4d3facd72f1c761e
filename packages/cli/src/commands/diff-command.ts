import {
  diffRuleSets,
  type FieldChange,
  type ItemChanges,
  type RuleSetDiff,
  type SharedConditionChange,
  type SharedConditionChanges,
} from '@sunshine-rubric/core';
import { ruleSetLabel, say } from '@sunshine-rubric/core/words';
import type { Command } from 'commander';
import { loadRuleSet } from '../input/rule-sets.js';
import type { RunContext } from '../io/run-context.js';
import { emit } from '../output/output-file.js';
import type { Language } from '../words/language.js';
import { text } from '../words/wording.js';
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

/**
 * A rule-set diff as text: one section per kind of item, `+` added, `-` removed, `~` changed. A changed
 * shared condition also says what it reaches, since the standards that refer to it are listed unchanged.
 */
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
  const sections: [string, string, ItemChanges | SharedConditionChanges][] = [
    ['事实', 'Facts', diff.facts],
    ['共享条件', 'Shared conditions', diff.conditions],
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
    for (const change of changes.changed) {
      lines.push(`  ~ ${change.id}`);
      for (const field of change.changes) lines.push(`      ${fieldLine(field)}`);
      if ('reaches' in change) lines.push(`      ${say(reachesWords(change), language)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * What a changed shared condition reaches in the newer rule set: the standards that refer to it, directly
 * or through other shared conditions, and the scope and focus when they do.
 */
function reachesWords({ reaches }: SharedConditionChange) {
  const zh: string[] = [];
  const en: string[] = [];
  if (reaches.standards.length > 0) {
    zh.push(`标准 ${reaches.standards.join('、')}`);
    en.push(`standards ${reaches.standards.join(', ')}`);
  }
  if (reaches.scope) {
    zh.push('适用范围');
    en.push('the scope');
  }
  if (reaches.focus) {
    zh.push('重点范围');
    en.push('the focus');
  }
  return text(`影响：${zh.join('；')}`, `reaches: ${en.join('; ')}`);
}

function fieldLine(change: FieldChange): string {
  return `${change.field}: ${shortJson(change.before)} → ${shortJson(change.after)}`;
}

function shortJson(value: unknown): string {
  if (value === undefined) return '(none)';
  const json = JSON.stringify(value);
  return json.length > 100 ? `${json.slice(0, 97)}...` : json;
}
