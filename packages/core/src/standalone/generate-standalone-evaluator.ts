import { RubricError } from '../errors/rubric-error.js';
import { evidenceMissingReason, evidenceRulesWith } from '../evidence/evidence-rules.js';
import { checkOptions } from '../reading/check-options.js';
import { MAX_DOCUMENT_ENTRIES, MAX_DOCUMENT_NODES } from '../reading/structure-depth.js';
import { safeDefineRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSet } from '../rule-set/types.js';
import { assessmentFields } from '../runtime/assessment-fields.js';
import { factChecks } from '../runtime/fact-checks.js';
import { builtInLeafTest } from '../runtime/leaf-test.js';
import { factValuesReader } from '../runtime/read-fact-values.js';
import { complianceReasons, pointsReasons, reasonsWriterWith } from '../runtime/reasons.js';
import { valueWords } from '../runtime/value-words.js';
import { MAX_MESSAGE_CHARACTERS, MAX_SHOWN_CHARACTERS } from '../util/show-value.js';
import { conditionCompiler, factComparisons, sharedConditions } from './runtime/conditions-runtime.js';
import { lazyDetails } from './runtime/details-runtime.js';
import { standaloneEvaluator } from './runtime/evaluator-runtime.js';
import { assessmentReader } from './runtime/read-assessment-runtime.js';
import { standaloneErrorClass } from './runtime/rubric-error-runtime.js';
import type { StandaloneCondition, StandaloneData } from './runtime/types.js';
import { standaloneDataOf } from './standalone-data.js';
import { standaloneDeclarations } from './standalone-declarations.js';

/** Options of `generateStandaloneEvaluator`. */
export interface StandaloneOptions {
  /** An assessment fact the catalog does not declare is an error (default), or ignored. */
  readonly unknownFacts?: 'error' | 'ignore';
  /** `true`: return the module's TypeScript declarations beside its source (`StandaloneSources`). */
  readonly declarations?: boolean;
}

/** What `generateStandaloneEvaluator` returns with `declarations: true`. */
export interface StandaloneSources {
  /** The ES module's source, for `evaluator.mjs`. */
  readonly module: string;
  /** Its TypeScript declarations, for `evaluator.d.mts` beside it: facts typed by the rule set's catalog. */
  readonly declarations: string;
}

/**
 * The source of an ES module that evaluates assessments against this one rule set with no runtime
 * dependency (no core, no zod, no json-rules-engine), like Ajv's standalone validation code. Write it to a
 * file and ship it: it contains no `eval` and no `new Function`, so it runs under `script-src 'self'`.
 *
 * The module exports `evaluate(assessment, options?)`, whose result is deep-equal to
 * `compileRuleSet(ruleSet).evaluate`'s; bad assessments throw an error with the same `code`, issues and
 * paths as core's `RubricError` (and its marker, so `RubricError.isInstance` recognises it). It also
 * exports that `RubricError` class and `ruleSet` (`{ id, version }`).
 *
 * Rule-set content enters the module only as a JSON string that it parses, never as code. Rule sets that
 * use a plugin's custom operator are refused: a plugin is code, which a generated module cannot carry.
 *
 * @throws {RubricError} `INVALID_RULE_SET` when the rule set is invalid or uses a custom operator;
 * `INVALID_OPTIONS` for bad options.
 * With `declarations: true` it returns `{ module, declarations }`: the module's source and its TypeScript
 * declarations, to write beside it as `evaluator.d.mts`, in which `evaluate` takes facts typed by the rule
 * set's catalog (`FactId`, `Facts`) and returns core's `EvaluationResult`, declared in the file itself.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * await writeFile('evaluator.mjs', generateStandaloneEvaluator(guangxi2021));
 * // elsewhere: import { evaluate } from './evaluator.mjs';
 *
 * const { module, declarations } = generateStandaloneEvaluator(guangxi2021, { declarations: true });
 * await writeFile('evaluator.mjs', module);
 * await writeFile('evaluator.d.mts', declarations);
 * ```
 */
