import { createServer } from 'node:http';
import { createQinzhouRegistry, qinzhouRuleSetReference } from '@sunshine-rubric/qinzhou';
import { createRubricService } from './service.js';

// The registry holds the Guangxi 2021 rule set (through the Qinzhou plugin); a deployment picks its plugins.
const service = createRubricService({
  registry: createQinzhouRegistry(),
  defaultRuleSet: qinzhouRuleSetReference,
});

const port = Number(process.env.PORT ?? 3000);
createServer(service).listen(port, () => {
  console.log(`sunshine-rubric service on http://localhost:${port}`);
  console.log(`  curl -s localhost:${port}/rule-sets`);
  console.log(`  curl -s -H 'content-type: application/json' -d @self-check.json localhost:${port}/evaluate`);
});
