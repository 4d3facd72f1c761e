import type { Assessment, RuleSetDiff } from '@sunshine-rubric/core';
import type { Flip, FlipReport, StandardChange } from '@sunshine-rubric/core/fixtures';
import { eligibilityInWords, percentInWords } from '@sunshine-rubric/core/words';
import { text } from '../words/wording.js';
import type { CheckCase, Finding } from './findings.js';
import type { JsonLocator, JsonPath } from './json-locator.js';

/** What {@link flipCases} needs: the report, the diff, the fixtures compared, and the rule set's file. */
export interface FlipInput {
  readonly flips: FlipReport;
  readonly diff: RuleSetDiff;
  /** The fixtures that were compared, in order, with their names. */
  readonly fixtures: readonly { readonly assessment: Assessment; readonly name: string }[];
  readonly file: string;
  readonly locator: JsonLocator;
  readonly paths: ReadonlyMap<string, JsonPath>;
}

/**
 * One check per fixture compared with `--base`: a fixture whose verdict the change turns around gets a
 * `VERDICT_FLIPPED` warning that says which way, which standards changed outcome and the new reasons,
 * placed on the line of the rule set that caused it — the first standard whose outcome changed, or else
 * the scoring or scope field that changed.
 */
export function flipCases(input: FlipInput): CheckCase[] {
  const pending = [...input.flips.flipped];
  const failed = [...input.flips.failed];
  return input.fixtures.map(({ assessment, name }) => {
    // The report keeps the fixtures' order, so each entry belongs to the first fixture left with its id.
    const index = pending.findIndex((flip) => flip.assessmentId === assessment.id);
    if (index !== -1) {
      const [flip] = pending.splice(index, 1);
      return { source: 'flip', name, file: input.file, findings: [flipFinding(flip!, name, input)] };
    }
    const failure = failed.findIndex((entry) => entry.assessmentId === assessment.id);
    if (failure === -1) return { source: 'flip', name, file: input.file, findings: [] };
    const message = failed.splice(failure, 1)[0]?.message ?? '';
    const finding: Finding = {
      source: 'flip',
      code: 'NOT_COMPARED',
      severity: 'warning',
      message: text(
        `${name}：无法按旧版本评估，未比较（${message}）`,
        `${name}: not compared, the base cannot evaluate it (${message})`,
      ),
      file: input.file,
      path: [],
      ...input.locator.positionOf([]),
    };
    return { source: 'flip', name, file: input.file, findings: [finding] };
  });
}

function flipFinding(flip: Flip, name: string, input: FlipInput): Finding {
  const path = causePath(flip, input);
  const became = flip.direction === 'became-eligible';
  const before = eligibilityInWords(!became);
  const after = eligibilityInWords(became);
  const percent = (verdict: Flip['before']) =>
    `${percentInWords(verdict.rate)} (${verdict.met}/${verdict.applicable})`;
  const standards = flip.why.standards.map((change) => `${change.id}: ${change.before} → ${change.after}`);
  const reasonsZh = flip.why.reasons.map((reason) => reason.zh);
  const reasonsEn = flip.why.reasons.map((reason) => reason.en ?? reason.zh);
  const zh = [
    `${name}（${flip.community}）：${before.zh} → ${after.zh}，${percent(flip.before)} → ${percent(flip.after)}`,
    ...(standards.length > 0 ? [`标准变化：${standards.join('，')}`] : []),
    ...(reasonsZh.length > 0 ? [`原因：${reasonsZh.join('；')}`] : []),
  ].join('；');
  const en = [
    `${name} (${flip.community}): ${before.en} → ${after.en}, ${percent(flip.before)} → ${percent(flip.after)}`,
    ...(standards.length > 0 ? [`standards changed: ${standards.join(', ')}`] : []),
    ...(reasonsEn.length > 0 ? [`reasons: ${reasonsEn.join('; ')}`] : []),
  ].join('; ');
  return {
    source: 'flip',
    code: 'VERDICT_FLIPPED',
    severity: 'warning',
    message: text(zh, en),
    file: input.file,
    path,
    ...input.locator.positionOf(path),
    witness: { direction: flip.direction, before: flip.before, after: flip.after, why: flip.why },
  };
}

/**
 * Where in the new rule set the flip comes from: a standard whose outcome moved the same way as the
 * verdict (met before, not now, for an estate that became ineligible), else the scoring or scope field that
 * changed, else any standard whose outcome changed, else the top of the file.
 */
function causePath(flip: Flip, input: FlipInput): JsonPath {
  const became = flip.direction === 'became-eligible';
  const counts = (outcome: StandardChange['before']) => outcome === 'met';
  const fails = (outcome: StandardChange['before']) => outcome === 'unmet' || outcome === 'missing-data';
  const agrees = (change: StandardChange) =>
    became
      ? counts(change.after) || (fails(change.before) && !fails(change.after))
      : fails(change.after) || (counts(change.before) && !counts(change.after));
  const located = (changes: readonly StandardChange[]) => {
    for (const change of changes) {
      const standard = input.paths.get(change.id);
      if (standard === undefined) continue;
      const changed = input.diff.standards.changed.find((entry) => entry.id === change.id);
      const field = changed?.changes[0]?.field;
      return field === 'condition' || field === 'applicableWhen' ? [...standard, field] : standard;
    }
    return undefined;
  };
  const standard = located(flip.why.standards.filter(agrees));
  if (standard) return standard;
  for (const change of input.diff.ruleSet) {
    if (change.field.startsWith('scoring.')) return ['scoring', change.field.slice('scoring.'.length)];
    if (change.field === 'scope') return ['scope'];
  }
  return located(flip.why.standards) ?? [];
}
