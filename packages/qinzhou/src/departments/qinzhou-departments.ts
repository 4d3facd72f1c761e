import type { Text } from '@sunshine-rubric/core';
import { deepFreeze } from '@sunshine-rubric/core/internal';

/**
 * A member unit of Qinzhou's leading group (领导小组) with the Guangxi department id that the regional rule
 * set uses in `responsible`.
 *
 * @example
 * ```ts
 * const department: QinzhouDepartment = {
 *   id: 'education',
 *   title: { zh: '市教育局', en: 'Qinzhou Education Bureau' },
 *   leadingGroupPost: { zh: '副局长', en: 'deputy director' },
 *   dutiesClause: '四（三）',
 * };
 * ```
 */
export interface QinzhouDepartment {
  /** The Guangxi department id (see `guangxiDepartments` in `@sunshine-rubric/guangxi`). */
  readonly id: string;
  /** The city unit's name as the plan writes it. */
  readonly title: Text;
  /**
   * The post of the unit's member of the leading group (section 三). The plan names the people; only their
   * posts are kept here, since people change posts.
   */
  readonly leadingGroupPost: Text;
  /** The clause of section 四 (工作职责) that sets out the unit's duties. */
  readonly dutiesClause: string;
  /** What else the plan gives the unit to do, beyond its duties clause. */
  readonly alsoDoes?: Text;
}

const department = (
  id: string,
  zh: string,
  en: string,
  post: Text,
  dutiesClause: string,
  alsoDoes?: Text,
): QinzhouDepartment => ({
  id,
  title: { zh, en },
  leadingGroupPost: post,
  dutiesClause,
  ...(alsoDoes === undefined ? {} : { alsoDoes }),
});

/**
 * The 13 city units that are members of Qinzhou's leading group (section 三 of the 2021 plan) and have
 * duties in section 四, in the order of section 四, each with its Guangxi department id. The leading group
 * is chaired by a vice-mayor (组长) with a deputy secretary-general of the city government and the housing
 * bureau's director and Party secretary as deputies (副组长); its office sits in the housing bureau.
 *
 * Other bodies the plan names (justice, ecology and environment, science and technology; trade unions, the
 * Youth League, women's federation, disabled persons' federation) supervise or take part “按照各自职责”
 * without duties of their own, so they are not listed.
 *
 * @example
 * ```ts
 * qinzhouDepartments.map((unit) => unit.id).includes('supply-marketing-coop'); // true
 * qinzhouDepartments.find((unit) => unit.id === 'health')?.title.zh; // '市卫生健康委'
 * ```
 */
export const qinzhouDepartments: readonly QinzhouDepartment[] = deepFreeze([
  department(
    'housing',
    '市住房城乡建设局',
    'Qinzhou Housing and Urban-Rural Development Bureau',
    {
      zh: '党组成员（兼领导小组办公室主任）',
      en: 'Party group member (and head of the leading group’s office)',
    },
    '四（一）',
    {
      zh: '局长、党组书记任副组长；领导小组办公室设在该局；牵头每季度召开联席工作会议（六（一））。成员名单写作“市住房城乡局”。',
      en: 'Its director and Party secretary are deputy leaders; the leading group’s office sits in the bureau; it convenes the quarterly joint meeting (六（一）). The member list writes it “市住房城乡局”.',
    },
  ),
  department(
    'development-reform',
    '市发展改革委',
    'Qinzhou Development and Reform Commission',
    { zh: '党组成员、副主任', en: 'Party group member, deputy director' },
    '四（二）',
  ),
  department(
    'education',
    '市教育局',
    'Qinzhou Education Bureau',
    { zh: '副局长', en: 'deputy director' },
    '四（三）',
  ),
  department(
    'public-security',
    '市公安局',
    'Qinzhou Public Security Bureau',
    { zh: '党委副书记', en: 'deputy Party secretary' },
    '四（四）',
  ),
  department(
    'civil-affairs',
    '市民政局',
    'Qinzhou Civil Affairs Bureau',
    { zh: '四级调研员', en: 'fourth-grade researcher' },
    '四（五）',
  ),
  department(
    'finance',
    '市财政局',
    'Qinzhou Finance Bureau',
    { zh: '副局长', en: 'deputy director' },
    '四（六）',
  ),
  department(
    'human-resources-social-security',
    '市人力资源社会保障局',
    'Qinzhou Human Resources and Social Security Bureau',
    { zh: '党组成员、副局长', en: 'Party group member, deputy director' },
    '四（七）',
  ),
  department(
    'natural-resources',
    '市自然资源局',
    'Qinzhou Natural Resources Bureau',
    { zh: '总规划师', en: 'chief planner' },
    '四（八）',
  ),
  department(
    'commerce',
    '市商务局',
    'Qinzhou Commerce Bureau',
    { zh: '党组成员、副局长', en: 'Party group member, deputy director' },
    '四（九）',
  ),
  department(
    'culture-sport',
    '市文化广电体育旅游局',
    'Qinzhou Culture, Radio, Television, Sport and Tourism Bureau',
    { zh: '副局长', en: 'deputy director' },
    '四（十）',
  ),
  department(
    'health',
    '市卫生健康委',
    'Qinzhou Health Commission',
    { zh: '党组成员、副主任', en: 'Party group member, deputy director' },
    '四（十一）',
  ),
  department(
    'veterans-affairs',
    '市退役军人局',
    'Qinzhou Veterans Affairs Bureau',
    { zh: '党组成员、副局长', en: 'Party group member, deputy director' },
    '四（十二）',
  ),
  department(
    'supply-marketing-coop',
    '市供销社',
    'Qinzhou Supply and Marketing Cooperative',
    { zh: '理事会副主任', en: 'deputy chair of the board' },
    '四（十三）',
  ),
]);
