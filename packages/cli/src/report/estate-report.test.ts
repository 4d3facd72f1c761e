import {
  type Assessment,
  compileRuleSet,
  defineRuleSet,
  planRemediation,
  type RuleSet,
} from '@sunshine-rubric/core';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, test } from 'vitest';
import type { Language } from '../words/language.js';
import { estateReport } from './estate-report.js';

function report(assessment: Assessment, ruleSet: RuleSet = guangxi2021, language: Language = 'zh'): string {
  const result = compileRuleSet(ruleSet).evaluate(assessment);
  return estateReport({ ruleSet, assessment, result, plan: planRemediation(ruleSet, result), language });
}

/** Every tag name in the page outside the inline SVG charts. */
function tagsOutsideCharts(html: string): Set<string> {
  const withoutSvg = html.replace(/<svg[\s\S]*?<\/svg>/g, '');
  return new Set([...withoutSvg.matchAll(/<([a-zA-Z][\w-]*)/g)].map((match) => match[1]!.toLowerCase()));
}

describe('estate report', () => {
  test('a <script> in the estate’s name or district is shown as text, never run', () => {
    const hostile = {
      ...guangxiSamples.belowThreshold,
      id: 'x"><script>alert(3)</script>',
      community: { name: '<script>alert(1)</script>', district: '<img src=x onerror=alert(2)>' },
    };
    const html = report(hostile);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('x&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
  });

  test('markup in a rule set’s wording is escaped too, in the tables and in the charts', () => {
    const document = JSON.parse(JSON.stringify(guangxi2021));
    document.id = 'hostile';
    document.aspects[0].title.zh = '<script>aspect()</script>';
    document.aspects[0].requirements[0].title.zh = '<b onclick=x>requirement</b>';
    const ruleSet = defineRuleSet(document);
    const html = report({ ...guangxiSamples.belowThreshold, ruleSet: 'hostile' }, ruleSet);
    expect(html).not.toMatch(/<script|<b /i);
    expect(html).toContain('&lt;script&gt;aspect()&lt;/script&gt;');
  });

  test('self-contained: no script, no external resource, and a policy that forbids loading any', () => {
    const html = report(guangxiSamples.belowThreshold);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|<iframe|<object|@import|url\(|src=|href=/i);
    expect(tagsOutsideCharts(html)).not.toContain('img');
  });

  test('the verdict, reasons, threshold, radar, coverage, unmet standards and cheapest plan', () => {
    const html = report(guangxiSamples.belowThreshold);
    expect(html).toContain('暂不符合申报条件');
    expect(html).toContain('还需 3 项标准符合');
    expect(html).toContain('符合率 81.3%（门槛 85%）');
    expect(html.match(/<svg[\s\S]*?<\/svg>/g)).toHaveLength(2);
    for (const aspect of guangxi2021.aspects) expect(html).toContain(`>${aspect.title.zh}</text>`);
    for (const requirement of guangxi2021.aspects.flatMap((aspect) => aspect.requirements)) {
      expect(html).toContain(`<td class="nowrap">${requirement.id}</td>`);
    }
    expect(html).toContain('未符合的标准 (12)');
    expect(html).toContain('“公共区域视频监控覆盖率是多少（0–1）？”应不低于90%（草拟值），实际为72%');
    expect(html).toContain('“小区是否已接通管道天然气？”应为是，实际为否</li>');
    expect(html).toContain('公安部门');
    expect(html).toContain('需整改 3 项标准');
  });

  test('names the missing facts by their questions, then their ids', () => {
    const result = compileRuleSet(guangxi2021).evaluate(guangxiSamples.missingData);
    const [first] = result.missingFacts;
    const title = guangxi2021.facts[first!]!.title;
    expect(report(guangxiSamples.missingData)).toContain(`<li>「${title.zh}」(${first})</li>`);
    expect(report(guangxiSamples.missingData, guangxi2021, 'en')).toContain(
      `<li>“${title.en}” (${first})</li>`,
    );
  });

  test('the provisional notice on a provisional rule set with its grounds counts, none on an official one', () => {
    const notice = '注意：暂定规则集';
    const provisional = report(guangxiSamples.eligible);
    expect(provisional).toContain(`<aside class="notice" role="note"><strong>⚠</strong> ${notice}`);
    expect(provisional).toContain('评估结果仅供参考。<br>来源：结构依据《钦州市保障性住房小区');
    expect(provisional).toContain(
      'is not available.<br>依据：46 项引用方案条款，3 项依据其他公开来源，16 项为项目起草；2 项只依据鼓励性内容；草拟取值 30 处（其中数字 24 个）</aside>',
    );
    const official = defineRuleSet({ ...guangxi2021, provenance: { status: 'official', source: '附件1' } });
    const html = report(guangxiSamples.eligible, official);
    expect(html).not.toContain(notice);
    expect(html).not.toContain('class="notice"');
    expect(html).not.toContain('依据：');
  });

  test('whether the estate is in the focus, beside the verdict; nothing for a rule set without a focus', () => {
    const focus = (label: string, value: string) =>
      `<div><div class="muted">${label}</div><div>${value}</div></div>`;
    expect(report(guangxiSamples.eligible)).toContain(focus('重点', '✓ 属于重点范围'));
    const small = {
      ...guangxiSamples.eligible,
      facts: { ...guangxiSamples.eligible.facts, rentalHouseholds: 150 },
    };
    expect(report(small, guangxi2021, 'en')).toContain(focus('Focus', '✗ outside the focus'));
    const { rentalHouseholds: _, ...unknown } = guangxiSamples.eligible.facts;
    expect(report({ ...guangxiSamples.eligible, facts: unknown }, guangxi2021, 'en')).toContain(
      focus('Focus', '? focus unknown: data missing'),
    );
    const { focus: __, ...withoutFocus } = guangxi2021;
    const html = report(guangxiSamples.eligible, defineRuleSet(withoutFocus));
    expect(html).toContain('符合申报条件');
    expect(html).not.toContain('重点');
  });

  test('in English, with the missing facts and a blocked plan explained', () => {
    const missing = report(guangxiSamples.missingData, guangxi2021, 'en');
    expect(missing).toContain('<html lang="en">');
    expect(missing).toContain('Notice: provisional rule set.');
    expect(missing).toContain('(cctvCoverage)</li>');
    expect(missing).toContain('not answered');
    const outOfScope = report(guangxiSamples.outOfScope, guangxi2021, 'en');
    expect(outOfScope).toContain('out of scope');
    expect(outOfScope).toContain('The estate is out of scope: fixing standards cannot make it eligible.');
  });

  test('lists the standards self-assessed met without their evidence, the documents missing and those provided', () => {
    const assessment = guangxiSamples.eligible;
    const evaluated = compileRuleSet(guangxi2021).evaluate(assessment);
    const result = {
      ...evaluated,
      unevidenced: ['S01'],
      standards: evaluated.standards.map((standard) =>
        standard.id === 'S01'
          ? {
              ...standard,
              evidence: {
                required: ['配套设施建设规划（小区部分）', '配套设施建设项目库清单'],
                provided: [
                  { kind: '配套设施建设规划（小区部分）', name: '<b>规划</b>.pdf', date: '2020-05-06' },
                ],
                missing: ['配套设施建设项目库清单'],
                extra: [],
              },
            }
          : standard,
      ),
    };
    const html = (language: Language) =>
      estateReport({
        ruleSet: guangxi2021,
        assessment,
        result,
        plan: planRemediation(guangxi2021, result),
        language,
      });
    expect(html('zh')).toContain('<h2>缺少佐证材料的标准 (1)（仅作提示：缺少佐证材料不影响结论）</h2>');
    expect(html('zh')).toContain('缺少佐证材料：《配套设施建设项目库清单》');
    expect(html('zh')).toContain('《配套设施建设规划（小区部分）》&lt;b&gt;规划&lt;/b&gt;.pdf（2020-05-06）');
    expect(html('en')).toContain('Standards self-assessed met without their evidence (1)');
    const none = { ...evaluated, unevidenced: [] };
    expect(
      estateReport({
        ruleSet: guangxi2021,
        assessment,
        result: none,
        plan: planRemediation(guangxi2021, none),
        language: 'zh',
      }),
    ).not.toContain('缺少佐证材料的标准');
  });

  test('under scoring.unevidenced "unmet", the plan names the documents that are the whole fix of a standard', () => {
    const strict = defineRuleSet({
      ...guangxi2021,
      scoring: { ...guangxi2021.scoring, unevidenced: 'unmet' },
    });
    const html = report(guangxiSamples.eligible, strict);
    expect(html).toContain('（按规则集规定，缺少佐证材料的标准按不符合计）');
    expect(html).toMatch(/<span class="muted">\[缺少佐证材料：《[^<]+》\]<\/span>/);
  });
});
