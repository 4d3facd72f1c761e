// How long the invariant suite takes on guangxi-2021, the figure the README quotes. On demand, not in CI:
//   node --conditions=@sunshine-rubric/source --import tsx packages/testing/bench/invariants.bench.ts
// Knobs: FC_NUM_RUNS (default 200), FC_SEED (default 1), BENCH_ROUNDS (default 3).
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { checkRuleSetInvariants } from '../src/index.js';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 200);
const seed = Number(process.env.FC_SEED ?? 1);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const times: number[] = [];
for (let round = 0; round < rounds; round++) {
  const started = performance.now();
  const report = await checkRuleSetInvariants(guangxi2021, { numRuns, seed });
  times.push(performance.now() - started);
  if (!report.ok) throw new Error(`invariants failed: ${JSON.stringify(report.violations[0]?.message)}`);
}
times.sort((left, right) => left - right);
console.log(
  `checkRuleSetInvariants(guangxi2021, { numRuns: ${numRuns}, seed: ${seed} }): median ${(times[Math.floor(rounds / 2)]! / 1000).toFixed(2)} s over ${rounds} rounds (min ${(times[0]! / 1000).toFixed(2)} s)`,
);
