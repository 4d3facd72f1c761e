import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// How users receive the library, shared by the release tests: every published package (found from the
// packages' package.json files, so that a new or renamed package is included without a change here) packed
// as a tarball and installed with npm into one fresh project by global-setup.ts.

/** The workspace root. */
export const root = new URL('../../', import.meta.url).pathname;

/**
 * The package.json of the package in `packages/<folder>`.
 *
 * @example
 * ```ts
 * manifestOf('core').name; // '@sunshine-rubric/core'
 * ```
 */
export const manifestOf = (folder: string) =>
  JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'));

/**
 * The folders under `packages/` of the packages that are published (not `private`).
 *
 * @example
 * ```ts
 * published.includes('core'); // true
 * ```
 */
export const published: readonly string[] = readdirSync(join(root, 'packages')).filter(
  (folder) => manifestOf(folder).private !== true,
);

/**
 * Every entry point a package exports (`.`, `./json-rules-engine`…), as import specifiers; JSON files and
 * patterns left out.
 *
 * @example
 * ```ts
 * entryPoints('core'); // ['@sunshine-rubric/core', '@sunshine-rubric/core/json-rules-engine']
 * ```
 */
export function entryPoints(folder: string): string[] {
  const manifest = manifestOf(folder);
  return Object.keys(manifest.exports)
    .filter((key) => !key.includes('*') && !key.endsWith('.json'))
    .map((key) => manifest.name + key.slice(1));
}

/**
 * The TypeScript versions consumers are checked with: the oldest that type-checks against the packed types
 * (zod's types use `NoInfer`, new in 5.4; 5.3 fails) and the newest release. Each is installed in the
 * consumer project under its own alias (`typescript-oldest`, `typescript-newest`).
 *
 * @example
 * ```ts
 * typescriptVersions.oldest; // '5.4.5'
 * ```
 */
export const typescriptVersions = { oldest: '5.4.5', newest: '7.0.2' } as const;

/**
 * Runs a command and returns its standard output; throws with its output when it exits non-zero, and ends
 * it after `timeoutMs` (4 minutes by default) so that a stuck install or compiler fails instead of hanging.
 *
 * @example
 * ```ts
 * run('node', ['esm.mjs'], project);
 * ```
 */
export function run(command: string, args: string[], cwd: string, timeoutMs = 240_000): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Runs a command to its end and returns its exit code and output streams, whatever the code: for a command
 * whose failing exit is what is tested (`sunshine-rubric check` exits 1 on findings). Ended after `timeoutMs`
 * like {@link run}; a command that did not exit on its own (ended, or not started) throws.
 *
 * @example
 * ```ts
 * runToExit('node_modules/.bin/sunshine-rubric', ['check', 'city.json'], project); // { code: 1, stdout, stderr }
 * ```
 */
export function runToExit(
  command: string,
  args: string[],
  cwd: string,
  timeoutMs = 240_000,
): { code: number; stdout: string; stderr: string } {
  const outcome = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (outcome.status === null)
    throw new Error(`${command} ${args.join(' ')} did not exit: ${outcome.error ?? outcome.signal}`);
  return { code: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the fresh npm project that installed the packed packages. */
    consumerProject: string;
  }
}
