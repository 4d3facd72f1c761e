import type { ImportFindingKind, IssueKind } from '../errors/issue-kinds.js';
import type { RubricIssue } from '../errors/rubric-error.js';
import { MAX_CONDITION_DEPTH } from '../rule-set/conditions.js';
import { quote } from '../util/show-value.js';

type Path = readonly (string | number)[];

/**
 * A problem or note of an import (`fromJsonRulesEngineRules`): a kind of its own, or one `defineRuleSet`
 * reports (of the draft or its options), with its path.
 *
 * @example
 * ```ts
 * const finding: ImportFinding = { path: [0, 'priority'], kind: 'priority-dropped', message: 'dropped' };
 * ```
 */
export type ImportFinding = RubricIssue<
  ImportFindingKind | IssueKind<'INVALID_RULE_SET' | 'INVALID_OPTIONS'>
>;

export interface ConditionFindings {
  readonly problems: ImportFinding[];
  readonly notes: ImportFinding[];
  /** Paths (into the input) of the condition nodes already reported, so validation does not report them twice. */
  readonly reported: Path[];
}

/** What a leaf may use: the catalog's fact ids and the operators the rule set will accept. */
export interface ConditionContext {
  readonly facts: ReadonlySet<string>;
  readonly operators: ReadonlySet<string>;
  /** The names of the engine's shared conditions given (`engine.setCondition`). */
  readonly conditions: ReadonlySet<string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * json-rules-engine's condition tree in the format's terms: `all` / `any` / `not`, leaves of
 * `{ fact, operator, value }` and references `{ condition: name }` to the shared conditions given. What the format has no place for is reported against the input's path;
 * a condition's `name` and `priority` (labels and evaluation order, not meaning) are dropped with a note.
 */
export function importCondition(
  node: unknown,
  path: Path,
  context: ConditionContext,
  findings: ConditionFindings,
  depth = 0,
): unknown {
  // Deeper trees are left as they are: defineRuleSet reports the depth at the right path.
  if (!isRecord(node) || depth > MAX_CONDITION_DEPTH) return node;
  const problem = (at: Path, kind: ImportFindingKind, message: string) => {
    findings.problems.push({ path: at, kind, message });
    findings.reported.push(path);
  };
  const { name, priority, ...rest } = node;
  if (name !== undefined) {
    findings.notes.push({
      path: [...path, 'name'],
      kind: 'condition-name-dropped',
      message: `the condition's name ${quote(String(name))} is dropped: conditions are not named in a rule set`,
    });
  }
  if (priority !== undefined) {
    findings.notes.push({
      path: [...path, 'priority'],
      kind: 'priority-dropped',
      message:
        'the condition priority is dropped: it only orders how json-rules-engine evaluates, not the outcome',
    });
  }
  if ('condition' in rest) {
    if (typeof rest.condition === 'string' && context.conditions.has(rest.condition)) return rest;
    problem(
      [...path, 'condition'],
      'unknown-condition',
      `${quote(String(rest.condition))} refers to a shared condition (engine.setCondition) that the conditions option does not give: pass the engine's shared conditions as conditions: { ${quote(String(rest.condition))}: … }`,
    );
    return rest;
  }
  for (const key of ['all', 'any'] as const) {
    const children = rest[key];
    if (Array.isArray(children)) {
      return {
        ...rest,
        [key]: children.map((child, index) =>
          importCondition(child, [...path, key, index], context, findings, depth + 1),
        ),
      };
    }
  }
  if ('not' in rest)
    return { ...rest, not: importCondition(rest.not, [...path, 'not'], context, findings, depth + 1) };
  if (!('fact' in rest)) return rest;
  return importLeaf(rest, path, context, problem);
}

function importLeaf(
  leaf: Record<string, unknown>,
  path: Path,
  context: ConditionContext,
  problem: (at: Path, kind: ImportFindingKind, message: string) => void,
): unknown {
  const { fact, operator, value, path: jsonPath, params, ...rest } = leaf;
  checkFact(fact, [...path, 'fact'], context, problem);
  if (jsonPath !== undefined) {
    problem(
      [...path, 'path'],
      'path',
      `a path (${quote(String(jsonPath))}) reads inside an object fact; facts of a rule set are scalar: declare the value it reads as a fact of its own`,
    );
  }
  if (params !== undefined) {
    problem(
      [...path, 'params'],
      'fact-params',
      'params go to a computed fact; facts of a rule set are values an assessment gives: declare each value as a fact of its own',
    );
  }
  if (typeof operator === 'string' && !context.operators.has(operator)) {
    const decorator = /^(everyFact|everyValue|someFact|someValue|not|swap):/.exec(operator);
    if (decorator) {
      problem(
        [...path, 'operator'],
        'operator-decorator',
        `the operator decorator ${quote(`${decorator[1]}:`)} is not supported: facts are scalar (for "not:", wrap the leaf in { "not": … })`,
      );
    } else {
      problem(
        [...path, 'operator'],
        'unknown-operator',
        `${quote(operator)} is not a built-in operator; custom operators come from plugins: pass them as the operators option`,
      );
    }
  }
  let imported = value;
  if (isRecord(value) && 'fact' in value) {
    const { fact: otherFact, path: valuePath, params: valueParams, ...valueRest } = value;
    checkFact(otherFact, [...path, 'value', 'fact'], context, problem);
    if (valuePath !== undefined) {
      problem(
        [...path, 'value', 'path'],
        'path',
        'a fact value cannot have a path: facts of a rule set are scalar',
      );
    }
    if (valueParams !== undefined) {
      problem(
        [...path, 'value', 'params'],
        'fact-params',
        'a fact value cannot have params: facts of a rule set are values an assessment gives',
      );
    }
    imported = { fact: otherFact, ...valueRest };
  }
  return { fact, operator, value: imported, ...rest };
}

function checkFact(
  fact: unknown,
  path: Path,
  context: ConditionContext,
  problem: (at: Path, kind: ImportFindingKind, message: string) => void,
): void {
  if (typeof fact === 'string' && !context.facts.has(fact)) {
    problem(path, 'undeclared-fact', `fact ${quote(fact)} is not in the catalog: add it to the facts option`);
  }
}
