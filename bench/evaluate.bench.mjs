// Evaluation benchmark: the compiled evaluator against json-rules-engine and json-logic-engine on the
// Guangxi 2021 rule set and on a generated rubric of the same shape. Run with `pnpm bench` (builds the
// packages first). See bench/README.md.
//
// Environment: BENCH_ROUNDS (default 5), BENCH_ROUND_MS (default 1000, per contender per round),
// BENCH_VARIANTS (default 400), BENCH_EVALUATIONS (default 1,000,000: the in-process run after the rounds).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { LogicEngine } from 'json-logic-engine';
import { compileRuleSet } from '../packages/core/dist/index.js';
import {
  createJsonRulesEngineEvaluator,
  toJsonRulesEngineRules,
} from '../packages/core/dist/json-rules-engine/index.js';
import { generatedRubric } from './generated-rubric.mjs';
import { formatNs, formatRatio, measureAsync, measureSync, median, sinkValue } from './harness.mjs';
import { buildInputs, loadRuleSetJson, loadSamples } from './inputs.mjs';
import { expectedVerdicts, ruleSetToJsonLogic } from './json-logic.mjs';

// json-rules-engine is a dependency of packages/core, not of the workspace root: resolve it from there.
const requireFromCore = createRequire(new URL('../packages/core/package.json', import.meta.url));
const { Engine } = requireFromCore('json-rules-engine');
const jsonRulesEngineVersion = requireFromCore('json-rules-engine/package.json').version;
const jsonLogicEngineVersion = packageVersion(createRequire(import.meta.url), 'json-logic-engine');

