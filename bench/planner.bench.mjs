// Portfolio planner benchmark: planPortfolio on 26, 300 and 3,000 estates (Qinzhou, a city, Guangxi) with the
// Guangxi 2021 rule set's 65 standards, generated fictional self-checks (bench/inputs.mjs: the samples and
// seeded variants of them), seeded costs per standard, a fixed cost per estate by level, the plan's
// 35/70/90/100 % milestones over 2021–2024 and a budget per year that binds. Run with `pnpm bench:planner`
// (builds core, guangxi and planner first). See bench/README.md.
//
// Environment: BENCH_PLANNER_TIME_LIMIT_S (default 60: the solver's time limit per plan),
// BENCH_PLANNER_SIZES (default 26,300,3000), BENCH_PLANNER_SPREAD_SIZES (default 26,300: the same cities
// with fixes spread over years, a model with a variable per fix and year).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { compileRuleSet, planRemediation } from '../packages/core/dist/index.js';
import { guangxi2021 } from '../packages/guangxi/dist/index.js';
import { highsSolver, planPortfolio } from '../packages/planner/dist/index.js';
import { buildInputs, lcg, loadRuleSetJson, loadSamples } from './inputs.mjs';

const timeLimitSeconds = Number(process.env.BENCH_PLANNER_TIME_LIMIT_S ?? 60);
const sizes = (process.env.BENCH_PLANNER_SIZES ?? '26,300,3000').split(',').map(Number);
const spreadSizes = (process.env.BENCH_PLANNER_SPREAD_SIZES ?? '26,300')
  .split(',')
  .filter(Boolean)
  .map(Number);
const areas = [
  '南宁',
  '柳州',
  '桂林',
  '梧州',
  '北海',
  '防城港',
  '钦州',
  '贵港',
  '玉林',
  '百色',
  '贺州',
  '河池',
  '来宾',
  '崇左',
];

const { assessments } = buildInputs(loadRuleSetJson(), loadSamples(), {
  variantCount: Math.max(...sizes, ...spreadSizes),
});
const random = lcg(0x91a2);
/** Seeded cost of fixing each standard: 10,000 to 300,000 CNY in thousands. */
const perStandard = Object.fromEntries(
  guangxi2021.aspects.flatMap((aspect) =>
    aspect.requirements.flatMap((requirement) =>
      requirement.standards.map((standard) => [standard.id, 1000 * (10 + Math.floor(random() * 291))]),
    ),
  ),
);
const cost = { perStandard, perEstate: { city: 2_000_000, county: 200_000 } };

/** A city of `size` estates, with a plan whose total is the estates in scope, and budgets that bind. */
function city(size, spreadFixes) {
  const estates = assessments.slice(0, size).map((assessment, index) => ({
    assessment,
    area: areas[index % areas.length],
    level: index % 5 === 0 ? 'city' : 'county',
  }));
  const evaluator = compileRuleSet(guangxi2021);
  let plannable = 0;
  let cheapestTotal = 0;
  for (const estate of estates) {
    const result = evaluator.evaluate(estate.assessment);
    const remediation = planRemediation(guangxi2021, result, { cost: perStandard });
    if (!remediation.feasible) continue;
    plannable += 1;
    cheapestTotal += remediation.totalCost + cost.perEstate[estate.level];
  }
  // Each year's budget is a quarter of what the cheapest plan of every estate costs, plus 10 %: enough in
  // all, binding in each year (the 35 % of 2021 cannot all be the expensive estates).
  const budget = Math.ceil((cheapestTotal * 1.1) / 4);
  return {
    plannable,
    input: {
      ruleSet: guangxi2021,
      estates,
      plan: {
        total: plannable,
        milestones: [
          { year: 2021, share: 0.35 },
          { year: 2022, share: 0.7 },
          { year: 2023, share: 0.9 },
          { year: 2024, share: 1 },
        ],
      },
      cost,
      budgets: { 2021: budget, 2022: budget, 2023: budget, 2024: budget },
      constraints: { spreadFixes },
    },
  };
}

// Loading HiGHS's WebAssembly happens once per process: timed on its own, outside the plans' times.
const loadStart = process.hrtime.bigint();
await planPortfolio({ ...city(1, false).input, plan: { total: 1, milestones: [{ year: 2021, count: 0 }] } });
const loadMs = Math.round(Number(process.hrtime.bigint() - loadStart) / 1e6);
console.log(`first call (loads HiGHS's WebAssembly): ${loadMs} ms`);

// HiGHS behind a stopwatch: how much of a plan's time is the solver's, and how large its largest program is.
const highs = highsSolver();
let solveMs = 0;
let largest = { variables: 0, constraints: 0 };
let statuses = [];
const solver = {
  async solve(model, options) {
    if (model.variables.length > largest.variables)
      largest = { variables: model.variables.length, constraints: model.constraints.length };
    const start = process.hrtime.bigint();
    try {
      const outcome = await highs.solve(model, options);
      statuses.push(outcome.status);
      return outcome;
    } finally {
      solveMs += Number(process.hrtime.bigint() - start) / 1e6;
    }
  },
};

const rows = [];
for (const [size, spreadFixes] of [
  ...sizes.map((size) => [size, false]),
  ...spreadSizes.map((size) => [size, true]),
]) {
  const { plannable, input } = city(size, spreadFixes);
  solveMs = 0;
  largest = { variables: 0, constraints: 0 };
  statuses = [];
  const start = process.hrtime.bigint();
  const outcome = await planPortfolio(input, { timeLimitSeconds, solver });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const row = {
    estates: size,
    plannable,
    spreadFixes,
    ms: Math.round(ms),
    solveMs: Math.round(solveMs),
    variables: largest.variables,
    highsStatuses: statuses,
    constraints: largest.constraints,
    feasible: outcome.feasible,
    status: outcome.feasible ? outcome.status : outcome.reasons.map((reason) => reason.code).join(','),
    gap: outcome.feasible ? outcome.gap : null,
    totalCost: outcome.feasible ? outcome.totalCost : null,
    putForward: outcome.feasible ? outcome.years.reduce((sum, year) => sum + year.estates.length, 0) : null,
  };
  rows.push(row);
  console.log(
    `${String(size).padStart(5)} estates (${plannable} in scope)${spreadFixes ? ', fixes spread' : ''}: ${(ms / 1000).toFixed(2)} s (HiGHS ${(solveMs / 1000).toFixed(2)} s, ${largest.variables.toLocaleString('en')} binaries; HiGHS: ${statuses.join(' then ')}), ${row.status}${row.gap === null ? '' : `, gap ${(row.gap * 100).toFixed(3)} %`}${row.totalCost === null ? '' : `, total ${row.totalCost.toLocaleString('en')} CNY`}`,
  );
}

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/planner-latest.json', import.meta.url),
  `${JSON.stringify({ node: process.version, cpus: os.cpus().length, timeLimitSeconds, loadMs, rows }, null, 2)}\n`,
);
