// Run: npx tsx --conditions=@sunshine-rubric/source examples/custom-city-plugin/src/main.ts
import { checkTimeline, diffRuleSets, planTimeline } from '@sunshine-rubric/core';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { compareVerdicts, formatComparison } from './compare-verdicts.js';
import { exampleCityPlan } from './example-city-plan.js';
import { createExampleCityRegistry } from './example-city-plugin.js';
import { allEstates } from './example-estates.js';

const registry = createExampleCityRegistry();
console.log('Registered rule sets:');
for (const entry of registry.list()) {
  const base = entry.extends === undefined ? '' : `, extends ${entry.extends}`;
  console.log(`- ${entry.id}@${entry.version} (${entry.plugin}, ${entry.provenance.status}${base})`);
}

const cityRuleSet = registry.resolve('example-city-2025');
const diff = diffRuleSets(guangxi2021, cityRuleSet);
const threshold = diff.ruleSet.find((change) => change.field === 'scoring.threshold');
console.log(`\nWhat ${cityRuleSet.id} changes in ${guangxi2021.id}:`);
console.log(`- threshold: ${String(threshold?.before)} → ${String(threshold?.after)}`);
console.log(
  `- standards added: ${diff.standards.added.join(', ')}; removed: ${diff.standards.removed.join(', ')}`,
);
console.log(`- facts added: ${diff.facts.added.join(', ')}`);

const rows = await compareVerdicts(registry, 'guangxi-2021', 'example-city-2025', allEstates);
console.log(`\n${formatComparison(rows)}`);

const { years } = planTimeline(exampleCityPlan);
console.log(
  `\nExample City plan: ${years.map((year) => `${year.year}: ${year.cumulativeTarget} (+${year.quota})`).join(', ')}; checkTimeline ok: ${checkTimeline(exampleCityPlan).ok}`,
);
