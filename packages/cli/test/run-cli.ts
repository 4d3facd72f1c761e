// Runs the command as users do: a separate Node process with real argv, stdio, cwd and exit code.
// The process runs a bundle of src/bin.ts that esbuild (the bundler tsup uses) makes from the TypeScript
// source of this and the sibling packages, once per test file: no build step is needed, a stale build is
// never tested, and each process starts in a third of a second (tsx would take a second).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The samples folder of `@sunshine-rubric/guangxi`, with one assessment of each kind of verdict. */
export const samplesFolder = resolve(packageRoot, '../guangxi/src/data/samples');

let bundled: Promise<string> | undefined;

/**
 * Bundles `src/bin.ts`, and beside it the worker module of `batch --jobs` as the build does, into
 * `node_modules/.cache` of this package (so that `require('echarts')` from the bundle resolves), in a
 * folder of its own so that test files running at once do not share one. Resolves to the bin's path.
 */
export function bundleCli(): Promise<string> {
  bundled ??= (async () => {
    const folder = join(
      packageRoot,
      'node_modules/.cache/sunshine-rubric-e2e',
      `${process.pid}-${Date.now()}`,
    );
    await mkdir(folder, { recursive: true });
    await build({
      entryPoints: {
        bin: join(packageRoot, 'src/bin.ts'),
        'batch-worker': join(packageRoot, 'src/batch/batch-worker.ts'),
      },
      outdir: folder,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['@sunshine-rubric/source'],
      logLevel: 'error',
      // HiGHS loads highs.wasm from beside its own module: it stays a module of its own, where it is installed.
      plugins: [
        {
          name: 'highs-in-place',
          setup(bundler) {
            const highs = createRequire(join(packageRoot, '../planner/package.json')).resolve('highs');
            bundler.onResolve({ filter: /^highs$/ }, () => ({
              path: pathToFileURL(highs).href,
              external: true,
            }));
          },
        },
      ],
      // Bundled CommonJS dependencies (exceljs) call require() for Node's built-ins.
      banner: {
        js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
      },
    });
    return join(folder, 'bin.mjs');
  })();
  return bundled;
}

/** The worker module of `batch --jobs` in this test file's bundle, for tests that start workers in-process. */
export async function bundledBatchWorker(): Promise<URL> {
  return pathToFileURL(join(dirname(await bundleCli()), 'batch-worker.mjs'));
}

/** Removes this test file's bundle. */
export async function removeBundle(): Promise<void> {
  if (bundled) await rm(dirname(await bundled), { recursive: true, force: true });
}

/** What a finished process left behind. */
export interface CliOutcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Spawns `sunshine-rubric …args` in `cwd`, with `NO_COLOR` unless `env` says otherwise. */
export async function runCli(
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: Readonly<Record<string, string>>; readonly bin?: string },
): Promise<CliOutcome> {
  const bin = options.bin ?? (await bundleCli());
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** A fresh temporary folder for one test file, and its removal. */
export async function temporaryFolder(
  prefix: string,
): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `sunshine-rubric-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * Spawns `sunshine-rubric …args` with stdout into a pipe whose reader goes away, as `… | head -1` does:
 * after the first chunk, or at once (`closeAt: 'start'`, so that even a short output meets a closed pipe).
 * Resolves with the exit code and everything written to stderr.
 */
export async function runCliClosingStdout(
  args: readonly string[],
  options: { readonly cwd: string; readonly stdin?: string; readonly closeAt?: 'start' | 'first-chunk' },
): Promise<{ readonly code: number | null; readonly stderr: string }> {
  const bin = await bundleCli();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
    child.stdin?.on('error', () => undefined);
    let stderr = '';
    const { stdout, stderr: errors } = child;
    if (stdout === null || errors === null) throw new Error('spawned without pipes');
    if (options.closeAt === 'start') stdout.destroy();
    else stdout.once('data', () => stdout.destroy());
    errors.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stderr }));
  });
}
