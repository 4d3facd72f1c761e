// Bundles the page for browsers: dist/ gets index.html, style.css and main.js (one ES module).
// `node scripts/build.mjs <outdir>`; the test calls buildPage() the same way.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds the page into `outdir`. `fromSource` resolves the workspace packages to their TypeScript source
 * (their `@sunshine-rubric/source` export condition) instead of their built `dist/`.
 */
export async function buildPage(outdir, { fromSource = false } = {}) {
  await mkdir(outdir, { recursive: true });
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    outfile: join(outdir, 'main.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    conditions: fromSource ? ['@sunshine-rubric/source'] : [],
    metafile: true,
    logLevel: 'warning',
  });
  await copyFile(join(root, 'index.html'), join(outdir, 'index.html'));
  await copyFile(join(root, 'style.css'), join(outdir, 'style.css'));
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = resolve(process.argv[2] ?? join(root, 'dist'));
  const metafile = await buildPage(outdir);
  const [, bundle] = Object.entries(metafile.outputs).find(([file]) => file.endsWith('main.js'));
  console.log(`built ${outdir}: main.js is ${(bundle.bytes / 1e6).toFixed(2)} MB`);
}
