import type { OperatorDefinition, Plugin } from '@sunshine-rubric/core';

/**
 * What every part of the kit needs to know about a rule set that uses plugins: the custom operators its
 * conditions may use, given directly or as the plugins that contribute them. Every arbitrary, the
 * invariant suite, the flip report and coverage take these options.
 *
 * @example
 * ```ts
 * const kit: KitOptions = { plugins: [qinzhouPlugin] };
 * await checkRuleSetInvariants(qinzhou2024, { ...kit, numRuns: 200 });
 * coverage(qinzhou2024, fixtures, { ...kit, threshold: 0.8 });
 * ```
 */
export interface KitOptions {
  /** Custom operators the rule set's conditions use (as `defineRuleSet` and `compileRuleSet` take them). */
  readonly operators?: readonly OperatorDefinition[];
  /** Plugins whose operators the rule set uses; their operators come before `operators`. */
  readonly plugins?: readonly Pick<Plugin, 'operators'>[];
}

/**
 * The custom operators the options name: the plugins' operators, then `operators`. One operator given
 * twice (the same object, e.g. a plugin's operator also listed in `operators`) counts once, so
 * `defineRuleSet` does not report a clash that is not one.
 *
 * @example
 * ```ts
 * compileRuleSet(ruleSet, { operators: kitOperators({ plugins: [cityPlugin] }) });
 * ```
 */
export function kitOperators(options: KitOptions = {}): readonly OperatorDefinition[] {
  const all = [
    ...(options.plugins ?? []).flatMap((plugin) => plugin.operators),
    ...(options.operators ?? []),
  ];
  return [...new Set(all)];
}
