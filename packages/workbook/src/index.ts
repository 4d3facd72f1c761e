/**
 * `@sunshine-rubric/workbook`: spreadsheets for the people who work in Excel, WPS or
 * LibreOffice — the self-check workbook (export, fill in, import), the reviewer's result workbook, and
 * the import of an official standard table into a rule set. Runs in Node and browsers; it loads
 * `exceljs`, which is why it is a package of its own: the rule set installs without it.
 *
 * @packageDocumentation
 */

export { explanationText } from './explanation-text.js';
export type { ResultExportOptions } from './export-result.js';
export { exportResultWorkbook } from './export-result.js';
export type { SelfCheckExportOptions } from './export-self-check.js';
export { exportSelfCheckWorkbook } from './export-self-check.js';
export type { SelfCheckImportOptions } from './import-self-check.js';
export { importSelfCheckWorkbook } from './import-self-check.js';
export type { StandardTableOptions } from './import-standard-table.js';
export { importStandardTable } from './import-standard-table.js';
export { departmentIdOf } from './responsible-departments.js';
export { resultSheetNames, selfCheckHeaders, selfCheckSheetNames } from './sheet-names.js';
export type { WorkbookLanguage } from './wording.js';
export type { WorkbookBytes } from './workbook-io.js';
export type { WorkbookLimits } from './workbook-limits.js';
export { defaultWorkbookLimits } from './workbook-limits.js';
