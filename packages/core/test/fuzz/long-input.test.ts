import { describe, expect, it } from 'vitest';
import {
  checkTimeline,
  compileRuleSet,
  createRegistry,
  definePlugin,
  defineRuleSet,
  defineTargetPlan,
  extendRuleSet,
  foldApplication,
  planRemediation,
  type RubricError,
  trackProgress,
  whatIf,
} from '../../src/index.js';
import { evaluateWithJsonRulesEngine } from '../../src/json-rules-engine/index.js';
import {
  expectRubricErrorOrValue,
  expectRubricErrorOrValueAsync,
  expectShortMessages,
  MAX_ISSUE_MESSAGE,
} from './contract.js';
import {
  guangxi2021,
  guangxiDocument,
  guangxiResult,
  inScopeFailingAssessment,
  qinzhouPlan,
} from './documents.js';

/** A 10 MB fact id and a 100,000-character range: each message echoes a bounded part of them. */
const tenMegabytes = 'f'.repeat(10 * 1024 * 1024);
const longRange = `^${'1'.repeat(100_000)}`;

function errorOf(call: () => unknown): RubricError {
  const outcome = expectRubricErrorOrValue(call);
  if (!outcome || outcome.ok) throw new Error('expected a RubricError');
  return outcome.error;
}

const entryPoints: [string, () => unknown][] = [
  [
    'defineRuleSet, a 10 MB fact id in the catalog',
    () =>
      defineRuleSet({
        ...(guangxiDocument as object),
        facts: { [tenMegabytes]: { type: 'boolean', title: { zh: '长' } } },
      }),
  ],
  [
    'defineRuleSet, a 10 MB rule-set id that is not kebab-case',
    () => defineRuleSet({ ...(guangxiDocument as object), id: `${tenMegabytes} x` }),
  ],
  [
    'defineRuleSet, 200 issues',
    () =>
      defineRuleSet({
        ...(guangxiDocument as object),
        facts: Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`f${index}`, { type: 'x' }])),
      }),
  ],
  [
    'evaluate, a 10 MB fact id in the assessment',
    () =>
      compileRuleSet(guangxi2021).evaluate({
        ...inScopeFailingAssessment,
        facts: { ...inScopeFailingAssessment.facts, [tenMegabytes]: true },
      }),
  ],
  [
    'evaluate, a 10 MB unknown field of the assessment',
    () => compileRuleSet(guangxi2021).evaluate({ ...inScopeFailingAssessment, [tenMegabytes]: 1 }),
  ],
  [
    'registry.resolve, a 100,000-character range',
    () => createRegistry({ plugins: [] }).resolve(`guangxi-2021@${longRange}`),
  ],
  [
    'registry.resolve, a 10 MB id',
    () =>
      createRegistry({
        plugins: [definePlugin({ name: 'region', apiVersion: 1, ruleSets: [guangxi2021] })],
      }).resolve(`${tenMegabytes}@${longRange}`),
  ],
  [
    'extendRuleSet, removing a 10 MB id',
    () =>
      extendRuleSet(guangxi2021, {
        id: 'variant-2021',
        version: '1.0.0',
        remove: [tenMegabytes, tenMegabytes],
      }),
  ],
  [
    'planRemediation, a 10 MB cost',
    () => planRemediation(guangxi2021, guangxiResult, { cost: { S01: tenMegabytes as unknown as number } }),
  ],
  ['whatIf, a 10 MB standard id', () => whatIf(guangxi2021, guangxiResult, { [tenMegabytes]: 'met' })],
  ['defineTargetPlan, a 10 MB field', () => defineTargetPlan({ ...qinzhouPlan, [tenMegabytes]: 1 })],
  ['trackProgress, a 10 MB year', () => trackProgress(qinzhouPlan, { [tenMegabytes]: 1 })],
  ['foldApplication, a 10 MB event type', () => foldApplication([{ type: tenMegabytes, at: '2021-01-01' }])],
];

describe('messages of every entry point, given a 10 MB id or a 100,000-character range', () => {
  it.each(entryPoints)('%s', (_name, call) => {
    expectShortMessages(errorOf(call));
  });

  it('checkTimeline, a 10 MB estate listed twice', () => {
    const report = checkTimeline({
      ...qinzhouPlan,
      cohorts: { 2021: [{ name: tenMegabytes }, { name: tenMegabytes }] },
    });
    expect(report.issues.length).toBeGreaterThan(0);
    for (const issue of report.issues) {
      expect(issue.message.length).toBeLessThanOrEqual(MAX_ISSUE_MESSAGE);
      expect(issue.messageZh.length).toBeLessThanOrEqual(MAX_ISSUE_MESSAGE);
    }
  });

  it('the json-rules-engine backend, a 10 MB fact id in the assessment', async () => {
    const outcome = await expectRubricErrorOrValueAsync(() =>
      evaluateWithJsonRulesEngine(guangxi2021, {
        ...inScopeFailingAssessment,
        facts: { ...inScopeFailingAssessment.facts, [tenMegabytes]: true },
      }),
    );
    expect(outcome?.ok).toBe(false);
    if (outcome && !outcome.ok) expectShortMessages(outcome.error);
  });
});
