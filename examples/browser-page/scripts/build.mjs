// Bundles the pages for browsers: dist/ gets index.html, style.css and main.js (one ES module), and the page
// that scores with the standalone module alone: standalone.html, standalone.js and evaluator.mjs, generated
// from the rule set. `node scripts/build.mjs <outdir>`; the test calls buildPage() the same way.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStandaloneEvaluator } from '@sunshine-rubric/core/standalone';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
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
  const standalone = await build({
    entryPoints: [join(root, 'src/standalone-page.ts')],
    outfile: join(outdir, 'standalone.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    conditions: fromSource ? ['@sunshine-rubric/source'] : [],
    // Loaded by the browser as the file the generator wrote, not bundled: that file is what is shipped.
    external: ['./evaluator.mjs'],
    metafile: true,
    logLevel: 'warning',
  });
  await writeFile(join(outdir, 'evaluator.mjs'), generateStandaloneEvaluator(guangxi2021));
  for (const file of ['index.html', 'standalone.html', 'style.css'])
    await copyFile(join(root, file), join(outdir, file));
  return { main: result.metafile, standalone: standalone.metafile };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = resolve(process.argv[2] ?? join(root, 'dist'));
  const metafiles = await buildPage(outdir);
  const bytesOf = (metafile, name) =>
    Object.entries(metafile.outputs).find(([file]) => file.endsWith(name))[1].bytes;
  console.log(
    `built ${outdir}: main.js is ${(bytesOf(metafiles.main, 'main.js') / 1e6).toFixed(2)} MB, standalone.js ${(bytesOf(metafiles.standalone, 'standalone.js') / 1e3).toFixed(1)} kB beside evaluator.mjs`,
  );
}
