import { exactShare, formatPercent } from '../numbers/fraction.js';

/**
 * A share as a percentage for people to read, to at most one decimal: the one way the library shows a
 * percentage (reasons, timeline findings, the CLI's tables and reports). It rounds the share as it is
 * written (0.0095 is 0.95%, shown as `1%`), half up, never its binary approximation, so that every output
 * shows the same share the same way.
 *
 * @example
 * ```ts
 * percentInWords(0.85); // '85%'
 * percentInWords(11 / 26); // '42.3%'
 * percentInWords(0.8125); // '81.3%'
 * ```
 */
export function percentInWords(share: number): string {
  // A rate is a finite number; anything else is shown as it is rather than thrown on in a report.
  if (!Number.isFinite(share)) return `${share}%`;
  return formatPercent(exactShare(share));
}
