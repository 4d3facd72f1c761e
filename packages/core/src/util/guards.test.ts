import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { AssessmentSchema } from '../assessment/schema.js';
import { isAssessmentTimestamp, isIsoDate } from './guards.js';

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

describe('isAssessmentTimestamp', () => {
  const schemaAccepts = (value: string) => AssessmentSchema.shape.assessedAt.safeParse(value).success;

  it('accepts dates and date-times with seconds and an offset, nothing else', () => {
    const accepted = [
      '2021-06-15',
      '2021-06-15T09:30:00Z',
      '2021-06-15T23:59:59.999+08:00',
      '2024-02-29T00:00:00-05:30',
    ];
    const rejected = [
      '2021-06-15T09:30Z',
      '2021-06-15T09:30:00',
      '2021-06-15T24:00:00Z',
      '2021-06-15T23:59:60Z',
      '2021-06-15T10:00:00+24:00',
      '2021-06-15T10:00:00+0800',
      '2023-02-29T10:00:00Z',
      '2021-06-15 10:00:00Z',
    ];
    expect(accepted.filter((value) => !isAssessmentTimestamp(value))).toEqual([]);
    expect(rejected.filter(isAssessmentTimestamp)).toEqual([]);
    expect(
      [...accepted, ...rejected].filter((value) => isAssessmentTimestamp(value) !== schemaAccepts(value)),
    ).toEqual([]);
  });

  test.prop([
    fc.stringMatching(
      /^\d{4}-[01]\d-[0-3]\d(T[0-2]\d:[0-6]\d(:[0-6]\d(\.\d{1,3})?)?(Z|[+-][0-2]\d:[0-6]\d)?)?$/,
    ),
  ])('agrees with AssessmentSchema on date and date-time shapes', (value) => {
    expect(isAssessmentTimestamp(value)).toBe(schemaAccepts(value));
  });
});
