import {
  type Assessment,
  compileRuleSet,
  defineRuleSet,
  type EvaluationResult,
  RubricError,
  type RuleSet,
} from '@sunshine-rubric/core';
import { createJsonRulesEngineEvaluator } from '@sunshine-rubric/core/json-rules-engine';
import type { LintResult } from '@sunshine-rubric/core/lint';
import fc from 'fast-check';
import { type AssessmentArbitraryOptions, assessmentArbitrary } from '../arbitraries/assessment-arbitrary.js';
import { type KitOptions, kitOperators } from '../options/kit-options.js';
import { PATH_VARIABLE, replayLine, runSettings } from '../options/run-settings.js';
import { type InvariantContext, type InvariantName, invariantChecks, invariantNames } from './invariants.js';
import { lintInvariant } from './lint-invariant.js';

/**
 * Options of {@link checkRuleSetInvariants}. `operators` / `plugins` (see {@link KitOptions}) are the custom
 * operators the rule set uses; they reach the assessments drawn, both evaluators and the explanation check.
 */
export interface InvariantOptions extends KitOptions {
  /** Random assessments per invariant (default: `FC_NUM_RUNS` from the environment, else 100). */
  readonly numRuns?: number;
  /**
   * Seed for a reproducible run (default: `FC_SEED` from the environment, else a fresh one). One seed serves
   * every invariant; a violation reports it, and the same seed replays the same counterexample.
   */
  readonly seed?: number;
  /** With `seed`, replays exactly the reported counterexample. */
  readonly path?: string;
  /** Which invariants to check (default all). */
  readonly invariants?: readonly InvariantName[];
  /** How assessments are drawn (default: biased towards the eligibility boundary, 10% missing facts). */
  readonly assessments?: Omit<AssessmentArbitraryOptions, keyof KitOptions>;
  /** The evaluator under test (default: the compiled evaluator). The kit's own tests pass broken ones here. */
  readonly evaluate?: (ruleSet: RuleSet, assessment: Assessment) => EvaluationResult;
  /** The reference evaluator (default: the json-rules-engine backend). */
  readonly reference?: (ruleSet: RuleSet, assessment: Assessment) => Promise<EvaluationResult>;
}

export interface InvariantViolation {
  readonly invariant: InvariantName;
  readonly message: string;
  /** The smallest assessment found that breaks it (for `monotone-in-standards`, the one before the change). */
  readonly counterexample: Assessment;
  /** Replay with `FC_SEED=<seed>`, or `checkRuleSetInvariants(ruleSet, { seed, path, invariants: [invariant] })`. */
  readonly seed: number;
  readonly path: string;
}

export interface InvariantReport {
  readonly ok: boolean;
  /** The seed every invariant ran with: `FC_SEED=<seed>` reruns exactly these assessments. */
  readonly seed: number;
  /** Assessments evaluated across all invariants (the `lint` invariant evaluates none). */
  readonly runs: number;
  readonly invariants: readonly {
    readonly name: InvariantName;
    readonly ok: boolean;
    readonly runs: number;
  }[];
  readonly violations: readonly InvariantViolation[];
  /** What the linter found (when `lint` ran): its errors are violations, its warnings and notes are here to print. */
  readonly lint?: LintResult;
}

/**
 * Checks a rule set against the invariants every rubric must keep. First `lint`: `lintRuleSet` finds no
 * error (no standard that can never be met, no requirement never covered, eligibility within reach …),
 * proved over the fact catalog. Then, on random assessments: results are
 * deterministic and independent of fact order; the compiled evaluator and json-rules-engine agree;
 * meeting more standards never loses eligibility; raising the threshold (or pass mark) never makes more
 * estates eligible; `reasons` is empty exactly when eligible; every outcome agrees with its explanation.
 *
 * @example
 * ```ts
 * const report = await checkRuleSetInvariants(myCityRuleSet, { numRuns: 200 });
 * if (!report.ok) console.log(report.violations);
 * ```
 */
