import { checkTimeline, trackProgress } from '@sunshine-rubric/core';
import { qinzhouPlan } from '@sunshine-rubric/qinzhou';
import { describe, expect, test } from 'vitest';
import { timelineReport } from './timeline-report.js';

describe('timeline report', () => {
  test('target against certified per year as a chart, the figures and the findings', () => {
    const progress = trackProgress(qinzhouPlan, { 2021: 11, 2022: 8 });
    const html = timelineReport(
      { planId: 'qinzhou-2021', plan: qinzhouPlan, check: checkTimeline(qinzhouPlan), progress },
      'zh',
    );
    expect(html.match(/<svg[\s\S]*?<\/svg>/g)).toHaveLength(1);
    for (const legend of ['累计已创建', '累计目标', '计划累计']) expect(html).toContain(`>${legend}</text>`);
    expect(html).toContain(
      '<td class="number">2022</td><td class="number">70%</td><td class="number">19</td>',
    );
    expect(html).toContain('<span class="bad">落后</span>');
    expect(html).toContain('BREAKDOWN_SUM_MISMATCH');
    expect(html).toContain('与总数26个不一致');
    expect(html).not.toMatch(/<script|src=|href=/i);
  });

  test('without certified counts: targets and planned quotas only; plan text is escaped', () => {
    const plan = { ...qinzhouPlan, title: { zh: '<script>x()</script>' } };
    const html = timelineReport({ planId: 'test', plan, check: checkTimeline(plan) }, 'en');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;x()&lt;/script&gt;');
    expect(html).not.toContain('certified (cumulative)');
    expect(html).toContain('Consistency of the plan');
  });
});
