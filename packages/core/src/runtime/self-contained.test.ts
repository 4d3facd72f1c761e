import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const folder = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(folder).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

describe('the runtime', () => {
  it('imports only types, so that a standalone module can carry each function as its own text', () => {
    expect(sources.length).toBeGreaterThan(0);
    const valueImports = sources.flatMap((file) =>
      [...readFileSync(`${folder}/${file}`, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*;/gm)].map(
        (match) => `${file}: ${match[0]}`,
      ),
    );
    expect(valueImports).toEqual([]);
  });
});
