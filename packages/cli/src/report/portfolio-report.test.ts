import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { planPortfolio } from '@sunshine-rubric/planner';
import { createQinzhouRegistry, qinzhouFictionalEstates, qinzhouPlan } from '@sunshine-rubric/qinzhou';
import { beforeAll, describe, expect, test } from 'vitest';
import { cityUnitsFor } from '../plan/city-units.js';
import type { PortfolioData } from '../text/portfolio-text.js';
import { text } from '../words/wording.js';
import { portfolioReport } from './portfolio-report.js';

const hostile = '<script>alert(1)</script>苑';
let data: PortfolioData;

beforeAll(async () => {
  const estates = qinzhouFictionalEstates.map((assessment, index) => ({
    assessment:
      index === 12 ? { ...assessment, community: { ...assessment.community, name: hostile } } : assessment,
    area: assessment.community.area,
    level: assessment.community.level,
  }));
  const outcome = await planPortfolio({
    ruleSet: guangxi2021,
    estates,
    plan: qinzhouPlan,
    cost: { defaultCost: 30_000, perStandard: { S58: 150_000 } },
    budgets: { 2021: 600_000, 2022: 600_000, 2023: 400_000, 2024: 300_000 },
    constraints: { fixedYears: { 'qinzhou-fictional-01': 2021 } },
  });
  data = {
    outcome,
    ruleSet: guangxi2021,
    planId: 'qinzhou-2021',
    planTitle: text(qinzhouPlan.title!.zh, qinzhouPlan.title!.en ?? ''),
    estateCount: estates.length,
    fixed: new Set(['qinzhou-fictional-01']),
    notices: [text('虚构数据：测试', 'Fictional data: test')],
  };
});

describe('portfolio report', () => {
  test('charts of estates against targets and of cost against budget; the year table, workload and fixes', () => {
    if (!data.outcome.feasible) throw new Error('expected a plan');
    const html = portfolioReport(data, 'zh');
    expect(html.match(/<svg[\s\S]*?<\/svg>/g)).toHaveLength(2);
    for (const legend of ['当年申报', '累计申报', '累计目标', '费用', '预算'])
      expect(html).toContain(`>${legend}</text>`);
    expect(html).toContain('注意：暂定规则集');
    expect(html).toContain('虚构数据：测试');
    const [first] = data.outcome.years;
    expect(html).toContain(
      `<td class="number">2021</td><td class="number">${first!.estates.length}</td><td class="number">${first!.estates.length}</td><td class="number">11</td>`,
    );
    expect(html).toContain('<td class="number">600,000</td></tr>');
    expect(html).toContain(`<dd class="total-cost">${data.outcome.totalCost.toLocaleString('en')} 元</dd>`);
    expect(html).toContain('各部门整改任务（项）');
    expect(html).toMatch(/<td>住房城乡建设部门<\/td>(<td class="number">\d+<\/td>){5}/);
    expect(html).toContain('家兴苑一区 <span class="muted">（指定年份）</span>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;苑');
    expect(html).not.toMatch(/<script|src=|href=/i);
  });

  test('names the city’s own units beside the rule set’s departments, where the plan’s city maps them', () => {
    if (!data.outcome.feasible) throw new Error('expected a plan');
    const registry = createQinzhouRegistry();
    const city = { ...data, cityUnits: cityUnitsFor(registry, 'qinzhou-2021') };
    const zh = portfolioReport(city, 'zh');
    expect(zh).toMatch(/<td>住房城乡建设部门（市住房城乡建设局）<\/td>(<td class="number">\d+<\/td>){5}/);
    expect(zh).toMatch(/<span class="muted">[^<]*住房城乡建设部门（市住房城乡建设局）[^<]* · /);
    expect(portfolioReport(city, 'en')).toContain(
      '(Qinzhou Housing and Urban-Rural Development Bureau)</td>',
    );
    // A plan without a known city: the rule set's departments alone.
    expect(cityUnitsFor(registry, 'some-city-2030').size).toBe(0);
    expect(portfolioReport(data, 'zh')).not.toContain('市住房城乡建设局');
  });

  test('no plan: the reasons, in English, and no chart', async () => {
    const outcome = await planPortfolio({
      ruleSet: guangxi2021,
      estates: qinzhouFictionalEstates.slice(0, 5).map((assessment) => ({ assessment })),
      plan: qinzhouPlan,
    });
    const html = portfolioReport({ ...data, outcome, estateCount: 5 }, 'en');
    expect(html).toContain('No plan exists');
    expect(html).toContain('TOO_FEW_ELIGIBLE_ESTATES');
    expect(html).toContain('Notice: provisional rule set.');
    expect(html).not.toContain('<svg');
  });
});