export async function checkRuleSetInvariants(
  ruleSet: RuleSet,
  options: InvariantOptions = {},
): Promise<InvariantReport> {
  const operators = kitOperators(options);
  const defined = defineRuleSet(ruleSet, { operators });
  const { seed, numRuns, path } = runSettings(options, 100);
  const names = options.invariants ?? invariantNames;
  if (options.path === undefined && path !== undefined && names.length !== 1) {
    // A path leads to one property's counterexample; in another property it leads somewhere meaningless.
    throw new RubricError('INVALID_OPTIONS', [
      {
        path: [PATH_VARIABLE],
        kind: 'invalid-environment',
        message: `${PATH_VARIABLE} replays a counterexample of one invariant, but ${names.length} are checked: pass invariants: ['<the one>'] (or run its test alone with -t), or unset ${PATH_VARIABLE}`,
      },
    ]);
  }
  const context = contextFor(defined, operators, options);
  const assessments = assessmentArbitrary(defined, {
    ...(options.assessments ?? { nearBoundary: true }),
    operators,
  });
  // Whole percentages: at most 30 stricter rule sets, each compiled once (see raiseBar).
  const raises = fc.integer({ min: 1, max: 30 }).map((percent) => percent / 100);
  const inputs = fc.tuple(assessments, assessments, raises);
  const mutated = inputs.chain(([assessment, donor, raise]) =>
    fc.constantFrom(...Object.keys(donor.facts).concat('')).map((factId) => {
      const facts = { ...assessment.facts };
      if (factId !== '') facts[factId] = donor.facts[factId]!;
      return [assessment, { ...assessment, facts }, raise] as const;
    }),
  );

  const violations: InvariantViolation[] = [];
  const summary: InvariantReport['invariants'][number][] = [];
  let runs = 0;
  let lint: LintResult | undefined;
  for (const name of names) {
    if (name === 'lint') {
      const linted = lintInvariant(defined, operators, seed);
      lint = linted.result;
      // A proof over the fact catalog evaluates no assessment: it adds no runs.
      summary.push({ name, ok: linted.violation === undefined, runs: 0 });
      if (linted.violation) violations.push(linted.violation);
      continue;
    }
    const check = invariantChecks[name];
    let failure: string | undefined;
    const property = fc.asyncProperty(mutated, async ([assessment, other, raise]) => {
      failure = await check(context, assessment, other, raise);
      return failure === undefined;
    });
    const details = await fc.check(property, {
      numRuns,
      seed,
      ...(path !== undefined ? { path } : {}),
    });
    runs += details.numRuns;
    summary.push({ name, ok: !details.failed, runs: details.numRuns });
    if (details.failed && details.counterexample) {
      const [assessment, other, raise] = details.counterexample[0];
      const message =
        (await check(context, assessment, other, raise)) ?? details.errorInstance?.toString() ?? 'failed';
      violations.push({
        invariant: name,
        message,
        counterexample: assessment,
        seed: details.seed,
        path: details.counterexamplePath ?? '',
      });
    }
  }
  return {
    ok: violations.length === 0,
    seed,
    runs,
    invariants: summary,
    violations,
    ...(lint ? { lint } : {}),
  };
}

/**
 * A violation as the message of a failing test: the invariant, what went wrong, the counterexample, and a
 * line to paste into a shell that replays it — `FC_SEED=<seed> npx vitest run`, or, given the `command`
 * that runs just this invariant's test (the vitest helpers give it), `FC_SEED=<seed> FC_PATH=<path>
 * <command>`, which goes straight to the counterexample — then the exact call.
 *
 * @example
 * ```ts
 * const report = await checkRuleSetInvariants(ruleSet, { operators });
 * if (!report.ok) throw new Error(formatViolation(report.violations[0]!));
 * ```
 */
export function formatViolation(
  violation: InvariantViolation,
  options: { readonly command?: string } = {},
): string {
  const replay =
    options.command === undefined
      ? replayLine(violation.seed)
      : replayLine(violation.seed, { path: violation.path, command: options.command });
  // A lint error is proved, not sampled: there is nothing to replay.
  if (violation.invariant === 'lint') return `invariant lint violated: ${violation.message}`;
  return [
    `invariant ${violation.invariant} violated: ${violation.message}`,
    `counterexample: ${JSON.stringify(violation.counterexample)}`,
    'replay it with this line:',
    replay,
    `or: checkRuleSetInvariants(ruleSet, { seed: ${violation.seed}, path: '${violation.path}', invariants: ['${violation.invariant}'] })`,
  ].join('\n');
}

function contextFor(
  ruleSet: RuleSet,
  operators: InvariantContext['operators'],
  options: InvariantOptions,
): InvariantContext {
  const compiled = new WeakMap<RuleSet, ReturnType<typeof compileRuleSet>>();
  const evaluatorFor = (target: RuleSet) => {
    const known = compiled.get(target);
    if (known) return known;
    const evaluator = compileRuleSet(target, { operators });
    compiled.set(target, evaluator);
    return evaluator;
  };

  const reference = createJsonRulesEngineEvaluator(ruleSet, { operators });
  return {
    ruleSet,
    operators,
    evaluate: options.evaluate ?? ((target, assessment) => evaluatorFor(target).evaluate(assessment)),
    reference:
      options.reference ??
      ((target, assessment) =>
        target === ruleSet
          ? reference.evaluate(assessment)
          : createJsonRulesEngineEvaluator(target, { operators }).evaluate(assessment)),
  };
}
