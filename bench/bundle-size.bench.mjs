// The minified browser bundle of an app that only scores estates (compileRuleSet / evaluate and the
// guangxi-2021 rule set), against the release target, with what it is made of. After `pnpm build`:
//   node bench/bundle-size.bench.mjs
import { fileURLToPath } from 'node:url';
import { BUNDLE_TARGET_BYTES, bundleBrowserConsumer } from './bundle-size.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const table = (rows, count) =>
  rows
    .slice(0, count)
    .map(({ name, bytes }) => `  ${kib(bytes).padStart(10)}  ${name}`)
    .join('\n');

const bundle = await bundleBrowserConsumer(root);
const verdict = bundle.bytes <= BUNDLE_TARGET_BYTES ? 'PASS' : 'SHORT';
console.log(
  `browser bundle (esbuild, minified, platform browser): ${kib(bundle.bytes)} (${bundle.bytes} bytes)  (target ≤ ${kib(BUNDLE_TARGET_BYTES)}) ${verdict}`,
);
console.log(
  `Node modules it imports: ${bundle.nodeImports.length === 0 ? 'none' : bundle.nodeImports.join(', ')}`,
);
console.log(`\nby package:\n${table(bundle.byPackage, 8)}`);
console.log(`\nby folder (top 8):\n${table(bundle.byFolder, 8)}`);
console.log(
  `\nby input (top 12):\n${table(
    bundle.byInput.map(({ input, bytes }) => ({ name: input, bytes })),
    12,
  )}`,
);
