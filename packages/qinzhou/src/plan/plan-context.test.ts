import {
  type DatedGoal,
  type FundingRoute,
  meetingAgenda,
  type PlanArea,
  type PlanOrganization,
  type PlanRule,
  type PlanSource,
  type PolicyDocument,
  type TotalStatement,
} from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { qinzhouPlan } from './qinzhou-plan.js';

describe('what the Qinzhou plan holds beyond its numbers, each with its clause', () => {
  it('reads as core’s documented types (a type check: the schema’s output fits the interfaces)', () => {
    const basis: readonly PolicyDocument[] = qinzhouPlan.basis ?? [];
    const goals: readonly DatedGoal[] = qinzhouPlan.goals ?? [];
    const rules: readonly PlanRule[] = qinzhouPlan.rules ?? [];
    const funding: readonly FundingRoute[] = qinzhouPlan.funding ?? [];
    const areas: readonly PlanArea[] = qinzhouPlan.areas ?? [];
    const statements: readonly TotalStatement[] = qinzhouPlan.totalStatements ?? [];
    const sources: readonly PlanSource[] = qinzhouPlan.sources ?? [];
    const organization: PlanOrganization | undefined = qinzhouPlan.organization;
    expect([basis, goals, rules, funding, areas, statements, sources].map((list) => list.length)).toEqual([
      3, 5, 1, 5, 1, 3, 33,
    ]);
    expect(organization?.clause).toBe('三');
  });

  it('rests on 建保〔2019〕55号, 桂政办电〔2020〕104号 and 桂建保〔2021〕3号 (序言)', () => {
    expect(qinzhouPlan.basis?.map((document) => document.number)).toEqual([
      '建保〔2019〕55号',
      '桂政办电〔2020〕104号',
      '桂建保〔2021〕3号',
    ]);
    const clauses = qinzhouPlan.sources
      ?.filter((source) => source.path[0] === 'basis')
      .map((source) => source.clause);
    expect(clauses).toEqual(['序言', '序言', '序言']);
  });

  it('has its 2025 goals as dated words with no invented figure (一), and the rule for new estates (四（一）)', () => {
    expect(qinzhouPlan.goals?.map((goal) => [goal.year, goal.goal.zh, goal.clause])).toContainEqual([
      2025,
      '完整居住社区、绿色社区覆盖率显著提升',
      '一',
    ]);
    for (const goal of qinzhouPlan.goals ?? []) expect(goal.goal.zh).not.toMatch(/\d+%|\d+个/);
    expect(qinzhouPlan.rules?.[0]?.rule.zh).toBe(
      '配套设施与保障性住房项目同步规划、同步建设、同步验收和同步交付',
    );
  });

  it('names funding routes beyond estate income, saying where the plan gives no figure (四（二）, 四（六）, 六（二）)', () => {
    expect(qinzhouPlan.funding?.map((route) => [route.id, route.clause, route.amount.zh])).toEqual([
      ['estate-income', '六（二）', '市本级200万元/个；县级不低于20万元/个（每年通过小区经济收入安排）'],
      ['central-budget-investment', '四（二）', '方案未给出金额'],
      ['fiscal-budget', '四（六）', '方案未给出金额'],
      ['responsible-departments', '六（二）', '方案未给出金额'],
      ['social-capital', '六（二）', '方案未给出金额'],
    ]);
  });

  it('has the leading group’s duties and the county/district bodies (三, 六（一）)', () => {
    expect(qinzhouPlan.organization?.duties.map((duty) => duty.zh)).toEqual(['统筹', '协调', '督查', '考核']);
    expect(qinzhouPlan.organization?.localBodies?.zh).toContain('各县、区要成立相应机构');
    expect(qinzhouPlan.organization?.roles?.map((role) => role.role.zh)).toEqual(['组长', '副组长', '成员']);
  });

  it('holds the quarterly meeting to report progress against the plan (六（一）)', () => {
    const agenda = meetingAgenda(qinzhouPlan, { 2021: 10 }, { year: 2022, quarter: 1 });
    expect(agenda.convenedBy?.zh).toBe('市住房城乡建设局');
    expect(agenda.items[0]?.text.zh).toBe(
      '截至2021年底已创建10个：达到下限10个，即35%（26×35%=9.1→10个），比方案所列的11个少1个。',
    );
  });
});
