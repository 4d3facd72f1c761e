import { safeDefineRuleSet } from '../rule-set/define-rule-set.js';
import { formatVersionNeeded } from '../rule-set/format-version.js';
import { builtInOperators, type OperatorDefinition } from '../rule-set/operators.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import type { FactDefinition, Provenance, RuleSet, Scoring, Text } from '../rule-set/types.js';
import { quote } from '../util/show-value.js';
import { type ConditionFindings, type ImportFinding, importCondition } from './import-conditions.js';

/** Options of {@link fromJsonRulesEngineRules}. json-rules-engine has no fact catalog: `facts` is required. */
export interface FromJsonRulesEngineOptions {
  /** The fact catalog: every fact the rules read, with its type and title. */
  readonly facts: Readonly<Record<string, FactDefinition>>;
  /** The rule set's id (kebab-case). */
  readonly id: string;
  /** The rule set's version (semver). */
  readonly version: string;
  readonly title: Text;
  /** By default `provisional`: rules brought in from another system are not the authority's text. */
  readonly provenance?: Provenance;
  /**
   * How rules become requirements: `'rule'` (default) makes one requirement per rule; a function names
   * each rule's requirement, and rules with the same name share it.
   */
  readonly groupBy?: 'rule' | ((rule: Readonly<Record<string, unknown>>, index: number) => string);
  /** By default every rule must hold: compliance rate 1, no per-requirement minimum. */
  readonly scoring?: Scoring;
  /** Custom operators (from plugins) that the rules use besides json-rules-engine's built-ins. */
  readonly operators?: readonly OperatorDefinition[];
  /**
   * The engine's shared conditions, by name, as given to `engine.setCondition(name, conditions)`: they
   * become the rule set's shared conditions, and the rules' `{ condition: name }` refer to them. Those no
   * imported rule reaches are left out, with a note.
   */
  readonly conditions?: Readonly<Record<string, unknown>>;
}

/**
 * What {@link fromJsonRulesEngineRules} made of the rules. `draft` is always there, to read and fix;
 * `problems` (blocking) and `notes` (what was dropped or moved) each carry a path into the input:
 * `[ruleIndex, 'conditions', …]` for a rule, `['options', …]` for an option.
 */
export type JsonRulesEngineImport =
  | {
      readonly ok: true;
      readonly draft: RuleSetInput;
      /** The draft, validated and frozen by `defineRuleSet`. */
      readonly ruleSet: RuleSet;
      readonly problems: readonly [];
      readonly notes: readonly ImportFinding[];
    }
  | {
      readonly ok: false;
      readonly draft: RuleSetInput;
      readonly problems: readonly ImportFinding[];
      readonly notes: readonly ImportFinding[];
    };

const DEFAULT_SCORING: Scoring = {
  mode: 'compliance-rate',
  threshold: 1,
  minMetPerRequirement: 0,
  notApplicable: 'exclude',
};

const DEFAULT_PROVENANCE: Provenance = {
  status: 'provisional',
  source: 'Imported from json-rules-engine rules with fromJsonRulesEngineRules; not an official text.',
};

/** The id of the one aspect that holds the imported rules. */
const IMPORTED_ASPECT = 'json-rules-engine-rules';

