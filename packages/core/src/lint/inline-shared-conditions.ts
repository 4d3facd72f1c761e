import { expandReference, isConditionReference, isLeaf } from '../rule-set/conditions.js';
import type { Condition, RuleSet, Standard } from '../rule-set/types.js';

/**
 * The rule set as the analysis reads it: every `{ condition: name }` replaced by the shared condition it
 * names (through references inside shared conditions too), and no `conditions` left. A reference means its
 * expansion, so every question the linter decides has the same answer on both. `defineRuleSet` has refused
 * unknown names and cycles, so the expansion ends; each name is expanded once and shared.
 */
export function inlineSharedConditions(ruleSet: RuleSet): RuleSet {
  const shared = ruleSet.conditions;
  if (shared === undefined) return ruleSet;
  const expanded = new Map<string, Condition>();
  const inline = (condition: Condition): Condition => {
    if (isConditionReference(condition)) {
      let body = expanded.get(condition.condition);
      if (body === undefined) {
        body = inline(expandReference(condition, shared));
        expanded.set(condition.condition, body);
      }
      return body;
    }
    if (isLeaf(condition)) return condition;
    if ('not' in condition) return { ...condition, not: inline(condition.not) };
    if ('all' in condition) return { ...condition, all: condition.all.map(inline) };
    return { ...condition, any: condition.any.map(inline) };
  };
  const standard = (item: Standard): Standard => ({
    ...item,
    condition: inline(item.condition),
    ...(item.applicableWhen === undefined ? {} : { applicableWhen: inline(item.applicableWhen) }),
  });
  const { conditions: _shared, ...rest } = ruleSet;
  return {
    ...rest,
    ...(ruleSet.scope === undefined ? {} : { scope: inline(ruleSet.scope) }),
    ...(ruleSet.focus === undefined ? {} : { focus: inline(ruleSet.focus) }),
    aspects: ruleSet.aspects.map((aspect) => ({
      ...aspect,
      requirements: aspect.requirements.map((requirement) => ({
        ...requirement,
        standards: requirement.standards.map(standard),
      })),
    })),
  };
}
