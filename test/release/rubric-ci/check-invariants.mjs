// A rule-set author's CI script, run in the consumer project against the installed packages: the city's
// rubric uses its plugin's custom operators, and the invariant suite runs with that plugin. Prints one JSON
// line for the release test to read.
import { readFileSync } from 'node:fs';
import { compileRuleSet, definePlugin, defineRuleSet, RubricError } from '@sunshine-rubric/core';
import { checkRuleSetInvariants } from '@sunshine-rubric/testing';

/** Rounds a number fact to a whole number before comparing. */
const atLeastRounded = {
  name: 'atLeastRounded',
  factTypes: ['number'],
  valueKind: 'scalar',
  evaluate: (factValue, value) => Math.round(Number(factValue)) >= Number(value),
};
/** Compares a date fact's year with an integer. */
const builtAfterYear = {
  name: 'builtAfterYear',
  factTypes: ['date'],
  valueKind: 'scalar',
  valueType: 'integer',
  evaluate: (factValue, value) => Number(String(factValue).slice(0, 4)) > Number(value),
};
const roundingPlugin = definePlugin({
  name: 'rounding-city',
  apiVersion: 1,
  operators: [atLeastRounded, builtAfterYear],
});

const document = JSON.parse(readFileSync(process.argv[2], 'utf8'));

// Without its plugin the rule set is refused when it is defined, at the leaf that names the operator.
let refused;
try {
  defineRuleSet(document);
} catch (error) {
  refused = RubricError.isInstance(error)
    ? { code: error.code, paths: error.issues.map((issue) => issue.path.join('.')) }
    : String(error);
}

const ruleSet = defineRuleSet(document, { operators: roundingPlugin.operators });
const report = await checkRuleSetInvariants(ruleSet, { plugins: [roundingPlugin], numRuns: 30 });

// The suite reads the custom operator's leaves: an evaluator that ignores the rounding is caught.
const unrounded = compileRuleSet(ruleSet, {
  operators: [
    { ...atLeastRounded, evaluate: (fact, value) => Number(fact) >= Number(value) },
    builtAfterYear,
  ],
});
const broken = await checkRuleSetInvariants(ruleSet, {
  plugins: [roundingPlugin],
  invariants: ['explanations-agree'],
  evaluate: (_ruleSet, assessment) => unrounded.evaluate(assessment),
  numRuns: 200,
});

console.log(
  JSON.stringify({
    refused,
    ok: report.ok,
    runs: report.runs,
    invariants: report.invariants.map((invariant) => [invariant.name, invariant.ok]),
    violations: report.violations.map((violation) => `${violation.invariant}: ${violation.message}`),
    caught: broken.violations.map((violation) => violation.message),
  }),
);
