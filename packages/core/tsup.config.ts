import { defineConfig } from 'tsup';
import { publishedBuild } from '../../tsup.shared.js';

export default defineConfig({
  ...publishedBuild,
  entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts'],
  bundle: false,
  dts: {
    entry: {
      index: 'src/index.ts',
      'json-rules-engine': 'src/json-rules-engine/index.ts',
      fixtures: 'src/fixtures/index.ts',
      words: 'src/words/index.ts',
      internal: 'src/internal/index.ts',
      lint: 'src/lint/index.ts',
      standalone: 'src/standalone/index.ts',
      workflow: 'src/workflow/index.ts',
    },
  },
  platform: 'neutral',
});
