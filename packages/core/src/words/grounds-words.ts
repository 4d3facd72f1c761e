import type { RuleSet, Standard } from '../rule-set/types.js';
import type { Wording } from './outcome-names.js';

/**
 * How much of a rule set rests on what: its standards counted by their strongest ground (a plan clause,
 * else another public source, else project drafting only, else untyped), the standards that rest only on
 * what their sources encourage, and the values its authors marked drafted.
 *
 * @example
 * ```ts
 * const summary: GroundsSummary = groundsSummary(guangxi2021);
 * summary.standards; // { planClause: 46, publicSource: 3, projectDrafting: 16, untyped: 0 }
 * ```
 */
export interface GroundsSummary {
  readonly standards: {
    /** Standards that cite at least one clause of a plan. */
    readonly planClause: number;
    /** Standards that cite no plan clause but another public source. */
    readonly publicSource: number;
    /** Standards that rest only on the rule-set author's own drafting. */
    readonly projectDrafting: number;
    /** Standards without `grounds`. */
    readonly untyped: number;
  };
  /** Ids of standards whose every source only encourages the measure (`encouraged: true`). */
  readonly encouragedOnly: readonly string[];
  /** Values marked `drafted`, and how many of them are numbers. */
  readonly drafted: { readonly values: number; readonly numbers: number };
}

/**
 * Counts what a rule set's standards rest on, from their `grounds` and `drafted` marks: what a README, a
 * report or `validate` states so that a provisional rule set claims no more than it has.
 *
 * @example
 * ```ts
 * groundsSummary(guangxi2021).drafted; // { values: 30, numbers: 24 }
 * ```
 */
export function groundsSummary(ruleSet: Pick<RuleSet, 'aspects'>): GroundsSummary {
  const standards = ruleSet.aspects.flatMap((aspect) =>
    aspect.requirements.flatMap((requirement) => requirement.standards),
  );
  const counts = { planClause: 0, publicSource: 0, projectDrafting: 0, untyped: 0 };
  for (const standard of standards) counts[strongestGround(standard)]++;
  const marks = standards.flatMap((standard) => standard.drafted ?? []);
  return {
    standards: counts,
    encouragedOnly: standards.filter(restsOnEncouragement).map((standard) => standard.id),
    drafted: { values: marks.length, numbers: marks.filter((mark) => typeof mark.value === 'number').length },
  };
}

/**
 * {@link groundsSummary} in a sentence, in Chinese and English.
 *
 * @example
 * ```ts
 * groundsInWords(groundsSummary(guangxi2021)).zh;
 * // '依据：46 项引用方案条款，3 项依据其他公开来源，16 项为项目起草；2 项只依据鼓励性内容；草拟取值 30 处（其中数字 24 个）'
 * ```
 */
export function groundsInWords(summary: GroundsSummary): Wording {
  const { planClause, publicSource, projectDrafting, untyped } = summary.standards;
  const encouraged = summary.encouragedOnly.length;
  const { values, numbers } = summary.drafted;
  return {
    zh: [
      `依据：${planClause} 项引用方案条款，${publicSource} 项依据其他公开来源，${projectDrafting} 项为项目起草`,
      ...(untyped > 0 ? [`，${untyped} 项未注明依据类型`] : []),
      ...(encouraged > 0 ? [`；${encouraged} 项只依据鼓励性内容`] : []),
      `；草拟取值 ${values} 处（其中数字 ${numbers} 个）`,
    ].join(''),
    en: [
      `Grounds: ${planClause} cite a plan clause, ${publicSource} another public source, ${projectDrafting} project drafting only`,
      ...(untyped > 0 ? [`, ${untyped} untyped`] : []),
      ...(encouraged > 0 ? [`; ${encouraged} rest only on encouragements`] : []),
      `; ${values} drafted values (${numbers} numbers)`,
    ].join(''),
  };
}

function strongestGround(standard: Standard): keyof GroundsSummary['standards'] {
  const kinds = new Set((standard.grounds ?? []).map((ground) => ground.kind));
  if (kinds.has('plan-clause')) return 'planClause';
  if (kinds.has('public-source')) return 'publicSource';
  return kinds.has('project-drafting') ? 'projectDrafting' : 'untyped';
}

/** Every source of the standard only encourages its measure; project drafting is not a source. */
function restsOnEncouragement(standard: Standard): boolean {
  const sources = (standard.grounds ?? []).filter((ground) => ground.kind !== 'project-drafting');
  return (
    sources.length > 0 && sources.every((ground) => 'encouraged' in ground && ground.encouraged === true)
  );
}
