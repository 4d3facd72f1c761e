import { describeFactValue } from '../assessment/read-facts.js';
import { type Assessment, AssessmentSchema } from '../assessment/schema.js';
import { issuesFromZod } from '../errors/from-zod.js';
import { RubricError, type RubricIssue } from '../errors/rubric-error.js';
import type { FactValue, RuleSet } from '../rule-set/types.js';
import { isPlainObject } from '../util/guards.js';
import { safeParseDocument } from '../util/zod.js';
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

interface Failure {
  readonly issue: RubricIssue;
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
): Promise<Assessment> {
  const parsed = safeParseDocument(AssessmentSchema, input);
  if (!parsed.success || !isPlainObject(input)) {
    throw new RubricError('INVALID_ASSESSMENT', parsed.success ? [] : issuesFromZod(parsed.error));
  }
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
          value = await resolver.resolve({ assessment, ruleSet, fact, definition });
        } catch (cause) {
          const reason = cause instanceof Error ? cause.message : String(cause);
          failures.push({
            issue: failed(
              fact,
              `plugin "${plugin}" failed to resolve fact "${fact}": ${reason}`,
              'resolver-failed',
            ),
            cause,
          });
          return undefined;
        }
        if (value === undefined || value === null) continue;
        const problem = describeFactValue(value, definition);
        if (problem) {
          failures.push({
            issue: failed(
              fact,
              `plugin "${plugin}" resolved fact "${fact}" to a value that does not fit it: ${problem}`,
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

function failed(fact: string, message: string, kind: string): RubricIssue {
  return { path: ['facts', fact], message, kind };
}
