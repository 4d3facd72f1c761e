import { defineRuleSet, diffRuleSets } from '@sunshine-rubric/core';
import { type FlipReport, flipReport, formatFlipReport } from '@sunshine-rubric/core/fixtures';
import { guangxi2021, guangxiSamples } from '@sunshine-rubric/guangxi';
import { describe, expect, it } from 'vitest';
import { flipCases } from './flip-findings.js';
import { jsonLocator } from './json-locator.js';

describe('flipCases', () => {
  it('prints a share as the flip report does: one rounding, no trailing .0', () => {
    const stricter = defineRuleSet({
      ...guangxi2021,
      version: '0.3.0',
      scoring: { ...guangxi2021.scoring, threshold: 0.95 },
    });
    const computed = flipReport(guangxi2021, stricter, [guangxiSamples.eligible]);
    const [flip] = computed.flipped;
    // Shares that toFixed(1) printed as 100.0% and 0.9% (0.0095 is 0.95%, rounded half up to 1%).
    const report: FlipReport = {
      ...computed,
      flipped: [{ ...flip!, before: { ...flip!.before, rate: 1 }, after: { ...flip!.after, rate: 0.0095 } }],
    };
    const [found] = flipCases({
      flips: report,
      diff: diffRuleSets(guangxi2021, stricter),
      fixtures: [{ assessment: guangxiSamples.eligible, name: 'eligible.json' }],
      file: 'rule-set.json',
      locator: jsonLocator('{}'),
      paths: new Map(),
    })[0]!.findings;
    const shares = (text: string) => text.match(/\d+(\.\d+)?% \(\d+\/\d+\)/g);
    const before = `100% (${flip!.before.met}/${flip!.before.applicable})`;
    const after = `1% (${flip!.after.met}/${flip!.after.applicable})`;
    expect(shares(found!.message.en ?? '')).toEqual([before, after]);
    expect(shares(found!.message.zh)).toEqual([before, after]);
    expect(shares(formatFlipReport(report))).toEqual([before, after]);
  });
});