/** The version of an installed package whose `exports` may hide its package.json. */
function packageVersion(require, name) {
  let directory = dirname(require.resolve(name));
  while (!existsSync(join(directory, 'package.json')) || readPackage(directory).name !== name) {
    directory = dirname(directory);
  }
  return readPackage(directory).version;
}
function readPackage(directory) {
  return JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const roundMs = Number(process.env.BENCH_ROUND_MS ?? 1000);
const variantCount = Number(process.env.BENCH_VARIANTS ?? 400);
const compileRuns = 50;
const inProcessEvaluations = Number(process.env.BENCH_EVALUATIONS ?? 1_000_000);
const targets = { compileMs: 5, explainRatio: 200, verdictRatio: 250 };

// ---------------------------------------------------------------------------------------------- inputs
async function benchRubric(ruleSetDocument, sampleAssessments) {
  const ruleSetJsonText = JSON.stringify(ruleSetDocument);
  const ruleSetJson = JSON.parse(ruleSetJsonText);
  const standardCount = ruleSetJson.aspects.reduce(
    (sum, aspect) =>
      sum + aspect.requirements.reduce((inner, requirement) => inner + requirement.standards.length, 0),
    0,
  );
  const { samples, assessments } = buildInputs(ruleSetJson, sampleAssessments, { variantCount });

  // --------------------------------------------------------------------------------------------- compile
  // Each compile gets a freshly parsed document (parsing is outside the timing), as a user loading the
  // rule set from JSON would; compileRuleSet validates it with defineRuleSet and compiles every condition.
  function timeCompile() {
    const document = JSON.parse(ruleSetJsonText);
    const start = performance.now();
    const evaluator = compileRuleSet(document);
    const elapsed = performance.now() - start;
    return { evaluator, elapsed };
  }
  const coldCompileMs = timeCompile().elapsed;
  for (let warm = 0; warm < 5; warm++) timeCompile();
  const compileTimes = [];
  let evaluator;
  for (let run = 0; run < compileRuns; run++) {
    const compiled = timeCompile();
    compileTimes.push(compiled.elapsed);
    evaluator = compiled.evaluator;
  }
  const compileMedianMs = median(compileTimes);

  // ------------------------------------------------------------------------------------------ contenders
  const ruleSet = evaluator.ruleSet;
  const engine = new Engine(toJsonRulesEngineRules(ruleSet), { allowUndefinedFacts: true });
  const reference = createJsonRulesEngineEvaluator(ruleSet);
  const logicEngine = new LogicEngine();
  const decideWithJsonLogic = logicEngine.build(ruleSetToJsonLogic(ruleSet));

  // ------------------------------------------------------------------------------ equivalence, then time
  // Every contender must decide the same thing on every input before any of them is timed.
  const patterns = new Set();
  let eligibleCount = 0;
  let inScopeCount = 0;
  for (const assessment of assessments) {
    const explained = evaluator.evaluate(assessment);
    const verdict = evaluator.evaluate(assessment, { explain: false });
    const outcomes = explained.standards.map((standard) => standard.outcome);
    patterns.add(outcomes.join(','));
    if (explained.eligible) eligibleCount++;
    if (explained.inScope) inScopeCount++;
    const { standards: _explainedStandards, ...explainedRest } = explained;
    const { standards: _verdictStandards, ...verdictRest } = verdict;
    if (
      !isDeepStrictEqual(
        outcomes,
        verdict.standards.map((standard) => standard.outcome),
      )
    )
      fail(assessment, 'verdict-only outcomes differ from the explained ones');
    if (!isDeepStrictEqual(explainedRest, verdictRest)) fail(assessment, 'verdict-only result differs');
    if (!isDeepStrictEqual(await reference.evaluate(assessment), explained))
      fail(assessment, 'the reference backend (json-rules-engine) result differs');
    const { events } = await engine.run(assessment.facts);
    const metByEngine = events
      .filter((event) => event.type === 'standard-met')
      .map((event) => event.params.standardId);
    const met = explained.standards
      .filter((standard) => standard.outcome === 'met')
      .map((standard) => standard.id);
    if (!isDeepStrictEqual(metByEngine.sort(), met.sort()))
      fail(assessment, 'json-rules-engine met other standards');
    if (ruleSet.scope && events.some((event) => event.type === 'in-scope') !== explained.inScope)
      fail(assessment, 'json-rules-engine decided scope differently');
    if (!isDeepStrictEqual(decideWithJsonLogic(assessment.facts), expectedVerdicts(explained)))
      fail(assessment, 'json-logic-engine verdicts differ');
  }

  function fail(assessment, message) {
    console.error(`equivalence check failed on ${assessment.id}: ${message}`);
    process.exit(1);
  }

  const contenders = [
    {
      key: 'json-rules-engine',
      name: `json-rules-engine ${jsonRulesEngineVersion} (engine.run)`,
      async: true,
      minIterations: 2000,
      run: async (assessment) => (await engine.run(assessment.facts)).events.length,
    },
    {
      key: 'reference-backend',
      name: 'reference backend (JRE + result)',
      async: true,
      minIterations: 2000,
      run: async (assessment) => (await reference.evaluate(assessment)).compliance.met,
    },
    {
      key: 'json-logic-engine',
      name: `json-logic-engine ${jsonLogicEngineVersion} build()`,
      async: false,
      minIterations: 100_000,
      run: (assessment) => (decideWithJsonLogic(assessment.facts)[1] ? 1 : 0),
    },
    {
      key: 'compiled-explain',
      name: 'compiled, with explanations',
      async: false,
      minIterations: 100_000,
      target: { ratio: targets.explainRatio },
      run: (assessment) => evaluator.evaluate(assessment).compliance.met,
    },
    {
      key: 'compiled-verdict',
      name: 'compiled, verdict only',
      async: false,
      minIterations: 100_000,
      target: { ratio: targets.verdictRatio },
      run: (assessment) => evaluator.evaluate(assessment, { explain: false }).compliance.met,
    },
    {
      // Reads every part of the result, so that every explanation tree and reason is built: the cost a caller
      // pays who reads them all, beside the two lines above that read the verdict.
      key: 'compiled-explain-read-all',
      name: 'compiled, explanations, all read',
      async: false,
      minIterations: 100_000,
      run: (assessment) => {
        const result = evaluator.evaluate(assessment);
        const last = result.standards[result.standards.length - 1];
        return (
          result.requirements.length +
          result.aspects.length +
          result.reasons.length +
          (last.explanation ? 1 : 0)
        );
      },
    },
  ];

  async function measure(contender, minMs, minIterations) {
    globalThis.gc?.();
    const options = { minMs, minIterations };
    return contender.async
      ? measureAsync(contender.run, assessments, options)
      : measureSync(contender.run, assessments, options);
  }

  for (const contender of contenders) {
    await measure(contender, Math.min(300, roundMs), contender.async ? 500 : 20_000);
    contender.rounds = [];
  }
  // Rounds interleave the contenders, in a rotated order each round, so that a noisy stretch of the shared
  // machine spreads over all of them; each contender's figure is its median round.
  for (let round = 0; round < rounds; round++) {
    for (let offset = 0; offset < contenders.length; offset++) {
      const contender = contenders[(round + offset) % contenders.length];
      const { nsPerCall, iterations } = await measure(contender, roundMs, contender.minIterations);
      contender.rounds.push({ nsPerCall, iterations });
    }
  }

  // ------------------------------------------------------------------------------------------- report
  const byKey = Object.fromEntries(contenders.map((contender) => [contender.key, contender]));
  for (const contender of contenders)
    contender.medianNs = median(contender.rounds.map((round) => round.nsPerCall));
  const baselineNs = byKey['json-rules-engine'].medianNs;
  const compilePass = compileMedianMs < targets.compileMs;

  const date = new Date().toISOString();
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const lines = [
    `sunshine-rubric bench — ${ruleSet.id}@${ruleSet.version} (${standardCount} standards, ${Object.keys(ruleSet.facts).length} facts), Node ${process.version}, ${date}`,
    `machine: ${os.cpus().length} × ${cpu}, ${os.platform()} ${os.arch()}; ${rounds} rounds × ${roundMs} ms per contender, median round`,
    `inputs: ${assessments.length} assessments (${samples.length} samples + ${assessments.length - samples.length} seeded variants), ` +
      `${patterns.size} distinct outcome patterns, ${inScopeCount} in scope, ${eligibleCount} eligible; all contenders agree on all`,
    `compile: median ${compileMedianMs.toFixed(2)} ms over ${compileRuns} (first, cold: ${coldCompileMs.toFixed(1)} ms)  ` +
      `(target < ${targets.compileMs} ms) ${compilePass ? 'PASS' : 'SHORT'}`,
    '',
    `${'contender'.padEnd(40)}${'per assessment'.padEnd(17)}${'rounds min–max'.padEnd(22)}vs json-rules-engine`,
  ];
  for (const contender of contenders) {
    const ratio = baselineNs / contender.medianNs;
    const perRound = contender.rounds.map((round) => round.nsPerCall);
    const range = `${formatNs(Math.min(...perRound))} – ${formatNs(Math.max(...perRound))}`;
    let verdict = '';
    if (contender.target) {
      const fasterThan = contender.target.fasterThan ? byKey[contender.target.fasterThan] : undefined;
      contender.pass =
        ratio >= contender.target.ratio && (!fasterThan || contender.medianNs < fasterThan.medianNs);
      verdict = `  (target ≥ ${contender.target.ratio}×${fasterThan ? `, and faster than ${fasterThan.key}` : ''}) ${contender.pass ? 'PASS' : 'SHORT'}`;
    }
    lines.push(
      `${contender.name.padEnd(40)}${formatNs(contender.medianNs).padEnd(17)}${range.padEnd(22)}${formatRatio(ratio)}${verdict}`,
    );
  }
  const inProcess = evaluateInProcess(evaluator, assessments);
  for (const run of inProcess)
    lines.push(
      `${inProcessEvaluations.toLocaleString('en-US')} in-process evaluations, ${run.mode.padEnd(17)} ` +
        `${(run.ms / 1000).toFixed(2)} s (${formatNs((run.ms * 1e6) / inProcessEvaluations)} each, ` +
        `${Math.round((inProcessEvaluations / run.ms) * 1000).toLocaleString('en-US')}/s), peak RSS ${run.peakRssMb} MB`,
    );
  console.log(`${lines.join('\n')}\n`);

  return {
    date,
    node: process.version,
    machine: { cpus: os.cpus().length, cpu, platform: os.platform(), arch: os.arch() },
    ruleSet: {
      id: ruleSet.id,
      version: ruleSet.version,
      standards: standardCount,
      facts: Object.keys(ruleSet.facts).length,
    },
    inputs: {
      assessments: assessments.length,
      samples: samples.map((sample) => ({ name: sample.name, factsFilledFromAnotherSample: sample.filled })),
      variants: assessments.length - samples.length,
      distinctOutcomePatterns: patterns.size,
      inScope: inScopeCount,
      eligible: eligibleCount,
    },
    config: { rounds, roundMs, compileRuns },
    compile: {
      medianMs: compileMedianMs,
      coldMs: coldCompileMs,
      minMs: Math.min(...compileTimes),
      maxMs: Math.max(...compileTimes),
      targetMs: targets.compileMs,
      pass: compilePass,
    },
    contenders: contenders.map((contender) => ({
      key: contender.key,
      name: contender.name,
      medianNsPerAssessment: contender.medianNs,
      assessmentsPerSecond: 1e9 / contender.medianNs,
      vsJsonRulesEngine: baselineNs / contender.medianNs,
      rounds: contender.rounds,
      ...(contender.target ? { target: contender.target, pass: contender.pass } : {}),
    })),
    inProcess: { evaluations: inProcessEvaluations, runs: inProcess },
    sink: sinkValue(),
  };
}

/**
 * One long run per mode, as a service scoring a large backlog in one process would: every result read
 * for its verdict and dropped. The resident set is sampled every 10,000 evaluations.
 */
function evaluateInProcess(evaluator, assessments) {
  const runs = [];
  for (const [mode, options] of [
    ['with explanations', undefined],
    ['verdict only', { explain: false }],
  ]) {
    globalThis.gc?.();
    let met = 0;
    let peakRss = process.memoryUsage.rss();
    const start = performance.now();
    for (let index = 0; index < inProcessEvaluations; index++) {
      met += evaluator.evaluate(assessments[index % assessments.length], options).compliance.met;
      if (index % 10_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }
    const ms = performance.now() - start;
    runs.push({ mode, ms, peakRssMb: Math.round(peakRss / 2 ** 20), met });
  }
  return runs;
}
const guangxi = await benchRubric(loadRuleSetJson(), loadSamples());
const generated = generatedRubric();
const second = await benchRubric(generated.ruleSet, generated.samples);
const results = { rubrics: [guangxi, second] };
const resultsDirectory = new URL('./results/', import.meta.url);
mkdirSync(resultsDirectory, { recursive: true });
writeFileSync(new URL('latest.json', resultsDirectory), `${JSON.stringify(results, null, 2)}\n`);
