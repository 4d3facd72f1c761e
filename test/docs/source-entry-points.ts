import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every public import path of the workspace's packages (`@sunshine-rubric/core/lint` …) mapped to its
 * TypeScript source, read from each package's `exports` (the `@sunshine-rubric/source` condition). Code
 * extracted from the guides lives outside the workspace, so it reaches the packages through this map.
 *
 * @example
 * ```ts
 * sourceEntryPoints(root)['@sunshine-rubric/core/lint']; // '<root>/packages/core/src/lint/index.ts'
 * ```
 */
export function sourceEntryPoints(root: string): Record<string, string> {
  const entryPoints: Record<string, string> = {};
  for (const folder of readdirSync(join(root, 'packages'))) {
    const packageDirectory = join(root, 'packages', folder);
    let manifest: { name: string; exports?: Record<string, unknown> };
    try {
      manifest = JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8'));
    } catch {
      continue; // not a package
    }
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const source = (target as Record<string, unknown> | null)?.['@sunshine-rubric/source'];
      if (typeof source !== 'string') continue;
      entryPoints[`${manifest.name}${subpath.slice(1)}`] = join(packageDirectory, source);
    }
  }
  return entryPoints;
}
