import { RubricError, type RuleSet } from '@sunshine-rubric/core';
import type { PortfolioCost, PortfolioEstate } from '../portfolio/portfolio-input.js';

/** What one estate's fixes and its being put forward cost, read once and checked. */
export interface EstateCosts {
  /** Per standard, in rule-set order. */
  readonly standardCosts: readonly number[];
  /** The per-estate cost of its level. */
  readonly fixedCost: number;
}

/**
 * The costs of one estate under a cost model, each checked: a number from 0 to 2^53, so sums stay exact
 * enough to compare with budgets.
 *
 * @example
 * ```ts
 * estateCosts(ruleSet, { defaultCost: 10 }, estate, 0).standardCosts[0]; // 10
 * ```
 */
export function estateCosts(
  ruleSet: RuleSet,
  cost: PortfolioCost | undefined,
  estate: PortfolioEstate,
  estatePosition: number,
): EstateCosts {
  const standards = ruleSet.aspects.flatMap((aspect) =>
    aspect.requirements.flatMap((requirement) => requirement.standards),
  );
  if (typeof cost === 'function') {
    const standardCosts = standards.map((standard) =>
      checkCost(cost(standard, estate), ['estates', estatePosition, 'cost', standard.id]),
    );
    return { standardCosts, fixedCost: 0 };
  }
  const level = estate.level;
  const byLevel =
    level !== undefined && cost?.perLevel && Object.hasOwn(cost.perLevel, level)
      ? cost.perLevel[level]
      : undefined;
  const defaultCost = cost?.defaultCost ?? 1;
  const standardCosts = standards.map((standard) => {
    if (byLevel && Object.hasOwn(byLevel, standard.id))
      return checkCost(byLevel[standard.id], ['cost', 'perLevel', level!, standard.id]);
    if (cost?.perStandard && Object.hasOwn(cost.perStandard, standard.id))
      return checkCost(cost.perStandard[standard.id], ['cost', 'perStandard', standard.id]);
    return checkCost(defaultCost, ['cost', 'defaultCost']);
  });
  const fixedCost =
    level !== undefined && cost?.perEstate && Object.hasOwn(cost.perEstate, level)
      ? checkCost(cost.perEstate[level], ['cost', 'perEstate', level])
      : 0;
  return { standardCosts, fixedCost };
}

/**
 * Every standard id a cost model names that the rule set does not have: a typo would otherwise cost the
 * default silently.
 *
 * @example
 * ```ts
 * checkCostModelIds(ruleSet, { perStandard: { S99: 1 } }); // throws INVALID_OPTIONS unknown-standard
 * ```
 */
export function checkCostModelIds(ruleSet: RuleSet, cost: PortfolioCost | undefined): void {
  if (cost === undefined || typeof cost === 'function') return;
  if (typeof cost !== 'object' || cost === null) {
    throw new RubricError('INVALID_OPTIONS', [
      { path: ['cost'], message: 'cost is a cost model object or a function', kind: 'invalid-type' },
    ]);
  }
  const known = new Set(
    ruleSet.aspects.flatMap((aspect) =>
      aspect.requirements.flatMap((requirement) => requirement.standards.map((standard) => standard.id)),
    ),
  );
  const issues: { path: (string | number)[]; message: string; kind: 'unknown-standard' }[] = [];
  const check = (map: Readonly<Record<string, number>> | undefined, path: (string | number)[]) => {
    for (const standardId of Object.keys(map ?? {})) {
      if (!known.has(standardId))
        issues.push({
          path: [...path, standardId],
          message: `no standard ${standardId} in rule set ${ruleSet.id}`,
          kind: 'unknown-standard',
        });
    }
  };
  check(cost.perStandard, ['cost', 'perStandard']);
  for (const [level, map] of Object.entries(cost.perLevel ?? {})) check(map, ['cost', 'perLevel', level]);
  if (issues.length > 0) throw new RubricError('INVALID_OPTIONS', issues);
}

function checkCost(value: unknown, path: (string | number)[]): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= Number.MAX_SAFE_INTEGER)) {
    throw new RubricError('INVALID_OPTIONS', [
      {
        path,
        message: `a cost is a number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${String(value)}`,
        kind: 'invalid-cost',
      },
    ]);
  }
  return value;
}
