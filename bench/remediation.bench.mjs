// Remediation benchmark: planRemediation on large seeded rule sets against the planner it replaced (a
// frozen copy in bench/baseline/, run in a worker with a time limit), and compile time at 10k–60k
// standards. Run with `pnpm bench:remediation` (builds packages/core first). See bench/README.md.
//
// Environment: BENCH_BASELINE_LIMIT_S (default 120: the baseline's time limit per instance),
// BENCH_PLAN_RUNS (default 3: planRemediation calls per instance, median reported).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { compileRuleSet, MAX_STANDARDS, planRemediation, whatIf } from '../packages/core/dist/index.js';
import { formatRatio, median } from './harness.mjs';
import { largeAssessment, largeRuleSet, variedCosts } from './remediation-inputs.mjs';

const baselineLimitS = Number(process.env.BENCH_BASELINE_LIMIT_S ?? 120);
const planRuns = Number(process.env.BENCH_PLAN_RUNS ?? 3);

/**
 * The instances. Compliance rate: requirements of 10 standards in 10 aspects, 85% threshold, each fact
 * met with probability 0.7 (about 1,500 standards short at 10,000). Points: points 0.50–5.00 in
 * hundredths, at least 8 of 10 met in every requirement, a pass mark at 85% of all points and a minimum
 * for aspect a0 at 80% of its expected share, each fact met with probability 0.8.
 */
const complianceRate = (standards) => ({
  name: `compliance-rate, ${standards.toLocaleString('en')} standards`,
  metShare: 0.7,
  document: largeRuleSet({ standards, scoring: { mode: 'compliance-rate', threshold: 0.85 } }),
});
const points = (standards) => ({
  name: `points (two decimals), ${standards.toLocaleString('en')} standards`,
  metShare: 0.8,
  document: largeRuleSet({
    standards,
    scoring: {
      mode: 'points',
      passMark: Math.round(standards * 2.75 * 0.85),
      aspectMinimums: { a0: Math.round(standards * 0.275 * 0.8) },
      minMetPerRequirement: 8,
    },
  }),
});
const instances = [
  complianceRate(500),
  complianceRate(5_000),
  complianceRate(10_000),
  points(500),
  points(2_000),
  points(5_000),
];

/**
 * The baseline's input, read from the result the library returned (its reasons carry the shortfalls) and
 * the document: what `remediationInstance` builds inside the library. Points are in hundredths.
 */
function baselineInstance(document, result, cost) {
  const isPoints = document.scoring.mode === 'points';
  const scale = isPoints ? 100 : 1;
  const reason = (code) => result.reasons.find((candidate) => candidate.code === code);
  const overallFloor = isPoints
    ? Math.round((reason('BELOW_PASS_MARK')?.shortfall ?? 0) * scale)
    : (reason('BELOW_THRESHOLD')?.shortfall ?? 0);
  const aspectFloors = result.aspects.map((aspect) => {
    const below = result.reasons.find((r) => r.code === 'BELOW_ASPECT_MINIMUM' && r.aspectId === aspect.id);
    return below ? Math.round((below.minimum - below.points) * scale) : 0;
  });
  const minMet = document.scoring.minMetPerRequirement ?? (isPoints ? 0 : 1);
  const aspectPosition = new Map(result.aspects.map((aspect, position) => [aspect.id, position]));
  const requirementPosition = new Map(
    result.requirements.map((requirement, position) => [requirement.id, position]),
  );
  const requirements = result.requirements.map((requirement) => ({
    aspect: aspectPosition.get(requirement.aspectId),
    countFloor: requirement.applicable === 0 ? 0 : Math.max(0, minMet - requirement.met),
  }));
  const pointsOf = new Map();
  for (const aspect of document.aspects)
    for (const requirement of aspect.requirements)
      for (const standard of requirement.standards) pointsOf.set(standard.id, standard.points ?? 0);
  const fixable = [];
  result.standards.forEach((standard, position) => {
    if (standard.outcome !== 'unmet' && standard.outcome !== 'missing-data') return;
    fixable.push({
      position,
      requirement: requirementPosition.get(standard.requirementId),
      units: isPoints ? Math.round(pointsOf.get(standard.id) * scale) : 1,
      cost: cost[standard.id],
    });
  });
  return { overallFloor, aspectFloors, requirements, fixable };
}

