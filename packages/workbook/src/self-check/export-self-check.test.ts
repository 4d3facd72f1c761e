import { defineRuleSet } from '@sunshine-rubric/core';
import { provisionalNotice } from '@sunshine-rubric/core/words';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { allTypesRuleSet, openWorkbook, rejection, sampleAssessment } from '../../test/workbook-fixtures.js';
import { selfCheckSheetNames } from '../cells/sheet-names.js';
import { exportSelfCheckWorkbook } from './export-self-check.js';

const open = async (...args: Parameters<typeof exportSelfCheckWorkbook>) =>
  openWorkbook(await exportSelfCheckWorkbook(...args));
const factIds = Object.keys(allTypesRuleSet.facts);
const rowOf = (factId: string) => 4 + factIds.indexOf(factId);

describe('exportSelfCheckWorkbook: sheets and layout', () => {
  it('writes 小区信息, 事实 and 标准, and hides the list sheet that long dropdowns need', async () => {
    const workbook = await open(allTypesRuleSet);
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['小区信息', 'visible'],
      ['事实', 'visible'],
      ['选项', 'hidden'],
      ['标准', 'visible'],
    ]);
    expect((await open(guangxi2021)).worksheets.map((sheet) => sheet.name)).toEqual([
      '小区信息',
      '事实',
      '标准',
    ]);
  });

  it('puts a visible provisional notice on every sheet of a provisional rule set, and none on an official one', async () => {
    const workbook = await open(guangxi2021);
    for (const name of Object.values(selfCheckSheetNames).filter((name) => name !== '选项')) {
      const notice = workbook.getWorksheet(name)!.getCell('A2');
      expect(String(notice.value)).toContain('不是官方文本');
      expect(notice.font?.bold).toBe(true);
      expect(notice.font?.color?.argb).toBe('FFC00000');
    }
    const official = defineRuleSet({
      ...structuredClone(guangxi2021),
      provenance: { status: 'official', source: '附件1' },
    });
    const notice = (await open(official)).getWorksheet('小区信息')!.getCell('A2');
    expect(String(notice.value)).toBe('标准来源（官方文本）：附件1');
  });

  it("credits a city's own provisional rule set to the city, in core's one notice, never to this project", async () => {
    const cityDraft = defineRuleSet({
      ...structuredClone(guangxi2021),
      provenance: { status: 'provisional', source: '某市住房城乡建设局草拟（2024）' },
    });
    const workbook = await open(cityDraft);
    const notice = String(workbook.getWorksheet('事实')!.getCell('A2').value);
    expect(notice).toBe(provisionalNotice(cityDraft, 'zh-en'));
    expect(notice).toContain('来源（Source）：某市住房城乡建设局草拟（2024）');
    expect(notice).not.toMatch(/项目草拟|sunshine-rubric/);
    expect(workbook.getWorksheet('小区信息')!.getCell('B18').value).toBe('暂定：不是官方文本');
  });

  it('freezes bold header rows, wraps text, sets column widths and prints landscape on one page wide', async () => {
    const sheet = (await open(allTypesRuleSet)).getWorksheet('事实')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getRow(3).values).toEqual([undefined, '编号', '问题', '类型', '取值范围', '答案', '单位']);
    expect(sheet.getCell('A3').font?.bold).toBe(true);
    expect(sheet.getCell('B4').alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThan(40);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
  });
});

describe('exportSelfCheckWorkbook: 事实', () => {
  it('has one row per fact: id, question, type, allowed values, answer, unit', async () => {
    const sheet = (await open(allTypesRuleSet, { assessment: sampleAssessment })).getWorksheet('事实')!;
    expect(factIds.map((factId) => sheet.getCell(`A${rowOf(factId)}`).value)).toEqual(factIds);
    expect(sheet.getRow(rowOf('cctvCoverage')).values).toEqual([
      undefined,
      'cctvCoverage',
      '监控覆盖率？',
      '数值',
      '数值，0 – 1',
      0.85,
      '比例（0–1）',
    ]);
    expect(sheet.getCell(`E${rowOf('occupied')}`).value).toBe('是');
    expect(sheet.getCell(`E${rowOf('lastInspection')}`).value).toEqual(new Date(Date.UTC(2021, 8, 30)));
    expect(sheet.getCell(`E${rowOf('lastInspection')}`).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell(`E${rowOf('operatorName')}`).value).toBe('  某某物业  ');
    expect(sheet.getRow(rowOf('housingType')).getCell(4).value).toBe('public-rental / low-rent / other');
  });

  it('validates every answer cell by type: dropdowns, whole and decimal numbers in range, dates', async () => {
    const sheet = (await open(allTypesRuleSet)).getWorksheet('事实')!;
    const validation = (factId: string) => sheet.getCell(`E${rowOf(factId)}`).dataValidation;
    expect(validation('occupied')).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(validation('housingType')).toMatchObject({
      type: 'list',
      formulae: ['"public-rental,low-rent,other"'],
    });
    expect(validation('serviceMode')).toMatchObject({ type: 'list', formulae: ["'选项'!$A$1:$A$12"] });
    expect(validation('rentalHouseholds')).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
    expect(validation('cctvCoverage')).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 1],
    });
    expect(validation('lastInspection')).toMatchObject({ type: 'date' });
    expect(validation('operatorName')).toBeUndefined();
  });

  it('adds the English wording in the zh-en layout, keeping the Chinese first', async () => {
    const sheet = (await open(allTypesRuleSet, { lang: 'zh-en' })).getWorksheet('事实')!;
    expect(sheet.getCell('E3').value).toBe('答案\nAnswer');
    expect(sheet.getCell(`B${rowOf('occupied')}`).value).toBe('小区是否已入住？\nOccupied?');
  });

  it('refuses an assessment that does not fit the fact catalog, naming every problem', async () => {
    const assessment = {
      ...sampleAssessment,
      facts: { ...sampleAssessment.facts, cctvCoverage: 1.2, bogus: 1 },
    };
    const error = await rejection(exportSelfCheckWorkbook(allTypesRuleSet, { assessment }));
    expect(error.code).toBe('INVALID_ASSESSMENT');
    expect(error.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['facts', 'cctvCoverage'], 'expected a number between 0 and 1, got 1.2'],
      [['facts', 'bogus'], 'fact "bogus" is not in the fact catalog of all-types'],
    ]);
  });
});

