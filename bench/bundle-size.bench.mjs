// The minified browser bundle of an app that only scores estates (compileRuleSet / evaluate), against the
// release target, with what it is made of: first with the rule set fetched as JSON at run time (the
// library's code alone, what the target measures), then with guangxi-2021 bundled. After `pnpm build`:
//   node bench/bundle-size.bench.mjs
import { fileURLToPath } from 'node:url';
import {
  BUNDLE_TARGET_BYTES,
  bundleBrowserConsumer,
  fetchedRuleSetConsumer,
  scoringConsumer,
} from './bundle-size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const table = (rows, count) =>
  rows
    .slice(0, count)
    .map(({ name, bytes }) => `  ${kib(bytes).padStart(10)}  ${name}`)
    .join('\n');

const fetched = await bundleBrowserConsumer(root, fetchedRuleSetConsumer);
const verdict = fetched.bytes <= BUNDLE_TARGET_BYTES ? 'PASS' : 'SHORT';
console.log(
  `rule set fetched as JSON (the library's code alone): ${kib(fetched.bytes)} (${fetched.bytes} bytes)  (target ≤ ${kib(BUNDLE_TARGET_BYTES)}) ${verdict}`,
);
console.log(`\nby package:\n${table(fetched.byPackage, 8)}`);

const bundled = await bundleBrowserConsumer(root, scoringConsumer);
console.log(`\nguangxi-2021 bundled: ${kib(bundled.bytes)} (${bundled.bytes} bytes)`);
for (const bundle of [fetched, bundled]) {
  if (bundle.nodeImports.length > 0) console.log(`Node modules it imports: ${bundle.nodeImports.join(', ')}`);
}
console.log(`\nby package:\n${table(bundled.byPackage, 8)}`);
console.log(`\nby folder (top 8):\n${table(bundled.byFolder, 8)}`);
console.log(
  `\nby input (top 12):\n${table(
    bundled.byInput.map(({ input, bytes }) => ({ name: input, bytes })),
    12,
  )}`,
);
if (verdict === 'SHORT') process.exitCode = 1;
