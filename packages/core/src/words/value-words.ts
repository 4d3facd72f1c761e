import type { FactDefinition, FactValue } from '../rule-set/types.js';
import { deepFreeze } from '../util/deep-freeze.js';
import type { Wording } from './outcome-names.js';

const unitNames: Readonly<Record<string, Wording>> = deepFreeze({
  households: { zh: '户', en: 'households' },
  buildings: { zh: '栋', en: 'buildings' },
  persons: { zh: '人', en: 'persons' },
  people: { zh: '人', en: 'people' },
  m: { zh: '米', en: 'm' },
  km: { zh: '千米', en: 'km' },
  m2: { zh: '平方米', en: 'm²' },
  'm2/household': { zh: '平方米/户', en: 'm²/household' },
  h: { zh: '小时', en: 'h' },
  hours: { zh: '小时', en: 'hours' },
  days: { zh: '天', en: 'days' },
  events: { zh: '次', en: 'events' },
  drills: { zh: '次', en: 'drills' },
  times: { zh: '次', en: 'times' },
  types: { zh: '类', en: 'types' },
  books: { zh: '册', en: 'books' },
  CNY: { zh: '元', en: 'CNY' },
});

/**
 * A fact's unit as a reader expects it (`m` → 米 / m), or as written when it is not a common one; empty for
 * no unit and for `share` (shares are written as percentages instead).
 *
 * @example
 * ```ts
 * unitInWords('households'); // { zh: '户', en: 'households' }
 * unitInWords('furlongs'); // { zh: 'furlongs', en: 'furlongs' }
 * ```
 */
export function unitInWords(unit: string | undefined): Wording {
  if (unit === undefined || unit === 'share') return { zh: '', en: '' };
  return Object.hasOwn(unitNames, unit) ? unitNames[unit]! : { zh: unit, en: unit };
}

/**
 * A fact value as a person reads it: yes/no for booleans, a share (a fact whose unit is `share`) as a
 * percentage, a number with its unit, a list joined; `null` (the assessment lacks the fact) as not answered.
 *
 * @example
 * ```ts
 * factValueInWords(0.85, { type: 'number', title: { zh: '覆盖率' }, unit: 'share' }); // { zh: '85%', en: '85%' }
 * factValueInWords(230, { type: 'integer', title: { zh: '户数' }, unit: 'households' }); // { zh: '230户', en: '230 households' }
 * factValueInWords(true); // { zh: '是', en: 'yes' }
 * ```
 */
export function factValueInWords(
  value: FactValue | readonly FactValue[] | null,
  fact?: Pick<FactDefinition, 'unit'>,
): Wording {
  if (value === null) return { zh: '未填写', en: 'not answered' };
  if (Array.isArray(value)) {
    const items = value.map((item: FactValue) => factValueInWords(item, fact));
    return { zh: items.map((item) => item.zh).join('、'), en: items.map((item) => item.en).join(', ') };
  }
  if (typeof value === 'boolean') return value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
  if (typeof value === 'number') {
    if (fact?.unit === 'share') {
      const percent = `${Number((value * 100).toFixed(2))}%`;
      return { zh: percent, en: percent };
    }
    const unit = unitInWords(fact?.unit);
    return {
      zh: `${value}${unit.zh}`,
      en: unit.en === '' ? String(value) : `${value} ${unit.en}`,
    };
  }
  const text = String(value);
  return { zh: text, en: text };
}
