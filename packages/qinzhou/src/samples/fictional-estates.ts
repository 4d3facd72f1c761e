import type { Assessment, Text } from '@sunshine-rubric/core';
import { deepFreeze } from '@sunshine-rubric/core/internal';
import document from '../data/fictional-estates.json' with { type: 'json' };

/**
 * One of Qinzhou's 26 estates as the fictional self-checks describe it: a `guangxi-2021` assessment whose
 * `community` also carries the estate's `area` (district or county, or `市本级`), its `level` (`city` or
 * `county`, the two tiers of the plan's cost estimate) and `fictional: true`.
 *
 * @example
 * ```ts
 * const estate: FictionalEstate = qinzhouFictionalEstates[0]!;
 * estate.community.level; // 'city'
 * ```
 */
export type FictionalEstate = Assessment & {
  readonly community: Assessment['community'] & {
    readonly name: string;
    readonly district: string;
    readonly area: string;
    readonly level: 'city' | 'county';
    readonly fictional: true;
  };
};

interface EstateEntry {
  readonly id: string;
  readonly name: string;
  readonly area: string;
  readonly level: string;
  readonly facts: Readonly<Record<string, unknown>>;
}

/**
 * What every output built on {@link qinzhouFictionalEstates} says about them: the self-checks are invented;
 * the 11 names of the 2021 cohort are the plan's, their answers are not; the other 15 estates are invented.
 *
 * @example
 * ```ts
 * console.log(qinzhouFictionalEstatesNotice.en); // 'Fictional data: all 26 self-checks are invented …'
 * ```
 */
export const qinzhouFictionalEstatesNotice: Text = deepFreeze({ ...document.notice });

/**
 * Self-checks of Qinzhou's 26 estates against `guangxi-2021`, **all fictional**: invented by the project for
 * demos and tests, never any estate's real answers. The 11 estates of the plan's named 2021 cohort
 * (家兴苑一区 … 鲤鱼岭公共租赁租房小区) carry their names, areas and levels from the plan with invented answers;
 * the other 15 estates and their names are invented (each name ends in “（虚构）”). Areas follow the plan's
 * 2021 Q1 survey (五（一）), which counts 24, so two invented estates are placed in 钦南区; the plan gives the
 * 自贸区钦州港片区 estates no level, so `county` is drafted for them. A mix: some eligible as they are, some a
 * few fixes away, some far (an uncovered requirement, many gaps), one with unanswered questions.
 *
 * Each assessment's `community` holds `area`, `level` and `fictional: true`. The same data ships as JSON:
 * `@sunshine-rubric/qinzhou/data/fictional-estates.json` (answers common to all, then each estate's own).
 *
 * @example
 * ```ts
 * import { evaluate } from '@sunshine-rubric/core';
 * import { guangxi2021 } from '@sunshine-rubric/guangxi';
 * import { qinzhouFictionalEstates } from '@sunshine-rubric/qinzhou';
 *
 * qinzhouFictionalEstates.length; // 26
 * qinzhouFictionalEstates.filter((estate) => evaluate(guangxi2021, estate).eligible).length; // 9
 * ```
 */
export const qinzhouFictionalEstates: readonly FictionalEstate[] = deepFreeze(
  (document.estates as readonly EstateEntry[]).map(
    (estate): FictionalEstate =>
      ({
        id: estate.id,
        ruleSet: 'guangxi-2021',
        community: {
          name: estate.name,
          district: estate.area,
          area: estate.area,
          level: estate.level,
          fictional: true,
        },
        facts: { ...document.baseFacts, ...estate.facts },
        assessedAt: document.assessedAt,
      }) as FictionalEstate,
  ),
);
