// Bundles what a browser app that only scores estates ships: core's compileRuleSet / evaluate, with the
// rule set either fetched as JSON at run time or bundled (guangxi-2021), minified for browsers by esbuild.
// The bench and the release test both call this, so the figures in bench/README.md and the guards in the
// test measure the same bundles.
import { build, stop } from 'esbuild';

/** The release target for the library's code in a scoring app's bundle, minified: 60 KiB. */
export const BUNDLE_TARGET_BYTES = 60 * 1024;

/**
 * The app that only scores estates, with guangxi-2021 bundled: the library's code plus the rule set's text
 * (about 94 KiB of it, each Chinese character escaped by esbuild's ASCII output).
 */
export const scoringConsumer = `import { compileRuleSet, evaluate } from '@sunshine-rubric/core';
import { guangxi2021 } from '@sunshine-rubric/guangxi';

const evaluator = compileRuleSet(guangxi2021);
globalThis.scoreEstate = (assessment) => evaluator.evaluate(assessment);
globalThis.scoreOnce = (assessment) => evaluate(guangxi2021, assessment);
`;

/**
 * The same app with its rule set fetched as JSON at run time (as a system that stores rule sets does, e.g.
 * `@sunshine-rubric/guangxi/data/guangxi-2021.json` served beside the page): the bundle is the library's code
 * alone, which is what the release target measures. Bundling guangxi-2021 itself adds its text (see
 * {@link scoringConsumer}), which no code change can shrink.
 */
export const fetchedRuleSetConsumer = `import { compileRuleSet, defineRuleSet, evaluate } from '@sunshine-rubric/core';

globalThis.scorerFor = (document) => {
  const ruleSet = defineRuleSet(document);
  const evaluator = compileRuleSet(ruleSet);
  return { scoreEstate: (assessment) => evaluator.evaluate(assessment), scoreOnce: (assessment) => evaluate(ruleSet, assessment) };
};
`;

/**
 * An app that checks target plans and timelines, where core still parses with zod: it must bring zod's
 * English messages only, not every locale zod has.
 */
export const timelineConsumer = `import { defineTargetPlan, planTimeline } from '@sunshine-rubric/core';

globalThis.planOf = (document) => planTimeline(defineTargetPlan(document));
`;

/**
 * Bundles a consumer (by default {@link scoringConsumer}) with `@sunshine-rubric/*` resolved from
 * `projectDir` (a folder whose node_modules holds the packages: the workspace root after `pnpm build`, or a
 * project that installed the tarballs).
 * Returns the minified size, every input's share of it, and the `node:` or other bare Node modules
 * the bundle would need (esbuild leaves them external on `platform: 'node'`; for browsers they must be none).
 */
export async function bundleBrowserConsumer(projectDir, consumerSource = scoringConsumer) {
  const result = await build({
    stdin: { contents: consumerSource, resolveDir: projectDir, sourcefile: 'consumer.mjs' },
    absWorkingDir: projectDir,
    bundle: true,
    write: false,
    outfile: 'bundle.js',
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    metafile: true,
    logLevel: 'silent',
  }).finally(() => stop()); // esbuild's service process would otherwise keep a test worker alive
  const output = Object.values(result.metafile.outputs)[0];
  const byInput = Object.entries(output.inputs)
    .map(([input, { bytesInOutput }]) => ({ input: readable(input), bytes: bytesInOutput }))
    .sort((left, right) => right.bytes - left.bytes);
  const nodeImports = Object.values(result.metafile.inputs)
    .flatMap((input) => input.imports)
    .filter((imported) => imported.path.startsWith('node:') || imported.external)
    .map((imported) => imported.path);
  return {
    bytes: result.outputFiles[0].contents.byteLength,
    code: result.outputFiles[0].text,
    byInput,
    byPackage: totals(byInput, packageOf),
    byFolder: totals(byInput, (input) =>
      input.includes('/') ? input.slice(0, input.lastIndexOf('/')) : input,
    ),
    nodeImports: [...new Set(nodeImports)],
    warnings: result.warnings.map((warning) => warning.text),
  };
}

/** An input's path without pnpm's store folder: `node_modules/zod/v4/core/schemas.js`. */
function readable(input) {
  return input.replace(/node_modules\/\.pnpm\/[^/]+\/node_modules\//, 'node_modules/');
}

/** The bytes of `inputs` added up by `keyOf(input)`, largest first. */
function totals(inputs, keyOf) {
  const sums = new Map();
  for (const { input, bytes } of inputs) sums.set(keyOf(input), (sums.get(keyOf(input)) ?? 0) + bytes);
  return [...sums].map(([name, bytes]) => ({ name, bytes })).sort((left, right) => right.bytes - left.bytes);
}

/** `zod`, `@sunshine-rubric/core`… for an input under node_modules ; else the path. */
function packageOf(input) {
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (match) return match[1];
  const workspace = /^packages\/([^/]+)\//.exec(input);
  return workspace ? `@sunshine-rubric/${workspace[1]}` : input;
}
