// A change to a published package's public API since its last release must come with a changeset that
// names the package, so that every change of the surface says why in the changelog.
//
//   node scripts/api-changesets.mjs        (CI, after `pnpm api:check`; needs the git history)
//
// A package's last release is the last commit that changed the `version` line of its package.json (the
// first commit of the file before any release). Its API reports (`packages/<name>/etc/*.api.md`) at that
// commit are compared with today's; a package whose reports differ must be named in a pending changeset
// (`.changeset/*.md` front matter).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url).pathname;

/**
 * The packages whose API changed and that no pending changeset names.
 * `changed`: package name → whether its reports differ from its last release; `named`: the packages the
 * pending changesets name.
 */
export function packagesWithoutChangeset(changed, named) {
  return [...changed]
    .filter(([name, differs]) => differs && !named.has(name))
    .map(([name]) => name)
    .sort();
}

/** The package names a changeset's front matter names (`'@scope/name': minor`). */
export function packagesNamedIn(changeset) {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(changeset);
  if (!front) return [];
  return [...front[1].matchAll(/^\s*['"]?([^'":\s]+)['"]?\s*:\s*(?:major|minor|patch)\s*$/gm)].map(
    (match) => match[1],
  );
}

function git(...args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The text of `path` at `revision`, or undefined when the file did not exist then. */
function reportAt(revision, path) {
  try {
    return git('show', `${revision}:${path}`);
  } catch {
    return undefined;
  }
}

function main() {
  const changed = new Map();
  for (const folder of readdirSync(join(root, 'packages')).sort()) {
    const manifestPath = join('packages', folder, 'package.json');
    if (!existsSync(join(root, manifestPath))) continue;
    const manifest = JSON.parse(readFileSync(join(root, manifestPath), 'utf8'));
    if (manifest.private) continue;
    const release = git('log', '-1', '--format=%H', '-G', '"version":', '--', manifestPath).trim();
    if (release === '') throw new Error(`${manifestPath} has no commit in the history (a shallow clone?)`);
    const etc = join('packages', folder, 'etc');
    const reports = existsSync(join(root, etc))
      ? readdirSync(join(root, etc)).filter((f) => f.endsWith('.api.md'))
      : [];
    const differs = reports.some(
      (report) => reportAt(release, join(etc, report)) !== readFileSync(join(root, etc, report), 'utf8'),
    );
    changed.set(manifest.name, differs);
  }
  const named = new Set();
  const changesets = join(root, '.changeset');
  for (const file of readdirSync(changesets).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    for (const name of packagesNamedIn(readFileSync(join(changesets, file), 'utf8'))) named.add(name);
  }
  const missing = packagesWithoutChangeset(changed, named);
  if (missing.length > 0) {
    console.error(
      `The public API of ${missing.join(', ')} changed since its last release (etc/*.api.md), but no pending ` +
        'changeset names it: add one (`pnpm changeset`) that says what changed for users and why.',
    );
    process.exit(1);
  }
  const count = [...changed.values()].filter(Boolean).length;
  console.log(`API changes since the last release: ${count} package(s), each named by a pending changeset`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
