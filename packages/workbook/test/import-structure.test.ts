import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { folderImports, importCycles, importGraph } from '../../../test/workspace/import-graph.js';

const source = fileURLToPath(new URL('../src', import.meta.url));

/**
 * The folders of `src`, lowest first: a folder imports only from folders of earlier rows. The jobs
 * share a row, so none of them imports another: what two jobs share lives in `cells` or `file`.
 */
const layers: readonly (readonly string[])[] = [
  ['cells'], // cell content and answers, headers, styles, sheet names, the workbook's wording
  ['file'], // loading and saving .xlsx bytes, the limits and the zip guard, issues of an import
  ['self-check', 'standard-table', 'result', 'forms'], // the jobs: one module per sheet, writing and reading it
  ['.'], // the package's barrel
];
const layerOf = new Map(layers.flatMap((row, index) => row.map((folder) => [folder, index] as const)));

describe('the workbook package’s imports', () => {
  const graph = importGraph(source);

  test('form no cycle, type-only imports included', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  test('run one way between folders, from the cells up to the jobs, and never from one job to another', () => {
    const folders = new Set([...graph.keys()].map((file) => (file.includes('/') ? file.split('/')[0] : '.')));
    expect([...folders].filter((folder) => !layerOf.has(folder as string))).toEqual([]);
    const sideways = [...folderImports(graph)].filter((edge) => {
      const [from, to] = edge.split(' → ') as [string, string];
      return (layerOf.get(to) ?? 0) >= (layerOf.get(from) ?? 0);
    });
    expect(sideways).toEqual([]);
  });
});
