import { defineConfig } from 'tsup';
import { publishedBuild } from '../../tsup.shared.js';

export default defineConfig({
  ...publishedBuild,
  entry: { index: 'src/index.ts' },
  platform: 'neutral',
  external: ['@sunshine-rubric/core', 'highs'],
});
