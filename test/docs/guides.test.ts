import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type GuideModule, guideModules } from './guide-code.js';
import { sourceEntryPoints } from './source-entry-points.js';

// The guides' TypeScript is written to a temporary folder, type-checked on the workspace's compiler
// settings, and run (but for blocks marked not to be): a guide whose code stopped working fails here.
const root = fileURLToPath(new URL('../..', import.meta.url));
const guidesFolder = join(root, 'docs/guides');
const guides = readdirSync(guidesFolder).filter((name) => name.endsWith('.md'));
const modules = guides.flatMap((guide) =>
  guideModules(guide, readFileSync(join(guidesFolder, guide), 'utf8')),
);
const folder = mkdtempSync(join(tmpdir(), 'sunshine-rubric-guides-'));
const fileOf = new Map<GuideModule, string>(
  modules.map((module) => [module, join(folder, `${module.guide.replace(/\.md$/, '')}-${module.line}.mts`)]),
);
for (const [module, file] of fileOf) writeFileSync(file, `${module.code}\nexport {};\n`);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const where = (module: GuideModule) => `${module.guide}:${module.line}`;

describe('docs/guides: their code', () => {
  it('has the five guides, each with code', () => {
    expect(guides.sort()).toEqual([
      'browser-page.md',
      'city-plugin.md',
      'getting-started.md',
      'node-service.md',
      'rubric-ci.md',
    ]);
    for (const guide of guides)
      expect(
        modules.some((module) => module.guide === guide),
        guide,
      ).toBe(true);
  });

  it('type-checks on the workspace settings', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        },
      },
    );
    const paths = Object.fromEntries(
      Object.entries(sourceEntryPoints(root)).map(([specifier, file]) => [specifier, [file]]),
    );
    const program = ts.createProgram([...fileOf.values()], { ...config!.options, paths, noEmit: true });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
      .map((diagnostic) => {
        const module = modules.find((candidate) => fileOf.get(candidate) === diagnostic.file?.fileName);
        const line = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line ?? 0;
        const place = module
          ? `${module.guide}:${module.line + 1 + line}`
          : (diagnostic.file?.fileName ?? '');
        return `${place}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
      });
    expect(errors).toEqual([]);
  }, 180_000); // the compiler reads every package's source

  it.each(modules.filter((module) => module.run).map((module) => [where(module), module] as const))(
    'runs %s',
    { timeout: 60_000 },
    async (_where, module) => {
      const printed: string[] = [];
      const log = vi
        .spyOn(console, 'log')
        .mockImplementation((...values) => void printed.push(values.join(' ')));
      try {
        await import(pathToFileURL(fileOf.get(module)!).href);
      } finally {
        log.mockRestore();
      }
      expect(printed.length, 'the block prints what its comments show').toBeGreaterThan(0);
      expect(process.exitCode ?? 0).toBe(0);
    },
  );
});
