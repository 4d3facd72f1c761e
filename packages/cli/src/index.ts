/**
 * `@sunshine-rubric/cli`: the `sunshine-rubric` command — evaluate self-checks (one file, or millions of
 * NDJSON lines streamed), write self-contained HTML reports, plan remediation, check target timelines,
 * validate and diff rule sets, and move between JSON and spreadsheets. `run` is the whole command as a
 * function, for tests and for programs that embed it, with the registry they compose: `builtInPlugins` and
 * their own.
 *
 * @packageDocumentation
 */

export { builtInPlugins } from './input/built-in-plugins.js';
export type { ExitCode, OutputStream, RunIo } from './io/run-io.js';
export { exitCodes } from './io/run-io.js';
export { type RunOptions, run } from './program/run.js';
