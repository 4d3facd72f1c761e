import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { entryPoints, manifestOf, published, root, run, typescriptVersions } from './consumer-project.js';

// A TypeScript user's project against the packed types: consumer/consumer.mts uses the main functions of
// every package; entry-points.mts imports every entry point the packages export. Both are checked by
// `tsc --noEmit` under the two module settings users have, with the oldest and the newest supported
// TypeScript, with skipLibCheck off so that the shipped declarations and what they import are checked too.
const project = inject('consumerProject');
const folder = join(project, 'types');

const compilerOptions = {
  target: 'es2022',
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: false,
  noEmit: true,
  types: [],
};
const moduleSettings = {
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
};

function writeTsconfig(name: string, settings: object, files: string[]): void {
  const tsconfig = { compilerOptions: { ...compilerOptions, ...settings }, files };
  writeFileSync(join(folder, name), JSON.stringify(tsconfig, null, 2));
}

beforeAll(() => {
  mkdirSync(folder, { recursive: true });
  for (const file of ['consumer.mts', 'consumer.cts'])
    copyFileSync(new URL(`consumer/${file}`, import.meta.url), join(folder, file));
  const specifiers = published.flatMap(entryPoints);
  const imports = specifiers.map((specifier, index) => `import * as entry${index} from '${specifier}';`);
  const uses = `export const entries = [${specifiers.map((_, index) => `entry${index}`).join(', ')}];`;
  writeFileSync(join(folder, 'entry-points.mts'), `${imports.join('\n')}\n${uses}\n`);
  for (const [mode, settings] of Object.entries(moduleSettings))
    writeTsconfig(`tsconfig.${mode}.json`, settings, ['consumer.mts', 'entry-points.mts']);
  writeTsconfig('tsconfig.commonjs.json', moduleSettings.nodenext, ['consumer.cts']);
});

/** tsc's diagnostics for one tsconfig of the consumer, with one of the installed TypeScripts: '' when clean. */
function typeCheck(alias: keyof typeof typescriptVersions, tsconfig: string): string {
  const tsc = join(project, 'node_modules', `typescript-${alias}`, 'bin', 'tsc');
  try {
    run('node', [tsc, '-p', join(folder, tsconfig)], project);
    return '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ''}${stderr ?? ''}` || String(error);
  }
}

const aliases = Object.keys(typescriptVersions) as (keyof typeof typescriptVersions)[];
const cases = aliases.flatMap((alias) =>
  Object.keys(moduleSettings).map((mode) => ({ alias, version: typescriptVersions[alias], mode })),
);

describe('the packed types, in a TypeScript consumer', () => {
  const minimum = typescriptVersions.oldest.split('.').slice(0, 2).join('.');

  it(`every published package states TypeScript ≥ ${minimum}, the oldest checked, as an optional peer`, () => {
    const stated = published.map((folder) => {
      const { peerDependencies, peerDependenciesMeta } = manifestOf(folder);
      return { folder, range: peerDependencies?.typescript, meta: peerDependenciesMeta?.typescript };
    });
    const expected = published.map((folder) => ({ folder, range: `>=${minimum}`, meta: { optional: true } }));
    expect(stated).toEqual(expected);
  });

  it(`the README states TypeScript ≥ ${minimum} for consumers`, () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`TypeScript ≥ ${minimum}`);
  });

  it.each(aliases)('the %s TypeScript is the one installed', (alias) => {
    const tsc = join(project, 'node_modules', `typescript-${alias}`, 'bin', 'tsc');
    expect(run('node', [tsc, '--version'], project)).toContain(typescriptVersions[alias]);
  });

  it.each(cases)(
    'type-check with TypeScript $version ($alias), module $mode',
    ({ alias, mode }) => {
      expect(typeCheck(alias, `tsconfig.${mode}.json`)).toBe('');
    },
    120_000,
  );

  it(`type-check from a CommonJS file (.cts) with TypeScript ${typescriptVersions.newest}, module nodenext`, () => {
    expect(typeCheck('newest', 'tsconfig.commonjs.json')).toBe('');
  }, 120_000);
});
