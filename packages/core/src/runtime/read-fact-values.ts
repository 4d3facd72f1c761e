import type { FactChecks, RuntimeFact } from './fact-checks.js';
import type { ValueWords } from './value-words.js';

/** An issue of an assessment's facts, as the reader reports it. */
export interface FactIssue {
  readonly path: (string | number)[];
  readonly message: string;
  readonly kind: 'unknown-fact' | 'invalid-fact';
}

/**
 * Reads an assessment's `facts` object into catalog slots, checking each answer against its fact (the one
 * reading of facts for core's evaluator, its reference backend and the standalone module; self-contained,
 * see `value-words.ts`). The common answers are checked inline, and only a value they do not accept is
 * judged, and worded, by `describeFactValue`. The returned function fills `values` by catalog position
 * (`null` and `undefined` answers left out), pushes an issue per unknown or wrong fact, and returns how
 * many facts it filled; an unknown fact is an issue unless `unknownFacts` is `'ignore'`. It may throw what a getter or Proxy trap throws.
 *
 * @example
 * ```ts
 * const readFacts = factValuesReader(facts, valueWords(60), factChecks(valueWords(60)));
 * const values = new Array(facts.length);
 * const issues = [];
 * readFacts(assessment.facts, values, issues, 'error'); // 83: every fact answered
 * ```
 */
export function factValuesReader(
  facts: readonly (RuntimeFact & { readonly id: string })[],
  { quote }: Pick<ValueWords, 'quote'>,
  { describeFactValue, ownKeysOnly }: Pick<FactChecks, 'describeFactValue' | 'ownKeysOnly'>,
) {
  const ids = facts.map((fact) => fact.id);
  const positionOf = new Map(ids.map((id, position) => [id, position]));
  // 0 boolean, 1 string, 2 number, 3 integer, 4 enum; -1 dates, left to describeFactValue. Typed arrays:
  // the reading loop loads them without a check of what kind of element it finds.
  const checks = Int8Array.from(facts, (fact) =>
    ['boolean', 'string', 'number', 'integer', 'enum'].indexOf(fact.type),
  );
  const lows = Float64Array.from(facts, (fact) => fact.min ?? -Infinity);
  const highs = Float64Array.from(facts, (fact) => fact.max ?? Infinity);
  const allowed = facts.map((fact) =>
    fact.type === 'enum' && Array.isArray(fact.values) ? fact.values : [],
  );
  return (
    answers: Record<string, unknown>,
    values: unknown[],
    issues: { push(issue: FactIssue): unknown },
    unknownFacts: 'error' | 'ignore' | undefined,
  ): number => {
    let answered = 0;
    // for-in rather than Object.keys: V8 then reads each value by its field index, where a keyed load over
    // Object.keys is megamorphic (several times slower). Filtered to own keys where a prototype could add
    // any, it lists Object.keys' keys in the same order.
    const ownOnly = ownKeysOnly(answers);
    // Assessments usually list facts in catalog order: the next slot is tried before the Map.
    let next = 0;
    for (const factId in answers) {
      if (!ownOnly && !Object.hasOwn(answers, factId)) continue;
      // Read before the catalog is asked: a getter that throws makes the assessment unreadable, known fact or not.
      const value = answers[factId];
      const position = ids[next] === factId ? next : positionOf.get(factId);
      if (position === undefined) {
        if (unknownFacts !== 'ignore')
          issues.push({
            path: ['facts', factId],
            message: `fact ${quote(factId)} is not in the rule set's fact catalog`,
            kind: 'unknown-fact',
          });
        continue;
      }
      next = position + 1;
      if (value === null || value === undefined) continue;
      const check = checks[position]!;
      // Numbers first (most answers are numbers or booleans); `value - value === 0` is Number.isFinite.
      const accepted =
        check === 4
          ? allowed[position]!.includes(value)
          : typeof value === 'number'
            ? check > 1 &&
              value >= lows[position]! &&
              value <= highs[position]! &&
              (check === 3 ? Number.isInteger(value) : value - value === 0)
            : check === 0
              ? typeof value === 'boolean'
              : check === 1 && typeof value === 'string';
      const problem = accepted ? undefined : describeFactValue(value, facts[position]!);
      if (problem) issues.push({ path: ['facts', factId], message: problem, kind: 'invalid-fact' });
      else {
        values[position] = value;
        answered++;
      }
    }
    return answered;
  };
}

/** The function {@link factValuesReader} makes. */
export type FactValuesReader = ReturnType<typeof factValuesReader>;
