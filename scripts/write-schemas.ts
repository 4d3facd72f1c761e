// Writes packages/core/schemas/*.json from the zod schemas. A test fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchemas } from '../packages/core/src/schemas/json-schemas.js';

const folder = new URL('../packages/core/schemas/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`${name}.json`, folder), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote packages/core/schemas/${name}.json`);
}
