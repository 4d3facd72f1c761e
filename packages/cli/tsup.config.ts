import { defineConfig } from 'tsup';
import { publishedBuild } from '../../tsup.shared.js';

const shared = {
  ...publishedBuild,
  platform: 'node' as const,
  external: [
    '@sunshine-rubric/core',
    '@sunshine-rubric/guangxi',
    '@sunshine-rubric/planner',
    '@sunshine-rubric/qinzhou',
    '@sunshine-rubric/workbook',
  ],
};

export default defineConfig([
  // batch-worker: the module each `batch --jobs n` worker thread runs, found beside the code that starts it.
  {
    ...shared,
    entry: { index: 'src/index.ts', 'batch-worker': 'src/batch/batch-worker.ts' },
    dts: { entry: { index: 'src/index.ts' } },
    clean: true,
  },
  // The executable: the same code behind a shebang, so `npx sunshine-rubric` and `pnpm exec` run it.
  // It imports the library entry (kept external) rather than a second copy of it.
  {
    ...shared,
    entry: { bin: 'src/bin.ts' },
    external: [...shared.external, './index.js'],
    dts: false,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
