import type { Options } from 'tsup';

/**
 * What every published package's build shares: ES modules for ES2022 with source maps that point into the
 * `src/` the tarball ships, without a copy of that source inside them (`sourcesContent`), so a tarball holds
 * each source once. Packages add their entries, platform and externals.
 *
 * @example
 * ```ts
 * export default defineConfig({ ...publishedBuild, entry: { index: 'src/index.ts' }, platform: 'neutral' });
 * ```
 */
export const publishedBuild: Options = {
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
};
