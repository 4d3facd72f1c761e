import { checkAssessmentEnvelope, describeFactValue } from '../assessment/read-facts.js';
import type { Assessment } from '../assessment/schema.js';
import type { IssueKind } from '../errors/issue-kinds.js';
import { type IssueOf, RubricError } from '../errors/rubric-error.js';
import { unreadableIssue } from '../reading/structure-depth.js';
import type { FactValue, RuleSet } from '../rule-set/types.js';
import { describeThrown, quote } from '../util/show-value.js';
import type { FactResolver, Plugin } from './plugin-types.js';

/** The resolvers of each fact, in plugin order. */
export type ResolversByFact = ReadonlyMap<
  string,
  readonly { readonly plugin: string; readonly resolver: FactResolver }[]
>;

export function resolversByFact(plugins: readonly Plugin[]): ResolversByFact {
  const byFact = new Map<string, { plugin: string; resolver: FactResolver }[]>();
  for (const plugin of plugins) {
    for (const resolver of plugin.factResolvers) {
      const list = byFact.get(resolver.fact) ?? [];
      list.push({ plugin: plugin.name, resolver });
      byFact.set(resolver.fact, list);
    }
  }
  return byFact;
}

/**
 * How long one fact resolver may take by default, in milliseconds: long enough for a slow database or web
 * service, short enough that a resolver that never settles is reported rather than hanging the caller.
 *
 * @example
 * ```ts
 * await registry.resolveFacts(draft, { ruleSet, resolverTimeout: 2 * DEFAULT_RESOLVER_TIMEOUT_MS });
 * ```
 */
export const DEFAULT_RESOLVER_TIMEOUT_MS = 10_000;

/** The `resolverTimeout` option checked: a positive number of milliseconds, or `false` for none. */
export function resolverTimeoutOf(option: unknown): number | false {
  if (option === undefined) return DEFAULT_RESOLVER_TIMEOUT_MS;
  if (option === false || (typeof option === 'number' && option > 0 && !Number.isNaN(option))) {
    return option === Number.POSITIVE_INFINITY ? false : option;
  }
  throw new RubricError('INVALID_OPTIONS', [
    {
      path: ['resolverTimeout'],
      message: 'resolverTimeout is a number of milliseconds above 0, or false for no limit',
      kind: 'invalid-timeout',
    },
  ]);
}

const timedOut: unique symbol = Symbol('timed out');

/** The timers every JS runtime has; core compiles without Node's or the DOM's types. */
const timers = globalThis as unknown as {
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(timer: unknown): void;
};

/**
 * The resolver's answer, or `timedOut` when it has not settled within `timeout` ms. The timer is cleared
 * as soon as the answer comes, so it never keeps a process alive after the work is done; it is not
 * unref'd, because a resolver that waits on nothing would then end the process silently instead of
 * failing with an error.
 */
async function withinTimeout<T>(
  work: () => T | Promise<T>,
  timeout: number | false,
): Promise<T | typeof timedOut> {
  if (timeout === false) return work();
  let timer: unknown;
  const expiry = new Promise<typeof timedOut>((resolve) => {
    timer = timers.setTimeout(() => resolve(timedOut), Math.min(timeout, 2 ** 31 - 1));
  });
  try {
    return await Promise.race([Promise.resolve().then(work), expiry]);
  } finally {
    timers.clearTimeout(timer);
  }
}

interface Failure {
  readonly issue: IssueOf<'PLUGIN_FAILED'>;
  readonly cause?: unknown;
}

/**
 * Completes an assessment's facts with the resolvers' answers. Only facts of the rule set's catalog that
 * the assessment lacks (absent or `null`) are asked for. The resolvers of one fact are tried in plugin order
 * until one returns a value; different facts are resolved concurrently.
 */
export async function resolveAssessmentFacts(
  input: unknown,
  ruleSet: RuleSet,
  resolvers: ResolversByFact,
  timeout: number | false = DEFAULT_RESOLVER_TIMEOUT_MS,
): Promise<Assessment> {
  // The same check as evaluate's, which reads the facts against the catalog once they are complete.
  let envelope: IssueOf<'INVALID_ASSESSMENT'>[];
  try {
    envelope = checkAssessmentEnvelope(input);
  } catch (error) {
    throw new RubricError('INVALID_ASSESSMENT', [unreadableIssue(input, error)], undefined, { cause: error });
  }
  if (envelope.length > 0) throw new RubricError('INVALID_ASSESSMENT', envelope);
  const assessment = input as Assessment;
  const given = assessment.facts;
  const lacking = Object.keys(ruleSet.facts).filter(
    (fact) =>
      resolvers.has(fact) &&
      (!Object.hasOwn(given, fact) || given[fact] === null || given[fact] === undefined),
  );
  const failures: Failure[] = [];
  const answers = await Promise.all(
    lacking.map(async (fact) => {
      const definition = ruleSet.facts[fact]!;
      for (const { plugin, resolver } of resolvers.get(fact) ?? []) {
        let value: unknown;
        try {
          value = await withinTimeout(
            () => resolver.resolve({ assessment, ruleSet, fact, definition }),
            timeout,
          );
        } catch (cause) {
          const reason = describeThrown(cause, { withName: false });
          failures.push({
            issue: failed(
              fact,
              `plugin ${quote(plugin)} failed to resolve fact ${quote(fact)}: ${reason}`,
              'resolver-failed',
            ),
            cause,
          });
          return undefined;
        }
        if (value === timedOut) {
          failures.push({
            issue: failed(
              fact,
              `plugin ${quote(plugin)} did not resolve fact ${quote(fact)} within ${timeout} ms`,
              'resolver-timed-out',
            ),
          });
          return undefined;
        }
        if (value === undefined || value === null) continue;
        const problem = describeFactValue(value, definition);
        if (problem) {
          failures.push({
            issue: failed(
              fact,
              `plugin ${quote(plugin)} resolved fact ${quote(fact)} to a value that does not fit it: ${problem}`,
              'invalid-resolved-value',
            ),
          });
          return undefined;
        }
        return [fact, value as FactValue] as const;
      }
      return undefined;
    }),
  );
  if (failures.length > 0) {
    const cause = failures.find((failure) => 'cause' in failure)?.cause;
    throw new RubricError(
      'PLUGIN_FAILED',
      failures.map((failure) => failure.issue),
      undefined,
      { cause },
    );
  }
  const resolved = Object.fromEntries(answers.filter((answer) => answer !== undefined));
  return { ...assessment, facts: { ...given, ...resolved } };
}

function failed(fact: string, message: string, kind: IssueKind<'PLUGIN_FAILED'>): IssueOf<'PLUGIN_FAILED'> {
  return { path: ['facts', fact], message, kind };
}
