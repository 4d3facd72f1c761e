import type { RuleSet, Text } from '@sunshine-rubric/core';
import { provisionalNotice, ruleSetLabel, say } from '@sunshine-rubric/core/words';
import type { PortfolioOutcome, PortfolioPlan } from '@sunshine-rubric/planner';
import type { Palette } from '../io/colour.js';
import type { Language } from '../words/language.js';
import { departmentTitle, text } from '../words/wording.js';
import { formatTable } from './table.js';

/** A portfolio plan (or why there is none) with what every output of it shows beside it. */
export interface PortfolioData {
  readonly outcome: PortfolioOutcome;
  readonly ruleSet: RuleSet;
  readonly planId: string;
  readonly planTitle: Text;
  readonly estateCount: number;
  /** Estates the user put in a year (`--fix`, `--cohorts`), by assessment id. */
  readonly fixed: ReadonlySet<string>;
  /** The city's unit for each of the rule set's department ids (from the plugin whose `cityUnits` claim the plan), shown beside them. */
  readonly cityUnits?: ReadonlyMap<string, Text>;
  /** Notices beside the rule set's: fictional estates, drafted costs or budgets. The amounts' unit is the planner's (`outcome.amounts`). */
  readonly notices: readonly Text[];
}

/** Every notice the plan's outputs carry, the provisional rule set's first. */
export function portfolioNotices(data: PortfolioData, language: Language): string[] {
  const provisional = provisionalNotice(data.ruleSet, language);
  return [...(provisional ? [provisional] : []), ...data.notices.map((notice) => say(notice, language))];
}

/**
 * A department of `byDepartment` or of a fix's `responsible` as the plan's outputs name it: the rule set's
 * department, with the city's own unit beside it where the city maps it (`住房城乡建设部门（市住房城乡建设局）`).
 */
export function departmentLabel(departmentId: string, data: PortfolioData, language: Language): string {
  const title = departmentTitle(departmentId, language);
  const unit = data.cityUnits?.get(departmentId);
  if (unit === undefined) return title;
  return language === 'en' ? `${title} (${say(unit, language)})` : `${title}（${say(unit, language)}）`;
}

/** How sure the solver is of the plan: proven least cost, or the best found within the time limit and its gap. */
export function optimalityWords(plan: PortfolioPlan, data: PortfolioData): Text {
  if (plan.status === 'optimal') return text('已证明为总费用最省的方案。', 'Proven the least total cost.');
  const gap = `${(plan.gap * 100).toFixed(2)}%`;
  const { unit } = data.outcome.amounts;
  const bound = `${amount(plan.bound)} ${unit.zh}`;
  return text(
    `求解在时间限制内停止：这是找到的最好方案，最多比最省方案贵 ${gap}（下界 ${bound}）。`,
    `The solver stopped at its time limit: this is the best plan found, at most ${gap} above the least cost (bound ${amount(plan.bound)} ${unit.en}).`,
  );
}

/** The plan year by year as text for a terminal: estates and their fixes, cost against budget, workload. */
export function portfolioText(data: PortfolioData, language: Language, palette: Palette): string {
  const say2 = (zh: string, en: string) => say(text(zh, en), language);
  const { outcome } = data;
  const unit = say(outcome.amounts.unit, language);
  const lines = [
    palette.strong(`${say(data.planTitle, language)} (${data.planId}) — ${ruleSetLabel(data.ruleSet)}`),
  ];
  for (const notice of portfolioNotices(data, language)) lines.push(palette.warn(notice));
  lines.push(say2(`小区：${data.estateCount} 个`, `Estates: ${data.estateCount}`));
  for (const estate of outcome.unplannable) {
    lines.push(
      palette.warn(
        say2(
          `  ${estate.name} [${estate.estateId}]：任何整改都无法使其符合条件（${estate.reason}），不列入规划`,
          `  ${estate.name} [${estate.estateId}]: no fix makes it eligible (${estate.reason}); left out of the plan`,
        ),
      ),
    );
  }
  if (!outcome.feasible) {
    lines.push(palette.bad(say2('无可行方案：', 'No plan exists:')));
    for (const reason of outcome.reasons) lines.push(`  - ${reason.code}: ${say(reason.message, language)}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(say(optimalityWords(outcome, data), language));
  let cumulative = outcome.years[0]?.certifiedBefore ?? 0;
  for (const year of outcome.years) {
    cumulative += year.estates.length;
    const budget =
      year.budget === null ? '' : say2(`，预算 ${amount(year.budget)}`, `, budget ${amount(year.budget)}`);
    lines.push('');
    lines.push(
      palette.strong(
        say2(
          `${year.year} 年：申报 ${year.estates.length} 个（累计 ${cumulative}，目标 ${year.target}），费用 ${amount(year.cost)} ${unit}${budget}`,
          `${year.year}: ${year.estates.length} put forward (cumulative ${cumulative}, target ${year.target}), cost ${amount(year.cost)} ${unit}${budget}`,
        ),
      ),
    );
    const rows = year.estates.map((estate) => [
      `  ${estate.name}${data.fixed.has(estate.estateId) ? say2('（指定）', ' (fixed)') : ''}`,
      estate.area ?? '',
      estate.fixes.length === 0
        ? say2('无需整改', 'nothing to fix')
        : estate.fixes.map((fix) => fix.standardId).join(' '),
      amount(estate.cost),
    ]);
    if (rows.length > 0) lines.push(formatTable(rows));
    const workload = Object.entries(year.byDepartment);
    if (workload.length > 0) {
      const parts = workload.map(
        ([department, work]) => `${departmentLabel(department, data, language)} ${work.fixes}`,
      );
      lines.push(
        `  ${say2('各部门整改（项）', 'Fixes by department')}: ${parts.join(language === 'en' ? ', ' : '，')}`,
      );
    }
  }
  lines.push('');
  if (outcome.notPutForward.length > 0) {
    lines.push(
      say2(
        `未列入申报：${outcome.notPutForward.join('、')}`,
        `Not put forward: ${outcome.notPutForward.join(', ')}`,
      ),
    );
  }
  lines.push(
    palette.strong(
      say2(
        `总费用：${amount(outcome.totalCost)} ${unit}`,
        `Total cost: ${amount(outcome.totalCost)} ${unit}`,
      ),
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** `16600000` → `16,600,000`, the same in every runtime (no locale data needed). */
export function amount(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
