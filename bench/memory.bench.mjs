// Memory benchmark: the heap after evaluating 100,000 assessments with one compiled evaluator is no larger
// than before — the evaluator keeps nothing per assessment. Needs forced GC:
//   node --expose-gc bench/memory.bench.mjs      (after building packages/core)
import { compileRuleSet } from '../packages/core/dist/index.js';
import { buildInputs, loadRuleSetJson, loadSamples } from './inputs.mjs';

if (typeof globalThis.gc !== 'function') {
  console.error('run with node --expose-gc bench/memory.bench.mjs');
  process.exit(1);
}
const evaluations = Number(process.env.BENCH_EVALUATIONS ?? 100_000);
const { assessments } = buildInputs(loadRuleSetJson(), loadSamples());
const evaluator = compileRuleSet(loadRuleSetJson());

function heapUsedAfterGc() {
  // Two passes: the first can leave objects that only become unreachable once finalizers have run.
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}
const megabytes = (bytes) => `${(bytes / 2 ** 20).toFixed(2)} MB`;

let sink = 0;
const lines = [
  `sunshine-rubric memory bench — ${evaluations.toLocaleString('en-US')} evaluations, Node ${process.version}`,
];
for (const explain of [true, false]) {
  // Warm up first, so that code and inline caches compiled during the first calls are not counted.
  for (let index = 0; index < 10_000; index++)
    sink += evaluator.evaluate(assessments[index % assessments.length], { explain }).compliance.met;
  const before = heapUsedAfterGc();
  let peak = before;
  for (let index = 0; index < evaluations; index++) {
    sink += evaluator.evaluate(assessments[index % assessments.length], { explain }).compliance.met;
    if (index % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const after = heapUsedAfterGc();
  const growth = after - before;
  lines.push(
    `${explain ? 'with explanations' : 'verdict only     '}  heap before ${megabytes(before)}, after ${megabytes(after)} ` +
      `(growth ${growth >= 0 ? '+' : ''}${(growth / 1024).toFixed(1)} KB, ${(growth / evaluations).toFixed(2)} B/evaluation), ` +
      `peak sampled ${megabytes(peak)}`,
  );
}
console.log(lines.join('\n'));
if (sink === -1) console.log(sink);
