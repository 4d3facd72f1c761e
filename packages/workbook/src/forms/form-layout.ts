import { RubricError, type Text } from '@sunshine-rubric/core';
import { communityFields } from '../cells/community-fields.js';

/**
 * A value the application form (申报表) can show in a row: an estate detail (`community.<key>`, the keys of
 * the self-check workbook's 小区信息 sheet), the assessment, the self-check's verdict, or the application's
 * state on its route.
 *
 * @example
 * ```ts
 * const field: ApplicationFormField = 'community.address';
 * ```
 */
export type ApplicationFormField =
  | `community.${string}`
  | 'assessment.id'
  | 'assessment.assessedAt'
  | 'ruleSet'
  | 'selfCheck.verdict'
  | 'selfCheck.compliance'
  | 'selfCheck.score'
  | 'selfCheck.reasons'
  | 'application.status'
  | 'application.year'
  | 'application.appliedOn'
  | 'application.certifiedOn'
  | 'application.receivedBy';

/**
 * A section of the application form: labelled rows, each showing one field, or one of the form's tables —
 * `requirements` (the self-check requirement by requirement), `evidence` (the evidence list 佐证材料清单: per
 * standard that requires evidence or was given some, the kinds required, each document provided with its
 * name, date and the start of its hash, and what is missing) or `reviews` (each tier's verdict, its
 * decisions, who and when, and its disagreements with their reasons). A city's layout includes the evidence
 * list by having a section with `table: 'evidence'`, and leaves it out by having none.
 *
 * @example
 * ```ts
 * const section: ApplicationFormSection = { title: { zh: '小区基本情况', en: 'The estate' }, rows: [{ label: { zh: '小区名称', en: 'Estate name' }, field: 'community.name' }] };
 * ```
 */
export interface ApplicationFormSection {
  readonly title: Text;
  readonly rows?: readonly { readonly label: Text; readonly field: ApplicationFormField }[];
  readonly table?: ApplicationFormTable;
}

/**
 * The tables the application form can hold (see {@link ApplicationFormSection}).
 *
 * @example
 * ```ts
 * const table: ApplicationFormTable = 'evidence';
 * ```
 */
export type ApplicationFormTable = 'requirements' | 'evidence' | 'reviews';

const formTables: readonly ApplicationFormTable[] = ['requirements', 'evidence', 'reviews'];

/**
 * The layout of the application form: its title and sections. `provisional: true` with a `notice` marks a
 * drafted layout (the official one is not available); every output of the layout carries the notice.
 *
 * @example
 * ```ts
 * const layout: ApplicationFormLayout = { ...defaultApplicationFormLayout, title: { zh: '钦州市申报表' } };
 * ```
 */
export interface ApplicationFormLayout {
  readonly title: Text;
  readonly provisional: boolean;
  readonly notice?: Text;
  readonly sections: readonly ApplicationFormSection[];
}

/**
 * A column of the city's summary table (申报情况明细表): what it shows for each applicant of the year.
 *
 * @example
 * ```ts
 * const field: SummaryTableField = 'review.region';
 * ```
 */
export type SummaryTableField =
  | `community.${string}`
  | 'application.id'
  | 'selfCheck.verdict'
  | 'selfCheck.share'
  | 'application.status'
  | 'application.receivedBy'
  | 'review.city'
  | 'review.region'
  | 'late'
  | 'returned';

/**
 * The layout of the summary table: its title and columns, marked provisional like
 * {@link ApplicationFormLayout}.
 *
 * @example
 * ```ts
 * const layout: SummaryTableLayout = { ...defaultSummaryTableLayout, columns: defaultSummaryTableLayout.columns.slice(0, 4) };
 * ```
 */
export interface SummaryTableLayout {
  readonly title: Text;
  readonly provisional: boolean;
  readonly notice?: Text;
  readonly columns: readonly {
    readonly label: Text;
    readonly field: SummaryTableField;
    readonly width?: number;
  }[];
}

const draftedNotice: Text = {
  zh: '注意：本表式为草拟格式，官方表式未能取得；城市可提供自己的表式。',
  en: 'Note: a drafted layout; the official form is not available, and a city can supply its own.',
};

const community = (key: string): `community.${string}` => `community.${key}`;

/**
 * The drafted application form (申报表): the estate's details, the self-check's summary and its requirements,
 * the evidence list (佐证材料清单), and the reviewers' blocks. Provisional: the official layout is not available.
 *
 * @example
 * ```ts
 * defaultApplicationFormLayout.provisional; // true
 * ```
 */
