/**
 * `@sunshine-rubric/planner`: the city portfolio planner — which estates to put forward each year and what
 * each must fix first, so that every year's target is met at the least total cost within budget. A 0/1
 * program solved exactly by HiGHS (WebAssembly); where no plan exists, every reason with its year and amounts.
 *
 * @packageDocumentation
 */

export type {
  LinearModel,
  ModelConstraint,
  ModelVariable,
  PortfolioSolver,
  SolveOptions,
  SolverOutcome,
} from './model/linear-model.js';
export { type CohortYears, cohortYears } from './portfolio/cohort-years.js';
export { type PlanPortfolioOptions, planPortfolio } from './portfolio/plan-portfolio.js';
export type {
  PortfolioConstraints,
  PortfolioCost,
  PortfolioCostModel,
  PortfolioEstate,
  PortfolioInput,
  PortfolioProgress,
} from './portfolio/portfolio-input.js';
export type {
  DepartmentWorkload,
  InfeasibilityReason,
  PlannedEstate,
  PlannedFix,
  PlannedYear,
  PortfolioAmounts,
  PortfolioInfeasible,
  PortfolioOutcome,
  PortfolioOutcomeBase,
  PortfolioPlan,
  UnplannableEstate,
} from './portfolio/portfolio-plan.js';
export {
  type PlanPortfolioErrorCode,
  safePlanPortfolio,
} from './portfolio/safe-plan-portfolio.js';
export { bruteForceSolver } from './solver/brute-force-solver.js';
export { highsSolver } from './solver/highs-solver.js';
