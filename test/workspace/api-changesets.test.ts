import { describe, expect, it } from 'vitest';
import { packagesNamedIn, packagesWithoutChangeset } from '../../scripts/api-changesets.mjs';

describe('a change of the public API needs a changeset that names the package', () => {
  it('reads the packages a changeset names, quoted or not, and nothing from its prose', () => {
    const changeset = `---\n'@sunshine-rubric/core': minor\n"@sunshine-rubric/cli": patch\n@sunshine-rubric/planner: major\n---\n\nThe core: minor change is described here.\n`;
    expect(packagesNamedIn(changeset)).toEqual([
      '@sunshine-rubric/core',
      '@sunshine-rubric/cli',
      '@sunshine-rubric/planner',
    ]);
    expect(packagesNamedIn('no front matter: minor')).toEqual([]);
  });

  it('lists the packages whose API changed and that no changeset names', () => {
    const changed = new Map([
      ['@sunshine-rubric/core', true],
      ['@sunshine-rubric/cli', true],
      ['@sunshine-rubric/guangxi', false],
    ]);
    expect(packagesWithoutChangeset(changed, new Set(['@sunshine-rubric/core']))).toEqual([
      '@sunshine-rubric/cli',
    ]);
    expect(
      packagesWithoutChangeset(changed, new Set(['@sunshine-rubric/core', '@sunshine-rubric/cli'])),
    ).toEqual([]);
  });
});
