/** Groups of ids joined pairwise (facts compared with each other, facts read by one standard). */
export class UnionFind {
  readonly #parent = new Map<string, string>();

  add(id: string): void {
    if (!this.#parent.has(id)) this.#parent.set(id, id);
  }

  find(id: string): string {
    this.add(id);
    let root = id;
    while (this.#parent.get(root) !== root) root = this.#parent.get(root)!;
    let current = id;
    while (current !== root) {
      const next = this.#parent.get(current)!;
      this.#parent.set(current, root);
      current = next;
    }
    return root;
  }

  join(left: string, right: string): void {
    const leftRoot = this.find(left);
    const rightRoot = this.find(right);
    if (leftRoot !== rightRoot) this.#parent.set(rightRoot, leftRoot);
  }

  /** Every group, by its root, members in the order they were added. */
  groups(): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    for (const id of this.#parent.keys()) {
      const root = this.find(id);
      const members = groups.get(root) ?? [];
      members.push(id);
      groups.set(root, members);
    }
    return groups;
  }
}
