import { evaluate, RubricError } from '@sunshine-rubric/core';
import { foldApplication } from '@sunshine-rubric/core/workflow';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  estate,
  estateResult,
  firstStandard,
  reviewedLog,
  reviewedState,
} from '../../test/forms-fixtures.js';
import { openWorkbook } from '../../test/workbook-fixtures.js';
import { applicationFormHtml, applicationFormWorkbook } from './application-form.js';
import { defaultApplicationFormLayout } from './form-layout.js';

/** Every text of the one sheet, as exceljs reads it back. */
async function sheetTexts(bytes: Uint8Array): Promise<string[]> {
  const workbook = await openWorkbook(bytes);
  const texts: string[] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') texts.push(cell.value);
    });
  });
  return texts;
}

describe('the application form', () => {
  it('shows the estate, the self-check, each requirement and the city’s disagreement with its reason', async () => {
    const bytes = await applicationFormWorkbook(guangxi2021, estate, estateResult, reviewedState);
    const workbook = await openWorkbook(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['申报表']);
    const texts = await sheetTexts(bytes);
    expect(texts).toContain(estate.community.name);
    expect(texts).toContain('符合申报条件');
    const requirement = guangxi2021.aspects[0]!.requirements[0]!;
    expect(texts).toContain(requirement.title.zh);
    const cityRow = texts.find((text) => text.includes(`${firstStandard} 符合→不符合`));
    expect(cityRow).toContain('监控未覆盖出入口');
    expect(texts).toContain('市住建局 2021-10-08');
    expect(texts).toContain('市级初审通过');
  });

  it('carries the drafted-layout notice and the rule set’s notice, and no longer says the evidence list is left out', async () => {
    const texts = await sheetTexts(await applicationFormWorkbook(guangxi2021, estate, estateResult));
    expect(texts.some((text) => text.includes('官方表式未能取得'))).toBe(true);
    expect(texts.some((text) => text.includes('不是官方文本'))).toBe(true);
    expect(texts.some((text) => text.includes('暂不列出') || text.includes('left out'))).toBe(false);
    expect(defaultApplicationFormLayout.provisional).toBe(true);
    const page = applicationFormHtml(guangxi2021, estate, estateResult);
    expect(page).toContain('官方表式未能取得');
    expect(page).toContain('不是官方文本');
  });

  it('lists the evidence per standard — required kinds, each document with name, date and hash prefix, what is missing — in xlsx and HTML alike', async () => {
    const hash = `sha256:${'fedcba9876543210'.repeat(4)}`;
    const withEvidence = {
      ...estate,
      evidence: {
        S01: [
          { kind: '配套设施建设规划（小区部分）', name: '规划.pdf', date: '2020-05-06', hash },
          { kind: '物业服务合同', name: '合同.pdf' },
        ],
      },
    };
    const result = evaluate(guangxi2021, withEvidence);
    const texts = await sheetTexts(await applicationFormWorkbook(guangxi2021, withEvidence, result));
    expect(texts).toContain('五、佐证材料清单');
    expect(texts).toContain('配套设施建设规划（小区部分）\n配套设施建设项目库清单');
    expect(texts).toContain(
      '《配套设施建设规划（小区部分）》规划.pdf（2020-05-06，sha256:fedcba987654…）\n《物业服务合同》合同.pdf',
    );
    expect(texts).toContain(
      // S01 is met: self-assessed met without one of its documents, which the default policy only shows.
      '缺少佐证材料：《配套设施建设项目库清单》；另附非本标准所需材料：《物业服务合同》\n仅作提示：缺少佐证材料不影响结论',
    );
    const page = applicationFormHtml(guangxi2021, withEvidence, result);
    expect(page).toContain('五、佐证材料清单');
    expect(page).toContain('sha256:fedcba987654…');
    expect(page).toContain('缺少佐证材料：《配套设施建设项目库清单》');
  });

  it('lets a city’s layout leave the evidence list out, or have only it', async () => {
    const without = {
      ...defaultApplicationFormLayout,
      sections: defaultApplicationFormLayout.sections.filter((section) => section.table !== 'evidence'),
    };
    const texts = await sheetTexts(
      await applicationFormWorkbook(guangxi2021, estate, estateResult, undefined, { layout: without }),
    );
    expect(texts).not.toContain('五、佐证材料清单');
    expect(texts.some((text) => text.startsWith('缺少佐证材料'))).toBe(false);
    const only = {
      ...defaultApplicationFormLayout,
      sections: [{ title: { zh: '佐证材料' }, table: 'evidence' as const }],
    };
    const page = applicationFormHtml(guangxi2021, estate, estateResult, undefined, { layout: only });
    expect(page).toContain('缺少佐证材料：《配套设施建设规划（小区部分）》、《配套设施建设项目库清单》');
  });

  it('keeps formula-like text as text', async () => {
    const attack = "=cmd|' /C calc'!A0";
    const hostile = { ...estate, community: { ...estate.community, address: attack, operator: '@SUM(1+1)' } };
    const state = foldApplication(reviewedLog('+86 138 0000 0000'), { ruleSet: guangxi2021 });
    const bytes = await applicationFormWorkbook(guangxi2021, hostile, estateResult, state);
    const workbook = XLSX.read(bytes, { type: 'array' });
    const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
    const cells = Object.entries(sheet)
      .filter(([address]) => !address.startsWith('!'))
      .map(([, cell]) => cell as XLSX.CellObject);
    expect(cells.filter((cell) => cell.f !== undefined)).toEqual([]);
    const texts = cells.map((cell) => String(cell.v));
    expect(texts).toContain(`'${attack}`);
    expect(texts).toContain("'@SUM(1+1)");
    expect(texts.filter((text) => /^[=+\-@\t\r]/.test(text))).toEqual([]);
  });

  it('follows a city’s own layout, and refuses an unknown field with its path', async () => {
    const layout = {
      ...defaultApplicationFormLayout,
      title: { zh: '钦州市申报表' },
      sections: [
        { title: { zh: '小区' }, rows: [{ label: { zh: '地址（城市表式）' }, field: 'community.address' }] },
      ],
    };
    const texts = await sheetTexts(
      await applicationFormWorkbook(guangxi2021, estate, estateResult, undefined, { layout }),
    );
    expect(texts).toContain('地址（城市表式）');
    expect(texts.some((text) => text.startsWith('钦州市申报表'))).toBe(true);
    expect(texts).not.toContain('小区名称');

    const wrong = {
      ...layout,
      sections: [{ title: { zh: '小区' }, rows: [{ label: { zh: '面积' }, field: 'community.area' }] }],
    };
    let error: unknown;
    try {
      applicationFormHtml(guangxi2021, estate, estateResult, undefined, { layout: wrong });
    } catch (caught) {
      error = caught;
    }
    expect(RubricError.isInstance(error)).toBe(true);
    const rubricError = error as RubricError;
    expect(rubricError.code).toBe('INVALID_OPTIONS');
    expect(rubricError.issues[0]).toMatchObject({
      path: ['layout', 'sections', 0, 'rows', 0, 'field'],
      kind: 'invalid_value',
    });
    expect(rubricError.issues[0]?.message).toContain('unknown field "community.area"');
  });

  it('refuses a result of another assessment', () => {
    expect(() => applicationFormHtml(guangxi2021, { ...estate, id: 'other' }, estateResult)).toThrow(
      /the result is of assessment/,
    );
  });

  it('is a self-contained HTML page: escaped text, no script, no external request', () => {
    const hostile = { ...estate, community: { ...estate.community, name: '<script>alert(1)</script>' } };
    const result = { ...estateResult };
    const page = applicationFormHtml(guangxi2021, hostile, result, reviewedState, { language: 'zh-en' });
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;');
    expect(page).not.toMatch(/(src|href)=|url\(|@import/);
    expect(page).toContain("default-src 'none'");
    expect(page).toContain('city initial review');
  });
});
