export {
  type CreateRegistryOptions,
  createRegistry,
  type RegisteredRuleSet,
  type Registry,
  type ResolveFactsOptions,
} from './create-registry.js';
export { definePlugin, safeDefinePlugin } from './define-plugin.js';
export type {
  FactResolver,
  FactResolverContext,
  Plugin,
  PluginDefinition,
} from './plugin-types.js';
