import type { EvaluationResult } from '@sunshine-rubric/core';
import { eligibilityInWords } from '@sunshine-rubric/core/words';
import { text } from '../words/wording.js';
import type { Finding } from './findings.js';
import type { Fixture } from './fixtures.js';

/**
 * The verdict a fixture's author expects: `"expect": { "eligible": false, "reasons": ["BELOW_THRESHOLD"] }`.
 * `reasons`, when given, are the codes of the reasons the verdict must give, in any order, each code
 * once however many reasons carry it, no code more or fewer (`[]` for an eligible estate).
 */
export interface Expectation {
  readonly eligible: boolean;
  readonly reasons?: readonly string[];
}

/**
 * A fixture's assessment (the document without `expect`, which the evaluator would refuse as an unknown
 * field) and its expectation, or the problems of an `expect` that is not of that shape.
 */
export function readExpectation(fixture: Fixture): {
  readonly assessment: unknown;
  readonly expectation: Expectation | undefined;
  readonly problems: readonly Finding[];
} {
  const document = fixture.document;
  if (
    document === null ||
    typeof document !== 'object' ||
    Array.isArray(document) ||
    !('expect' in document)
  ) {
    return { assessment: document, expectation: undefined, problems: [] };
  }
  const { expect: expectation, ...assessment } = document as { expect: unknown };
  const problem = (path: readonly (string | number)[], en: string, zh: string): Finding => ({
    source: 'fixture',
    code: 'INVALID_EXPECTATION',
    severity: 'error',
    message: text(zh, en),
    file: fixture.file,
    path: ['expect', ...path],
    ...fixture.positionOf(['expect', ...path]),
  });
  if (expectation === null || typeof expectation !== 'object' || Array.isArray(expectation)) {
    const problems = [
      problem(
        [],
        'expect must be an object: { "eligible": true|false, "reasons"?: [codes] }',
        'expect 应为对象',
      ),
    ];
    return { assessment, expectation: undefined, problems };
  }
  const { eligible, reasons, ...unknown } = expectation as Record<string, unknown>;
  const problems: Finding[] = Object.keys(unknown).map((key) =>
    problem(
      [key],
      `expect has no field ${JSON.stringify(key)} (only eligible and reasons)`,
      `expect 没有字段 ${key}`,
    ),
  );
  if (typeof eligible !== 'boolean') {
    problems.push(
      problem(['eligible'], 'expect.eligible must be true or false', 'expect.eligible 应为 true 或 false'),
    );
  }
  const reasonCodes = Array.isArray(reasons) && reasons.every((code) => typeof code === 'string');
  if (reasons !== undefined && !reasonCodes) {
    problems.push(
      problem(
        ['reasons'],
        'expect.reasons must be a list of reason codes',
        'expect.reasons 应为原因代码列表',
      ),
    );
  }
  if (problems.length > 0) return { assessment, expectation: undefined, problems };
  return {
    assessment,
    expectation: {
      eligible: eligible as boolean,
      ...(reasons === undefined ? {} : { reasons: reasons as string[] }),
    },
    problems,
  };
}

/** What differs between a fixture's expectation and its verdict: nothing, or one finding at its `expect`. */
export function expectationFindings(
  fixture: Fixture,
  expectation: Expectation,
  result: EvaluationResult,
): Finding[] {
  const actualCodes = result.reasons.map((reason) => reason.code);
  const eligibleMatches = expectation.eligible === result.eligible;
  const reasonsMatch = expectation.reasons === undefined || sameCodes(expectation.reasons, actualCodes);
  if (eligibleMatches && reasonsMatch) return [];
  const verdict = eligibilityInWords;
  const why = result.reasons.map((reason) => ({
    zh: reason.message.zh,
    en: reason.message.en ?? reason.message.zh,
  }));
  const codes = (list: readonly string[]) => (list.length === 0 ? '(none)' : list.join(', '));
  const zh = eligibleMatches
    ? `原因不符：预期 ${codes(expectation.reasons ?? [])}，实际 ${codes(actualCodes)}`
    : `预期${verdict(expectation.eligible).zh}，实际${verdict(result.eligible).zh}`;
  const en = eligibleMatches
    ? `reasons differ: expected ${codes(expectation.reasons ?? [])}, got ${codes(actualCodes)}`
    : `expected ${verdict(expectation.eligible).en}, got ${verdict(result.eligible).en}`;
  const path = eligibleMatches ? ['expect', 'reasons'] : ['expect', 'eligible'];
  return [
    {
      source: 'fixture',
      code: 'EXPECTATION_NOT_MET',
      severity: 'error',
      message: text(
        why.length === 0 ? zh : `${zh}（${why.map((reason) => reason.zh).join('；')}）`,
        why.length === 0 ? en : `${en} (${why.map((reason) => reason.en).join('; ')})`,
      ),
      file: fixture.file,
      path,
      ...fixture.positionOf(path),
      witness: { expected: expectation, actual: { eligible: result.eligible, reasons: actualCodes } },
    },
  ];
}

function sameCodes(expected: readonly string[], actual: readonly string[]): boolean {
  const sorted = (list: readonly string[]) => [...new Set(list)].sort().join('\n');
  return sorted(expected) === sorted(actual);
}
