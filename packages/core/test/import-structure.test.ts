import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { folderImports, importCycles, importGraph } from '../../../test/workspace/import-graph.js';

const source = fileURLToPath(new URL('../src', import.meta.url));

/**
 * The folders of `src`, lowest first: a folder imports only from folders of earlier rows, so the core is
 * built one way, from plain helpers and the rule-set format up through the evaluator to the entry points.
 */
const layers: readonly (readonly string[])[] = [
  ['util', 'numbers'], // plain helpers; exact arithmetic (fractions, shares, thresholds)
  ['errors'], // RubricError, its codes and the table of issue kinds
  ['reading'], // reading untrusted documents and options: snapshots, size limits, zod parsing
  ['provenance'], // a policy document's citation
  ['rule-set'], // the rule-set format: schema, types, operators, conditions, defineRuleSet's checks
  ['evidence'], // the rules of evidence (佐证材料), self-contained (the standalone module embeds them)
  ['assessment', 'result'], // reading an assessment's facts; the evaluation result's types and schema
  ['words'], // results in words for people
  ['evaluate'], // compiling, aggregating, the reasons and the lazy result
  ['stored-result'], // checking that a stored result is the rule set's own
  // what builds on an evaluation or a rule set: what-if, diff, variants, target plans, remediation, the
  // linter, fixtures, the json-rules-engine backend, the standalone generator
  [
    'what-if',
    'diff',
    'variants',
    'timeline',
    'remediation',
    'lint',
    'fixtures',
    'json-rules-engine',
    'standalone',
  ],
  ['workflow'], // the application workflow (a review's what-if, a plan's deadlines)
  ['plugins'], // plugins and the registry (a plugin carries rule sets, plans and workflow rules)
  ['schemas', 'internal', '.'], // the JSON Schema files and the entry points
];

/** Imports between folders that go against `order`: from a folder to one of its own row or a later one. */
function upwardImports(graph: ReadonlyMap<string, readonly string[]>, order: typeof layers): string[] {
  const layerOf = new Map(order.flatMap((row, index) => row.map((folder) => [folder, index] as const)));
  return [...folderImports(graph)].filter((edge) => {
    const [from, to] = edge.split(' → ') as [string, string];
    return (layerOf.get(to) ?? 0) >= (layerOf.get(from) ?? 0);
  });
}

describe('the core package’s imports', () => {
  const graph = importGraph(source);

  test('form no cycle, type-only imports included', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  test('run one way between folders, from the helpers up to the entry points', () => {
    const folders = new Set([...graph.keys()].map((file) => (file.includes('/') ? file.split('/')[0] : '.')));
    expect([...folders].filter((folder) => !layers.flat().includes(folder as string))).toEqual([]);
    expect(upwardImports(graph, layers)).toEqual([]);
  });

  test('a back-arrow is caught: the rule set importing the evaluator, or a folder importing its row', () => {
    const withBackArrow = new Map(graph);
    withBackArrow.set('rule-set/check-semantics.ts', [
      ...(graph.get('rule-set/check-semantics.ts') ?? []),
      'evaluate/layout.ts',
    ]);
    withBackArrow.set('diff/diff-rule-sets.ts', [
      ...(graph.get('diff/diff-rule-sets.ts') ?? []),
      'what-if/what-if.ts',
    ]);
    expect(upwardImports(withBackArrow, layers).sort()).toEqual(['diff → what-if', 'rule-set → evaluate']);
  });
});
