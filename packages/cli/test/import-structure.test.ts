import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { folderImports, importCycles, importGraph } from '../../../test/workspace/import-graph.js';

const source = fileURLToPath(new URL('../src', import.meta.url));

/**
 * The folders of `src`, lowest first: a folder imports only from folders of earlier rows, so the command is
 * built one way, from words and the run's world up to the composition root.
 */
const layers: readonly (readonly string[])[] = [
  ['words', 'io'], // wording and language; the run's world: streams, context, errors, terminal safety
  ['input'], // reading assessments, rule sets, plans, costs
  ['output', 'text'], // writing --out files; text for people
  ['report', 'batch'], // HTML reports; streaming NDJSON
  ['check', 'plan'], // a rule set's CI; the portfolio planner's input
  ['commands'], // each subcommand
  ['program'], // argument parsing and the composition root (`run`, the built-in plugins)
  ['.'], // the package's barrel and the binary
];
const layerOf = new Map(layers.flatMap((row, index) => row.map((folder) => [folder, index] as const)));

describe('the cli package’s imports', () => {
  const graph = importGraph(source);

  test('form no cycle, type-only imports included', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  test('run one way between folders, from the words up to the composition root', () => {
    const folders = new Set([...graph.keys()].map((file) => (file.includes('/') ? file.split('/')[0] : '.')));
    expect([...folders].filter((folder) => !layerOf.has(folder as string))).toEqual([]);
    const upward = [...folderImports(graph)].filter((edge) => {
      const [from, to] = edge.split(' → ') as [string, string];
      return (layerOf.get(to) ?? 0) >= (layerOf.get(from) ?? 0);
    });
    expect(upward).toEqual([]);
  });
});
