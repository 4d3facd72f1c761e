import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Assessment } from '../src/assessment/schema.js';
import type { EvaluationResult } from '../src/result/types.js';

/** What a generated standalone module exports. */
export interface StandaloneModule {
  readonly evaluate: (assessment: unknown, options?: { readonly explain?: boolean }) => EvaluationResult;
  readonly ruleSet: { readonly id: string; readonly version: string };
  readonly RubricError: new (...parameters: never[]) => Error;
}

const directory = mkdtempSync(join(tmpdir(), 'standalone-evaluator-'));
let written = 0;

/** Imports generated module source as a user would: written to a file of its own, then imported. */
export async function importStandalone(source: string): Promise<StandaloneModule> {
  const file = join(directory, `evaluator-${written++}.mjs`);
  writeFileSync(file, source);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as StandaloneModule;
}

/** Removes the temporary modules (call from `afterAll`). */
export function removeStandaloneModules(): void {
  rmSync(directory, { recursive: true, force: true });
}

/** A result as plain data: what a user compares, stores or sends. */
export function plain(result: EvaluationResult | Assessment): unknown {
  return JSON.parse(JSON.stringify(result));
}
