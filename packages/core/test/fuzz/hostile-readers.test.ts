import { describe, expect, it } from 'vitest';
import {
  type Assessment,
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
import { expectRubricErrorOrValue, expectRubricErrorOrValueAsync } from './contract.js';
import {
  guangxi2021,
  guangxiDocument,
  guangxiResult,
  inScopeFailingAssessment,
  qinzhouPlan,
} from './documents.js';
import { CallerError } from './hostile-values.js';

/** A copy of `document` whose value at `path` is a getter that throws the caller's own exception. */
function withThrowingGetter(document: unknown, path: readonly (string | number)[]): unknown {
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  Object.defineProperty(parent, path.at(-1)!, {
    enumerable: true,
    get() {
      throw new CallerError(`getter ${path.join('.')}`);
    },
  });
  return copy;
}

/** A Proxy each of whose traps throws. */
function throwingProxy(): object {
  const fail = (): never => {
    throw new CallerError('proxy trap');
  };
  return new Proxy(
    {},
    { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail },
  );
}

function errorOf(call: () => unknown): RubricError {
  const outcome = expectRubricErrorOrValue(call);
  if (!outcome || outcome.ok) throw new Error('expected a RubricError');
  return outcome.error;
}

const standardPath = ['aspects', 0, 'requirements', 0, 'standards', 0];
const assessment = inScopeFailingAssessment;

const cases: [string, () => unknown, string, (string | number)[]][] = [
  [
    'defineRuleSet, a getter deep in a standard',
    () => defineRuleSet(withThrowingGetter(guangxiDocument, [...standardPath, 'condition'])),
    'INVALID_RULE_SET',
    [...standardPath, 'condition'],
  ],
  ['defineRuleSet, a Proxy rule set', () => defineRuleSet(throwingProxy()), 'INVALID_RULE_SET', []],
  [
    'evaluate, a getter on a fact',
    () =>
      compileRuleSet(guangxi2021).evaluate(
        withThrowingGetter(assessment, ['facts', 'occupied']) as Assessment,
      ),
    'INVALID_ASSESSMENT',
    ['facts', 'occupied'],
  ],
  [
    'evaluate, a Proxy as the facts',
    () => compileRuleSet(guangxi2021).evaluate({ ...assessment, facts: throwingProxy() } as Assessment),
    'INVALID_ASSESSMENT',
    ['facts'],
  ],
  [
    'evaluate, a Proxy as the options',
    () => compileRuleSet(guangxi2021).evaluate(assessment, throwingProxy()),
    'INVALID_OPTIONS',
    ['options'],
  ],
  [
    'compileRuleSet, a getter on an operator',
    () =>
      compileRuleSet(guangxi2021, {
        operators: [
          withThrowingGetter({ name: 'x', factTypes: ['string'], valueKind: 'scalar', evaluate: 0 }, [
            'name',
          ]),
        ] as never,
      }),
    'INVALID_OPTIONS',
    ['operators', 0, 'name'],
  ],
  [
    'extendRuleSet, a getter in the patch',
    () =>
      extendRuleSet(
        guangxi2021,
        withThrowingGetter({ id: 'variant', version: '1.0.0', remove: ['S01'] }, ['remove', 0]) as never,
      ),
    'INVALID_PATCH',
    ['remove', 0],
  ],
  [
    'planRemediation, a getter in the result',
    () =>
      planRemediation(guangxi2021, withThrowingGetter(guangxiResult, ['standards', 3, 'outcome']) as never),
    'INVALID_OPTIONS',
    ['result', 'standards', 3, 'outcome'],
  ],
  [
    'planRemediation, a getter in the options',
    () => planRemediation(guangxi2021, guangxiResult, withThrowingGetter({ cost: {} }, ['cost']) as never),
    'INVALID_OPTIONS',
    ['cost'],
  ],
  [
    'planRemediation, a Proxy cost map (fuzz seed 702207202)',
    () => planRemediation(guangxi2021, guangxiResult, { cost: throwingProxy() as never }),
    'INVALID_OPTIONS',
    ['cost'],
  ],
  [
    'whatIf, a Proxy result',
    () => whatIf(guangxi2021, throwingProxy() as never, {}),
    'INVALID_OPTIONS',
    ['result'],
  ],
  [
    'defineTargetPlan, a getter in a milestone',
    () => defineTargetPlan(withThrowingGetter(qinzhouPlan, ['milestones', 0, 'year']) as never),
    'INVALID_PLAN',
    ['milestones', 0, 'year'],
  ],
  [
    'trackProgress, a Proxy count',
    () => trackProgress(qinzhouPlan, { 2021: throwingProxy() } as never),
    'INVALID_PLAN',
    ['certified', '2021'],
  ],
  ['foldApplication, a Proxy event', () => foldApplication([throwingProxy()]), 'INVALID_WORKFLOW_STEP', [0]],
  [
    'definePlugin, a getter on a field',
    () => definePlugin(withThrowingGetter({ name: 'p', apiVersion: 1, ruleSets: [] }, ['ruleSets']) as never),
    'INVALID_PLUGIN',
    ['ruleSets'],
  ],
  [
    'createRegistry, a getter on a plugin',
    () => createRegistry({ plugins: [withThrowingGetter({ name: 'p', apiVersion: 1 }, ['name'])] as never }),
    'INVALID_REGISTRY',
    ['plugins', 0, 'name'],
  ],
];

describe('a throwing getter or Proxy in any input is a RubricError at its path, never the raw exception', () => {
  it.each(cases)('%s', (_name, call, code, path) => {
    const error = errorOf(call);
    expect(error.code).toBe(code);
    expect(error.issues.some((issue) => JSON.stringify(issue.path) === JSON.stringify(path))).toBe(true);
  });

  it('the json-rules-engine backend, a getter on a fact', async () => {
    const outcome = await expectRubricErrorOrValueAsync(() =>
      evaluateWithJsonRulesEngine(
        guangxi2021,
        withThrowingGetter(assessment, ['facts', 'occupied']) as Assessment,
      ),
    );
    expect(outcome?.ok === false && outcome.error.code).toBe('INVALID_ASSESSMENT');
  });

  it('registry.resolveFacts, a getter on the facts', async () => {
    const registry = createRegistry({
      plugins: [definePlugin({ name: 'p', apiVersion: 1, ruleSets: [guangxi2021] })],
    });
    const outcome = await expectRubricErrorOrValueAsync(() =>
      registry.resolveFacts(withThrowingGetter(assessment, ['facts']), { ruleSet: 'guangxi-2021' }),
    );
    expect(outcome?.ok === false && outcome.error.code).toBe('INVALID_ASSESSMENT');
  });

  it('a getter is read once: validation and evaluation see the same value', () => {
    let reads = 0;
    const document = structuredClone(guangxiDocument) as { id: string };
    Object.defineProperty(document, 'id', {
      enumerable: true,
      get: () => (++reads === 1 ? 'guangxi-2021' : 'Not A Kebab Id'),
    });
    expect(defineRuleSet(document).id).toBe('guangxi-2021');
    expect(reads).toBe(1);
  });
});
