// Batch benchmark: `sunshine-rubric batch` on an NDJSON file of the five Guangxi samples repeated: the
// command as it was at a git ref (the baseline), and the working tree with its default options (what a
// user who types `batch in.ndjson --out out.ndjson` gets) and with each `--jobs` count, each in its own
// process, several rounds, medians. Checks that every working-tree output is byte for byte the same
// (SHA-256) and that each working-tree run's peak memory stays under a bound (exit 1 otherwise).
//   pnpm bench:batch                                   (100,000 lines, 3 rounds, default, --jobs 1 and 2)
//   BENCH_LINES=1000000 BENCH_BASELINE=0 node bench/batch.bench.mjs   (memory flat at a million lines)
// Env: BENCH_LINES, BENCH_ROUNDS, BENCH_JOBS (default `default,1,2`; `default` passes no --jobs),
// BENCH_PEAK_MB (bound on a one-thread run's peak RSS), BENCH_PEAK_MB_PER_WORKER (added to it per worker
// thread: --jobs n starts n - 1, default 100), BENCH_BASELINE_REF
// (git refs, comma-separated, oldest first; default 1f06b65,649960f), BENCH_BASELINE=0 (skip the baseline), BENCH_FULL=1 (--full). Every contender is bundled whole from its
// own sources (the baseline's whole `packages/` tree at its ref, unpacked under the temp folder), so a
// baseline from before a change of core's exports still builds. The input is written to a temp folder
// and removed at the end. Needs the guangxi package built (`pnpm build`) for the samples.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir as makeFolder, mkdir, mkdtemp, rename, rm, stat, symlink } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { median } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliRoot = join(root, 'packages/cli');
const lineCount = Number(process.env.BENCH_LINES ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? (lineCount >= 1_000_000 ? 1 : 3));
// One thread peaked at 151-181 MB at a million lines under load, the command before the main thread
// evaluated (84c10d3) included (bench/README.md).
const peakBoundMb = Number(process.env.BENCH_PEAK_MB ?? 200);
// A worker of --jobs 2 evaluates about half of all lines beside the main thread; under load its heap peaks
// 80-100 MB above one thread's (bench/README.md).
const peakPerWorkerMb = Number(process.env.BENCH_PEAK_MB_PER_WORKER ?? 100);
const jobCounts = (process.env.BENCH_JOBS ?? 'default,1,2').split(',').map((jobs) => jobs.trim());
// The baselines, oldest first: `1f06b65` is the command before chunked reads and batched writes (one
// JSON.stringify and one write per line, readline), the issue's "today"; `649960f` has chunked reads and
// batched writes, with the evaluator as it was then. Ratios are taken against the first.
const baselineRefs = (process.env.BENCH_BASELINE_REF ?? '1f06b65,649960f')
  .split(',')
  .map((ref) => ref.trim())
  .filter((ref) => ref.length > 0);
const withBaseline = process.env.BENCH_BASELINE !== '0';
const full = process.env.BENCH_FULL === '1';
const gnuTime = ['/usr/bin/time'].find((path) => existsSync(path));

const { build } = await import(join(cliRoot, 'node_modules/esbuild/lib/main.js'));
const { guangxiSamples } = await import(join(root, 'packages/guangxi/dist/index.js'));

const work = await mkdtemp(join(tmpdir(), 'sunshine-rubric-batch-bench-'));
// Bundles live under packages/cli/node_modules so that their imports (core, commander…) resolve there.
const bundles = join(cliRoot, 'node_modules/.cache/sunshine-rubric-batch-bench', String(process.pid));

/**
 * One bundle of the CLI whose `packages/` folder is `tree`: its bin and the worker of `batch --jobs` (where
 * the tree has one), with the sibling packages from that tree's sources and third-party packages from this
 * workspace, as the e2e tests bundle it.
 */
