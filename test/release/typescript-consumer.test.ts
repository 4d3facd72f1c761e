import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

// A TypeScript 5.9 project that installs the workbook package with npm and has no @types/node of its own:
// exceljs's fast-csv@4 depends on @types/node@14, and where npm hoists that one to node_modules/@types,
// TypeScript loads it and fails against the DOM library (TS2403, AbortSignal).
const root = new URL('../../', import.meta.url).pathname;
const needed = ['core', 'guangxi', 'workbook'];
let project = '';

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  if (needed.some((name) => !existsSync(join(root, 'packages', name, 'dist')))) run('pnpm', ['build'], root);
  project = mkdtempSync(join(tmpdir(), 'sunshine-rubric-typescript-'));
  for (const name of needed)
    run('pnpm', ['pack', '--pack-destination', project], join(root, 'packages', name));
  const tarballs = readdirSync(project).filter((file) => file.endsWith('.tgz'));
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', ...tarballs.map((file) => `./${file}`), 'typescript@5.9.3'],
    project,
  );
}, 240_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
}, 60_000);

it('type-checks a strict TypeScript 5.9 consumer of the workbook package installed with npm', () => {
  writeFileSync(
    join(project, 'consumer.ts'),
    `import { guangxi2021 } from '@sunshine-rubric/guangxi';
import { exportSelfCheckWorkbook, importSelfCheckWorkbook } from '@sunshine-rubric/workbook';

const bytes: Uint8Array = await exportSelfCheckWorkbook(guangxi2021);
const assessment = await importSelfCheckWorkbook(guangxi2021, bytes);
console.log(assessment.ruleSet);
`,
  );
  // No "types" and no skipLibCheck: TypeScript loads every package under node_modules/@types, as by default.
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
  const compiled = spawnSync(join(project, 'node_modules', '.bin', 'tsc'), ['-p', '.'], {
    cwd: project,
    encoding: 'utf8',
  });
  expect(compiled.stdout).toBe('');
  expect(compiled.status).toBe(0);
}, 120_000);
