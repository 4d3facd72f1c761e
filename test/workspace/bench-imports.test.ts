import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The benches import the built packages by path (they run without installing the workspace as a
// dependency). A path into `dist/` must be a module the package publishes, so that a change of the build's
// layout breaks this test rather than the benches, which nothing else runs.
const root = new URL('../../', import.meta.url).pathname;
const benches = readdirSync(join(root, 'bench')).filter((name) => name.endsWith('.mjs'));

/** The files a package's `exports` map points at (each entry point's `default`). */
function publishedModules(folder: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'));
  return Object.values(manifest.exports as Record<string, string | { default?: string }>).flatMap((target) =>
    typeof target === 'string' ? [target] : target.default ? [target.default] : [],
  );
}

describe.each(benches)('bench/%s', (bench) => {
  it('imports only modules that the packages publish', () => {
    const source = readFileSync(join(root, 'bench', bench), 'utf8');
    const imported = [...source.matchAll(/packages\/([a-z-]+)\/(dist\/[\w./-]+\.js)/g)];
    for (const [, folder, file] of imported) {
      expect(publishedModules(folder!), `${bench} imports packages/${folder}/${file}`).toContain(`./${file}`);
    }
  });
});
