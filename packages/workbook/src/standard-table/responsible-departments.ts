import { guangxiDepartments } from '@sunshine-rubric/guangxi';

// Words that name each Guangxi department in the many ways tables write it: 住建局, 住房城乡建设厅,
// 市住房和城乡建设局… A name matching words of exactly one department maps to it.
const departmentWords: readonly (readonly [string, readonly string[]])[] = [
  ['housing', ['住房城乡建设', '住房和城乡建设', '住建', '房管', '住房保障']],
  ['development-reform', ['发展改革', '发展和改革', '发改']],
  ['education', ['教育']],
  ['public-security', ['公安', '派出所']],
  ['civil-affairs', ['民政']],
  ['finance', ['财政']],
  ['human-resources-social-security', ['人力资源', '人社']],
  ['natural-resources', ['自然资源']],
  ['commerce', ['商务']],
  ['culture-sport', ['文化', '体育', '文旅', '广电']],
  ['health', ['卫生', '卫健']],
  ['veterans-affairs', ['退役军人']],
  ['supply-marketing-coop', ['供销']],
  ['estate-operator', ['经营管理单位', '运营管理单位', '运营单位', '物业']],
  ['street-community', ['街道', '居委会', '居民委员会', '社区居委']],
];

/**
 * The Guangxi department id a 责任单位 name stands for (`市住房和城乡建设局` → `housing`), or undefined
 * when it names none, or more than one, of them. `importStandardTable` maps 责任单位 with it.
 *
 * @example
 * ```ts
 * departmentIdOf('钦州市公安局'); // 'public-security'
 * departmentIdOf('市城管局'); // undefined: kept as written
 * ```
 */
export function departmentIdOf(name: string): string | undefined {
  const exact = guangxiDepartments.find(
    (department) => department.title.zh === name || department.id === name,
  );
  if (exact) return exact.id;
  const matches = departmentWords.filter(([, words]) => words.some((word) => name.includes(word)));
  return matches.length === 1 ? matches[0]![0] : undefined;
}

/** The names in a 责任单位 cell: `市住建局、市公安局` → two names. */
export function splitResponsible(text: string): string[] {
  return text
    .split(/[、，,；;／/\s\u3000]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** How one 责任单位 name was read: mapped to a Guangxi department id, or kept as written. */
export interface ResponsibleName {
  readonly name: string;
  readonly id: string;
  readonly mapped: boolean;
}

/** Reads a 责任单位 cell into ids: known departments by their Guangxi id, others kept as written. */
export function readResponsible(text: string): ResponsibleName[] {
  return splitResponsible(text).map((name) => {
    const id = departmentIdOf(name);
    return id === undefined
      ? { name, id: name.replace(/\s+/g, ''), mapped: false }
      : { name, id, mapped: true };
  });
}
