import {
  type Assessment,
  compileRuleSet,
  type EvaluationResult,
  type Outcome,
  type RuleSet,
  type Text,
} from '@sunshine-rubric/core';
import { type KitOptions, kitOperators } from '../options/kit-options.js';

/** One estate whose verdict a rubric change turns around. */
export interface Flip {
  readonly assessmentId: string;
  readonly community: string;
  readonly direction: 'became-eligible' | 'became-ineligible';
  readonly before: VerdictSummary;
  readonly after: VerdictSummary;
  /** The standards whose outcome changed, and the reasons the new verdict gives (none when it became eligible). */
  readonly why: { readonly standards: readonly StandardChange[]; readonly reasons: readonly Text[] };
}

export interface VerdictSummary {
  readonly eligible: boolean;
  readonly met: number;
  readonly applicable: number;
  readonly rate: number;
}

export interface StandardChange {
  readonly id: string;
  /** `absent` when the standard does not exist in that rule set. */
  readonly before: Outcome | 'absent';
  readonly after: Outcome | 'absent';
}

export interface FlipReport {
  readonly before: { readonly id: string; readonly version: string };
  readonly after: { readonly id: string; readonly version: string };
  readonly evaluated: number;
  readonly flipped: readonly Flip[];
  /** Estates whose verdict stayed the same. */
  readonly unchanged: number;
  /** Assessments one of the rule sets could not evaluate, with the error's message. */
  readonly failed: readonly { readonly assessmentId: string; readonly message: string }[];
}

/**
 * Which estates a rubric change turns eligible or ineligible, and why — for a pull-request comment.
 * Facts one rule set does not declare are ignored (a fact the new version reads but the fixtures lack is
 * `missing-data`, which the report shows). `options` name the custom operators (or plugins) either
 * version uses.
 *
 * @example
 * ```ts
 * const report = flipReport(previous, proposed, fixtures);
 * console.log(formatFlipReport(report));
 * ```
 */
export function flipReport(
  before: RuleSet,
  after: RuleSet,
  assessments: readonly Assessment[],
  options: KitOptions = {},
): FlipReport {
  const operators = kitOperators(options);
  const old = compileRuleSet(before, { operators, unknownFacts: 'ignore' });
  const proposed = compileRuleSet(after, { operators, unknownFacts: 'ignore' });
  const flipped: Flip[] = [];
  const failed: { assessmentId: string; message: string }[] = [];
  let unchanged = 0;
  for (const assessment of assessments) {
    let results: [EvaluationResult, EvaluationResult];
    try {
      results = [
        old.evaluate(assessment, { explain: false }),
        proposed.evaluate(assessment, { explain: false }),
      ];
    } catch (error) {
      failed.push({
        assessmentId: String((assessment as { id?: unknown }).id),
        message: error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    const [was, now] = results;
    if (was.eligible === now.eligible) {
      unchanged++;
      continue;
    }
    flipped.push({
      assessmentId: assessment.id,
      community: assessment.community.name,
      direction: now.eligible ? 'became-eligible' : 'became-ineligible',
      before: summary(was),
      after: summary(now),
      why: { standards: standardChanges(was, now), reasons: now.reasons.map((reason) => reason.message) },
    });
  }
  const id = (ruleSet: RuleSet) => ({ id: ruleSet.id, version: ruleSet.version });
  return {
    before: id(old.ruleSet),
    after: id(proposed.ruleSet),
    evaluated: assessments.length,
    flipped,
    unchanged,
    failed,
  };
}

function summary(result: EvaluationResult): VerdictSummary {
  const { met, applicable, rate } = result.compliance;
  return { eligible: result.eligible, met, applicable, rate };
}

function standardChanges(was: EvaluationResult, now: EvaluationResult): StandardChange[] {
  const before = new Map(was.standards.map((standard) => [standard.id, standard.outcome]));
  const after = new Map(now.standards.map((standard) => [standard.id, standard.outcome]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  return ids
    .map((id) => ({
      id,
      before: before.get(id) ?? ('absent' as const),
      after: after.get(id) ?? ('absent' as const),
    }))
    .filter((change) => change.before !== change.after);
}

/**
 * The report as Markdown for a pull-request comment: one table row per flipped estate, then why.
 *
 * @example
 * ```ts
 * await writeFile('flip-report.md', formatFlipReport(flipReport(previous, proposed, fixtures)));
 * ```
 */
export function formatFlipReport(report: FlipReport, options: { readonly lang?: 'zh' | 'en' } = {}): string {
  const lang = options.lang ?? 'en';
  const percent = (verdict: VerdictSummary) =>
    `${(verdict.rate * 100).toFixed(1)}% (${verdict.met}/${verdict.applicable})`;
  const lines = [
    `### Rubric change ${report.before.id}@${report.before.version} → ${report.after.id}@${report.after.version}`,
    '',
    `${report.evaluated} estates evaluated: ${report.flipped.length} flipped, ${report.unchanged} unchanged, ${report.failed.length} failed.`,
  ];
  if (report.flipped.length > 0) {
    lines.push('', '| estate | verdict | before | after |', '| --- | --- | --- | --- |');
    for (const flip of report.flipped) {
      const verdict =
        flip.direction === 'became-eligible' ? 'ineligible → **eligible**' : 'eligible → **ineligible**';
      lines.push(
        `| ${flip.community} (\`${flip.assessmentId}\`) | ${verdict} | ${percent(flip.before)} | ${percent(flip.after)} |`,
      );
    }
    for (const flip of report.flipped) {
      lines.push('', `**${flip.community}**`);
      for (const change of flip.why.standards)
        lines.push(`- ${change.id}: ${change.before} → ${change.after}`);
      for (const reason of flip.why.reasons)
        lines.push(`- ${lang === 'zh' ? reason.zh : (reason.en ?? reason.zh)}`);
    }
  }
  for (const failure of report.failed) lines.push(`- failed \`${failure.assessmentId}\`: ${failure.message}`);
  return `${lines.join('\n')}\n`;
}