export const defaultApplicationFormLayout: ApplicationFormLayout = Object.freeze<ApplicationFormLayout>({
  title: { zh: '“阳光社区·美丽家园”创建申报表', en: 'Application form: Sunshine Community, Beautiful Home' },
  provisional: true,
  notice: draftedNotice,
  sections: [
    {
      title: { zh: '一、小区基本情况', en: '1. The estate' },
      rows: communityFields.map((field) => ({
        label: { zh: field.label, en: field.en },
        field: community(field.key),
      })),
    },
    {
      title: { zh: '二、自查情况', en: '2. The self-check' },
      rows: [
        { label: { zh: '评估编号', en: 'Assessment' }, field: 'assessment.id' },
        { label: { zh: '评估日期', en: 'Assessed on' }, field: 'assessment.assessedAt' },
        { label: { zh: '规则集', en: 'Rule set' }, field: 'ruleSet' },
        { label: { zh: '自查结论', en: 'Verdict' }, field: 'selfCheck.verdict' },
        { label: { zh: '达标情况', en: 'Compliance' }, field: 'selfCheck.compliance' },
        { label: { zh: '不符合原因', en: 'Reasons' }, field: 'selfCheck.reasons' },
      ],
    },
    { title: { zh: '三、各项要求自查结果', en: '3. Requirement by requirement' }, table: 'requirements' },
    {
      title: { zh: '四、申报进度', en: '4. The application' },
      rows: [
        { label: { zh: '申报年度', en: 'Round' }, field: 'application.year' },
        { label: { zh: '申报日期', en: 'Applied on' }, field: 'application.appliedOn' },
        { label: { zh: '受理单位', en: 'Received by' }, field: 'application.receivedBy' },
        { label: { zh: '当前环节', en: 'Status' }, field: 'application.status' },
        { label: { zh: '认定日期', en: 'Certified on' }, field: 'application.certifiedOn' },
      ],
    },
    { title: { zh: '五、佐证材料清单', en: '5. Evidence' }, table: 'evidence' },
    { title: { zh: '六、审核意见', en: '6. The reviewers' }, table: 'reviews' },
  ],
});

/**
 * The drafted summary table (申报情况明细表) of a year's applicants. Provisional: the official layout is not
 * available.
 *
 * @example
 * ```ts
 * defaultSummaryTableLayout.columns.map((column) => column.field);
 * ```
 */
export const defaultSummaryTableLayout: SummaryTableLayout = Object.freeze<SummaryTableLayout>({
  title: { zh: '“阳光社区·美丽家园”申报情况明细表', en: 'Applicants of the year' },
  provisional: true,
  notice: {
    zh: draftedNotice.zh,
    en: 'Note: a drafted layout; the official table is not available, and a city can supply its own.',
  },
  columns: [
    { label: { zh: '小区名称', en: 'Estate' }, field: 'application.id', width: 22 },
    { label: { zh: '所在县（市、区）', en: 'District' }, field: 'community.district', width: 14 },
    { label: { zh: '受理层级', en: 'Received by' }, field: 'application.receivedBy', width: 12 },
    { label: { zh: '自查结论', en: 'Self-check' }, field: 'selfCheck.verdict', width: 14 },
    { label: { zh: '达标率', en: 'Share met' }, field: 'selfCheck.share', width: 16 },
    { label: { zh: '当前环节', en: 'Status' }, field: 'application.status', width: 16 },
    { label: { zh: '市级初审', en: 'City review' }, field: 'review.city', width: 12 },
    { label: { zh: '自治区复核', en: 'Region re-check' }, field: 'review.region', width: 12 },
    { label: { zh: '逾期', en: 'Late' }, field: 'late', width: 24 },
    { label: { zh: '退回', en: 'Returned' }, field: 'returned', width: 28 },
  ],
});

const formFields = new Set<string>([
  'assessment.id',
  'assessment.assessedAt',
  'ruleSet',
  'selfCheck.verdict',
  'selfCheck.compliance',
  'selfCheck.score',
  'selfCheck.reasons',
  'application.status',
  'application.year',
  'application.appliedOn',
  'application.certifiedOn',
  'application.receivedBy',
  ...communityFields.map((field) => community(field.key)),
]);
const tableFields = new Set<string>([
  'application.id',
  'selfCheck.verdict',
  'selfCheck.share',
  'application.status',
  'application.receivedBy',
  'review.city',
  'review.region',
  'late',
  'returned',
  ...communityFields.map((field) => community(field.key)),
]);

type Issue = { path: (string | number)[]; message: string; kind: 'invalid_value' | 'invalid_type' };

/**
 * A city's application-form layout, checked: every row names a field the form knows, every section has
 * rows or a known table, every text has its Chinese wording. Without a layout, the drafted default.
 *
 * @throws {RubricError} `INVALID_OPTIONS` with the path of each problem, e.g.
 * `layout.sections[0].rows[2].field`.
 * @example
 * ```ts
 * const layout = checkApplicationFormLayout(JSON.parse(await readFile('form-layout.json', 'utf8')));
 * ```
 */
