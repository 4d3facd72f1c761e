import { defineConfig } from 'tsup';
import { publishedBuild } from '../../tsup.shared.js';

export default defineConfig({
  ...publishedBuild,
  entry: { index: 'src/index.ts', 'json-rules-engine': 'src/json-rules-engine/index.ts' },
  platform: 'neutral',
});
