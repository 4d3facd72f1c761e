import type { Plugin } from '@sunshine-rubric/core';
import { guangxiPlugin } from '@sunshine-rubric/guangxi';
import { qinzhouPlugin } from '@sunshine-rubric/qinzhou';

/**
 * The plugins the `sunshine-rubric` command is built with: the Guangxi template (`guangxi-2021`) and the
 * Qinzhou city plugin (`qinzhou-2021`). `run` makes a registry of them when it is given none; a program that
 * embeds the command adds its own plugins to them.
 *
 * @example
 * ```ts
 * import { builtInPlugins, run } from '@sunshine-rubric/cli';
 * import { createRegistry } from '@sunshine-rubric/core';
 *
 * const registry = createRegistry({ plugins: [...builtInPlugins, cityPlugin] });
 * await run(['evaluate', 'estate.json', '--rule-set', 'my-city-2024'], {}, { registry });
 * ```
 */
export const builtInPlugins: readonly Plugin[] = Object.freeze([guangxiPlugin, qinzhouPlugin]);
