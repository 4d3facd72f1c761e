import { RubricError, type TargetPlan, type Text } from '@sunshine-rubric/core';
import { formatPath } from '@sunshine-rubric/core/words';
import {
  type PortfolioCostModel,
  type PortfolioEstate,
  type PortfolioInput,
  planPortfolio,
} from '@sunshine-rubric/planner';
import { oneLine, rubricCliError } from '../input/describe-error.js';
import type { RunContext } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';
import type { PortfolioData } from '../text/portfolio-text.js';
import { text } from '../words/wording.js';
import { cityUnitsFor } from './city-units.js';
import type { FixedEstate } from './plan-arguments.js';
import { readPortfolioCosts } from './portfolio-costs.js';
import type { EstatesInput } from './read-estates.js';

/** What `plan` was asked, read and checked. */
export interface PlanRequest {
  readonly estates: EstatesInput;
  readonly plan: TargetPlan;
  readonly planReference: string;
  readonly costsFile?: string | undefined;
  /** Costs given in-process (the demo's drafted ones); `costsFile` wins when both are given. */
  readonly costs?: PortfolioCostModel | undefined;
  readonly budgets?: Readonly<Record<string, number>> | undefined;
  readonly fixed: readonly FixedEstate[];
  /** Put the estates the plan names for each year (`plan.cohorts`) forward in that year. */
  readonly cohorts: boolean;
  readonly timeLimitSeconds?: number | undefined;
  /** Notices the caller adds (drafted budgets). */
  readonly notices?: readonly Text[];
}

/** Plans the city's estates with `planPortfolio`, and gathers what every output of the plan shows. */
export async function planEstates(context: RunContext, request: PlanRequest): Promise<PortfolioData> {
  const { estates, ruleSet } = { estates: request.estates.estates, ruleSet: request.estates.ruleSet };
  const costs =
    request.costsFile === undefined
      ? request.costs
      : await readPortfolioCosts(context, request.costsFile, ruleSet);
  const fixedYears = fixedYearsOf(request);
  const portfolioEstates = estates.map(({ assessment }): PortfolioEstate => {
    const community = assessment.community as { area?: unknown; level?: unknown; district?: string };
    const area = typeof community.area === 'string' ? community.area : community.district;
    const level = typeof community.level === 'string' ? community.level : undefined;
    return { assessment, ...(area === undefined ? {} : { area }), ...(level === undefined ? {} : { level }) };
  });
  const input: PortfolioInput = {
    ruleSet,
    estates: portfolioEstates,
    plan: request.plan,
    ...(costs === undefined ? {} : { cost: costs }),
    ...(request.budgets === undefined ? {} : { budgets: request.budgets }),
    constraints: { fixedYears },
  };
  let outcome: Awaited<ReturnType<typeof planPortfolio>>;
  try {
    outcome = await planPortfolio(
      input,
      request.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: request.timeLimitSeconds },
    );
  } catch (error) {
    if (RubricError.isInstance(error)) throw located(error, request);
    throw error;
  }
  const fictional = estates.filter(({ assessment }) => assessment.community.fictional === true).length;
  const notices: Text[] = [];
  if (fictional > 0)
    notices.push(
      text(
        `虚构数据：${fictional} 个小区的自查数据标为虚构（community.fictional），不是真实自查结果。`,
        `Fictional data: ${fictional} estates' self-checks are marked fictional (community.fictional); they are not real self-checks.`,
      ),
    );
  const drafted = outcome.amounts.drafted;
  if (drafted)
    notices.push(
      text(
        `整改费用为草拟值，不是官方测算（依据：${drafted.basis.zh}）。`,
        `The costs of fixes are drafted, not official figures (basis: ${drafted.basis.en ?? drafted.basis.zh}).`,
      ),
    );
  notices.push(...(request.notices ?? []));
  const planId = request.plan.id ?? request.planReference;
  return {
    outcome,
    ruleSet,
    planId,
    cityUnits: cityUnitsFor(context.registry, planId),
    planTitle: titleOf(request),
    estateCount: estates.length,
    fixed: new Set(Object.keys(fixedYears)),
    notices,
  };
}

