import { RubricError } from '@sunshine-rubric/core';
import type { PortfolioCost } from '../portfolio/portfolio-input.js';
import type { PortfolioAmounts } from '../portfolio/portfolio-plan.js';

/** Yuan: what a cost model's amounts are in unless it says otherwise. */
const YUAN = { zh: '元', en: 'CNY' } as const;
/** With no cost model every fix costs 1: amounts then count standards, not money. */
const STANDARDS = { zh: '项标准', en: 'standards' } as const;

/**
 * What a cost's amounts are in and whether they are drafted, checked: the model's `unit` (default 元/CNY;
 * standards when there is no cost model, since every fix then costs 1) and its `drafted` basis.
 *
 * @throws {RubricError} `INVALID_OPTIONS` (`invalid-type`) for a unit or drafted mark that is not text.
 * @example
 * ```ts
 * costAmounts({ defaultCost: 30_000 }).unit; // { zh: '元', en: 'CNY' }
 * ```
 */
export function costAmounts(cost: PortfolioCost | undefined): PortfolioAmounts {
  if (cost === undefined) return { unit: STANDARDS };
  if (typeof cost === 'function') return { unit: YUAN };
  const unit = cost.unit === undefined ? YUAN : checkText(cost.unit, ['cost', 'unit']);
  if (cost.drafted === undefined) return { unit };
  const drafted = cost.drafted as { basis?: unknown } | null;
  if (typeof drafted !== 'object' || drafted === null)
    throw invalidText(
      ['cost', 'drafted'],
      'drafted is { basis: { zh, en } }: on what the figures are drafted',
    );
  return { unit, drafted: { basis: checkText(drafted.basis, ['cost', 'drafted', 'basis']) } };
}

/**
 * An amount with its unit in both languages: `120,000元` / `120,000 CNY`.
 *
 * @example
 * ```ts
 * amountText(120_000, { zh: '元', en: 'CNY' }); // { zh: '120,000元', en: '120,000 CNY' }
 * ```
 */
export function amountText(amount: number, unit: PortfolioAmounts['unit']): { zh: string; en: string } {
  const figure = amount.toLocaleString('en-US');
  return { zh: `${figure}${unit.zh}`, en: `${figure} ${unit.en}` };
}

function checkText(value: unknown, path: (string | number)[]): { zh: string; en: string } {
  const given = value as { zh?: unknown; en?: unknown } | null;
  if (
    typeof given === 'object' &&
    given !== null &&
    typeof given.zh === 'string' &&
    given.zh.trim() !== '' &&
    (given.en === undefined || typeof given.en === 'string')
  )
    return { zh: given.zh, en: typeof given.en === 'string' && given.en.trim() !== '' ? given.en : given.zh };
  throw invalidText(path, 'expected a text { zh, en? }, e.g. { zh: "元", en: "CNY" }');
}

function invalidText(path: (string | number)[], message: string): RubricError<'INVALID_OPTIONS'> {
  return new RubricError('INVALID_OPTIONS', [{ path, message, kind: 'invalid-type' }]);
}
