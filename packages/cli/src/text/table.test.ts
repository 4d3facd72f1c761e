import { describe, expect, test } from 'vitest';
import { displayWidth, formatTable } from './table.js';

describe('text tables', () => {
  test('Chinese characters and full-width punctuation take two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('政府职责')).toBe(8);
    expect(displayWidth('（虚构）')).toBe(8);
    expect(displayWidth('示例·A')).toBe(6);
  });

  test('columns line up by display width, coloured cells measured without their colour', () => {
    const table = formatTable([
      ['方面', 'rate'],
      ['政府职责', '72%'],
      [{ text: 'ok', shown: '\u001b[32mok\u001b[39m' }, '100%'],
    ]);
    expect(table.split('\n')).toEqual([
      '方面      rate',
      '政府职责  72%',
      '\u001b[32mok\u001b[39m        100%',
    ]);
  });
});
