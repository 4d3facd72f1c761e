import { describe, expect, it } from 'vitest';
import { checkOptions } from '../reading/check-options.js';
import { explainOf } from './evaluate-compiled.js';

function decided(read: () => boolean) {
  try {
    return { explain: read() };
  } catch (error) {
    const { code, issues } = error as { code: string; issues: unknown };
    return { code, issues };
  }
}

describe('the explain option', () => {
  const throwing = {
    get explain(): boolean {
      throw new Error('boom');
    },
  };
  const deepThrowing = {
    explain: false,
    extra: {
      get value(): number {
        throw new Error('boom');
      },
    },
  };
  it.each([
    ['absent', undefined],
    ['false', { explain: false }],
    ['true', { explain: true }],
    ['empty', {}],
    ['not a boolean', { explain: 0 }],
    ['with another option', { explain: false, other: 1 }],
    ['with a getter that throws', throwing],
    ['with a getter that throws deeper down', deepThrowing],
    ['without a prototype', Object.assign(Object.create(null), { explain: false })],
    ['null', null],
    ['a number', 3],
    ['a list', []],
  ])('is read %s as checkOptions reads it', (_name, options) => {
    expect(decided(() => explainOf(options as never))).toEqual(
      decided(
        () => options === undefined || checkOptions(options as { explain?: boolean }).explain !== false,
      ),
    );
  });
});
