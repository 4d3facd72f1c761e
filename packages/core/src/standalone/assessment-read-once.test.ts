import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentOf, perfectFacts } from '../../test/fixtures.js';
import { lazyResultRuleSet } from '../../test/lazy-result-checks.js';
import {
  importStandalone,
  removeStandaloneModules,
  type StandaloneModule,
} from '../../test/standalone-module.js';
import type { Assessment } from '../assessment/schema.js';
import { RubricError } from '../errors/rubric-error.js';
import { compileRuleSet } from '../evaluate/compile-rule-set.js';
import { generateStandaloneEvaluator } from './generate-standalone-evaluator.js';

// The module reads an assessment's evidence once and decides on that value, its shape checked, as core's
// evaluator does (src/evaluate/assessment-read-once.test.ts): a getter or Proxy trap that answers
// differently on another read changes nothing, and never escapes as a bare TypeError.

afterAll(removeStandaloneModules);

const evaluator = compileRuleSet(lazyResultRuleSet);
/** Core's evaluation of the same input, malformed or not. */
const core = (input: unknown) => evaluator.evaluate(input as Assessment);
let standalone: StandaloneModule;
beforeAll(async () => {
  standalone = await importStandalone(generateStandaloneEvaluator(lazyResultRuleSet));
});

const cited = { 's-policing-room': [{ kind: '照片', name: 'room.jpg' }] };
const otherCited = { 's-heating': [{ kind: '合同', name: 'contract.pdf' }] };
const unmetFacts = { ...perfectFacts(), cctvCoverage: 0.2, securityStaff: 0, hasPolicingRoom: false };

/** The assessment with an `evidence` getter giving `first` on its first `reads` reads and `later` after. */
function evidenceChangingOnReread(base: Assessment, first: unknown, later: unknown, reads = 1): Assessment {
  let read = 0;
  const assessment = { ...base } as Record<string, unknown>;
  Object.defineProperty(assessment, 'evidence', {
    get: () => (read++ < reads ? first : later),
    enumerable: true,
    configurable: true,
  });
  return assessment as unknown as Assessment;
}

/** What `evaluate` throws, as code and issues (or whatever else it throws); the result when it throws nothing. */
function settle(evaluate: () => unknown): unknown {
  try {
    return { result: JSON.parse(JSON.stringify(evaluate())) };
  } catch (error) {
    if (!RubricError.isInstance(error)) return { thrown: String(error) };
    return { code: error.code, issues: JSON.parse(JSON.stringify(error.issues)) };
  }
}

describe("a standalone module's reading of an assessment's evidence", () => {
  it('decides on the first read, as core does, when a getter gives a wrong shape on another read', () => {
    const base = assessmentOf(perfectFacts(), 'reread');
    const expected = settle(() => core({ ...base, evidence: cited }));
    expect(expected).toHaveProperty('result');
    const input = () => evidenceChangingOnReread(base, cited, { 's-policing-room': 5 });
    expect(settle(() => standalone.evaluate(input()))).toEqual(expected);
    expect(settle(() => core(input()))).toEqual(expected);
  });

  it('decides on no evidence when the first read gives none, whatever later reads give', () => {
    const base = assessmentOf(unmetFacts, 'none-first');
    const expected = settle(() => core(base));
    for (const later of [cited, { 's-policing-room': 5 }]) {
      const input = () => evidenceChangingOnReread(base, undefined, later);
      expect(settle(() => standalone.evaluate(input()))).toEqual(expected);
      expect(settle(() => core(input()))).toEqual(expected);
    }
  });

  it.each([
    ['a list that is no list', { 's-policing-room': 5 }],
    ['an entry without its name', { 's-policing-room': [{ kind: '照片' }] }],
    ['no evidence at all', undefined],
  ])(
    'decides on the value whose shape was checked when later reads give %s: no bare TypeError, no malformed document',
    (_later, later) => {
      const base = assessmentOf(unmetFacts, 'later-reads');
      const expected = settle(() => core({ ...base, evidence: cited }));
      // However many times the envelope's check reads the field itself.
      for (const reads of [1, 2, 3]) {
        const input = () => evidenceChangingOnReread(base, cited, later, reads);
        expect(settle(() => standalone.evaluate(input()))).toEqual(expected);
        expect(settle(() => core(input()))).toEqual(expected);
      }
    },
  );

  it('refuses evidence of the wrong shape on its first read, at its path, whatever later reads give', () => {
    const base = assessmentOf(perfectFacts(), 'wrong-first');
    const wrong = { 's-policing-room': [{ kind: '照片' }] };
    const refused = settle(() => core({ ...base, evidence: wrong }));
    expect(refused).toMatchObject({ code: 'INVALID_ASSESSMENT' });
    for (const later of [cited, undefined])
      expect(settle(() => standalone.evaluate(evidenceChangingOnReread(base, wrong, later)))).toEqual(
        refused,
      );
  });

  it.each([
    ['community', 'before'],
    ['facts', 'after'],
  ] as const)(
    "keeps to its own evidence when a getter of its %s (read %s the evidence's check) evaluates another assessment",
    (field, _when) => {
      const other = { ...assessmentOf(perfectFacts(), 'inner'), evidence: otherCited };
      const refusedOther = { ...other, evidence: { 's-heating': 5 } };
      // Evidence decided, and evidence refused for its shape: each is the outer evaluation's own.
      for (const evidence of [cited, { 's-policing-room': [{ kind: '照片' }] }]) {
        const base = { ...assessmentOf(unmetFacts, 'outer'), evidence };
        const expected = settle(() => core(base));
        for (const inner of [other, refusedOther]) {
          const outer = { ...base } as Record<string, unknown>;
          Object.defineProperty(outer, field, {
            get: () => {
              // Within the outer evaluation's reading: one inner evaluation that returns, one that throws.
              expect(settle(() => standalone.evaluate(inner))).toEqual(settle(() => core(inner)));
              return base[field];
            },
            enumerable: true,
          });
          expect(settle(() => standalone.evaluate(outer))).toEqual(expected);
        }
      }
    },
  );
});
