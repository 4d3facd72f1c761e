import type { FactDefinition } from '@sunshine-rubric/core';
import { describe, expect, it } from 'vitest';
import { encodeCellText } from './cells.js';
import { expectation, rangeText, readAnswer, valueProblem } from './fact-answers.js';

const share: FactDefinition = { type: 'number', title: { zh: '比例' }, min: 0, max: 1 };
const count: FactDefinition = { type: 'integer', title: { zh: '户数' }, min: 0 };
const choice: FactDefinition = { type: 'enum', title: { zh: '类型' }, values: ['a', 'b'] };
const flag: FactDefinition = { type: 'boolean', title: { zh: '是否' } };
const day: FactDefinition = { type: 'date', title: { zh: '日期' } };
const text: FactDefinition = { type: 'string', title: { zh: '文本' } };

describe('reading an answer cell', () => {
  it('reads what people type', () => {
    expect(readAnswer('是', flag)).toEqual({ value: true });
    expect(readAnswer(' 否 ', flag)).toEqual({ value: false });
    expect(readAnswer('TRUE', flag)).toEqual({ value: true });
    expect(readAnswer(false, flag)).toEqual({ value: false });
    expect(readAnswer('85%', share)).toEqual({ value: 0.85 });
    expect(readAnswer(' 0.5 ', share)).toEqual({ value: 0.5 });
    expect(readAnswer('12,500', count)).toEqual({ value: 12500 });
    expect(readAnswer('2021年9月3日', day)).toEqual({ value: '2021-09-03' });
    expect(readAnswer(new Date(Date.UTC(2021, 8, 30)), day)).toEqual({ value: '2021-09-30' });
    expect(readAnswer(' b', choice)).toEqual({ value: 'b' });
    expect(readAnswer(' 空格 ', text)).toEqual({ value: ' 空格 ' });
    expect(readAnswer(null, share)).toBeUndefined();
  });

  it('says what was expected and what it got', () => {
    expect(readAnswer(1.5, share)).toMatchObject({ problem: 'expected a number between 0 and 1, got 1.5' });
    expect(readAnswer('-1', count)).toMatchObject({
      problem: 'expected a whole number of at least 0, got "-1"',
    });
    expect(readAnswer(2.5, count)).toMatchObject({
      problem: 'expected a whole number of at least 0, got 2.5',
    });
    expect(readAnswer('对', flag)).toMatchObject({ problem: 'expected 是 or 否 (yes or no), got "对"' });
    expect(readAnswer(20210930, day)).toMatchObject({
      problem: 'expected a date (YYYY-MM-DD), got 20210930',
    });
    expect(readAnswer(true, choice)).toMatchObject({ problem: 'expected one of a, b, got true' });
    expect(readAnswer({ error: '#DIV/0!' }, share)).toMatchObject({
      problem: 'expected a number between 0 and 1, got the error #DIV/0!',
    });
    expect(readAnswer('1e400', share)).toMatchObject({ problem: expect.any(String) });
  });

  it('refuses cells of a kind that cannot hold the fact, naming it', () => {
    const subject = 'fact "share"';
    expect(readAnswer({ formula: 'A1*2' }, share, { subject })).toEqual({
      problem:
        'formula (=A1*2) without a saved value for fact "share"; open and save the workbook in a spreadsheet program, or type the value',
      kind: 'formula-without-value',
    });
    expect(readAnswer(new Date(Date.UTC(2021, 8, 30)), count, { subject })).toMatchObject({
      problem:
        'fact "share" expects a whole number of at least 0, got a date cell (2021-09-30); type it as a plain number',
      kind: 'wrong-cell-type',
    });
    expect(readAnswer('0.5', share, { form: 'rich-text' })).toMatchObject({ kind: 'wrong-cell-type' });
    expect(readAnswer('2021-09-30', day, { form: 'hyperlink' })).toMatchObject({ kind: 'wrong-cell-type' });
    expect(readAnswer({ unreadable: 'something odd' }, text)).toMatchObject({ kind: 'wrong-cell-type' });
    expect(readAnswer(new Date(Date.UTC(2021, 8, 30)), flag)).toMatchObject({ kind: 'wrong-cell-type' });
    // A formula's saved result counts as typed; styled text is text where text is the answer.
    expect(readAnswer(0.5, share, { form: 'formula' })).toEqual({ value: 0.5 });
    expect(readAnswer('a', choice, { form: 'rich-text' })).toEqual({ value: 'a' });
    expect(readAnswer('是', flag, { form: 'hyperlink' })).toEqual({ value: true });
  });

  it('checks values from an assessment the same way, and describes ranges in Chinese', () => {
    expect(valueProblem(0.5, share)).toBeUndefined();
    expect(valueProblem('0.5', share)).toBe('expected a number between 0 and 1, got "0.5"');
    expect(valueProblem('2021-02-29', day)).toBe('expected a date (YYYY-MM-DD), got "2021-02-29"');
    expect(expectation({ type: 'integer', title: { zh: 'x' }, max: 5 })).toBe('a whole number of at most 5');
    expect(rangeText(share)).toBe('数值，0 – 1');
    expect(rangeText(count)).toBe('整数，≥ 0');
    expect(rangeText(choice)).toBe('a / b');
  });
});

describe('encodeCellText', () => {
  it('escapes what XML cannot hold and what would read as an escape', () => {
    expect(encodeCellText('plain 中文')).toBe('plain 中文');
    expect(encodeCellText('a\r\nb')).toBe('a_x000D_\nb');
    expect(encodeCellText('x\u0001y')).toBe('x_x0001_y');
    expect(encodeCellText('_x0041_')).toBe('_x005F_x0041_');
    expect(encodeCellText('_x0041\u0001')).toBe('_x005F_x0041_x0001_');
    expect(encodeCellText('\uD800')).toBe('_xD800_');
    expect(encodeCellText('😀')).toBe('😀');
  });
});
