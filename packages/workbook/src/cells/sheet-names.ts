/**
 * The sheet names of the self-check workbook. They are part of the workbook's contract: the importer
 * finds its sheets by these names, so a filled-in workbook must keep them.
 *
 * - `community` (`小区信息`): the estate, as on the application form, and the assessment id;
 * - `facts` (`事实`): one row per fact of the rule set's catalog, with the answer column to fill in;
 * - `standards` (`标准`): every aspect, requirement and standard, for reference, with the one column read
 *   back: 提供的佐证材料, the evidence the estate provides for each standard;
 * - `lists` (`选项`): hidden; holds the choices of a dropdown too long to write inline (only when needed).
 *
 * @example
 * ```ts
 * import * as XLSX from 'xlsx';
 * const workbook = XLSX.read(bytes);
 * const factsSheet = workbook.Sheets[selfCheckSheetNames.facts];
 * ```
 */
export const selfCheckSheetNames = Object.freeze({
  community: '小区信息',
  facts: '事实',
  standards: '标准',
  lists: '选项',
} as const);

/**
 * The sheet names of the reviewer's result workbook made by `exportResultWorkbook`.
 *
 * - `summary` (`审核结论`): verdict, compliance rate or points, reasons;
 * - `standards` (`逐项结果`): each standard's outcome with its explanation in words;
 * - `requirements` (`要求汇总`): met and applicable standards per requirement;
 * - `byDepartment` (`未达标分工`): unmet standards by responsible department;
 * - `remediation` (`整改方案`): the cheapest plan that makes the estate eligible.
 *
 * @example
 * ```ts
 * const summary = workbook.getWorksheet(resultSheetNames.summary);
 * ```
 */
export const resultSheetNames = Object.freeze({
  summary: '审核结论',
  standards: '逐项结果',
  requirements: '要求汇总',
  byDepartment: '未达标分工',
  remediation: '整改方案',
} as const);

/**
 * The column headers of the self-check workbook's sheets. The importer finds columns by these texts
 * (moved columns still work); `id` and `answer` on `事实` and `value` on `小区信息` are required; on `标准`
 * only `id` and `provided` are read, and only when `provided` is there.
 *
 * @example
 * ```ts
 * selfCheckHeaders.facts.answer; // '答案'
 * ```
 */
export const selfCheckHeaders = Object.freeze({
  community: Object.freeze({ label: '项目', value: '内容', field: '字段' } as const),
  facts: Object.freeze({
    id: '编号',
    question: '问题',
    type: '类型',
    range: '取值范围',
    answer: '答案',
    unit: '单位',
  } as const),
  standards: Object.freeze({
    serial: '序号',
    id: '编号',
    aspect: '方面',
    requirement: '要求',
    standard: '标准',
    points: '分值',
    responsible: '责任单位',
    basis: '依据',
    facts: '读取的事实',
    evidence: '证明材料',
    grounds: '依据类型及出处',
    drafted: '草拟取值',
    provided: '提供的佐证材料',
  } as const),
} as const);
