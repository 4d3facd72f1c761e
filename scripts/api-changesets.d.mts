/** The packages whose API changed (`changed`: name → differs) and that no pending changeset names. */
export declare function packagesWithoutChangeset(
  changed: ReadonlyMap<string, boolean>,
  named: ReadonlySet<string>,
): string[];

/** The package names a changeset's front matter names (`'@scope/name': minor`). */
export declare function packagesNamedIn(changeset: string): string[];