type Path = readonly (string | number)[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Turns json-rules-engine rules (`{ conditions, event, name, priority }`, plain or as a `Rule`'s
 * `toJSON()`) into a rule-set draft: one aspect (`json-rules-engine-rules`, titled as the rule set); one requirement per rule (or per `groupBy` name); one
 * standard per rule, named by the rule's `name` (else `rule-<n>`), whose condition is the rule's
 * conditions. The draft is validated with `safeDefineRuleSet`, and every problem — a `path`, an operator
 * decorator, an unknown operator, a fact absent from the catalog, `params`, a `{ condition }` naming no
 * shared condition of the `conditions` option — is reported at once, with its path into the input. `priority`, `event` and `onSuccess`/`onFailure`
 * have no place in a rule set: each is dropped with a note (the event's type becomes the title of a rule
 * that has no name).
 *
 * @example
 * ```ts
 * const imported = fromJsonRulesEngineRules(
 *   [{ name: 'hello', conditions: { all: [{ fact: 'displayMessage', operator: 'equal', value: true }] }, event: { type: 'message' } }],
 *   { id: 'hello-world', version: '1.0.0', title: { zh: '问候' }, facts: { displayMessage: { type: 'boolean', title: { zh: '显示问候？' } } } },
 * );
 * if (!imported.ok) for (const problem of imported.problems) console.log(formatPath(problem.path), problem.message);
 * ```
 */
export function fromJsonRulesEngineRules(
  rules: readonly unknown[],
  options: FromJsonRulesEngineOptions,
): JsonRulesEngineImport {
  const findings: ConditionFindings = { problems: [], notes: [], reported: [] };
  const catalog = isRecord(options?.facts) ? options.facts : {};
  if (!isRecord(options?.facts)) {
    findings.problems.push({
      path: ['options', 'facts'],
      kind: 'missing-catalog',
      message:
        'json-rules-engine has no fact catalog: give every fact the rules read, with its type and title',
    });
  }
  const given = isRecord(options?.conditions) ? options.conditions : {};
  const context = {
    facts: new Set(Object.keys(catalog)),
    operators: new Set([...builtInOperators, ...(options?.operators ?? [])].map((operator) => operator.name)),
    conditions: new Set(Object.keys(given)),
  };
  const list = Array.isArray(rules) ? rules : [];
  if (!Array.isArray(rules)) {
    findings.problems.push({ path: [], kind: 'not-a-list', message: 'the rules are a list' });
    findings.reported.push([]);
  }
  const groups = new Map<string, { id: string; title: Text; standards: unknown[] }>();
  // The rules each requirement's standards came from, to map validation issues back to the input.
  const rulesOfGroup = new Map<string, number[]>();
  list.forEach((given, index) => {
    const rule = readRule(given);
    if (!rule) {
      findings.problems.push({
        path: [index],
        kind: 'not-a-rule',
        message: 'a rule is an object (or a Rule or its JSON) with conditions',
      });
      return;
    }
    noteDropped(rule, index, findings.notes);
    const name = typeof rule.name === 'string' && rule.name.trim() !== '' ? rule.name.trim() : undefined;
    const eventType =
      isRecord(rule.event) && typeof rule.event.type === 'string' ? rule.event.type : undefined;
    const standardId = name ? name.replace(/\s+/g, '-') : `rule-${index + 1}`;
    const standard = {
      id: standardId,
      title: { zh: name ?? eventType ?? standardId },
      condition: importCondition(rule.conditions, [index, 'conditions'], context, findings),
    };
    const key =
      options?.groupBy === undefined || options.groupBy === 'rule' ? undefined : options.groupBy(rule, index);
    const groupId = key ?? `${standardId}-requirement`;
    const group = groups.get(groupId) ?? {
      id: groupId,
      title: { zh: key ?? name ?? standardId },
      standards: [],
    };
    groups.set(groupId, group);
    group.standards.push(standard);
    const groupRules = rulesOfGroup.get(groupId) ?? [];
    rulesOfGroup.set(groupId, groupRules);
    groupRules.push(index);
  });
  const conditions = importSharedConditions(given, [...groups.values()], context, findings);
  if (groups.size === 0 && Array.isArray(rules)) {
    findings.problems.push({ path: [], kind: 'no-rules', message: 'there is no rule to bring in' });
    findings.reported.push([]);
  }
  const parts = {
    id: options?.id,
    version: options?.version,
    title: options?.title,
    provenance: options?.provenance ?? DEFAULT_PROVENANCE,
    facts: catalog,
    ...(conditions ? { conditions } : {}),
    scoring: options?.scoring ?? DEFAULT_SCORING,
    aspects: [{ id: IMPORTED_ASPECT, title: options?.title, requirements: [...groups.values()] }],
  };
  const draft = {
    formatVersion: formatVersionNeeded(parts as unknown as Parameters<typeof formatVersionNeeded>[0]),
    ...parts,
  } as unknown as RuleSetInput;
  const defined = safeDefineRuleSet(draft, { operators: options?.operators ?? [] });
  const problems = [...findings.problems];
  if (!defined.ok) {
    const origins = [...rulesOfGroup.values()];
    const reportedByRule = new Map<string | number | undefined, Path[]>();
    for (const path of findings.reported) {
      const ofRule = reportedByRule.get(path[0]) ?? [];
      reportedByRule.set(path[0], ofRule);
      ofRule.push(path);
    }
    const seen = new Set<string>();
    for (const issue of defined.error.issues) {
      const path = inputPath(issue.path, origins);
      // A node reported above is not reported again, nor is the failed union (the tree's shape) around it;
      // the aspect takes the rule set's id and title, so their issues come twice.
      const alreadyReported = (reportedByRule.get(path[0]) ?? []).some(
        (reported) =>
          startsWith(path, reported) || (issue.kind === 'invalid_union' && startsWith(reported, path)),
      );
      const key = JSON.stringify([path, issue.message]);
      if (!alreadyReported && !seen.has(key)) problems.push({ ...issue, path });
      seen.add(key);
    }
  }
  if (defined.ok && problems.length === 0) {
    return { ok: true, draft, ruleSet: defined.value, problems: [], notes: findings.notes };
  }
  return { ok: false, draft, problems, notes: findings.notes };
}

/**
 * The shared conditions the imported rules reach (directly or through one another), converted like a
 * rule's conditions at `['options', 'conditions', name]`; the others are dropped with a note, since a rule
 * set refuses a shared condition nothing refers to.
 */
function importSharedConditions(
  given: Readonly<Record<string, unknown>>,
  requirements: readonly { readonly standards: readonly unknown[] }[],
  context: Parameters<typeof importCondition>[2],
  findings: ConditionFindings,
): Record<string, unknown> | undefined {
  const reached = new Set<string>();
  const pending: unknown[] = requirements.flatMap((requirement) => requirement.standards);
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (isRecord(node)) {
      if (typeof node.condition === 'string' && Object.hasOwn(given, node.condition)) {
        if (reached.has(node.condition)) continue;
        reached.add(node.condition);
        pending.push(given[node.condition]);
      } else pending.push(...Object.values(node));
    }
  }
  const conditions: Record<string, unknown> = {};
  for (const name of Object.keys(given)) {
    const path = ['options', 'conditions', name];
    if (!reached.has(name)) {
      findings.notes.push({
        path,
        kind: 'condition-unused-dropped',
        message: `shared condition ${quote(name)} is left out: no imported rule refers to it`,
      });
      continue;
    }
    conditions[name] = importCondition(given[name], path, context, findings);
  }
  return Object.keys(conditions).length > 0 ? conditions : undefined;
}

