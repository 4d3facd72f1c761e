// Standalone evaluator benchmark: the module generateStandaloneEvaluator writes for guangxi-2021, against
// json-logic-engine's build() on the same logic and the compiled evaluator, in the same run; and the
// module's size minified by esbuild (target: under 40,000 bytes). Run with `pnpm bench:standalone` (builds core).
//
// Environment: BENCH_ROUNDS (default 5), BENCH_ROUND_MS (default 500, per contender per round),
// BENCH_VARIANTS (default 400).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { transform } from 'esbuild';
import { LogicEngine } from 'json-logic-engine';
import { compileRuleSet } from '../packages/core/dist/index.js';
import { generateStandaloneEvaluator } from '../packages/core/dist/standalone/index.js';
import { formatNs, measureSync, median, sinkValue } from './harness.mjs';
import { buildInputs, loadRuleSetJson, loadSamples } from './inputs.mjs';
import { expectedVerdicts, ruleSetToJsonLogic } from './json-logic.mjs';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const roundMs = Number(process.env.BENCH_ROUND_MS ?? 500);
const variantCount = Number(process.env.BENCH_VARIANTS ?? 400);
const sizeTargetBytes = 40_000;

const ruleSetJson = loadRuleSetJson();
const { assessments } = buildInputs(ruleSetJson, loadSamples(), { variantCount });
const source = generateStandaloneEvaluator(ruleSetJson);
const folder = mkdtempSync(join(tmpdir(), 'standalone-bench-'));
const file = join(folder, 'evaluator.mjs');
writeFileSync(file, source);
const standalone = await import(pathToFileURL(file).href);
rmSync(folder, { recursive: true, force: true });

const evaluator = compileRuleSet(ruleSetJson);
const decideWithJsonLogic = new LogicEngine().build(ruleSetToJsonLogic(evaluator.ruleSet));

// Every contender decides the same thing on every input before any is timed.
for (const assessment of assessments) {
  const expected = JSON.parse(JSON.stringify(evaluator.evaluate(assessment)));
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(standalone.evaluate(assessment))), expected))
    throw new Error(`the standalone module's result differs on ${assessment.id}`);
  if (!isDeepStrictEqual(decideWithJsonLogic(assessment.facts), expectedVerdicts(expected)))
    throw new Error(`json-logic-engine's verdicts differ on ${assessment.id}`);
}

const contenders = [
  {
    name: 'json-logic-engine build()',
    run: (assessment) => (decideWithJsonLogic(assessment.facts)[1] ? 1 : 0),
  },
  {
    name: 'standalone, verdict only',
    run: (assessment) => standalone.evaluate(assessment, { explain: false }).compliance.met,
  },
  {
    name: 'standalone, with explanations',
    run: (assessment) => standalone.evaluate(assessment).compliance.met,
  },
  {
    name: 'compiled, verdict only',
    run: (assessment) => evaluator.evaluate(assessment, { explain: false }).compliance.met,
  },
  { name: 'compiled, with explanations', run: (assessment) => evaluator.evaluate(assessment).compliance.met },
];
for (const contender of contenders) {
  measureSync(contender.run, assessments, { minMs: 200, minIterations: 5_000 });
  contender.rounds = [];
}
// Rounds interleave the contenders, rotated each round, so that a noisy stretch of a shared machine
// does not land on one contender only.
for (let round = 0; round < rounds; round++) {
  for (let step = 0; step < contenders.length; step++) {
    const contender = contenders[(round + step) % contenders.length];
    contender.rounds.push(measureSync(contender.run, assessments, { minMs: roundMs }).nsPerCall);
  }
}

const minified = await transform(source, { minify: true, format: 'esm', charset: 'utf8' });
const minifiedBytes = Buffer.byteLength(minified.code);
const baseline = median(contenders[0].rounds);
// The machine is shared: the load says how far to trust the figures (ratios from one run hold best).
const load = loadavg()
  .map((average) => average.toFixed(2))
  .join(' ');
console.log(
  `guangxi-2021, ${assessments.length} inputs, ${rounds} rounds of ${roundMs} ms, Node ${process.version}, load average ${load}`,
);
for (const contender of contenders) {
  const ns = median(contender.rounds);
  console.log(
    `  ${contender.name.padEnd(32)} ${formatNs(ns).padStart(12)} per call  (${(ns / baseline).toFixed(2)}× json-logic-engine)`,
  );
}
console.log(
  `  module: ${Buffer.byteLength(source)} bytes, minified ${minifiedBytes} bytes (target under ${sizeTargetBytes}: ${minifiedBytes < sizeTargetBytes ? 'met' : 'NOT met'})`,
);
if (sinkValue() === Number.MIN_SAFE_INTEGER) console.log('unreachable');
