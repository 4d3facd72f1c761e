import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { sourceEntryPoints } from './test/docs/source-entry-points.js';

// Tests resolve sibling packages to their TypeScript source through this export condition,
// so nothing needs building before `pnpm test`.
// One fast-check seed per run, chosen here (once) and handed to every worker through the environment;
// vitest.setup.ts applies it. Replay a failing run with FC_SEED=<seed> pnpm test.
if (!process.env.FC_SEED) process.env.FC_SEED = String(Date.now() % 2_147_483_647);
if (!process.env.FC_SEED_SHOWN) {
  process.env.FC_SEED_SHOWN = '1';
  console.info(
    `fast-check seed: ${process.env.FC_SEED} (replay with FC_SEED=${process.env.FC_SEED} pnpm test)`,
  );
}

const sourceCondition = '@sunshine-rubric/source';
const conditions = [sourceCondition, 'module', 'node', 'import', 'default'];
// Vitest hands the SSR conditions to Node itself (`--conditions`), where they apply to `require()` too: with
// `import` among them, a CommonJS package that requires a dual package (pg requires pg-pool) gets its ES
// module's namespace instead of its class. Vite adds `import` for ES imports on its own.
const ssrConditions = conditions.filter((condition) => condition !== 'import');
// The guides' code runs from a temporary folder outside the workspace: it reaches the packages by name.
const guideAliases = Object.entries(sourceEntryPoints(fileURLToPath(new URL('.', import.meta.url)))).map(
  ([specifier, file]) => ({
    find: new RegExp(`^${specifier.replace(/[/.-]/g, '\\$&')}$`),
    replacement: file,
  }),
);

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions: ssrConditions, externalConditions: [sourceCondition] } },
  test: {
    setupFiles: ['./vitest.setup.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'packages', include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'] },
      },
      { extends: true, test: { name: 'examples', include: ['examples/*/test/**/*.test.ts'] } },
      { extends: true, test: { name: 'workspace', include: ['test/workspace/**/*.test.ts'] } },
      {
        extends: true,
        resolve: { alias: guideAliases },
        // Builds the site (typedoc) and crawls it in Chromium; runs the guides' code.
        test: { name: 'docs', include: ['test/docs/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'release',
          include: ['test/release/**/*.test.ts'],
          // Packs and installs the packages into one fresh npm project for all the release tests.
          globalSetup: ['./test/release/global-setup.ts'],
        },
      },
    ],
  },
});
