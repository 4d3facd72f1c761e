// Huge and hostile inputs: how long core takes to accept or refuse them. The fuzz tests
// (packages/core/test/fuzz) check what these calls answer; the times are measured here, where a loaded
// shared machine cannot fail a test. Run with `pnpm bench:huge` (builds core first). See bench/README.md.
import { readFileSync } from 'node:fs';
import {
  checkTimeline,
  compileRuleSet,
  defineRuleSet,
  planTimeline,
  timelineCalendar,
  trackProgress,
} from '../packages/core/dist/index.js';
import { median } from './harness.mjs';

const guangxiDocument = JSON.parse(
  readFileSync(new URL('../packages/guangxi/src/data/guangxi-2021.json', import.meta.url), 'utf8'),
);

/** The median of `runs` calls, in milliseconds; a call that throws counts (refusing is the answer). */
function time(run, runs = 3) {
  const times = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    try {
      run();
    } catch {}
    times.push(performance.now() - start);
  }
  return median(times);
}

const report = (name, milliseconds) =>
  console.log(`${name.padEnd(72)} ${milliseconds.toFixed(0).padStart(6)} ms`);
const tenMegabytes = 'x'.repeat(10 << 20);

report(
  'defineRuleSet, a 10 MB title (accepted)',
  time(() => defineRuleSet({ ...guangxiDocument, title: { zh: tenMegabytes } })),
);
const manyFacts = structuredClone(guangxiDocument);
for (let index = 0; index < 100_000; index++)
  manyFacts.facts[`fact${index}`] = { type: 'boolean', title: { zh: 'x' } };
report(
  'defineRuleSet, a 100,000-fact catalog (refused)',
  time(() => defineRuleSet(manyFacts)),
);
report(
  'defineRuleSet, a 10 MB id and version (refused)',
  time(() => defineRuleSet({ ...guangxiDocument, id: tenMegabytes, version: `1.0.0-${tenMegabytes}!` })),
);

const evaluator = compileRuleSet(defineRuleSet(guangxiDocument));
const assessment = { id: 'a', community: { name: 'n' }, facts: { occupied: true } };
report(
  'evaluate, a 10 MB id, community name and district',
  time(() =>
    evaluator.evaluate({
      ...assessment,
      id: tenMegabytes,
      community: { name: tenMegabytes, district: tenMegabytes },
    }),
  ),
);

const milestones = Array.from({ length: 20_000 }, (_, index) => ({ year: 2021 + (index % 4), count: index }));
const cohort = Array.from({ length: 100_000 }, (_, index) => ({ name: `estate ${index % 50_000}` }));
const plan = { total: 100_000, milestones, cohorts: { 2021: cohort } };
report(
  'checkTimeline, 20,000 milestones and 100,000 cohort estates',
  time(() => checkTimeline(plan)),
);
report(
  'planTimeline, the same plan',
  time(() => planTimeline(plan)),
);
report(
  'trackProgress, the same plan',
  time(() => trackProgress(plan, { 2022: 5 })),
);
report(
  'timelineCalendar, the same plan',
  time(() => timelineCalendar({ ...plan, applicationDeadline: '09-30' })),
);

// BUG-13: checkTimeline was O(milestones × quota years); with the step functions, 9,000 quota years cost
// about what the plan without them costs.
const spread = Array.from({ length: 30_000 }, (_, index) => ({ year: 1000 + (index % 9000), share: 0.5 }));
const quotas = Object.fromEntries(Array.from({ length: 9000 }, (_, index) => [String(1000 + index), 1]));
const without = time(() => checkTimeline({ total: 9000, milestones: spread }));
const withQuotas = time(() => checkTimeline({ total: 9000, milestones: spread, quotas }));
report('checkTimeline, 30,000 milestones over 9,000 years', without);
report('checkTimeline, the same with 9,000 quota years', withQuotas);
console.log(`with quotas ÷ without: ${(withQuotas / without).toFixed(2)}×`);
