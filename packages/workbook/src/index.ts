/**
 * `@sunshine-rubric/workbook`: spreadsheets for the people who work in Excel, WPS or
 * LibreOffice — the self-check workbook (export, fill in, import), the reviewer's result workbook, the
 * campaign's forms (the application form and the city's summary table, also as HTML), and the import of an official standard table into a rule set. Runs in Node and browsers; it loads
 * `exceljs`, which is why it is a package of its own: the rule set installs without it.
 *
 * @packageDocumentation
 */

export { resultSheetNames, selfCheckHeaders, selfCheckSheetNames } from './cells/sheet-names.js';
export type { WorkbookLanguage } from './cells/wording.js';
export type { WorkbookBytes } from './file/workbook-io.js';
export type { WorkbookLimits } from './file/workbook-limits.js';
export { defaultWorkbookLimits } from './file/workbook-limits.js';
export type { FormOptions } from './forms/application-form.js';
export { applicationFormHtml, applicationFormWorkbook } from './forms/application-form.js';
export type {
  ApplicationFormField,
  ApplicationFormLayout,
  ApplicationFormSection,
  ApplicationFormTable,
  SummaryTableField,
  SummaryTableLayout,
} from './forms/form-layout.js';
export {
  checkApplicationFormLayout,
  checkSummaryTableLayout,
  defaultApplicationFormLayout,
  defaultSummaryTableLayout,
} from './forms/form-layout.js';
export type { SummaryTableOptions } from './forms/summary-table.js';
export { summaryTableHtml, summaryTableWorkbook } from './forms/summary-table.js';
export { explanationText } from './result/explanation-text.js';
export type { ResultExportOptions } from './result/export-result.js';
export { exportResultWorkbook } from './result/export-result.js';
export type { SelfCheckExportOptions } from './self-check/export-self-check.js';
export { exportSelfCheckWorkbook } from './self-check/export-self-check.js';
export type { SelfCheckImportOptions } from './self-check/import-self-check.js';
export { importSelfCheckWorkbook } from './self-check/import-self-check.js';
export type { StandardTableOptions } from './standard-table/import-standard-table.js';
export { importStandardTable } from './standard-table/import-standard-table.js';
export { departmentIdOf } from './standard-table/responsible-departments.js';
