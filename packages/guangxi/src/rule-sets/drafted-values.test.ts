import type { Condition, FactValue, Standard } from '@sunshine-rubric/core';
import { isFactReference, leavesOf } from '@sunshine-rubric/core/internal';
import { groundsSummary } from '@sunshine-rubric/core/words';
import { describe, expect, it } from 'vitest';
import plan from '../data/qinzhou-plan-2021-clauses.json' with { type: 'json' };
import { guangxi2021 } from './guangxi-2021.js';

const clauses: Readonly<Record<string, string>> = plan.clauses;
const standards = guangxi2021.aspects.flatMap((aspect) =>
  aspect.requirements.flatMap((requirement) => requirement.standards),
);

/** Whether the plan's words state `value`: a number as written (`200`), a share as a percentage (`85%`). */
function quoteStates(quote: string, value: FactValue): boolean {
  if (typeof value === 'string') return quote.includes(value);
  if (typeof value !== 'number') return false;
  const written = [String(value)];
  if (value > 0 && value < 1) written.push(`${Math.round(value * 10_000) / 100}%`);
  return written.some((text) => new RegExp(`(?<![0-9.])${text.replace('.', '\\.')}(?![0-9])`).test(quote));
}

/** Numbers and choices that a standard compares with: every non-boolean literal of its conditions. */
function comparedValues(standard: Standard): { fact: string; value: FactValue | readonly FactValue[] }[] {
  const conditions: Condition[] = [
    standard.condition,
    ...(standard.applicableWhen ? [standard.applicableWhen] : []),
  ];
  return conditions
    .flatMap((condition) => leavesOf(condition))
    .flatMap(({ fact, value }) =>
      typeof value === 'boolean' || isFactReference(value) ? [] : [{ fact, value }],
    );
}

describe('guangxi2021: every value a standard compares with is quoted from the plan or marked drafted', () => {
  it('quotes each cited clause verbatim, from the clauses of the plan shipped as data', () => {
    const misquoted = standards.flatMap((standard) =>
      (standard.grounds ?? [])
        .filter((ground) => ground.kind === 'plan-clause')
        .filter((ground) => !ground.quote || !(clauses[ground.clause] ?? '').includes(ground.quote))
        .map((ground) => `${standard.id} ${ground.clause}`),
    );
    expect(misquoted).toEqual([]);
  });

  it.each(standards.map((standard) => [standard.id, standard] as const))(
    '%s: each number or choice is in a quoted clause or marked drafted',
    (_id, standard) => {
      const quotes = (standard.grounds ?? []).flatMap((ground) =>
        ground.kind === 'plan-clause' && ground.quote ? [ground.quote] : [],
      );
      const unaccounted = comparedValues(standard).filter(({ fact, value }) => {
        const drafted = (standard.drafted ?? []).some(
          (mark) => mark.fact === fact && JSON.stringify(mark.value) === JSON.stringify(value),
        );
        const values = Array.isArray(value) ? value : [value as FactValue];
        return !drafted && !values.every((item) => quotes.some((quote) => quoteStates(quote, item)));
      });
      expect(unaccounted).toEqual([]);
    },
  );

  it('states its counts in its provenance notes: 46 plan clauses, 3 public reports only, 16 drafting only; 30 drafted values, 24 numbers', () => {
    expect(groundsSummary(guangxi2021)).toEqual({
      standards: { planClause: 46, publicSource: 3, projectDrafting: 16, untyped: 0 },
      encouragedOnly: ['S42', 'S52'],
      drafted: { values: 30, numbers: 24 },
    });
    expect(guangxi2021.provenance.notes).toContain('46 项引用方案条款');
    expect(guangxi2021.provenance.notes).toContain('3 项只依据 2023 年公开报道，16 项只是项目起草');
    expect(guangxi2021.provenance.notes).toContain('共 30 处，其中 24 个数字');
  });
});