/** `--fix` and `--cohorts` as assessment ids to years; an estate named twice with two years is refused. */
function fixedYearsOf(request: PlanRequest): Record<string, number> {
  const estates = request.estates.estates.map(({ assessment }) => assessment);
  const fixedYears: Record<string, number> = {};
  const fix = (estateId: string, year: number, by: string) => {
    const earlier = fixedYears[estateId];
    if (earlier !== undefined && earlier !== year)
      throw new CliError(
        `${by}: estate ${shownInput(estateId)} is already put in ${earlier} (同一小区指定了两个年份)`,
      );
    fixedYears[estateId] = year;
  };
  if (request.cohorts) {
    const missing: string[] = [];
    for (const [year, cohort] of Object.entries(request.plan.cohorts ?? {})) {
      for (const named of cohort) {
        const found = estates.filter((assessment) => assessment.community.name === named.name);
        if (found.length === 1) fix(found[0]!.id, Number(year), `--cohorts (${year})`);
        else
          missing.push(
            `${named.name} (${year}${found.length > 1 ? `, ${found.length} estates of that name` : ''})`,
          );
      }
    }
    if (missing.length > 0)
      throw new CliError(
        `--cohorts: the plan names estates that are not one estate of --estates by community name: ${shownInput(missing.join(', '))} (计划名单中的小区未找到)`,
      );
  }
  for (const { estate, year } of request.fixed) {
    const byId = estates.find((assessment) => assessment.id === estate);
    const byName = estates.filter((assessment) => assessment.community.name === estate);
    const chosen = byId ?? (byName.length === 1 ? byName[0] : undefined);
    if (!chosen) {
      const why =
        byName.length > 1
          ? `${byName.length} estates have that name; give the id`
          : 'no estate has that id or name';
      throw new CliError(`--fix ${shownInput(estate)}=${year}: ${why} (未找到该小区)`);
    }
    fix(chosen.id, year, `--fix ${shownInput(estate)}=${year}`);
  }
  return fixedYears;
}

/** A planner error, named by what the user gave: the estate's file and line, the costs file, an option. */
function located(error: RubricError, request: PlanRequest): CliError {
  const [head, index, ...rest] = error.issues[0]?.path ?? [];
  const first = error.issues[0];
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
  if (!first) return rubricCliError(error, 'plan');
  const message = `${oneLine(first.message)}${more} (${error.code})`;
  if (head === 'estates' && typeof index === 'number') {
    const where = request.estates.estates[index]?.where ?? `estate ${index}`;
    const inAssessment = rest[0] === 'assessment' ? rest.slice(1) : rest;
    return rubricCliError(error, where, `${shownInput(where)} ${formatPath(inAssessment)}: ${message}`);
  }
  if (head === 'constraints' && index === 'fixedYears') {
    const estateId = String(rest[0] ?? '');
    const given = request.fixed.find((fixed) => fixed.estate === estateId)?.estate ?? estateId;
    return rubricCliError(error, '--fix', `--fix ${shownInput(given)}: ${message}`);
  }
  const source =
    head === 'cost'
      ? (request.costsFile ?? '--costs')
      : head === 'budgets'
        ? '--budget'
        : head === 'constraints'
          ? '--fix'
          : head === 'plan'
            ? request.planReference
            : 'plan';
  const path = head === 'plan' || head === 'cost' ? (first.path.slice(1) as (string | number)[]) : first.path;
  return rubricCliError(error, source, `${shownInput(source)} ${formatPath(path)}: ${message}`);
}

function titleOf(request: PlanRequest): Text {
  const title = request.plan.title;
  const fallback = request.plan.id ?? request.planReference;
  return title ? { zh: title.zh, en: title.en ?? title.zh } : { zh: fallback, en: fallback };
}
