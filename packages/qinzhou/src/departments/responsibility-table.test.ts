import { RubricError } from '@sunshine-rubric/core';
import { guangxi2021, guangxiDepartments } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { qinzhouDepartments } from './qinzhou-departments.js';
import {
  qinzhouResponsibilityTable,
  responsibilityFor,
  responsibilityTableOf,
} from './responsibility-table.js';

const standards = guangxi2021.aspects.flatMap((aspect) =>
  aspect.requirements.flatMap((requirement) => requirement.standards),
);

describe('qinzhouDepartments', () => {
  it('are the 13 leading-group units of section 三, in the order of section 四, with Guangxi ids', () => {
    expect(qinzhouDepartments.map((department) => department.title.zh)).toEqual([
      '市住房城乡建设局',
      '市发展改革委',
      '市教育局',
      '市公安局',
      '市民政局',
      '市财政局',
      '市人力资源社会保障局',
      '市自然资源局',
      '市商务局',
      '市文化广电体育旅游局',
      '市卫生健康委',
      '市退役军人局',
      '市供销社',
    ]);
    expect(qinzhouDepartments.map((department) => department.dutiesClause)).toEqual(
      ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'].map(
        (number) => `四（${number}）`,
      ),
    );
    const guangxiIds = new Set(guangxiDepartments.map((department) => department.id));
    for (const department of qinzhouDepartments) expect(guangxiIds.has(department.id)).toBe(true);
  });
});

describe('qinzhouResponsibilityTable', () => {
  it('has the 13 units, then the estate operator and the street/community', () => {
    expect(Object.keys(qinzhouResponsibilityTable)).toEqual([
      ...qinzhouDepartments.map((department) => department.id),
      'estate-operator',
      'street-community',
    ]);
  });

  it('covers every one of the 65 standards of guangxi2021', () => {
    const covered = new Set(Object.values(qinzhouResponsibilityTable).flat());
    expect(standards).toHaveLength(65);
    expect(standards.filter((standard) => !covered.has(standard.id))).toEqual([]);
  });

  it('gives each unit exactly the standards whose responsible lists it, and each unit has some', () => {
    for (const [departmentId, standardIds] of Object.entries(qinzhouResponsibilityTable)) {
      const expected = standards
        .filter((standard) => standard.responsible?.includes(departmentId))
        .map((standard) => standard.id);
      expect(standardIds).toEqual(expected);
      expect(standardIds.length).toBeGreaterThan(0);
    }
  });

  it('puts a shared standard under both departments', () => {
    expect(responsibilityFor('commerce')).toEqual(['S44', 'S45', 'S46', 'S43']);
    expect(responsibilityFor('supply-marketing-coop')).toEqual(['S46', 'S43']);
    expect(responsibilityFor('veterans-affairs')).toEqual(['S16']);
  });

  it('responsibilityFor rejects an unknown department with the ids it knows', () => {
    expect(() => responsibilityFor('justice')).toThrow(RubricError);
    expect(() => responsibilityFor('toString')).toThrow(/no department "toString".*housing/);
  });

  it('responsibilityTableOf lists an ordered department with no standard as empty', () => {
    const table = responsibilityTableOf(guangxi2021, ['justice', 'health']);
    expect(Object.keys(table).slice(0, 2)).toEqual(['justice', 'health']);
    expect(table.justice).toEqual([]);
  });
});
