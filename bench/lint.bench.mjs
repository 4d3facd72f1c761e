// Lint benchmark: lintRuleSet on guangxi-2021 (first call, then the median of 20), and on seeded large rule
// sets. Run with `pnpm bench:lint` (builds packages/core and guangxi first). See bench/README.md.
import { lintRuleSet } from '../packages/core/dist/lint/index.js';
import { guangxi2021 } from '../packages/guangxi/dist/index.js';
import { median } from './harness.mjs';
import { largeRuleSet } from './remediation-inputs.mjs';

const time = (run) => {
  const start = performance.now();
  const result = run();
  return { milliseconds: performance.now() - start, result };
};

const first = time(() => lintRuleSet(guangxi2021));
const runs = Array.from({ length: 20 }, () => time(() => lintRuleSet(guangxi2021)).milliseconds);
console.log(
  `guangxi-2021 (65 standards, 83 facts): first call ${first.milliseconds.toFixed(1)} ms, median of 20 ${median(runs).toFixed(1)} ms; ${first.result.findings.length} finding(s), ${first.result.undecided.length} undecided`,
);
for (const standards of [1_000, 10_000]) {
  const document = largeRuleSet({ standards, scoring: { mode: 'compliance-rate', threshold: 0.85 } });
  const { milliseconds, result } = time(() => lintRuleSet(document));
  console.log(
    `seeded, ${standards.toLocaleString('en')} standards: ${milliseconds.toFixed(0)} ms; ${result.findings.length} finding(s), ${result.undecided.length} undecided`,
  );
}
