import { evaluate } from '@sunshine-rubric/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bytesOf, rejection } from '../../test/workbook-fixtures.js';
import { exportSelfCheckWorkbook } from '../self-check/export-self-check.js';
import { importSelfCheckWorkbook } from '../self-check/import-self-check.js';
import { importStandardTable } from './import-standard-table.js';

const options = { id: 'guangxi-official', version: '1.0.0', source: '附件1（测试表）' };
type Cells = readonly (string | number | null)[];

/** A sheet laid out as government tables are: rows of cells, then merges like `B4:B7`. */
async function table(rows: readonly Cells[], merges: readonly string[] = [], extraSheetFirst = false) {
  const workbook = new ExcelJS.Workbook();
  if (extraSheetFirst) workbook.addWorksheet('说明').getCell('A1').value = '填表说明：本表为测试。';
  const sheet = workbook.addWorksheet('附件1');
  rows.forEach((cells, index) => {
    cells.forEach((value, column) => {
      if (value !== null) sheet.getCell(index + 1, column + 1).value = value;
    });
  });
  for (const range of merges) sheet.mergeCells(range);
  return bytesOf(workbook);
}

const title = '广西壮族自治区保障性住房小区创建“阳光社区·美丽家园”标准';
const governmentTable = () =>
  table(
    [
      [title, null, null, null, null],
      [],
      ['序  号', '方面', '要求', '标准', '责任单位'],
      [1, '政府职责', '配套设施纳入规划', '小区配套设施纳入建设规划和项目库', '市住房和城乡建设局'],
      [2, null, null, '配套设施建设项目按规定审批', '市发展改革委、市城管局'],
      [3, null, '资金保障', '小区管理经费纳入预算', '市财政局'],
      [4, null, null, '小区经营收入用于公共服务', null],
      [],
      [5, '小区管理', '安全管理', '视频监控覆盖小区出入口和主要道路', '公安局'],
      [6, '小区管理', '安全管理', '每年至少组织一次消防演练', '街道办事处\n社区居民委员会'],
    ],
    ['A1:E1', 'B4:B7', 'C4:C5'],
  );

