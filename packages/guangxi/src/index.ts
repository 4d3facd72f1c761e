/**
 * `@sunshine-rubric/guangxi`: the Guangxi 阳光社区·美丽家园 regional template — the 2021 rule set
 * (official structure, provisional wording) and the plugin that contributes it, its departments, and sample
 * self-checks.
 *
 * @module @sunshine-rubric/guangxi
 * @packageDocumentation
 */

export type { Department } from './departments/departments.js';
export { departmentById, guangxiDepartments } from './departments/departments.js';
export { guangxiPlugin } from './plugin/guangxi-plugin.js';
export { guangxi2021 } from './rule-sets/guangxi-2021.js';
export { guangxiSamples } from './samples/samples.js';
