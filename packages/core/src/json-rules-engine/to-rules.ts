import type { RuleProperties } from 'json-rules-engine';
import { layoutRuleSet } from '../evaluate/layout.js';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import type { Condition, RuleSet, SharedConditions } from '../rule-set/types.js';

/**
 * The name of the rule that decides the rule set's scope.
 *
 * @example
 * ```ts
 * const scopeRule = toJsonRulesEngineRules(ruleSet).find((rule) => rule.name === SCOPE_RULE);
 * ```
 */
export const SCOPE_RULE = 'scope';

/**
 * The name of the rule that decides whether an estate is in the rule set's focus (reported, never a gate).
 *
 * @example
 * ```ts
 * const focusRule = toJsonRulesEngineRules(ruleSet).find((rule) => rule.name === FOCUS_RULE);
 * ```
 */
export const FOCUS_RULE = 'focus';

/** The event a standard's rule fires when the standard is met (applicable and its condition holds). */
export interface StandardMetEvent {
  readonly type: 'standard-met';
  readonly params: { readonly standardId: string; readonly requirementId: string; readonly aspectId: string };
}

/**
 * The rule set as plain json-rules-engine rules that any json-rules-engine host can run: one rule per
 * standard, named by the standard's id, whose conditions are `{ all: [applicableWhen?, condition] }` and
 * whose event (`standard-met`) fires when the standard is met; plus a rule named `scope` (event
 * `in-scope`) when the rule set has a scope, and a rule named `focus` (event `in-focus`) when it has a
 * focus. Facts are the assessment's `facts`; run the engine with
 * `allowUndefinedFacts: true` and treat a rule that reads an absent fact as undecided. A fact value
 * (`{ fact }`) is json-rules-engine's own fact reference. A reference to a shared condition stays a
 * reference (`{ condition: name }`): give the engine the rule set's `conditions` with
 * `engine.setCondition(name, condition)` before it runs, as the example does.
 *
 * @example
 * ```ts
 * import { Engine } from 'json-rules-engine';
 * const engine = new Engine(toJsonRulesEngineRules(ruleSet), { allowUndefinedFacts: true });
 * for (const [name, condition] of Object.entries(ruleSet.conditions ?? {}))
 *   engine.setCondition(name, structuredClone(condition));
 * const { events } = await engine.run(assessment.facts);
 * const metStandards = events.map((event) => event.params?.standardId);
 * ```
 */
export function toJsonRulesEngineRules(ruleSet: RuleSet): RuleProperties[] {
  const layout = layoutRuleSet(defineRuleSet(ruleSet, { operators: [] }));
  return rulesOf(layout.ruleSet, layout.standards);
}

/** The rules for a rule set that is already defined (custom operators included). */
export function rulesOf(
  ruleSet: RuleSet,
  standards: ReturnType<typeof layoutRuleSet>['standards'],
): RuleProperties[] {
  const rules: RuleProperties[] = standards.map((standard) => ({
    name: standard.id,
    conditions: {
      all: [...(standard.applicableWhen ? [plain(standard.applicableWhen)] : []), plain(standard.condition)],
    } as RuleProperties['conditions'],
    event: {
      type: 'standard-met',
      params: { standardId: standard.id, requirementId: standard.requirementId, aspectId: standard.aspectId },
    },
  }));
  if (ruleSet.focus) {
    rules.unshift({
      name: FOCUS_RULE,
      conditions: { all: [plain(ruleSet.focus)] } as RuleProperties['conditions'],
      event: { type: 'in-focus' },
    });
  }
  if (ruleSet.scope) {
    rules.unshift({
      name: SCOPE_RULE,
      conditions: { all: [plain(ruleSet.scope)] } as RuleProperties['conditions'],
      event: { type: 'in-scope' },
    });
  }
  return rules;
}

/** The shared conditions as json-rules-engine takes them (`engine.setCondition`), each a mutable copy. */
export function sharedConditionsOf(ruleSet: RuleSet): SharedConditions {
  return Object.fromEntries(
    Object.entries(ruleSet.conditions ?? {}).map(([name, condition]) => [name, plain(condition)]),
  );
}

/** A mutable deep copy: json-rules-engine writes results into the condition objects it is given. */
function plain(condition: Condition): Condition {
  return JSON.parse(JSON.stringify(condition)) as Condition;
}
