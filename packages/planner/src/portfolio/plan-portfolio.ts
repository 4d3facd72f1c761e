import type { RuleSet } from '@sunshine-rubric/core';
import { deepFreeze } from '@sunshine-rubric/core/internal';
import { provisionalNotice } from '@sunshine-rubric/core/words';
import { costAmounts } from '../estates/cost-amounts.js';
import { checkCostModelIds } from '../estates/estate-costs.js';
import { type Candidate, portfolioEstates } from '../estates/portfolio-estates.js';
import { buildPortfolioModel, type ModelConstraints } from '../model/build-model.js';
import type { LinearModel, PortfolioSolver, SolverOutcome } from '../model/linear-model.js';
import { highsSolver } from '../solver/highs-solver.js';
import { checkPortfolioInput, checkTimeLimit, fixedYearIndexes } from './check-input.js';
import { checkPlan } from './check-plan.js';
import { delayEstates } from './delay-estates.js';
import { conflictReason, leastCostBy, precheckFeasibility } from './explain-infeasible.js';
import { type PlanningYear, planningYears } from './planning-years.js';
import type { PortfolioInput } from './portfolio-input.js';
import type { PortfolioOutcome, PortfolioPlan } from './portfolio-plan.js';
import { readSolution } from './read-solution.js';
import { spreadStart } from './spread-start.js';

/**
 * How the planner solves.
 *
 * @example
 * ```ts
 * const options: PlanPortfolioOptions = { timeLimitSeconds: 30 };
 * ```
 */
export interface PlanPortfolioOptions {
  /**
   * Seconds the solver may take in all (default 60). When it stops there, the plan is the best one found,
   * with `status: 'time-limit'` and its proven `gap`.
   */
  readonly timeLimitSeconds?: number;
  /** The solver (default: HiGHS, {@link highsSolver}). */
  readonly solver?: PortfolioSolver;
}

/** The default time limit, in seconds. */
const DEFAULT_TIME_LIMIT_SECONDS = 60;
/** Below this many seconds left, the relaxation that explains an infeasible program is not started. */
const MIN_STAGE_SECONDS = 0.05;

/**
 * Which estates to put forward each year, and what each must fix first, so that every year's cumulative
 * target is met at the least total cost within each year's budget — exact: a 0/1 program solved by HiGHS,
 * proven optimal, or (when the time limit stops it) the best plan found with its proven gap.
 *
 * Being ahead of the targets costs no less, so the least-cost plan found is then moved later wherever
 * that keeps every target, budget and constraint: estates go forward no earlier than needed, at the same cost.
 *
 * Targets are the plan's, year by year, as `trackProgress` reads them (its quotas when it names them, else
 * its milestones). With `progress`, the plan covers the remaining years only and leaves certified estates
 * out. Every estate put forward is checked, before the plan is returned, to be eligible once its fixes are
 * made (core's `whatIf`). Where no plan exists, `feasible: false` and every reason found, with the year
 * and the amounts in the cost model's `unit` (the result's `amounts`, with its `drafted` mark). Results are plain, deep-frozen data; a provisional rule set's notice is carried.
 *
 * @throws {RubricError} `INVALID_OPTIONS` (duplicate or unknown estate ids, bad costs, budgets, years or time
 * limit), `INVALID_ASSESSMENT` (paths under `estates[i].assessment`), `INVALID_PLAN` (the target plan).
 * @example
 * ```ts
 * const outcome = await planPortfolio({
 *   ruleSet: guangxi2021,
 *   estates: selfChecks.map((assessment) => ({ assessment, level: 'county' })),
 *   plan: qinzhouPlan,
 *   cost: { defaultCost: 30_000 },
 *   budgets: { 2021: 1_000_000, 2022: 800_000 },
 * });
 * if (outcome.feasible) for (const year of outcome.years) console.log(year.year, year.estates.map((estate) => estate.name));
 * else for (const reason of outcome.reasons) console.log(reason.message.en);
 * ```
 */
