// A rule-set author's vitest configuration: no setup file, nothing that configures fast-check. Only the
// source condition, so that the kit is read from this repository's source rather than a build.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const conditions = ['@sunshine-rubric/source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@sunshine-rubric/source'] } },
  test: { root: fileURLToPath(new URL('.', import.meta.url)), include: ['*.replay.ts'] },
});