async function bundle(tree, name) {
  const outdir = join(bundles, name);
  if (tree !== root) {
    // The baseline's sibling packages, by name, from its own tree (the workspace's links are left alone).
    const scope = join(tree, 'node_modules/@sunshine-rubric');
    await makeFolder(scope, { recursive: true });
    for (const name of ['core', 'guangxi', 'qinzhou', 'workbook', 'testing']) {
      await symlink(join(tree, 'packages', name), join(scope, name)).catch(() => undefined);
    }
  }
  const workerSource = join(tree, 'packages/cli/src/batch/batch-worker.ts');
  const hasWorker = await stat(workerSource).then(
    () => true,
    () => false,
  );
  await build({
    entryPoints: {
      bin: join(tree, 'packages/cli/src/bin.ts'),
      ...(hasWorker ? { 'batch-worker': workerSource } : {}),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@sunshine-rubric/source'],
    nodePaths: [join(root, 'node_modules/.pnpm/node_modules')],
    logLevel: 'error',
    banner: {
      js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
    },
  });
  return join(outdir, 'bin.mjs');
}

/** The `packages/` tree at `ref`, unpacked into its own folder under the temp folder. */
function treeAt(ref) {
  const into = join(work, `baseline-${ref}`);
  execFileSync('mkdir', ['-p', into]);
  const archive = execFileSync('git', ['-C', root, 'archive', ref, 'packages', 'package.json'], {
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', into], { input: archive });
  return into;
}

/** The five samples in turn, each with its own id. */
async function writeInput(file) {
  const samples = Object.values(guangxiSamples).map((sample) => JSON.stringify({ ...sample, id: '@ID@' }));
  const sink = createWriteStream(file);
  let chunk = '';
  for (let line = 1; line <= lineCount; line++) {
    chunk += `${samples[line % samples.length].replace('@ID@', `estate-${line}`)}\n`;
    if (chunk.length > 1 << 20) {
      if (!sink.write(chunk)) await once(sink, 'drain');
      chunk = '';
    }
  }
  sink.end(chunk);
  await once(sink, 'finish');
}

/** One run in its own process: wall time, peak RSS (the CLI prints it), exit code. */
function runBatch(bin, output, jobs) {
  const args = [
    bin,
    'batch',
    'in.ndjson',
    '--out',
    output,
    '--format',
    'json',
    ...(jobs === undefined || jobs === 'default' ? [] : ['--jobs', jobs]),
    ...(full ? ['--full'] : []),
  ];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    // GNU time, where there is one, adds the CPU seconds of every thread: on a machine shared with other
    // work, lines per CPU second is steadier than wall time (and shows what worker threads cost).
    const child = spawn(
      gnuTime ?? process.execPath,
      gnuTime ? ['-f', 'cpu: %U %S', process.execPath, ...args] : args,
      {
        cwd: work,
        env: { ...process.env, SUNSHINE_RUBRIC_REPORT_RSS: '1', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (text) => {
      stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text) => {
      stderr += text;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const rss = /maxRSS: (\d+) kB/.exec(stderr);
      const cpu = /cpu: ([\d.]+) ([\d.]+)/.exec(stderr);
      if (code !== 0 || !rss) reject(new Error(`batch exited ${code}: ${stderr}${stdout}`));
      else
        resolve({
          seconds,
          peakMb: Number(rss[1]) / 1024,
          cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN,
        });
    });
  });
}

async function sha256(file) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk);
  return hash.digest('hex');
}

/** The first line where two outputs differ, both versions cut short: what a mismatch is about. */
async function firstDifference(expectedFile, actualFile) {
  const lines = async function* (file) {
    yield* createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  };
  const actual = lines(actualFile);
  let number = 0;
  for await (const expected of lines(expectedFile)) {
    number++;
    const { value, done } = await actual.next();
    if (done) return `ends at line ${number}`;
    if (value !== expected) {
      let at = 0;
      while (value[at] === expected[at]) at++;
      const around = (text) => JSON.stringify(text.slice(Math.max(0, at - 60), at + 120));
      return `output line ${number} differs at column ${at + 1}: ${around(expected)} in the first, ${around(value)} here`;
    }
  }
  return (await actual.next()).done ? 'same lines' : `has lines after line ${number}`;
}

const format = (value) => Math.round(value).toLocaleString('en-US');
/** The threads `--jobs auto` takes at this load average (autoJobs in packages/cli/src/batch/batch-workers.ts). */
const autoThreads = (load) => (load < availableParallelism() ? Math.min(availableParallelism(), 8) : 1);
let failed = false;
try {
  await mkdir(bundles, { recursive: true });
  const variants = [];
  if (withBaseline)
    for (const ref of baselineRefs)
      variants.push({ name: `baseline ${ref}`, bin: await bundle(treeAt(ref), `baseline-${ref}`) });
  const current = await bundle(root, 'current');
  for (const jobs of jobCounts) {
    // --jobs n evaluates on the main thread and n - 1 workers, each with its own heap; the default (auto)
    // takes at most one thread per core.
    const threads = jobs === 'default' || jobs === 'auto' ? autoThreads(0) : Number(jobs);
    const bound = peakBoundMb + peakPerWorkerMb * (threads - 1);
    const name = jobs === 'default' ? 'working tree (default)' : `working tree --jobs ${jobs}`;
    variants.push({ name, bin: current, jobs, bound, tree: true });
  }
  await writeInput(join(work, 'in.ndjson'));
  const inputMb = (await stat(join(work, 'in.ndjson'))).size / 2 ** 20;
  console.log(
    `sunshine-rubric batch bench — ${format(lineCount)} lines (${inputMb.toFixed(0)} MB)${full ? ' --full' : ''}, ` +
      `${rounds} rounds, Node ${process.version}, load average ${loadavg()[0].toFixed(1)}`,
  );
  const results = new Map(
    variants.map((variant) => [variant.name, { seconds: [], peakMb: [], cpuSeconds: [] }]),
  );
  const hashes = new Map();
  // Every working-tree run must write the bytes of the first one. A baseline may word its lines otherwise
  // (1f06b65 names a scope's facts by id alone; neither baseline lists the unevidenced standards): where it
  // differs, its first difference is shown.
  const reference = variants.find((variant) => variant.tree);
  const runOrder = [reference, ...variants.filter((variant) => variant !== reference)];
  for (let round = 0; round < rounds; round++) {
    for (const variant of runOrder) {
      const output = `out-${variants.indexOf(variant)}.ndjson`;
      // What --jobs auto decides from (batch-workers.ts, autoJobs), just before the run.
      if (variant.jobs === 'default' || variant.jobs === 'auto') {
        variant.autoThreads ??= [];
        variant.autoThreads.push(autoThreads(loadavg()[0]));
      }
      const { seconds, peakMb, cpuSeconds } = await runBatch(variant.bin, output, variant.jobs);
      results.get(variant.name).seconds.push(seconds);
      results.get(variant.name).cpuSeconds.push(cpuSeconds);
      results.get(variant.name).peakMb.push(peakMb);
      if (round === 0) {
        hashes.set(variant.name, await sha256(join(work, output)));
        if (variant === reference) await rename(join(work, output), join(work, 'reference.ndjson'));
        else if (hashes.get(variant.name) !== hashes.get(reference.name)) {
          const difference = await firstDifference(join(work, 'reference.ndjson'), join(work, output));
          console.log(`${variant.name} differs from ${reference.name}: ${difference}`);
          if (variant.tree) failed = true;
        }
      }
      await rm(join(work, output), { force: true });
    }
  }
  const rates = new Map();
  for (const variant of variants) {
    const { seconds, peakMb, cpuSeconds } = results.get(variant.name);
    const rate = lineCount / median(seconds);
    rates.set(variant.name, rate);
    const peak = Math.max(...peakMb);
    const cpu = median(cpuSeconds);
    console.log(
      `${variant.name.padEnd(26)} ${format(rate).padStart(8)} lines/s  (median of ${seconds.map((s) => s.toFixed(2)).join(', ')} s)  ` +
        `${Number.isNaN(cpu) ? '' : `CPU ${cpu.toFixed(2)} s, ${format(lineCount / cpu)} lines per CPU s  `}peak RSS ${peak.toFixed(0)} MB`,
    );
    if (variant.autoThreads)
      console.log(
        `  (auto: ${variant.autoThreads.join(', ')} thread(s) by the load average before each round)`,
      );
    if (variant.bound !== undefined && peak > variant.bound) {
      console.log(`  peak RSS ${peak.toFixed(0)} MB is over the bound of ${variant.bound} MB`);
      failed = true;
    }
  }
  // Each round runs every contender back to back: a ratio within a round is steadier on a shared machine.
  const compare = (name, against) => {
    const paired = results
      .get(name)
      .seconds.map((seconds, round) => results.get(against).seconds[round] / seconds);
    console.log(
      `${name} / ${against}: ${(rates.get(name) / rates.get(against)).toFixed(2)}× of the medians, ` +
        `${median(paired).toFixed(2)}× median within a round (${paired.map((ratio) => ratio.toFixed(2)).join(', ')})`,
    );
  };
  // Every contender against the oldest baseline, and each working-tree run against the newest baseline
  // (or, without baselines, against --jobs 1).
  const [first, ...others] = variants.map((variant) => variant.name);
  for (const name of others) compare(name, first);
  const baselineCount = withBaseline ? baselineRefs.length : 1;
  const newest = variants[baselineCount - 1]?.name;
  if (newest !== undefined && newest !== first)
    for (const name of others.slice(baselineCount - 1)) if (name !== newest) compare(name, newest);
  const identical = variants.filter((variant) => hashes.get(variant.name) === hashes.get(reference.name));
  console.log(
    `outputs byte-identical to ${reference.name} (sha256 ${hashes.get(reference.name).slice(0, 16)}…): ${identical.map((variant) => variant.name).join(', ')}`,
  );
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, load average after ${loadavg()[0].toFixed(1)}`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
  await rm(bundles, { recursive: true, force: true });
}
if (failed) process.exit(1);
