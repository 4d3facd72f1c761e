import { describe, expect, test } from 'vitest';
import { deepFreeze } from './deep-freeze.js';

describe('deepFreeze', () => {
  test('freezes every object and array of a tree in place and returns it', () => {
    const tree = { departments: [{ id: 'housing', title: { zh: '住房城乡建设部门' } }], total: 26 };
    expect(deepFreeze(tree)).toBe(tree);
    for (const node of [tree, tree.departments, tree.departments[0], tree.departments[0]?.title]) {
      expect(Object.isFrozen(node)).toBe(true);
    }
    expect(() => {
      (tree.departments as unknown[]).push({});
    }).toThrow(TypeError);
  });

  test('returns scalars as they are, and stops at shared or cyclic nodes', () => {
    expect(deepFreeze(26)).toBe(26);
    expect(deepFreeze(null)).toBe(null);
    const shared: { self?: unknown } = {};
    shared.self = shared;
    expect(Object.isFrozen(deepFreeze({ left: shared, right: shared }).left)).toBe(true);
  });
});
