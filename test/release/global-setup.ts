import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { published, root, run, typescriptVersions } from './consumer-project.js';

/**
 * Packs every published package and installs the tarballs with npm into one fresh project, once for all the
 * release tests (the install is the slow part), with what their users add beside them: vitest (the optional
 * peer of `@sunshine-rubric/testing/vitest`) and the TypeScript versions the types are checked with.
 *
 * @example
 * ```ts
 * // vitest.config.ts, the release project:
 * { test: { globalSetup: ['./test/release/global-setup.ts'] } }
 * ```
 */
export default function setup(project: TestProject): () => void {
  if (published.some((folder) => !existsSync(join(root, 'packages', folder, 'dist'))))
    run('pnpm', ['build'], root);
  const consumer = mkdtempSync(join(tmpdir(), 'sunshine-rubric-consumer-'));
  for (const folder of published)
    run('pnpm', ['pack', '--pack-destination', consumer], join(root, 'packages', folder));
  const tarballs = readdirSync(consumer).filter((file) => file.endsWith('.tgz'));
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      ...tarballs.map((file) => `./${file}`),
      'vitest@4.1.12',
      ...Object.entries(typescriptVersions).map(
        ([alias, version]) => `typescript-${alias}@npm:typescript@${version}`,
      ),
    ],
    consumer,
  );
  project.provide('consumerProject', consumer);
  return () => rmSync(consumer, { recursive: true, force: true });
}
