// Workbook bombs against the self-check importer: time and extra memory of one import each, every case
// in a fresh process (peak RSS is per process). Runs on the sources, no build needed:
//
//   node_modules/.bin/tsx --conditions=@sunshine-rubric/source bench/workbook-import.bench.mjs
//
// BENCH_UNLIMITED=0 skips the runs with the limits raised (those show what the bombs cost without the
// limits: seconds and more than a gigabyte).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const unlimited = { maxInflatedBytes: Number.MAX_SAFE_INTEGER, maxCells: Number.MAX_SAFE_INTEGER };

async function sources() {
  const { guangxi2021 } = await import('../packages/guangxi/src/rule-sets/guangxi-2021.ts');
  const { guangxiSamples } = await import('../packages/guangxi/src/samples/samples.ts');
  const workbook = await import('../packages/workbook/src/index.ts');
  return { guangxi2021, guangxiSamples, ...workbook };
}

/** In the child: one import of one file, printed as JSON. */
async function measureOne(file, limitsName) {
  const { guangxi2021, importSelfCheckWorkbook } = await sources();
  const bytes = new Uint8Array(readFileSync(file));
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  let outcome;
  try {
    const assessment = await importSelfCheckWorkbook(
      guangxi2021,
      bytes,
      limitsName === 'raised' ? unlimited : {},
    );
    outcome = `read, ${Object.keys(assessment.facts).length} facts`;
  } catch (error) {
    outcome = `${error.code ?? error.name}: ${error.issues?.[0]?.kind ?? error.message}`;
  }
  const milliseconds = performance.now() - started;
  const extraMegabytes = (process.resourceUsage().maxRSS * 1024 - rssBefore) / 1e6;
  console.log(JSON.stringify({ milliseconds, extraMegabytes, outcome }));
}

async function main() {
  const { guangxi2021, guangxiSamples, exportSelfCheckWorkbook } = await sources();
  const { insertInSheet, sheetPart, whitespaceBomb } = await import(
    '../packages/workbook/test/workbook-bombs.ts'
  );
  const plain = await exportSelfCheckWorkbook(guangxi2021, { assessment: guangxiSamples.eligible });
  const directory = mkdtempSync(join(tmpdir(), 'workbook-bench-'));
  const cases = {
    'the self-check workbook (83 facts)': plain,
    'inflates to 400 MB': whitespaceBomb(plain, sheetPart(2), 400 * 1024 * 1024),
    'a cell at XFD1048576': insertInSheet(
      plain,
      sheetPart(2),
      '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
    ),
  };
  const rows = [];
  try {
    for (const [name, bytes] of Object.entries(cases)) {
      const file = join(directory, `${rows.length}.xlsx`);
      writeFileSync(file, bytes);
      const limits = process.env.BENCH_UNLIMITED === '0' ? ['default'] : ['default', 'raised'];
      for (const limitsName of limits) {
        const output = execFileSync(
          process.execPath,
          [...process.execArgv, fileURLToPath(import.meta.url), '--one', file, limitsName],
          { encoding: 'utf8', maxBuffer: 1 << 20 },
        );
        const result = JSON.parse(output.trim().split('\n').at(-1));
        rows.push({
          workbook: name,
          kilobytes: Math.round(bytes.length / 1024),
          limits: limitsName,
          ...result,
        });
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  console.log('| workbook | size | limits | time | extra memory (peak RSS) | outcome |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    console.log(
      `| ${row.workbook} | ${row.kilobytes} KB | ${row.limits} | ${Math.round(row.milliseconds)} ms | ${Math.round(row.extraMegabytes)} MB | ${row.outcome} |`,
    );
  }
}

if (process.argv[2] === '--one') await measureOne(process.argv[3], process.argv[4]);
else await main();
