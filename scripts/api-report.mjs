// The API report of every public entry point of every published package, made by API Extractor from the
// built declarations (`pnpm build` first): packages/<name>/etc/<name>[-<subpath>].api.md.
//
//   node scripts/api-report.mjs            check: fails when a report differs from the build (CI)
//   node scripts/api-report.mjs --update   rewrite the reports after an intended change of the surface
//
// API Extractor takes one entry point per run, so each `exports` entry of a package.json that names
// declarations gets its own run and its own report. Subpaths under `./internal` are not public API and have
// no report; neither do data files (`./data/*.json`, `./schemas/*.json`).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = new URL('../', import.meta.url).pathname;
const update = process.argv.includes('--update');
const scratch = mkdtempSync(join(tmpdir(), 'api-report-'));

/** Every public entry point of a package: its report name and the built declarations of it. */
function entryPoints(directory) {
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
  if (manifest.private) return [];
  const unscoped = manifest.name.replace(/^@[^/]+\//, '');
  return Object.entries(manifest.exports ?? {}).flatMap(([subpath, target]) => {
    if (typeof target !== 'object' || typeof target.types !== 'string') return [];
    if (subpath === './internal' || subpath.startsWith('./internal/')) return [];
    const suffix = subpath === '.' ? '' : `-${subpath.slice(2).replaceAll('/', '-')}`;
    return [
      {
        name: manifest.name + subpath.slice(1),
        report: unscoped + suffix,
        types: join(directory, target.types),
      },
    ];
  });
}

const failures = [];
for (const folder of readdirSync(join(root, 'packages')).sort()) {
  const directory = join(root, 'packages', folder);
  if (!existsSync(join(directory, 'package.json'))) continue;
  for (const entry of entryPoints(directory)) {
    if (!existsSync(entry.types)) {
      failures.push(`${entry.name}: ${entry.types} is missing; run \`pnpm build\` first`);
      continue;
    }
    if (update) mkdirSync(join(directory, 'etc'), { recursive: true });
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: directory,
        mainEntryPointFilePath: entry.types,
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              target: 'es2022',
              lib: ['es2023', 'dom'],
              module: 'nodenext',
              moduleResolution: 'nodenext',
              strict: true,
              skipLibCheck: true,
              types: [],
            },
            files: [entry.types],
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: entry.report,
          reportFolder: join(directory, 'etc'),
          reportTempFolder: scratch,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: 'warning' } },
          // What a report should show (a type the surface uses but does not export) goes into the report;
          // release tags are not used in this repository, and TSDoc is checked by typedoc (`pnpm docs:api`).
          extractorMessageReporting: {
            default: { logLevel: 'none', addToApiReportFile: true },
            'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
            'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
            'ae-misplaced-package-tag': { logLevel: 'none', addToApiReportFile: false },
          },
          tsdocMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
        },
      },
      configObjectFullPath: join(directory, 'api-extractor.json'),
      packageJsonFullPath: join(directory, 'package.json'),
    });
    const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
    const report = `packages/${folder}/etc/${entry.report}.api.md`;
    if (result.apiReportChanged && !update)
      failures.push(`${entry.name}: the public API differs from ${report}`);
    else if (result.apiReportChanged) console.log(`updated ${report}`);
    else if (!result.succeeded) failures.push(`${entry.name}: ${result.errorCount} errors`);
  }
}
rmSync(scratch, { recursive: true, force: true });

if (failures.length > 0) {
  console.error(`\n${failures.join('\n')}`);
  if (!update) {
    console.error(
      '\nIf the change is intended: `pnpm api:update`, commit the reports, and add a changeset that says why.',
    );
  }
  process.exit(1);
}
console.log(update ? 'API reports are up to date' : 'every public entry point matches its API report');