describe('importStandardTable: a government table', () => {
  it('reads aspects, requirements and standards, continuing merged and blank cells from above', async () => {
    const ruleSet = await importStandardTable(await governmentTable(), options);
    expect(ruleSet.provenance.status).toBe('official');
    expect(ruleSet.provenance.source).toBe('附件1（测试表）');
    expect(ruleSet.title).toEqual({ zh: title });
    const outline = ruleSet.aspects.map((aspect) => [
      aspect.id,
      aspect.title.zh,
      aspect.requirements.map((requirement) => [
        requirement.id,
        requirement.title.zh,
        requirement.standards.map((standard) => standard.id),
      ]),
    ]);
    expect(outline).toEqual([
      [
        'A1',
        '政府职责',
        [
          ['R01', '配套设施纳入规划', ['S01', 'S02']],
          ['R02', '资金保障', ['S03', 'S04']],
        ],
      ],
      ['A2', '小区管理', [['R03', '安全管理', ['S05', 'S06']]]],
    ]);
    const first = ruleSet.aspects[0]!.requirements[0]!.standards[0]!;
    expect(first).toEqual({
      id: 'S01',
      title: { zh: '小区配套设施纳入建设规划和项目库' },
      condition: { fact: 's01Met', operator: 'equal', value: true },
      responsible: ['housing'],
      basis: '附件1（测试表），序号 1',
    });
    expect(ruleSet.facts.s01Met).toEqual({
      type: 'boolean',
      title: { zh: '是否符合：小区配套设施纳入建设规划和项目库' },
    });
    expect(ruleSet.scoring).toEqual({
      mode: 'compliance-rate',
      threshold: 0.85,
      minMetPerRequirement: 1,
      notApplicable: 'exclude',
    });
  });

  it('maps 责任单位 names to Guangxi department ids, keeps the others as written, and says so', async () => {
    const ruleSet = await importStandardTable(await governmentTable(), options);
    const responsible = ruleSet.aspects.flatMap((aspect) =>
      aspect.requirements.flatMap((requirement) =>
        requirement.standards.map((standard) => standard.responsible),
      ),
    );
    expect(responsible).toEqual([
      ['housing'],
      ['development-reform', '市城管局'],
      ['finance'],
      undefined,
      ['public-security'],
      ['street-community'],
    ]);
    expect(ruleSet.provenance.notes).toContain('市住房和城乡建设局 → housing');
    expect(ruleSet.provenance.notes).toContain('按原文保留为编号的责任单位：市城管局');
  });

  it('evaluates at once: one yes/no fact per standard', async () => {
    const ruleSet = await importStandardTable(await governmentTable(), options);
    const allMet = Object.fromEntries(Object.keys(ruleSet.facts).map((factId) => [factId, true]));
    const assessment = { id: 'x', community: { name: '小区' }, facts: allMet };
    expect(evaluate(ruleSet, assessment).eligible).toBe(true);
    const uncovered = evaluate(ruleSet, {
      ...assessment,
      facts: { ...allMet, s03Met: false, s04Met: false },
    });
    expect(uncovered.reasons.map((reason) => reason.code)).toContain('REQUIREMENT_UNCOVERED');
  });

  it('makes a self-check workbook that round-trips', async () => {
    const ruleSet = await importStandardTable(await governmentTable(), options);
    const assessment = { id: 'x', community: { name: '小区' }, facts: { s01Met: true, s02Met: false } };
    const back = await importSelfCheckWorkbook(
      ruleSet,
      await exportSelfCheckWorkbook(ruleSet, { assessment }),
    );
    expect(back.facts).toEqual(assessment.facts);
  });

  it('takes ids from unique 序号 such as 1.1, else numbers standards in order', async () => {
    const header = ['序号', '方面', '要求', '标准'];
    const numbered = await importStandardTable(
      await table([
        header,
        ['1.1', '甲', '要求一', '标准一'],
        ['1.2', null, null, '标准二'],
        ['2.1', '乙', '要求二', '标准三'],
      ]),
      options,
    );
    const ids = (ruleSet: typeof numbered) =>
      ruleSet.aspects.flatMap((aspect) =>
        aspect.requirements.flatMap((requirement) => requirement.standards.map((standard) => standard.id)),
      );
    expect(ids(numbered)).toEqual(['S1.1', 'S1.2', 'S2.1']);
    expect(Object.keys(numbered.facts)).toEqual(['s1_1Met', 's1_2Met', 's2_1Met']);
    const repeated = await importStandardTable(
      await table([
        header,
        ['1', '甲', '要求一', '标准一'],
        ['1', null, null, '标准二'],
        [null, '乙', '要求二', '标准三'],
      ]),
      options,
    );
    expect(ids(repeated)).toEqual(['S01', 'S02', 'S03']);
  });

  it('overrides the threshold, the per-requirement minimum and the title; picks the sheet that has the table', async () => {
    const ruleSet = await importStandardTable(
      await table(
        [
          ['方面', '要求', '标准'],
          ['甲', '要求一', '标准一'],
        ],
        [],
        true,
      ),
      {
        ...options,
        threshold: 0.9,
        minMetPerRequirement: 0,
        title: { zh: '官方标准', en: 'Official standard' },
      },
    );
    expect(ruleSet.scoring).toMatchObject({ threshold: 0.9, minMetPerRequirement: 0 });
    expect(ruleSet.title).toEqual({ zh: '官方标准', en: 'Official standard' });
    expect(ruleSet.title.zh).not.toBe('填表说明：本表为测试。');
  });
});

