import { describe, expect, it } from 'vitest';
import { departmentIdOf, readResponsible, splitResponsible } from './responsible-departments.js';

describe('responsible departments', () => {
  it.each([
    ['住房城乡建设部门', 'housing'],
    ['housing', 'housing'],
    ['市住房和城乡建设局', 'housing'],
    ['自治区住房城乡建设厅', 'housing'],
    ['市发展改革委', 'development-reform'],
    ['县公安局', 'public-security'],
    ['市人力资源和社会保障局', 'human-resources-social-security'],
    ['市文化广电体育和旅游局', 'culture-sport'],
    ['市卫生健康委员会', 'health'],
    ['市退役军人事务局', 'veterans-affairs'],
    ['市供销合作社联合社', 'supply-marketing-coop'],
    ['小区物业服务企业', 'estate-operator'],
    ['街道办事处', 'street-community'],
  ])('maps %s to %s', (name, id) => {
    expect(departmentIdOf(name)).toBe(id);
  });

  it('maps no name that matches none, or more than one, department', () => {
    expect(departmentIdOf('市城市管理综合执法局')).toBeUndefined();
    expect(departmentIdOf('市教育局和市公安局联合工作组')).toBeUndefined();
  });

  it('splits a cell on the separators tables use, and keeps unknown names as written', () => {
    expect(splitResponsible('市住建局、市公安局；市城管局\n街道， 社区居委会')).toEqual([
      '市住建局',
      '市公安局',
      '市城管局',
      '街道',
      '社区居委会',
    ]);
    expect(readResponsible('市财政局、市城管局')).toEqual([
      { name: '市财政局', id: 'finance', mapped: true },
      { name: '市城管局', id: '市城管局', mapped: false },
    ]);
  });
});
