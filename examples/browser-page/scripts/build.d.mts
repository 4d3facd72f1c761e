import type { Metafile } from 'esbuild';

/** Builds the page (index.html, style.css, main.js) into `outdir`; see build.mjs. */
export function buildPage(outdir: string, options?: { readonly fromSource?: boolean }): Promise<Metafile>;