describe('importStandardTable: points, headings and other layouts', () => {
  const pointsTable = (total: number) =>
    table(
      [
        ['附件1'],
        ['标准（评分表）'],
        [],
        [],
        ['评分标准', '分值', '大项', '小项', '佐证材料'],
        ['一、党建引领', null, null, null, null],
        ['成立小区党组织', 10, null, '组织建设', '批复文件、名单'],
        ['开展党建活动', 5, null, null, '活动记录'],
        ['二、安全管理', null, null, null, null],
        ['视频监控全覆盖', 15, null, '技防', null],
        ['合计', total, null, null, null],
      ],
      ['A6:E6', 'A9:E9'],
    );

  it('reads a 大项 / 小项 / 评分标准 table with the header in row 5, aspect headings and 分值 as a points rule set', async () => {
    const ruleSet = await importStandardTable(await pointsTable(30), { ...options, passMark: 18 });
    expect(ruleSet.scoring).toEqual({ mode: 'points', passMark: 18, minMetPerRequirement: 0 });
    expect(ruleSet.aspects.map((aspect) => aspect.title.zh)).toEqual(['一、党建引领', '二、安全管理']);
    const standards = ruleSet.aspects.flatMap((aspect) =>
      aspect.requirements.flatMap((requirement) => requirement.standards),
    );
    expect(standards.map((standard) => [standard.id, standard.points, standard.evidence])).toEqual([
      ['S01', 10, ['批复文件', '名单']],
      ['S02', 5, ['活动记录']],
      ['S03', 15, undefined],
    ]);
    expect(ruleSet.title.zh).toBe('附件1');
  });

  it('requires the pass mark of a points table rather than guessing one', async () => {
    const error = await rejection(importStandardTable(await pointsTable(30), options));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues[0]!.message).toBe(
      'the table gives 分值 (points, 30 in all) but no pass mark: pass options.passMark',
    );
  });

  it('checks the 合计 against the sum of 分值', async () => {
    const error = await rejection(importStandardTable(await pointsTable(100), { ...options, passMark: 18 }));
    expect(error.issues.map((issue) => issue.message)).toEqual([
      '附件1 第 11 行（row 11）：合计 says 100 points, but the standards add up to 30',
    ]);
  });
});

describe('importStandardTable: errors name the row', () => {
  it('reports every bad row at once', async () => {
    const bytes = await table([
      ['序号', '方面', '要求', '标准', '分值'],
      [1, null, '要求一', '标准一', 5],
      [2, '甲', null, '标准二', 5],
      [3, '甲', '要求一', '标准三', '五分'],
      [4, null, null, null, 5],
      [5, '甲', '要求一', '标准五', null],
    ]);
    const error = await rejection(importStandardTable(bytes, { ...options, passMark: 10 }));
    expect(error.code).toBe('INVALID_WORKBOOK');
    expect(error.issues.map((issue) => issue.message)).toEqual([
      '附件1 第 2 行（row 2）：the 方面 cell is empty and there is no aspect above it',
      '附件1 第 3 行（row 3）：the 要求 cell is empty at the start of aspect "甲"',
      '附件1 第 4 行（row 4）：分值 (points) must be a number of at least 0, got "五分"',
      '附件1 第 5 行（row 5）：the 标准 cell is empty (one row per standard)',
      '附件1 第 6 行（row 6）：the 分值 cell is empty (every standard needs points)',
    ]);
    expect(error.issues[0]!.path).toEqual(['附件1', 2]);
  });

  it('names the missing headers, a missing sheet, and a file that is not .xlsx', async () => {
    const noRequirement = await rejection(
      importStandardTable(
        await table([
          ['序号', '方面', '标准'],
          [1, '甲', '标准一'],
        ]),
        options,
      ),
    );
    expect(noRequirement.issues[0]!.message).toBe('附件1: header "要求" not found in rows 1–10');
    const noSheet = await rejection(
      importStandardTable(await governmentTable(), { ...options, sheet: '附件2' }),
    );
    expect(noSheet.issues[0]!.message).toBe('missing sheet "附件2" (sheets found: 附件1)');
    const notXlsx = await rejection(importStandardTable(new TextEncoder().encode('序号,方面'), options));
    expect(notXlsx.issues[0]!.kind).toBe('not-xlsx');
  });

  it('refuses a table without standards, and options that make an invalid rule set', async () => {
    const empty = await rejection(importStandardTable(await table([['方面', '要求', '标准']]), options));
    expect(empty.issues[0]!.message).toBe('附件1 第 1 行（row 1）：no standard below the header row');
    const badId = await rejection(
      importStandardTable(await governmentTable(), { ...options, id: 'Not Kebab' }),
    );
    expect(badId.code).toBe('INVALID_RULE_SET');
  });
});
