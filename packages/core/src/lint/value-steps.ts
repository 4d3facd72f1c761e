import { isIsoDate } from '../util/guards.js';

const buffer = new DataView(new ArrayBuffer(8));

/** The next floating-point number above `value` (finite `value`). */
export function nextUp(value: number): number {
  if (value === 0) return Number.MIN_VALUE;
  buffer.setFloat64(0, value);
  const bits = buffer.getBigInt64(0);
  buffer.setBigInt64(0, value > 0 ? bits + 1n : bits - 1n);
  return buffer.getFloat64(0);
}

/** The next floating-point number below `value` (finite `value`). */
export function nextDown(value: number): number {
  return -nextUp(-value);
}

/** The date `days` after an ISO date (before, when negative), or undefined outside years 0000–9999. */
export function addDays(date: string, days: number): string | undefined {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const moment = new Date(0);
  moment.setUTCFullYear(year, month - 1, day + days);
  const next = [
    String(moment.getUTCFullYear()).padStart(4, '0'),
    String(moment.getUTCMonth() + 1).padStart(2, '0'),
    String(moment.getUTCDate()).padStart(2, '0'),
  ].join('-');
  return isIsoDate(next) ? next : undefined;
}
