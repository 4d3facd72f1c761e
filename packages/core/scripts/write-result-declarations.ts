// Writes src/standalone/result-declarations.ts from core's result types; with --check, writes nothing and
// fails when the file is stale (CI runs it so; a test checks the same).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  deriveDeclarations,
  resultDeclarationsFile,
  resultDeclarationsModule,
  resultTypes,
} from './derive-result-declarations.js';

const expected = resultDeclarationsModule(deriveDeclarations(resultTypes));
const file = fileURLToPath(resultDeclarationsFile);
if (process.argv.includes('--check')) {
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== expected) {
    console.error(`${file} is stale: run \`pnpm standalone:declarations\` and commit it`);
    process.exitCode = 1;
  } else console.log(`${file} is up to date`);
} else {
  writeFileSync(file, expected);
  console.log(`wrote ${file}`);
}
