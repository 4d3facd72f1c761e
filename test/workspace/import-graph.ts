// A package's own import graph, read from the source text, for the tests that keep each package's imports
// free of cycles and running one way between its folders (packages/cli, packages/workbook).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * Each source file (relative to `root`) with the files of `root` it imports, type-only imports included.
 * Tests are left out: nothing imports a test, so it closes no cycle, and a test may drive the package from
 * any folder.
 */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    // preProcessFile lists every import and re-export specifier, `import type` and `import()` too.
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => relative(root, resolve(root, dirname(file), specifier)).replace(/\.js$/, '.ts'))
      .filter((target) => target.endsWith('.ts') && !target.startsWith('..'));
    graph.set(file, [...new Set(targets)].sort());
  }
  return graph;
}

/**
 * Every elementary import cycle found by a depth-first search, each as the list of files around it starting
 * at its smallest name, e.g. `['io/run-context.ts', 'input/rule-sets.ts', 'io/run-context.ts']`.
 */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const visit = (file: string, trail: string[]): void => {
    const at = trail.indexOf(file);
    if (at >= 0) {
      const loop = trail.slice(at);
      const first = loop.indexOf([...loop].sort()[0] as string);
      const rotated = [...loop.slice(first), ...loop.slice(0, first)];
      cycles.set(rotated.join(' → '), [...rotated, rotated[0] as string]);
      return;
    }
    if (trail.length > graph.size) return;
    for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
  };
  for (const file of graph.keys()) visit(file, []);
  return [...cycles.values()].sort((left, right) => left.join().localeCompare(right.join()));
}

/** The folders that files of one folder import from, e.g. `commands → input`. */
export function folderImports(graph: ReadonlyMap<string, readonly string[]>): Set<string> {
  const edges = new Set<string>();
  const folderOf = (file: string) => (file.includes('/') ? (file.split('/')[0] as string) : '.');
  for (const [file, targets] of graph)
    for (const target of targets)
      if (folderOf(file) !== folderOf(target)) edges.add(`${folderOf(file)} → ${folderOf(target)}`);
  return edges;
}

function sourceFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => file.split('\\').join('/'))
    .sort();
}