describe('exportSelfCheckWorkbook: 小区信息 and 标准', () => {
  it('lists the application form fields, the id, the rule set and its status', async () => {
    const sheet = (await open(guangxi2021)).getWorksheet('小区信息')!;
    const labels = (sheet.getColumn(1).values as unknown[]).slice(4);
    expect(labels).toEqual([
      '评估编号',
      '小区名称',
      '所在县（市、区）',
      '详细地址',
      '房源类型',
      '运营管理单位',
      '联系人及电话',
      '建成年份',
      '入住年份',
      '总套数',
      '租赁户数',
      '入住率',
      '自查日期',
      '规则集',
      '标准状态',
    ]);
    expect(sheet.getCell('B17').value).toBe('guangxi-2021@0.2.0');
    expect(sheet.getCell('B18').value).toBe('暂定：不是官方文本');
  });

  it('shows a form field that the rule set asks as a fact through a formula, so it is answered once', async () => {
    const sheet = (await open(guangxi2021)).getWorksheet('小区信息')!;
    const housingTypeRow = 4 + 4;
    expect(sheet.getCell(`B${housingTypeRow}`).value).toMatchObject({
      formula: `IF('事实'!E4="","",'事实'!E4)`,
    });
  });

  it('lists every standard with its aspect, requirement, departments by name, basis and facts', async () => {
    const sheet = (await open(allTypesRuleSet)).getWorksheet('标准')!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '编号',
      '方面',
      '要求',
      '标准',
      '责任单位',
      '依据',
      '读取的事实',
      '证明材料',
      '依据类型及出处',
      '草拟取值',
      '提供的佐证材料',
    ]);
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      1,
      'S1',
      '小区管理',
      '安全管理',
      '视频监控覆盖率达到 90%',
      '公安部门、city-management-bureau',
      '测试条款 1',
      'occupied\ncctvCoverage',
      '监控点位图',
    ]);
    expect(sheet.getCell('C5').isMerged).toBe(true);
    const guangxi = (await open(guangxi2021)).getWorksheet('标准')!;
    expect(guangxi.actualRowCount).toBe(3 + 65);
  });

  it('lists what each standard rests on and the values its author drafted, with why', async () => {
    const sheet = (await open(guangxi2021)).getWorksheet('标准')!;
    const rowOfStandard = (id: string) => {
      let found: unknown[] = [];
      sheet.eachRow((row) => {
        if (row.getCell(2).value === id) found = (row.values as unknown[]).slice(10);
      });
      return found;
    };
    expect(rowOfStandard('S28')).toEqual([
      '方案条款 五（一）：“监控覆盖率、绿化率不足”',
      'cctvCoverage：90%（草拟值）——90% 为项目草拟；方案只说监控覆盖率不足，未给出数值',
    ]);
    // Only encouraged (六（二）"鼓励…"), and nothing drafted: the drafted cell stays empty.
    expect(rowOfStandard('S52')).toEqual([
      '方案条款 六（二）：“同时鼓励社会资本参与改造，合理利用小区内闲置储物房、空地等资源，通过租赁、新建等方式，提供经营场所”（仅为鼓励性内容）',
    ]);
    const drafting = guangxi2021.aspects
      .flatMap((aspect) => aspect.requirements.flatMap((requirement) => requirement.standards))
      .find((standard) => standard.grounds?.every((ground) => ground.kind === 'project-drafting'))!;
    const note = drafting.grounds![0]!.kind === 'project-drafting' ? drafting.grounds![0]!.note : '';
    expect(rowOfStandard(drafting.id)[0]).toBe(`项目起草：${note}`);
    const english = (await open(guangxi2021, { lang: 'zh-en' })).getWorksheet('标准')!;
    expect(english.getCell('J3').value).toBe('依据类型及出处\nGrounds');
    expect(english.getCell('K3').value).toBe('草拟取值\nDrafted values');
  });
});