export function checkApplicationFormLayout(
  layout: unknown = defaultApplicationFormLayout,
): ApplicationFormLayout {
  const issues: Issue[] = [];
  const root = ['layout'];
  if (!checkHead(layout, root, issues)) throw new RubricError('INVALID_OPTIONS', issues);
  const sections = (layout as { sections?: unknown }).sections;
  if (!Array.isArray(sections) || sections.length === 0) {
    issues.push({
      path: [...root, 'sections'],
      message: 'sections is a non-empty list',
      kind: 'invalid_type',
    });
  } else {
    sections.forEach((section: unknown, index) => {
      const path = [...root, 'sections', index];
      if (!isObject(section)) {
        issues.push({ path, message: 'a section is an object', kind: 'invalid_type' });
        return;
      }
      checkText(section.title, [...path, 'title'], issues);
      const { rows, table } = section;
      if (table !== undefined && !(formTables as readonly unknown[]).includes(table))
        issues.push({
          path: [...path, 'table'],
          message: `unknown table ${JSON.stringify(table)}: the form has ${formTables.map((name) => `"${name}"`).join(', ')}`,
          kind: 'invalid_value',
        });
      if (rows === undefined && table === undefined)
        issues.push({ path, message: 'a section has rows or a table', kind: 'invalid_type' });
      if (rows !== undefined)
        checkFields(rows, [...path, 'rows'], formFields, 'the application form', issues);
    });
  }
  if (issues.length > 0) throw new RubricError('INVALID_OPTIONS', issues);
  return layout as ApplicationFormLayout;
}

/**
 * A city's summary-table layout, checked like {@link checkApplicationFormLayout}.
 *
 * @throws {RubricError} `INVALID_OPTIONS` with the path of each problem, e.g. `layout.columns[3].field`.
 * @example
 * ```ts
 * const layout = checkSummaryTableLayout({ ...defaultSummaryTableLayout, columns: [{ label: { zh: '小区' }, field: 'application.id' }] });
 * ```
 */
export function checkSummaryTableLayout(layout: unknown = defaultSummaryTableLayout): SummaryTableLayout {
  const issues: Issue[] = [];
  const root = ['layout'];
  if (!checkHead(layout, root, issues)) throw new RubricError('INVALID_OPTIONS', issues);
  checkFields(
    (layout as { columns?: unknown }).columns,
    [...root, 'columns'],
    tableFields,
    'the summary table',
    issues,
  );
  if (issues.length > 0) throw new RubricError('INVALID_OPTIONS', issues);
  return layout as SummaryTableLayout;
}

function checkHead(layout: unknown, root: string[], issues: Issue[]): boolean {
  if (!isObject(layout)) {
    issues.push({ path: root, message: 'a layout is an object', kind: 'invalid_type' });
    return false;
  }
  checkText(layout.title, [...root, 'title'], issues);
  if (typeof layout.provisional !== 'boolean')
    issues.push({
      path: [...root, 'provisional'],
      message: 'provisional is true or false',
      kind: 'invalid_type',
    });
  if (layout.notice !== undefined) checkText(layout.notice, [...root, 'notice'], issues);
  if (layout.provisional === true && layout.notice === undefined)
    issues.push({
      path: [...root, 'notice'],
      message: 'a provisional layout carries a notice saying so',
      kind: 'invalid_type',
    });
  return true;
}

function checkFields(
  rows: unknown,
  path: (string | number)[],
  known: ReadonlySet<string>,
  what: string,
  issues: Issue[],
): void {
  if (!Array.isArray(rows) || rows.length === 0) {
    issues.push({ path, message: `${String(path.at(-1))} is a non-empty list`, kind: 'invalid_type' });
    return;
  }
  rows.forEach((row: unknown, index) => {
    if (!isObject(row)) {
      issues.push({
        path: [...path, index],
        message: 'an object with label and field',
        kind: 'invalid_type',
      });
      return;
    }
    checkText(row.label, [...path, index, 'label'], issues);
    if (typeof row.field !== 'string' || !known.has(row.field))
      issues.push({
        path: [...path, index, 'field'],
        message: `unknown field ${JSON.stringify(row.field)}: ${what} shows ${[...known].join(', ')}`,
        kind: 'invalid_value',
      });
  });
}

function checkText(text: unknown, path: (string | number)[], issues: Issue[]): void {
  const valid =
    isObject(text) &&
    typeof text.zh === 'string' &&
    text.zh.trim() !== '' &&
    (text.en === undefined || typeof text.en === 'string');
  if (!valid)
    issues.push({ path, message: 'a text is { zh, en? } with the Chinese wording', kind: 'invalid_type' });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
