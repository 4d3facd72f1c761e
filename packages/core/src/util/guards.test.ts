import { describe, expect, it } from 'vitest';
import { isIsoDate } from './guards.js';

describe('isIsoDate', () => {
  it('accepts real dates, including leap days and years before 100', () => {
    expect(['2024-02-29', '2021-09-30', '0050-06-01', '0000-01-01'].every(isIsoDate)).toBe(true);
  });

  it('rejects impossible dates and other shapes', () => {
    expect(['2023-02-29', '2021-13-01', '2021-9-30', '2021-09-30T00:00:00Z', 20210930].some(isIsoDate)).toBe(
      false,
    );
  });
});
