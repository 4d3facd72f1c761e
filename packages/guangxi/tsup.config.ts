import { defineConfig } from 'tsup';
import { publishedBuild } from '../../tsup.shared.js';

// One module per export, so that a bundler keeps only what an app imports: `guangxi2021` alone does not
// bring the plugin, the samples or the departments (each a module of its own, dropped when unused).
export default defineConfig({
  ...publishedBuild,
  entry: {
    index: 'src/index.ts',
    'rule-sets/guangxi-2021': 'src/rule-sets/guangxi-2021.ts',
    'plugin/guangxi-plugin': 'src/plugin/guangxi-plugin.ts',
    'samples/samples': 'src/samples/samples.ts',
    'departments/departments': 'src/departments/departments.ts',
  },
  dts: { entry: { index: 'src/index.ts' } },
  platform: 'neutral',
  external: ['@sunshine-rubric/core'],
});
