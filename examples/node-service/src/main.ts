import { createQinzhouRegistry, qinzhouRuleSetReference } from '@sunshine-rubric/qinzhou';
import { startRubricService } from './server.js';

// The registry holds the Guangxi 2021 rule set (through the Qinzhou plugin); a deployment picks its plugins.
// HOST and PORT come from the environment; every limit keeps its safe default (see the README to change one).
const { url } = await startRubricService({
  registry: createQinzhouRegistry(),
  defaultRuleSet: qinzhouRuleSetReference,
  ...(process.env.HOST ? { host: process.env.HOST } : {}),
  ...(process.env.PORT ? { port: Number(process.env.PORT) } : {}),
});
console.log(`sunshine-rubric service on ${url}`);
console.log(`  curl -s ${url}/rule-sets`);
console.log(`  curl -s -H 'content-type: application/json' -d @self-check.json ${url}/evaluate`);
