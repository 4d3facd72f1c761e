// Batch benchmark: `sunshine-rubric batch` on an NDJSON file of the five Guangxi samples repeated, the
// command as it was at a git ref (the baseline, default the commit before chunked reads and writes) against
// the working tree, each in its own process, several rounds, medians. Checks the two outputs are byte for
// byte the same (SHA-256) and that the working tree's peak memory stays under a bound (exit 1 otherwise).
//   pnpm bench:batch                                   (100,000 lines, 3 rounds)
//   BENCH_LINES=1000000 BENCH_BASELINE=0 node bench/batch.bench.mjs   (memory flat at a million lines)
// Env: BENCH_LINES, BENCH_ROUNDS, BENCH_PEAK_MB (bound on the working tree's peak RSS), BENCH_BASELINE_REF,
// BENCH_BASELINE=0 (skip the baseline), BENCH_FULL=1 (--full). The input is written to a temp folder and
// removed at the end. Needs the workspace packages built (`pnpm build`).
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cliRoot = join(root, 'packages/cli');
const lineCount = Number(process.env.BENCH_LINES ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? (lineCount >= 1_000_000 ? 1 : 3));
const peakBoundMb = Number(process.env.BENCH_PEAK_MB ?? 160);
const baselineRef = process.env.BENCH_BASELINE_REF ?? '1f06b65';
const withBaseline = process.env.BENCH_BASELINE !== '0';
const full = process.env.BENCH_FULL === '1';

const { build } = await import(join(cliRoot, 'node_modules/esbuild/lib/main.js'));
const { guangxiSamples } = await import(join(root, 'packages/guangxi/dist/index.js'));

const work = await mkdtemp(join(tmpdir(), 'sunshine-rubric-batch-bench-'));
// Bundles live under packages/cli/node_modules so that their imports (core, commander…) resolve there.
const bundles = join(cliRoot, 'node_modules/.cache/sunshine-rubric-batch-bench', String(process.pid));

/** One bundle of the CLI from `src` (its bin.ts), dependencies left as imports, as tsup builds it. */
async function bundle(srcFolder, name) {
  const outfile = join(bundles, `${name}.mjs`);
  await build({
    entryPoints: [join(srcFolder, 'bin.ts')],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return outfile;
}

/** The CLI's sources at `ref`, unpacked into the temp folder (package.json too: the CLI imports it). */
function sourcesAt(ref) {
  const into = join(work, 'baseline');
  execFileSync('mkdir', ['-p', into]);
  const archive = execFileSync(
    'git',
    ['-C', root, 'archive', ref, 'packages/cli/src', 'packages/cli/package.json'],
    {
      maxBuffer: 1 << 28,
    },
  );
  execFileSync('tar', ['-x', '-C', into], { input: archive });
  return join(into, 'packages/cli/src');
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
function runBatch(bin, output) {
  const args = [bin, 'batch', 'in.ndjson', '--out', output, '--format', 'json', ...(full ? ['--full'] : [])];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      cwd: work,
      env: { ...process.env, SUNSHINE_RUBRIC_REPORT_RSS: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
      if (code !== 0 || !rss) reject(new Error(`batch exited ${code}: ${stderr}${stdout}`));
      else resolve({ seconds, peakMb: Number(rss[1]) / 1024 });
    });
  });
}

async function sha256(file) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk);
  return hash.digest('hex');
}

const format = (value) => Math.round(value).toLocaleString('en-US');
let failed = false;
try {
  await mkdir(bundles, { recursive: true });
  const variants = [];
  if (withBaseline)
    variants.push({ name: `baseline ${baselineRef}`, bin: await bundle(sourcesAt(baselineRef), 'baseline') });
  variants.push({ name: 'working tree', bin: await bundle(join(cliRoot, 'src'), 'current'), bounded: true });
  await writeInput(join(work, 'in.ndjson'));
  const inputMb = (await stat(join(work, 'in.ndjson'))).size / 2 ** 20;
  console.log(
    `sunshine-rubric batch bench — ${format(lineCount)} lines (${inputMb.toFixed(0)} MB)${full ? ' --full' : ''}, ` +
      `${rounds} rounds, Node ${process.version}, load average ${loadavg()[0].toFixed(1)}`,
  );
  const results = new Map(variants.map((variant) => [variant.name, { seconds: [], peakMb: [] }]));
  const hashes = new Map();
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) {
      const output = `out-${variants.indexOf(variant)}.ndjson`;
      const { seconds, peakMb } = await runBatch(variant.bin, output);
      results.get(variant.name).seconds.push(seconds);
      results.get(variant.name).peakMb.push(peakMb);
      if (round === 0) hashes.set(variant.name, await sha256(join(work, output)));
      await rm(join(work, output));
    }
  }
  const rates = new Map();
  for (const variant of variants) {
    const { seconds, peakMb } = results.get(variant.name);
    const rate = lineCount / median(seconds);
    rates.set(variant.name, rate);
    const peak = Math.max(...peakMb);
    console.log(
      `${variant.name.padEnd(20)} ${format(rate).padStart(8)} lines/s  (median of ${seconds.map((s) => s.toFixed(2)).join(', ')} s)  peak RSS ${peak.toFixed(0)} MB`,
    );
    if (variant.bounded && peak > peakBoundMb) {
      console.log(`  peak RSS ${peak.toFixed(0)} MB is over the bound of ${peakBoundMb} MB`);
      failed = true;
    }
  }
  if (withBaseline) {
    const [baseline, current] = variants.map((variant) => variant.name);
    // Each round runs both back to back: the ratio within a round is steadier on a shared machine.
    const paired = results
      .get(current)
      .seconds.map((seconds, round) => results.get(baseline).seconds[round] / seconds);
    console.log(
      `ratio working tree / baseline: ${(rates.get(current) / rates.get(baseline)).toFixed(2)}× of the medians, ` +
        `${median(paired).toFixed(2)}× median within a round (${paired.map((ratio) => ratio.toFixed(2)).join(', ')})`,
    );
    const same = hashes.get(baseline) === hashes.get(current);
    console.log(
      `outputs ${same ? 'byte-identical' : 'DIFFER'} (sha256 ${hashes.get(current).slice(0, 16)}…)`,
    );
    if (!same) failed = true;
  }
} finally {
  await rm(work, { recursive: true, force: true });
  await rm(bundles, { recursive: true, force: true });
}
if (failed) process.exit(1);
