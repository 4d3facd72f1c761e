import type { EvaluationResult } from '@sunshine-rubric/core';
import { unevidencedIn } from '../words/evidence-wording.js';

/**
 * The JSON of the last rule set seen, by its id and version (each result has a `ruleSet` object of its
 * own): a batch's lines mostly share one, whose reference then is not rebuilt.
 */
let lastRuleSetId = '';
let lastRuleSetVersion = '';
let lastRuleSetJson = '';

/**
 * The verdict-only output line of an evaluated input line, without its LF: the same bytes as
 * `JSON.stringify({ line, verdict: verdictOf(result) })`, written field by field. It reads only the
 * fields the line carries (the lazy `reasons` included) and builds no intermediate object: at tens of
 * thousands of lines a second, the spread copies of `verdictOf` and a second walk over them were a
 * measurable share of a line's time besides the evaluation.
 *
 * @example
 * ```ts
 * verdictLineJson(7, evaluator.evaluate(assessment, { explain: false }));
 * // '{"line":7,"verdict":{"assessmentId":"estate-7","ruleSet":"guangxi-2021@0.2.0","inScope":true,…}}'
 * ```
 */
export function verdictLineJson(line: number, result: EvaluationResult): string {
  const { id, version } = result.ruleSet;
  if (id !== lastRuleSetId || version !== lastRuleSetVersion) {
    lastRuleSetJson = JSON.stringify(`${id}@${version}`);
    lastRuleSetId = id;
    lastRuleSetVersion = version;
  }
  // `JSON.stringify` of each value, so that escaping and numbers come out exactly as it writes them; a
  // field it would drop (undefined) is dropped here too.
  let json = `{"line":${line},"verdict":{`;
  const assessmentId = JSON.stringify(result.assessmentId) as string | undefined;
  if (assessmentId !== undefined) json += `"assessmentId":${assessmentId},`;
  json += `"ruleSet":${lastRuleSetJson},"inScope":${JSON.stringify(result.inScope)}`;
  if (result.inFocus !== undefined) json += `,"inFocus":${JSON.stringify(result.inFocus)}`;
  json += `,"eligible":${JSON.stringify(result.eligible)},"compliance":${JSON.stringify(result.compliance)}`;
  if (result.score !== undefined) json += `,"score":${JSON.stringify(result.score)}`;
  json += `,"reasons":${JSON.stringify(result.reasons)},"missingFacts":${JSON.stringify(result.missingFacts)}`;
  if (unevidencedIn(result).length > 0) json += `,"unevidenced":${JSON.stringify(result.unevidenced)}`;
  return `${json}}}`;
}