export function generateStandaloneEvaluator(
  ruleSet: RuleSet,
  options?: StandaloneOptions & { readonly declarations?: false },
): string;
export function generateStandaloneEvaluator(
  ruleSet: RuleSet,
  options: StandaloneOptions & { readonly declarations: true },
): StandaloneSources;
export function generateStandaloneEvaluator(
  ruleSet: RuleSet,
  options?: StandaloneOptions,
): string | StandaloneSources;
export function generateStandaloneEvaluator(
  ruleSet: RuleSet,
  options?: StandaloneOptions,
): string | StandaloneSources {
  const { unknownFacts = 'error', declarations = false } = checkOptions(options);
  if (unknownFacts !== 'error' && unknownFacts !== 'ignore') {
    throw new RubricError('INVALID_OPTIONS', [
      { path: ['unknownFacts'], message: 'unknownFacts is "error" or "ignore"', kind: 'invalid-type' },
    ]);
  }
  if (typeof declarations !== 'boolean') {
    throw new RubricError('INVALID_OPTIONS', [
      { path: ['declarations'], message: 'declarations is true or false', kind: 'invalid-type' },
    ]);
  }
  const defined = safeDefineRuleSet(ruleSet);
  if (!defined.ok) {
    const { error } = defined;
    if (error.code !== 'INVALID_RULE_SET') throw error;
    const issues = error.issues.map((issue) =>
      issue.kind === 'unknown-operator'
        ? {
            ...issue,
            message: `${issue.message}; a standalone evaluator supports only the built-in operators (a custom operator comes from a plugin, which is code a generated module cannot carry)`,
          }
        : issue,
    );
    throw new RubricError('INVALID_RULE_SET', issues);
  }
  const data = standaloneDataOf(defined.value, unknownFacts);
  // The runtime functions the module calls itself, each under its name.
  const own = { standaloneErrorClass, valueWords, factChecks, standaloneEvaluator };
  // The parts the evaluator takes, each written as the value of its name in the object it is given; those
  // of features the rule set does not use (fact comparisons, shared conditions, the other scoring mode,
  // evidence that counts) are left out.
  const parts: Record<string, (...parameters: never[]) => unknown> = {
    factValuesReader,
    assessmentFields,
    builtInLeafTest,
    assessmentReader,
    conditionCompiler,
    ...(usesFactComparisons(data) ? { factComparisons } : {}),
    ...(data.conditions ? { sharedConditions } : {}),
    reasonsWriter: reasonsWriterWith,
    scoreReasons: data.scoring.mode === 'points' ? pointsReasons : complianceReasons,
    lazyDetails,
    evidenceRules: evidenceRulesWith,
    ...(data.evidence.counted ? { evidenceMissingReason } : {}),
  };
  const source = [
    '// A standalone evaluator generated by @sunshine-rubric/core (generateStandaloneEvaluator). Do not edit.',
    '// It has no dependencies; the rule set is the JSON string below, parsed once when the module loads.',
    ...Object.entries(own).map(([name, runtime]) => `const ${name} = (${runtime.toString()});`),
    `const data = JSON.parse(${jsonStringLiteral(JSON.stringify(data))});`,
    `const checks = factChecks(valueWords(${MAX_SHOWN_CHARACTERS}));`,
    `export const RubricError = standaloneErrorClass(checks, ${MAX_MESSAGE_CHARACTERS});`,
    'const run = standaloneEvaluator(data, {',
    '  RubricError,',
    '  checks,',
    `  maxEntries: ${MAX_DOCUMENT_ENTRIES},`,
    `  maxNodes: ${MAX_DOCUMENT_NODES},`,
    ...Object.entries(parts).map(([name, runtime]) => `  ${name}: (${runtime.toString()}),`),
    '});',
    'export const ruleSet = Object.freeze({ id: data.ruleSet.id, version: data.ruleSet.version });',
    '/** Scores one assessment against the rule set; throws RubricError INVALID_ASSESSMENT on a bad one. */',
    'export function evaluate(assessment, options) {',
    '  return run(assessment, options);',
    '}',
    'export { evaluate as default };',
    '',
  ].join('\n');
  return declarations
    ? { module: source, declarations: standaloneDeclarations(defined.value, unknownFacts) }
    : source;
}

/** Whether a condition of the rule set compares a fact with another (`[position, operator, { fact }, other]`). */
function usesFactComparisons(data: StandaloneData): boolean {
  const visit = (condition: StandaloneCondition): boolean =>
    typeof condition[0] === 'number'
      ? condition.length === 4
      : condition[0] !== 'reference' && (condition.slice(1) as StandaloneCondition[]).some(visit);
  return [
    data.scope,
    data.focus,
    ...(data.conditions ?? []),
    ...data.requirements.flatMap(([, , standards]) =>
      standards.flatMap(([, condition, applicableWhen]) => [condition, applicableWhen || null]),
    ),
  ].some((condition) => condition !== null && visit(condition));
}

/**
 * JSON text as a single-quoted JS string literal (its double quotes then need no escape, which keeps the
 * module small), safe inside an HTML `<script>` and in every JS parser: backslashes, quotes, line
 * terminators and `<` escaped.
 */
function jsonStringLiteral(json: string): string {
  const escaped = json.replace(/[\\'\n\r\u2028\u2029<]/g, (character) =>
    character === '\\'
      ? '\\\\'
      : character === "'"
        ? "\\'"
        : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `'${escaped}'`;
}
