export { type ExtendRuleSetOptions, extendRuleSet, safeExtendRuleSet } from './extend-rule-set.js';
export { type RuleSetPatch, RuleSetPatchSchema } from './patch-schema.js';
