import type { Metafile } from 'esbuild';

/**
 * Builds the pages into `outdir`: index.html, style.css and main.js; standalone.html and standalone.js with
 * evaluator.mjs, the standalone module generated for guangxi-2021. See build.mjs.
 */
export function buildPage(
  outdir: string,
  options?: { readonly fromSource?: boolean },
): Promise<{ readonly main: Metafile; readonly standalone: Metafile }>;