export async function planPortfolio(
  input: PortfolioInput,
  options: PlanPortfolioOptions = {},
): Promise<PortfolioOutcome> {
  checkPortfolioInput(input);
  const timeLimitSeconds = checkTimeLimit(options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS);
  // One time limit for the whole call: each later solve gets what the earlier ones left.
  const started = Date.now();
  const secondsLeft = () => timeLimitSeconds - (Date.now() - started) / 1000;
  const solver = options.solver ?? highsSolver();
  const { ruleSet } = input;
  checkCostModelIds(ruleSet, input.cost);
  const amounts = costAmounts(input.cost);
  const years = planningYears(input.plan, input.progress, input.budgets);
  const fixedById = fixedYearIndexes(input.constraints?.fixedYears, years);
  const certified = new Set(input.progress?.certifiedEstates ?? []);
  const { candidates, unplannable } = portfolioEstates(ruleSet, input.estates, input.cost, certified);
  const spreadFixes = input.constraints?.spreadFixes === true;
  const everyAreaEachYear = input.constraints?.everyAreaEachYear === true;
  const fixedYears = new Map<number, number>();
  candidates.forEach((candidate, c) => {
    const t = fixedById.get(candidate.estateId);
    if (t !== undefined) fixedYears.set(c, t);
  });
  const base = {
    ruleSet: { id: ruleSet.id, version: ruleSet.version, provenance: ruleSet.provenance },
    ...noticeOf(ruleSet),
    unplannable,
    amounts,
  };
  const reasons = precheckFeasibility({
    candidates,
    unplannable,
    years,
    fixedYears,
    fixedUnplannable: unplannable.flatMap((estate) =>
      fixedById.has(estate.estateId)
        ? [{ estateId: estate.estateId, year: years[fixedById.get(estate.estateId)!]!.year }]
        : [],
    ),
    areas: everyAreaEachYear ? areasOf(input, certified, candidates) : [],
    spreadFixes,
    unit: amounts.unit,
  });
  if (reasons.length > 0) return deepFreeze({ ...base, feasible: false, reasons });

  const constraints: ModelConstraints = { fixedYears, everyAreaEachYear, spreadFixes };
  const model = buildPortfolioModel(candidates, years, constraints);
  // With spread fixes, the held program (small) gives a feasible start to the larger one.
  const held = spreadFixes
    ? await solveModel(
        solver,
        buildPortfolioModel(candidates, years, { ...constraints, spreadFixes: false }),
        secondsLeft(),
      )
    : undefined;
  const start = held?.values && spreadStart(candidates, years.length, held.values);
  const solved = await solveModel(solver, model, Math.max(secondsLeft(), MIN_STAGE_SECONDS), start);
  const outcome =
    solved.status === 'time-limit' && solved.values === undefined && start
      ? { ...solved, values: start }
      : solved;
  if (outcome.status === 'infeasible') {
    // Which part conflicts: the program without budgets, solved in the time left (if any).
    const relaxed =
      secondsLeft() > MIN_STAGE_SECONDS
        ? await solveModel(
            solver,
            buildPortfolioModel(candidates, withoutBudgets(years), constraints),
            secondsLeft(),
          )
        : undefined;
    const feasibleWithoutBudgets =
      relaxed === undefined || (relaxed.status === 'time-limit' && relaxed.values === undefined)
        ? undefined
        : relaxed.status !== 'infeasible';
    return deepFreeze({ ...base, feasible: false, reasons: [conflictReason(feasibleWithoutBudgets)] });
  }
  if (outcome.values === undefined) {
    return deepFreeze({
      ...base,
      feasible: false,
      reasons: [
        {
          code: 'NO_PLAN_WITHIN_TIME_LIMIT',
          message: {
            zh: `求解器在${timeLimitSeconds}秒内未找到可行方案，也未证明不存在：请放宽时间限制。`,
            en: `The solver found no plan within ${timeLimitSeconds} s, nor proved that none exists: allow it more time.`,
          },
        },
      ],
    });
  }
  const delayed = delayEstates(
    { candidates, years, fixedYears, everyAreaEachYear, spreadFixes },
    outcome.values,
  );
  const read = readSolution(ruleSet, candidates, years, delayed, spreadFixes);
  checkPlan(input, candidates, read.years, years);
  // A proven lower bound: the solver's, or the relaxation's (every estate at its cheapest fixes, as many as
  // the last year needs), whichever is higher; at least 0, since costs are. When it meets the plan's cost,
  // the plan is proven least even if the solver stopped first.
  const relaxationBound =
    years.length === 0 ? 0 : leastCostBy({ candidates, years, fixedYears }, years.length - 1);
  const bound = Math.max(0, Math.min(read.totalCost, Math.max(outcome.bound ?? 0, relaxationBound)));
  const optimal = outcome.status === 'optimal' || bound >= read.totalCost;
  const plan: PortfolioPlan = {
    ...base,
    feasible: true,
    status: optimal ? 'optimal' : 'time-limit',
    totalCost: read.totalCost,
    bound: optimal ? read.totalCost : bound,
    gap: optimal || read.totalCost === 0 ? 0 : (read.totalCost - bound) / read.totalCost,
    years: read.years,
    notPutForward: read.notPutForward,
  };
  return deepFreeze(plan);
}

async function solveModel(
  solver: PortfolioSolver,
  model: LinearModel,
  timeLimitSeconds: number,
  start?: Readonly<Record<string, number>>,
): Promise<SolverOutcome> {
  if (model.variables.length === 0) {
    const impossible = model.constraints.some((row) => row.sense !== '<=' && row.bound > 0);
    return impossible
      ? { status: 'infeasible' as const }
      : { status: 'optimal' as const, values: {}, objective: 0, bound: 0 };
  }
  return solver.solve(model, start === undefined ? { timeLimitSeconds } : { timeLimitSeconds, start });
}

function withoutBudgets(years: readonly PlanningYear[]): PlanningYear[] {
  return years.map((year) => ({ ...year, budget: null }));
}

function areasOf(
  input: PortfolioInput,
  certified: ReadonlySet<string>,
  candidates: readonly Candidate[],
): { area: string; plannable: number }[] {
  const counts = new Map<string, number>();
  for (const estate of input.estates) {
    const area = estate.area ?? estate.assessment.community.district;
    if (area !== undefined && !certified.has(estate.assessment.id) && !counts.has(area)) counts.set(area, 0);
  }
  for (const candidate of candidates)
    if (candidate.area !== null) counts.set(candidate.area, (counts.get(candidate.area) ?? 0) + 1);
  return [...counts].map(([area, plannable]) => ({ area, plannable }));
}

/** The provisional rule set's notice in both languages, as every output built from it carries; none when official. */
function noticeOf(ruleSet: RuleSet): { notice?: { zh: string; en: string } } {
  const zh = provisionalNotice(ruleSet, 'zh');
  const en = provisionalNotice(ruleSet, 'en');
  return zh !== undefined && en !== undefined ? { notice: { zh, en } } : {};
}
