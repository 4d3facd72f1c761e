// Counts what each entry point of each published package exports: every name, and how many are values
// (what `Object.keys(await import(specifier))` lists at run time) rather than types only. Run with
// `pnpm exports:count`; the figures are how the size of the public surface is compared over time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = new URL('../', import.meta.url).pathname;
const packages = ['core', 'guangxi', 'qinzhou', 'planner', 'testing', 'cli'];

interface EntryPoint {
  specifier: string;
  source: string;
}

function entryPoints(packageName: string): EntryPoint[] {
  const directory = join(root, 'packages', packageName);
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
  return Object.entries(manifest.exports as Record<string, unknown>).flatMap(([subpath, target]) => {
    const source = (target as Record<string, string> | string)?.['@sunshine-rubric/source' as never];
    if (typeof source !== 'string') return [];
    return [{ specifier: join(manifest.name, subpath), source: join(directory, source) }];
  });
}

const all = packages.flatMap(entryPoints);
const program = ts.createProgram(
  all.map((entry) => entry.source),
  {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    customConditions: ['@sunshine-rubric/source'],
    resolveJsonModule: true,
    noEmit: true,
  },
);
const checker = program.getTypeChecker();

const rows = [];
for (const entry of all) {
  const file = program.getSourceFile(entry.source);
  const moduleSymbol = file && checker.getSymbolAtLocation(file);
  if (!moduleSymbol) throw new Error(`cannot read ${entry.source}`);
  const exported = checker.getExportsOfModule(moduleSymbol);
  const values = exported.filter((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return (target.flags & ts.SymbolFlags.Value) !== 0;
  });
  const text = readFileSync(entry.source, 'utf8');
  rows.push({
    entry: entry.specifier,
    names: exported.length,
    values: values.length,
    types: exported.length - values.length,
    'export *': (text.match(/export \* from/g) ?? []).length,
  });
}
console.table(rows);
