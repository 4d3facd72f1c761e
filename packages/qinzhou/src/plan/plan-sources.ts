import { deepFreeze, type Text } from '@sunshine-rubric/core';

/**
 * Where one value of {@link qinzhouPlan} comes from: its JSON path in the plan, the clause of the 2021 Qinzhou
 * implementation plan, the plan's own words, and a note where the transcription had to read or decide
 * something.
 *
 * @example
 * ```ts
 * const source: PlanSource = {
 *   path: ['quotas', '2022'],
 *   clause: '五（二）',
 *   quote: '2022年申报9个',
 * };
 * ```
 */
export interface PlanSource {
  /** JSON path of the value in the plan, e.g. `['cohorts', '2021', 8]`. */
  readonly path: readonly (string | number)[];
  /** The clause of the plan, by its own numbering: `一`, `五（二）`, `六（一）`. */
  readonly clause: string;
  /** The plan's words, verbatim (line breaks of the original removed). */
  readonly quote: string;
  readonly note?: Text;
}

const cohortClause = '一';
const cityCohortQuote = '其中市本级创建8个（家兴苑一区、二区、四至七区，安惠一园、二园）';
const cityCohortNote: Text = {
  zh: '“四至七区”按4个小区（四区、五区、六区、七区）录入：方案写明市本级创建8个，一区、二区、四至七区、安惠一园、二园合计8个只在“四至七区”为4个时成立；2021年合计11个（8+1+1+1）也与此一致。方案未列三区。area 取方案的分组“市本级”（由市级管理，方案未写所在城区）。',
  en: '“四至七区” (zones four to seven) is read as four estates (四区, 五区, 六区, 七区): the plan says the city level certifies 8, and 一区 + 二区 + 四至七区 + 安惠一园 + 安惠二园 make 8 only when 四至七区 is four; the 2021 total of 11 (8 + 1 + 1 + 1) agrees. Zone three (三区) is not listed. The area is the plan’s own grouping, 市本级 (managed by the city; the plan does not name the district).',
};
const countyLevelNote: Text = {
  zh: 'level 为 county（县级）：方案通篇以“县（区）”并称，六（二）的经费测算分“市本级”与“县级”两档，区属小区归县级一档。',
  en: 'Level county: the plan speaks of “counties (districts)” together throughout, and its cost estimate in 六（二） has two tiers, city level and county level; a district’s estate falls in the county tier.',
};

const cityCohort = [
  '家兴苑一区',
  '家兴苑二区',
  '家兴苑四区',
  '家兴苑五区',
  '家兴苑六区',
  '家兴苑七区',
  '安惠一园',
  '安惠二园',
];

/**
 * The source of every value in {@link qinzhouPlan}, clause by clause. Together with the package README's table,
 * this is how a reader checks the transcription against the plan. Numbers are transcribed as the plan states
 * them, including where they disagree with each other (the survey breakdown adds up to 24, not 26):
 * `checkTimeline(qinzhouPlan)` reports the disagreement.
 *
 * @example
 * ```ts
 * const source = qinzhouPlanSources.find((entry) => entry.path.join('.') === 'breakdowns.0');
 * source?.clause; // '五（一）'
 * ```
 */
