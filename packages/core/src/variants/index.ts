export { type ExtendRuleSetOptions, extendRuleSet, safeExtendRuleSet } from './extend-rule-set.js';
export { type Immutable, type RuleSetPatch, RuleSetPatchSchema } from './patch-schema.js';
