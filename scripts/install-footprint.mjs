// What a user gets from `npm install` of each published package: packs every public package of the
// workspace (`pnpm pack`, as publishing does), installs each tarball — with the tarballs of the sibling
// packages it depends on, since those are not on the registry yet — into a fresh temporary project with
// npm, and reports the tarball (files, size, what should not be in it), the installed tree (packages,
// bytes, deprecated packages, the @types/node that TypeScript would load) and whether a TypeScript 5.9
// consumer that imports every entry point type-checks.
//
//   pnpm footprint [--no-build] [--json]
//
// Needs the registry (npm install) and pnpm on PATH (a root devDependency, on PATH in pnpm scripts).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPackedTestFile } from './packed-test-files.mjs';

const root = new URL('..', import.meta.url).pathname;
const typescript = 'typescript@5.9.3';
// Deprecated on registry.npmjs.org, as npm warns there (a mirror may not carry the deprecation notices, so
// npm's own warnings are reported beside these): what exceljs 4.4.0 brings through archiver, unzipper and
// fast-csv.
const knownDeprecated = [/^inflight@/, /^fstream@/, /^rimraf@[23]\./, /^glob@[0-8]\./, /^lodash\.isequal@/];
const options = new Set(process.argv.slice(2));
const work = mkdtempSync(join(tmpdir(), 'install-footprint-'));

const packages = readdirSync(join(root, 'packages'))
  .map((folder) => join(root, 'packages', folder))
  .filter((directory) => existsSync(join(directory, 'package.json')))
  .map((directory) => ({
    directory,
    manifest: JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')),
  }))
  .filter(({ manifest }) => !manifest.private);
const byName = new Map(packages.map((entry) => [entry.manifest.name, entry]));

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

if (!options.has('--no-build')) run('pnpm', ['-r', '--filter', './packages/*', 'build'], root);

const tarballs = new Map();
for (const { directory, manifest } of packages) {
  const destination = join(work, 'tarballs');
  mkdirSync(destination, { recursive: true });
  const output = run('pnpm', ['pack', '--json', '--pack-destination', destination], directory);
  tarballs.set(manifest.name, JSON.parse(output.slice(output.indexOf('{'))).filename);
}

/** The workspace packages a package needs at run time, itself included. */
function siblingsOf(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  const { manifest } = byName.get(name);
  for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    if (byName.has(dependency)) siblingsOf(dependency, seen);
  }
  return seen;
}

function contentsOf(tarball) {
  const lines = run('tar', ['-tzvf', tarball], work).trim().split('\n');
  const files = lines.map((line) => {
    const parts = line.trim().split(/\s+/);
    return {
      size: Number(parts[2]),
      path: parts
        .slice(5)
        .join(' ')
        .replace(/^package\//, ''),
    };
  });
  const maps = files.filter((file) => file.path.endsWith('.map'));
  const mapsWithSources = maps.filter((file) => {
    const text = run('tar', ['-xzOf', tarball, `package/${file.path}`], work);
    return JSON.parse(text).sourcesContent !== undefined;
  });
  return {
    files: files.length,
    unpackedBytes: files.reduce((sum, file) => sum + file.size, 0),
    packedBytes: Number(run('stat', ['-c', '%s', tarball], work).trim()),
    license: files.some((file) => /^LICENSE/i.test(file.path)),
    tests: files.map((file) => file.path).filter(isPackedTestFile),
    maps: maps.length,
    mapsWithSources: mapsWithSources.length,
    sources: files.filter((file) => file.path.startsWith('src/')).length,
  };
}

function install(name) {
  const project = join(work, `install-${name.replace(/\W+/g, '-')}`);
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'footprint', private: true }));
  const paths = [...siblingsOf(name)].map((sibling) => tarballs.get(sibling));
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn', ...paths], {
    cwd: project,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm install ${name} failed:\n${result.stderr}`);
  const lock = JSON.parse(readFileSync(join(project, 'node_modules', '.package-lock.json'), 'utf8'));
  const installed = Object.keys(lock.packages).filter((path) => path !== '');
  const versions = installed.map(
    (path) => `${path.replace(/^.*node_modules\//, '')}@${lock.packages[path].version}`,
  );
  const deprecated = result.stderr
    .split('\n')
    .filter((line) => /deprecated/.test(line))
    .map((line) => line.replace(/^npm warn deprecated\s*/i, '').split(':')[0]);
  const deprecatedUpstream = [
    ...new Set(versions.filter((version) => knownDeprecated.some((pattern) => pattern.test(version)))),
  ];
  const bytes = Number(run('du', ['-sb', 'node_modules'], project).split('\t')[0]);
  const typesNode = installed
    .filter((path) => path.endsWith('node_modules/@types/node'))
    .map((path) => `${path.replace(/^node_modules\//, '')}@${lock.packages[path].version}`);
  return {
    packages: installed.length,
    bytes,
    deprecated,
    deprecatedUpstream,
    typesNode,
    typescript: typeCheck(name, project),
  };
}

/** Compiles a consumer that imports every entry point of the package, as a strict TypeScript 5.9 project would. */
function typeCheck(name, project) {
  // Installed after the footprint is measured, so that it does not count in it.
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', typescript], project);
  const { manifest } = byName.get(name);
  const entries = Object.keys(manifest.exports).filter((key) => !key.includes('*') && !key.endsWith('.json'));
  const imports = entries.map((key, index) => `import * as entry${index} from '${name}${key.slice(1)}';`);
  writeFileSync(
    join(project, 'consumer.ts'),
    `${imports.join('\n')}\nconsole.log(${entries.map((_, index) => `entry${index}`).join(', ')});\n`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        noEmit: true,
      },
      files: ['consumer.ts'],
    }),
  );
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'footprint', private: true, type: 'module' }),
  );
  const result = spawnSync(join(project, 'node_modules', '.bin', 'tsc'), ['-p', '.'], {
    cwd: project,
    encoding: 'utf8',
  });
  const codes = [...new Set(result.stdout.match(/error TS\d+/g) ?? [])].map((code) =>
    code.replace('error ', ''),
  );
  return result.status === 0 ? 'ok' : `fails: ${codes.join(', ')}`;
}

const rows = [];
for (const { manifest } of packages) {
  rows.push({
    name: manifest.name,
    tarball: contentsOf(tarballs.get(manifest.name)),
    install: install(manifest.name),
  });
}
rmSync(work, { recursive: true, force: true });

if (options.has('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const megabytes = (bytes) => `${(bytes / 1_000_000).toFixed(1)} MB`;
  const kilobytes = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    '| package | tarball (files, packed / unpacked) | LICENSE | maps (with sourcesContent) | src files | test files | installed packages | node_modules | npm deprecation warnings | deprecated upstream | @types/node | TS 5.9 consumer |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { name, tarball, install: tree } of rows) {
    console.log(
      `| ${name} | ${tarball.files}, ${kilobytes(tarball.packedBytes)} / ${kilobytes(tarball.unpackedBytes)} | ${tarball.license ? 'yes' : 'no'} | ${tarball.maps} (${tarball.mapsWithSources}) | ${tarball.sources} | ${tarball.tests.length} | ${tree.packages} | ${megabytes(tree.bytes)} | ${tree.deprecated.join(', ') || 'none'} | ${tree.deprecatedUpstream.join(', ') || 'none'} | ${tree.typesNode.join(', ') || 'none'} | ${tree.typescript} |`,
    );
  }
}