export const qinzhouPlanSources: readonly PlanSource[] = deepFreeze([
  {
    path: ['title'],
    clause: '标题',
    quote: '钦州市保障性住房小区开展“阳光社区·美丽家园”创建活动实施方案',
    note: { zh: 'id qinzhou-2021 为项目所取。', en: 'The id qinzhou-2021 is the project’s.' },
  },
  {
    path: ['startYear'],
    clause: '一',
    quote: '自2021年起，在全市规模以上保障性住房小区全面启动“阳光社区·美丽家园”创建活动。',
  },
  {
    path: ['total'],
    clause: '一',
    quote: '全市已建成入住且有200户以上租赁型的公共租赁住房小区共有26个，26个小区分批参与创建。',
    note: {
      zh: '五（一）再次写明“保障性住房小区26个”。',
      en: 'Restated in 五（一）: “保障性住房小区26个”.',
    },
  },
  {
    path: ['milestones', 0],
    clause: '一',
    quote: '到2021年底，力争11个小区创建成为“阳光社区·美丽家园”小区，达全市需创建的保障性住房小区总数35%以上',
    note: {
      zh: '35%是下限（“以上”）；11个占26个的42.3%。',
      en: '35% is a floor (“以上”, or more); 11 of 26 is 42.3%.',
    },
  },
  {
    path: ['milestones', 1],
    clause: '一',
    quote: '到2022年底，70%创建成为“阳光社区·美丽家园”小区，年度创建9个小区',
  },
  {
    path: ['milestones', 2],
    clause: '一',
    quote: '到2023年底，90%创建成为“阳光社区·美丽家园”小区，年度创建4个小区',
  },
  {
    path: ['milestones', 3],
    clause: '一',
    quote: '到2024年底，100%创建成为“阳光社区·美丽家园”小区，年度创建2个小区',
    note: {
      zh: '2025年目标（基本补齐设施短板）没有数量，不作为目标录入。',
      en: 'The 2025 aim (facility gaps closed) has no count, so it is not a milestone.',
    },
  },
  {
    path: ['quotas', '2021'],
    clause: '五（二）',
    quote: '2021年申报11个小区',
    note: { zh: '一：“力争11个小区”。', en: 'Section 一 agrees: “力争11个小区” (aim for 11).' },
  },
  { path: ['quotas', '2022'], clause: '五（二）', quote: '2022年申报9个' },
  { path: ['quotas', '2023'], clause: '五（二）', quote: '2023年申报4个' },
  { path: ['quotas', '2024'], clause: '五（二）', quote: '2024年申报2个' },
  {
    path: ['rounding'],
    clause: '一',
    quote: '达全市需创建的保障性住房小区总数35%以上',
    note: {
      zh: '比例是下限（“以上”），故向上取整：26个的35%为9.1，至少10个。',
      en: 'The shares are floors (“以上”), so they round up: 35% of 26 is 9.1, so at least 10.',
    },
  },
  {
    path: ['breakdowns', 0],
    clause: '五（一）',
    quote:
      '现全市共有200户以上已建成入住的保障性住房小区26个，其中市辖区12个，灵山县4个，浦北县3个，钦北区1个，自贸区钦州港片区4个。',
    note: {
      zh: '各项合计24个，不是26个；按原文录入，由 checkTimeline 报告。方案未说明“市辖区”与钦北区、自贸区钦州港片区的关系。',
      en: 'The parts add up to 24, not 26; transcribed as stated, and checkTimeline reports it. The plan does not say how “市辖区” (the city’s districts) relates to 钦北区 and the free-trade zone, which are listed apart.',
    },
  },
  ...cityCohort.map((_name, index) => ({
    path: ['cohorts', '2021', index],
    clause: cohortClause,
    quote: cityCohortQuote,
    note: cityCohortNote,
  })),
  {
    path: ['cohorts', '2021', 8],
    clause: cohortClause,
    quote: '钦北区1个（钦北区人民医院公租房）',
    note: countyLevelNote,
  },
  {
    path: ['cohorts', '2021', 9],
    clause: cohortClause,
    quote: '灵山县1个（香山四区）',
    note: countyLevelNote,
  },
  {
    path: ['cohorts', '2021', 10],
    clause: cohortClause,
    quote: '浦北县1个（鲤鱼岭公共租赁租房小区）',
    note: {
      zh: `名称按原文“公共租赁租房小区”录入，疑为“公共租赁住房小区”之误；按名称匹配时两者都要考虑。${countyLevelNote.zh}`,
      en: `The name keeps the plan’s text “公共租赁租房小区”, most likely a slip for “公共租赁住房小区” (public-rental housing estate); match on both when matching by name. ${countyLevelNote.en ?? ''}`,
    },
  },
  {
    path: ['applicationDeadline'],
    clause: '五（二）',
    quote: '每年10月前完成当年申报',
    note: {
      zh: '“10月前”读作9月30日（含）之前。',
      en: '“Before October” is read as on or before 30 September.',
    },
  },
  {
    path: ['allowLateApplications'],
    clause: '五（二）',
    quote: '每年10月前完成当年申报',
    note: {
      zh: '方案未规定逾期申报的途径。',
      en: 'The plan gives no route for late applications.',
    },
  },
  { path: ['meetings'], clause: '六（一）', quote: '由市住房城乡建设局牵头，每季度召开联席工作会议' },
]);