/** The baseline in a worker: `{ ms, positions }`, `{ ms, error }`, or `{ timedOut: true }` at the limit. */
function runBaseline(instance) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./baseline/baseline-worker.mjs', import.meta.url), {
      workerData: { instance },
    });
    const timer = setTimeout(() => {
      worker.terminate().then(() => resolve({ timedOut: true }), reject);
    }, baselineLimitS * 1000);
    worker.once('message', (message) => {
      clearTimeout(timer);
      worker.terminate().then(() => resolve(message), reject);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const formatMs = (ms) => (ms < 1000 ? `${ms.toFixed(ms < 10 ? 2 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`);

// ----------------------------------------------------------------------------------------- remediation
const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(
  `sunshine-rubric remediation bench, Node ${process.version}, ${new Date().toISOString()}\n` +
    `machine: ${os.cpus().length} × ${cpu}, ${os.platform()} ${os.arch()}; planRemediation median of ${planRuns}; ` +
    `baseline (the previous exact planner, bench/baseline/) in a worker, limit ${baselineLimitS} s\n`,
);
const rows = [];
let mismatches = 0;
for (const { name, metShare, document } of instances) {
  const evaluator = compileRuleSet(document);
  const result = evaluator.evaluate(largeAssessment(document, { metShare }), { explain: false });
  const cost = variedCosts(document);
  const times = [];
  let plan;
  for (let run = 0; run < planRuns; run++) {
    const start = performance.now();
    plan = planRemediation(evaluator.ruleSet, result, { cost });
    times.push(performance.now() - start);
  }
  const newMs = median(times);
  const fixed = Object.fromEntries(plan.steps.map((step) => [step.standardId, 'met']));
  if (!plan.feasible || !whatIf(evaluator.ruleSet, result, fixed).eligible) {
    console.error(`${name}: the new plan does not make the estate eligible`);
    mismatches++;
  }
  const instance = baselineInstance(document, result, cost);
  const baseline = await runBaseline(instance);
  let baselineText;
  let ratioText;
  let agrees = '—';
  if (baseline.timedOut) {
    baselineText = `> ${baselineLimitS} s`;
    ratioText = `> ${formatRatio((baselineLimitS * 1000) / newMs)}`;
  } else if (baseline.error) {
    baselineText = `refused (${baseline.error})`;
    ratioText = '—';
  } else {
    baselineText = formatMs(baseline.ms);
    ratioText = formatRatio(baseline.ms / newMs);
    const baselineCost = baseline.positions
      ? baseline.positions.reduce(
          (sum, position) => sum + instance.fixable.find((item) => item.position === position).cost,
          0,
        )
      : undefined;
    const same = baselineCost === undefined ? !plan.feasible : baselineCost === plan.totalCost;
    agrees = same ? 'same total cost' : `MISMATCH: baseline ${baselineCost}, new ${plan.totalCost}`;
    if (!same) mismatches++;
  }
  const row = {
    instance: name,
    fixable: instance.fixable.length,
    unitsToGain: instance.overallFloor,
    steps: plan.steps.length,
    totalCost: plan.totalCost,
    newMs,
    newFirstMs: times[0],
    baseline: baselineText,
    ratio: ratioText,
    agrees,
  };
  rows.push(row);
  console.log(
    `${name.padEnd(40)} ${String(row.fixable).padStart(5)} fixable, ${String(row.unitsToGain).padStart(6)} units short  ` +
      `new ${formatMs(newMs).padStart(9)} (first ${formatMs(times[0])})  baseline ${baselineText.padStart(9)}  ${ratioText.padStart(8)}  ${agrees}`,
  );
}

// ---------------------------------------------------------------------------------------------- compile
// 100 standards to a requirement and 100 facts: as lean as a document at 60,000 standards must be to stay
// under the document limits. Each compile gets a freshly parsed copy (parsing is not timed).
console.log(
  `\ncompileRuleSet (validation included), median of 3 after one warm-up; MAX_STANDARDS ${MAX_STANDARDS.toLocaleString('en')}`,
);
const compileRows = [];
for (const standards of [10_000, 30_000, 60_000]) {
  const text = JSON.stringify(
    largeRuleSet({
      standards,
      perRequirement: 100,
      facts: 100,
      scoring: { mode: 'compliance-rate', threshold: 0.85 },
    }),
  );
  const timeOnce = () => {
    const document = JSON.parse(text);
    const start = performance.now();
    compileRuleSet(document);
    return performance.now() - start;
  };
  timeOnce();
  const ms = median([timeOnce(), timeOnce(), timeOnce()]);
  compileRows.push({ standards, ms });
  console.log(
    `${standards.toLocaleString('en').padStart(7)} standards  ${formatMs(ms).padStart(9)}  (${(ms / (standards / 1000)).toFixed(1)} ms per 1,000)`,
  );
}

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/remediation-latest.json', import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows, compileRows }, null, 2)}\n`,
);
if (mismatches > 0) {
  console.error(`\n${mismatches} instance(s) disagree: see above`);
  process.exit(1);
}