/** A rule as a plain object: given as one, as a `Rule` instance, or as the JSON string `Rule.toJSON()` returns. */
function readRule(given: unknown): Record<string, unknown> | undefined {
  let rule = given;
  if (typeof rule === 'string') {
    try {
      rule = JSON.parse(rule);
    } catch {
      return undefined;
    }
  } else if (isRecord(rule) && typeof rule.toJSON === 'function') {
    rule = (rule.toJSON as (stringify: boolean) => unknown)(false);
  }
  return isRecord(rule) && 'conditions' in rule ? rule : undefined;
}

function noteDropped(rule: Record<string, unknown>, index: number, notes: ImportFinding[]): void {
  // json-rules-engine gives every rule priority 1 unless told otherwise: only a chosen priority is news.
  if (rule.priority !== undefined && rule.priority !== 1) {
    notes.push({
      path: [index, 'priority'],
      kind: 'priority-dropped',
      message: 'priority is dropped: every standard of a rule set is evaluated, in no particular order',
    });
  }
  if (isRecord(rule.event)) {
    const type = rule.event.type;
    notes.push({
      path: [index, 'event'],
      kind: 'event-dropped',
      message:
        typeof rule.name === 'string' && rule.name.trim() !== ''
          ? `the event (${quote(String(type))}) is dropped: a rule set reports each standard's outcome instead`
          : `the event's type ${quote(String(type))} is kept as the standard's title; the event itself is dropped`,
    });
  }
  for (const key of ['onSuccess', 'onFailure'] as const) {
    if (rule[key] !== undefined) {
      notes.push({
        path: [index, key],
        kind: 'callback-dropped',
        message: `${key} is dropped: a rule set is data; read each standard's outcome from the result instead`,
      });
    }
  }
}

/** A validation issue's path in the draft, as a path into the input (the rule it came from, or the options). */
function inputPath(path: readonly (string | number)[], origins: readonly number[][]): (string | number)[] {
  const [top, , requirements, requirement, standards, standard, field, ...rest] = path;
  if (top !== 'aspects') return ['options', ...path];
  if (requirements !== 'requirements' || typeof requirement !== 'number') {
    if (requirements === 'requirements') return [];
    return requirements === 'title' ? ['options', 'title'] : ['options', 'groupBy'];
  }
  const rules = origins[requirement] ?? [];
  if (standards !== 'standards' || typeof standard !== 'number') {
    return rules.length === 1 ? [rules[0]!] : ['options', 'groupBy'];
  }
  const rule = rules[standard];
  if (rule === undefined) return ['options', ...path];
  if (field === 'condition') return [rule, 'conditions', ...rest];
  if (field === 'id' || field === 'title') return [rule, 'name'];
  return field === undefined ? [rule] : [rule, field, ...rest];
}

function startsWith(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}
