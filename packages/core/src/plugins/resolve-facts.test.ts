import { describe, expect, it, vi } from 'vitest';
import { assessmentOf, perfectFacts, sampleRuleSet } from '../../test/fixtures.js';
import { RubricError } from '../errors/rubric-error.js';
import { createRegistry } from './create-registry.js';
import { definePlugin } from './define-plugin.js';
import type { FactResolver } from './plugin-types.js';

const region = definePlugin({ name: 'region', apiVersion: 1, ruleSets: [sampleRuleSet()] });

function registryWith(...resolvers: { plugin: string; resolvers: FactResolver[] }[]) {
  const plugins = resolvers.map(({ plugin, resolvers: factResolvers }) =>
    definePlugin({ name: plugin, apiVersion: 1, factResolvers }),
  );
  return createRegistry({ plugins: [region, ...plugins] });
}

function without(...facts: string[]) {
  const all = perfectFacts();
  for (const fact of facts) delete all[fact];
  return assessmentOf(all);
}

async function rejectionOf(promise: Promise<unknown>): Promise<RubricError> {
  try {
    await promise;
  } catch (error) {
    if (RubricError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a RubricError');
}

describe('registry.resolveFacts', () => {
  it('supplies the facts an assessment lacks, and then it evaluates', async () => {
    const resolve = vi.fn(async () => 320);
    const registry = registryWith({ plugin: 'housing', resolvers: [{ fact: 'rentalHouseholds', resolve }] });
    const draft = without('rentalHouseholds');
    const before = structuredClone(draft);
    const assessment = await registry.resolveFacts(draft, { ruleSet: 'sample-rubric' });
    expect(assessment).toEqual(assessmentOf(perfectFacts()));
    expect(draft).toEqual(before);
    expect(resolve).toHaveBeenCalledWith(
      expect.objectContaining({
        fact: 'rentalHouseholds',
        assessment: draft,
        definition: expect.objectContaining({ type: 'integer' }),
      }),
    );
    expect(registry.compile('sample-rubric').evaluate(assessment).eligible).toBe(true);
  });

  it('asks only for missing facts (absent or null) of the rule set’s catalog', async () => {
    const asked: string[] = [];
    const resolver = (fact: string): FactResolver => ({
      fact,
      resolve: async () => {
        asked.push(fact);
        return true;
      },
    });
    const registry = registryWith({
      plugin: 'p',
      resolvers: [
        resolver('hasLifts'),
        resolver('occupied'),
        resolver('notInCatalog'),
        resolver('childcareOnSite'),
      ],
    });
    const draft = assessmentOf({ ...perfectFacts(), occupied: null, hasLifts: false });
    const assessment = await registry.resolveFacts({ ...draft, ruleSet: 'sample-rubric@1' });
    expect(asked).toEqual(['occupied']);
    expect(assessment.facts).toMatchObject({ occupied: true, hasLifts: false });
  });

  it('leaves a fact missing when its resolver returns undefined', async () => {
    const registry = registryWith({
      plugin: 'p',
      resolvers: [{ fact: 'securityStaff', resolve: async () => undefined }],
    });
    const assessment = await registry.resolveFacts(without('securityStaff'), { ruleSet: 'sample-rubric' });
    expect('securityStaff' in assessment.facts).toBe(false);
    expect(registry.compile('sample-rubric').evaluate(assessment).missingFacts).toEqual(['securityStaff']);
  });

  it('tries the resolvers of a fact in plugin order until one knows it', async () => {
    const registry = registryWith(
      { plugin: 'first', resolvers: [{ fact: 'securityStaff', resolve: () => undefined }] },
      { plugin: 'second', resolvers: [{ fact: 'securityStaff', resolve: async () => 7 }] },
      { plugin: 'third', resolvers: [{ fact: 'securityStaff', resolve: async () => 9 }] },
    );
    const assessment = await registry.resolveFacts(without('securityStaff'), { ruleSet: 'sample-rubric' });
    expect(assessment.facts.securityStaff).toBe(7);
  });

  it.each([
    [
      'throws',
      () => {
        throw new Error('database down');
      },
    ],
    ['rejects', async () => Promise.reject(new Error('database down'))],
  ])('fails with PLUGIN_FAILED naming the plugin and the fact when a resolver %s', async (_how, resolve) => {
    const registry = registryWith({ plugin: 'housing', resolvers: [{ fact: 'securityStaff', resolve }] });
    const error = await rejectionOf(
      registry.resolveFacts(without('securityStaff'), { ruleSet: 'sample-rubric' }),
    );
    expect(error.code).toBe('PLUGIN_FAILED');
    expect(error.message).toContain('plugin "housing" failed to resolve fact "securityStaff": database down');
    expect(error.issues[0]?.path).toEqual(['facts', 'securityStaff']);
    expect((error.cause as Error).message).toBe('database down');
  });

  it('fails with PLUGIN_FAILED when a resolver returns a value that does not fit the fact', async () => {
    const registry = registryWith({
      plugin: 'housing',
      resolvers: [{ fact: 'securityStaff', resolve: async () => 'six' }],
    });
    const error = await rejectionOf(
      registry.resolveFacts(without('securityStaff'), { ruleSet: 'sample-rubric' }),
    );
    expect(error.code).toBe('PLUGIN_FAILED');
    expect(error.message).toContain('plugin "housing" resolved fact "securityStaff"');
  });

  describe('a resolver that never settles', () => {
    const never = () => new Promise<never>(() => {});
    const pending = () =>
      registryWith({ plugin: 'housing', resolvers: [{ fact: 'securityStaff', resolve: never }] });

    it('fails with PLUGIN_FAILED after 10 s by default', async () => {
      vi.useFakeTimers();
      try {
        const outcome = rejectionOf(
          pending().resolveFacts(without('securityStaff'), { ruleSet: 'sample-rubric' }),
        );
        await vi.advanceTimersByTimeAsync(10_000);
        const error = await outcome;
        expect(error.code).toBe('PLUGIN_FAILED');
        expect(error.issues).toEqual([
          {
            path: ['facts', 'securityStaff'],
            message: 'plugin "housing" did not resolve fact "securityStaff" within 10000 ms',
            kind: 'resolver-timed-out',
          },
        ]);
      } finally {
        vi.useRealTimers();
      }
    });

    it('waits as long as resolverTimeout says, or for ever with false', async () => {
      vi.useFakeTimers();
      try {
        let settled = false;
        const unlimited = pending()
          .resolveFacts(without('securityStaff'), { ruleSet: 'sample-rubric', resolverTimeout: false })
          .finally(() => {
            settled = true;
          });
        const short = rejectionOf(
          pending().resolveFacts(without('securityStaff'), { ruleSet: 'sample-rubric', resolverTimeout: 50 }),
        );
        await vi.advanceTimersByTimeAsync(50);
        expect((await short).issues[0]?.message).toContain('within 50 ms');
        await vi.advanceTimersByTimeAsync(1_000_000);
        expect(settled).toBe(false);
        expect(vi.getTimerCount()).toBe(0);
        void unlimited.catch(() => {});
      } finally {
        vi.useRealTimers();
      }
    });

    it('leaves no timer behind once the resolvers have answered', async () => {
      vi.useFakeTimers();
      try {
        const registry = registryWith({
          plugin: 'housing',
          resolvers: [{ fact: 'securityStaff', resolve: async () => 6 }],
        });
        await registry.resolveFacts(without('securityStaff'), { ruleSet: 'sample-rubric' });
        expect(vi.getTimerCount()).toBe(0);
      } finally {
        vi.useRealTimers();
      }
    });

    it.each([0, -1, Number.NaN, '10', null, true])('refuses resolverTimeout %s', async (resolverTimeout) => {
      const options = { ruleSet: 'sample-rubric', resolverTimeout } as unknown as { ruleSet: string };
      const error = await rejectionOf(pending().resolveFacts(without('securityStaff'), options));
      expect(error.code).toBe('INVALID_OPTIONS');
      expect(error.issues[0]?.path).toEqual(['resolverTimeout']);
    });
  });

  it('needs a rule set and a valid assessment', async () => {
    const registry = registryWith();
    expect((await rejectionOf(registry.resolveFacts(without()))).code).toBe('INVALID_OPTIONS');
    expect((await rejectionOf(registry.resolveFacts(without(), { ruleSet: 'nope' }))).code).toBe(
      'RULE_SET_NOT_FOUND',
    );
    const malformed = await rejectionOf(
      registry.resolveFacts({ id: 'a', facts: {} }, { ruleSet: 'sample-rubric' }),
    );
    expect(malformed.code).toBe('INVALID_ASSESSMENT');
  });
});
