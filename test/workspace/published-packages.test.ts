import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPackedTestFile } from '../../scripts/packed-test-files.mjs';

// What a user sees of each published package on the registry, checked without building or installing
// (test/release installs the packed tarballs): the files `npm pack` would put in it, its manifest, its README.
const root = new URL('../../', import.meta.url).pathname;
const repository = 'https://github.com/sunshine-rubric/sunshine-rubric';
const published = readdirSync(join(root, 'packages'))
  .map((folder) => ({
    folder,
    manifest: JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')),
  }))
  .filter(({ manifest }) => manifest.private !== true);

/** The paths `npm pack` puts in the tarball (dist/ as it is on disk now: absent files are simply not listed). */
function packedFiles(folder: string): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: join(root, 'packages', folder),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(output)[0].files.map((file: { path: string }) => file.path);
}

describe.each(published)('the tarball of packages/$folder', ({ folder, manifest }) => {
  it('carries the MIT LICENSE of the repository, its README, and no tests or fixtures', () => {
    const files = packedFiles(folder);
    expect(files).toContain('LICENSE');
    expect(files).toContain('README.md');
    expect(readFileSync(join(root, 'packages', folder, 'LICENSE'), 'utf8')).toBe(
      readFileSync(join(root, 'LICENSE'), 'utf8'),
    );
    expect(manifest.license).toBe('MIT');
    expect(files.filter(isPackedTestFile)).toEqual([]);
  }, 60_000); // npm pack reads every file of the package: slow on a busy machine

  it('names its repository folder, homepage and issue tracker', () => {
    expect(manifest.repository).toEqual({
      type: 'git',
      url: `git+${repository}.git`,
      directory: `packages/${folder}`,
    });
    expect(manifest.homepage).toBe(`${repository}/tree/main/packages/${folder}#readme`);
    expect(manifest.bugs).toEqual({ url: `${repository}/issues` });
  });

  it('links from its README only to addresses that work on the registry page', () => {
    const readme = readFileSync(join(root, 'packages', folder, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
    // A relative link resolves against the registry's page, not the repository: only absolute ones and
    // anchors within the README work there.
    expect(targets.filter((target) => !/^(https:\/\/|#)/.test(target))).toEqual([]);
  });

  it('builds source maps without a copy of the source it ships (no sourcesContent)', async () => {
    const config = (await import(join(root, 'packages', folder, 'tsup.config.ts'))).default;
    for (const options of [config].flat()) {
      expect(options.sourcemap).toBe(true);
      const esbuildOptions: { sourcesContent?: boolean } = {};
      options.esbuildOptions?.(esbuildOptions, { format: 'esm' });
      expect(esbuildOptions.sourcesContent).toBe(false);
    }
  });
});

describe('changesets', () => {
  const config = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8'));

  it('releases every published package together, and never versions the private examples', () => {
    expect(config.fixed).toEqual([['@sunshine-rubric/*']]);
    for (const { manifest } of published) expect(manifest.name).toMatch(/^@sunshine-rubric\/[a-z-]+$/);
    expect(config.privatePackages).toEqual({ version: false, tag: false });
  });

  it('releases every published package at one version, and versions no example', () => {
    const versions = new Set(published.map(({ manifest }) => manifest.version));
    expect([...versions]).toHaveLength(1);
    expect([...versions][0]).toMatch(/^\d+\.\d+\.\d+$/);
    const directory = mkdtempSync(join(tmpdir(), 'changeset-status-'));
    try {
      execFileSync(
        join(root, 'node_modules', '.bin', 'changeset'),
        ['status', '--output', join(directory, 'plan.json')],
        {
          cwd: root,
          stdio: 'ignore',
        },
      );
      // The next release the pending changesets would cut (none right after a release): all published
      // packages together, no example.
      const plan = JSON.parse(readFileSync(join(directory, 'plan.json'), 'utf8'));
      const next = plan.releases.filter((release: { type: string }) => release.type !== 'none');
      if (next.length > 0) {
        expect(next.map((release: { name: string }) => release.name).sort()).toEqual(
          published.map(({ manifest }) => manifest.name).sort(),
        );
        expect(new Set(next.map((release: { newVersion: string }) => release.newVersion)).size).toBe(1);
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
