import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importCycles, importGraph } from './import-graph.js';

describe('importGraph and importCycles', () => {
  test('a cycle through `import type` is found', () => {
    const folder = mkdtempSync(join(tmpdir(), 'import-graph-'));
    try {
      writeFileSync(join(folder, 'a.ts'), "import type { B } from './b.js';\nexport type A = B[];\n");
      writeFileSync(join(folder, 'b.ts'), "export type { A } from './c.js';\nexport type B = string;\n");
      writeFileSync(join(folder, 'c.ts'), "export type { A } from './a.js';\n");
      writeFileSync(join(folder, 'a.test.ts'), "import type { A } from './a.js';\n");
      const found = importGraph(folder);
      expect([...found.keys()]).toEqual(['a.ts', 'b.ts', 'c.ts']);
      expect(importCycles(found)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
