/**
 * `@sunshine-rubric/qinzhou`: the Qinzhou (钦州市) city plugin — the 2021 target plan (26 estates,
 * 2021–2024) with the 2021 cohort and every value's clause, the city's leading-group departments and their
 * responsibility for the Guangxi 2021 standards, the cost model, and 26 fictional self-checks of its estates
 * for demos and tests. Qinzhou applies the Guangxi 2021 rule set as is.
 *
 * @packageDocumentation
 */

export type { AreaCost } from './cost/area-costs.js';
export { areaCosts, qinzhouSurveyAreaCosts } from './cost/area-costs.js';
export type { CostFigure, CostModel, EstateLevel } from './cost/cost-model.js';
export { qinzhouCostModel } from './cost/cost-model.js';
export type { CohortCostEstimate, EstateCost, LevelCost } from './cost/estimate-cohort-cost.js';
export { estimateCohortCost, qinzhou2021CohortCost } from './cost/estimate-cohort-cost.js';
export type { QinzhouDepartment } from './departments/qinzhou-departments.js';
export { qinzhouDepartments } from './departments/qinzhou-departments.js';
export type { ResponsibilityTable } from './departments/responsibility-table.js';
export {
  qinzhouResponsibilityTable,
  responsibilityFor,
  responsibilityTableOf,
} from './departments/responsibility-table.js';
export type { PlanSource } from './plan/plan-sources.js';
export { qinzhouPlanSources } from './plan/plan-sources.js';
export type { CohortEstate } from './plan/qinzhou-plan.js';
export { qinzhou2021Cohort, qinzhouPlan } from './plan/qinzhou-plan.js';
export { createQinzhouRegistry, qinzhouPlugin, qinzhouRuleSetReference } from './plugin/qinzhou-plugin.js';
export { qinzhouWorkflow } from './plugin/qinzhou-workflow.js';
export type { FictionalEstate } from './samples/fictional-estates.js';
export { qinzhouFictionalEstates, qinzhouFictionalEstatesNotice } from './samples/fictional-estates.js';
