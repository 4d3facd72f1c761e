import type { Assessment, EvaluationResult, Registry } from '@sunshine-rubric/core';
import { percentInWords } from '@sunshine-rubric/core/words';

/**
 * One estate's verdict under one rule set, in short.
 *
 * @example
 * ```ts
 * const verdict: Verdict = { eligible: true, met: 60, applicable: 64, reasons: [] };
 * ```
 */
export interface Verdict {
  readonly eligible: boolean;
  readonly met: number;
  readonly applicable: number;
  /** The reason codes, empty when eligible. */
  readonly reasons: readonly string[];
}

/**
 * One estate under the regional rule set and under the city's.
 *
 * @example
 * ```ts
 * const row: VerdictComparison = { estate: '示例·枫林苑公租房小区（虚构）', regional, city, changed: true };
 * ```
 */
export interface VerdictComparison {
  readonly estate: string;
  readonly regional: Verdict;
  readonly city: Verdict;
  /** Whether the two rule sets disagree on eligibility. */
  readonly changed: boolean;
}

const verdictOf = (result: EvaluationResult): Verdict => ({
  eligible: result.eligible,
  met: result.compliance.met,
  applicable: result.compliance.applicable,
  reasons: result.reasons.map((reason) => reason.code),
});

/**
 * Evaluates each assessment under two registered rule sets. Before the city evaluation, the registry's
 * fact resolvers fill in the facts the city's rule set adds (the regional self-check does not have them).
 *
 * @example
 * ```ts
 * const rows = await compareVerdicts(registry, 'guangxi-2021', 'example-city-2025', allEstates);
 * rows.filter((row) => row.changed).map((row) => row.estate);
 * ```
 */
export async function compareVerdicts(
  registry: Registry,
  regionalReference: string,
  cityReference: string,
  assessments: readonly Assessment[],
): Promise<VerdictComparison[]> {
  const regional = registry.compile(regionalReference);
  const city = registry.compile(cityReference);
  const cityRuleSet = registry.resolve(cityReference);
  return Promise.all(
    assessments.map(async (assessment) => {
      const resolved = await registry.resolveFacts(assessment, { ruleSet: cityRuleSet });
      const regionalVerdict = verdictOf(regional.evaluate(assessment));
      const cityVerdict = verdictOf(city.evaluate(resolved));
      return {
        estate: assessment.community.name,
        regional: regionalVerdict,
        city: cityVerdict,
        changed: regionalVerdict.eligible !== cityVerdict.eligible,
      };
    }),
  );
}

/**
 * The comparison as a Markdown table.
 *
 * @example
 * ```ts
 * console.log(formatComparison(rows));
 * ```
 */
export function formatComparison(rows: readonly VerdictComparison[]): string {
  const cell = (verdict: Verdict) =>
    `${verdict.eligible ? 'eligible' : 'not eligible'}, ${verdict.met}/${verdict.applicable} (${percent(verdict.met, verdict.applicable)})${verdict.reasons.length > 0 ? ` ${verdict.reasons.join(', ')}` : ''}`;
  return [
    '| estate | guangxi-2021 (85%) | example-city-2025 (90%) | changed |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (row) => `| ${row.estate} | ${cell(row.regional)} | ${cell(row.city)} | ${row.changed ? 'yes' : ''} |`,
    ),
  ].join('\n');
}

function percent(met: number, applicable: number): string {
  return applicable === 0 ? '–' : percentInWords(met / applicable);
}
