import { defineRuleSet, isDefinedRuleSet } from '../rule-set/define-rule-set.js';
import type { RuleSet } from '../rule-set/types.js';
import { layoutRuleSet, type RubricLayout } from './layout.js';

const layouts = new WeakMap<object, RubricLayout>();

/**
 * The layout of a rule set, validating it first. A frozen rule set (from `defineRuleSet`) cannot
 * change, so its layout is computed once and remembered.
 */
export function layoutFor(ruleSet: RuleSet): RubricLayout {
  const frozen = typeof ruleSet === 'object' && ruleSet !== null && Object.isFrozen(ruleSet);
  const cached = frozen ? layouts.get(ruleSet) : undefined;
  if (cached) return cached;
  // A rule set from defineRuleSet was validated with its operators; anything else is validated here, with
  // the built-in operators only (a document that uses a plugin's operator must come through defineRuleSet).
  const layout = layoutRuleSet(
    isDefinedRuleSet(ruleSet) ? ruleSet : defineRuleSet(ruleSet, { operators: [] }),
  );
  if (frozen) layouts.set(ruleSet, layout);
  return layout;
}
