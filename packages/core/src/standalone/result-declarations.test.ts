import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type DeclarationSource,
  deriveDeclarations,
  resultDeclarationsFile,
  resultDeclarationsModule,
  resultTypes,
} from '../../scripts/derive-result-declarations.js';
import { resultDeclarations } from './result-declarations.js';

const folder = `${mkdtempSync(join(tmpdir(), 'derive-declarations-'))}/`;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let written = 0;
/** Derives from `files` written to a folder of their own; the source folder is `under` in it. */
function derive(
  files: Record<string, string>,
  source: Omit<DeclarationSource, 'folder'>,
  under = '',
): string {
  const base = join(folder, String(written++));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(base, file, '..'), { recursive: true });
    writeFileSync(join(base, file), text);
  }
  return deriveDeclarations({ ...source, folder: `${join(base, under)}/` });
}

describe("the standalone module's declarations of core's result types", () => {
  it('are what result/types.ts and the error declare today (run `pnpm standalone:declarations` to refresh)', () => {
    expect(readFileSync(resultDeclarationsFile, 'utf8')).toBe(
      resultDeclarationsModule(deriveDeclarations(resultTypes)),
    );
  }, 60_000);

  it("declare every type result/types.ts exports, with the error's issue kind as a string", () => {
    for (const name of ['EvaluationResult', 'StandardResult', 'Reason', 'ExplanationNode', 'Provenance'])
      expect(resultDeclarations).toMatch(new RegExp(`^export (interface|type) ${name}\\b`, 'm'));
    expect(resultDeclarations).toContain('export interface RubricIssue<Kind extends string = string> {');
    expect(resultDeclarations).not.toMatch(/^import /m);
  });

  it('carry a type as written, with its TSDoc, the types it reaches in other files and those re-exported', () => {
    const text = derive(
      {
        'result.ts': [
          "import type { Words } from './words.js';",
          '/** A verdict. */',
          'export interface Verdict { readonly said: Words; readonly kind: Kind }',
          "type Kind = 'a' | 'b';",
          'export const unrelated = 1;',
          "export type { Told } from './words.js';",
        ].join('\n'),
        'words.ts': [
          '/** Words. */',
          'export interface Words { readonly zh: string }',
          'export interface Unused {}',
          'export type Told = { readonly told: true };',
        ].join('\n'),
      },
      { roots: [{ file: 'result.ts', names: 'exported' }] },
    );
    expect(text).toBe(
      [
        '/** A verdict. */',
        'export interface Verdict { readonly said: Words; readonly kind: Kind }',
        '',
        "export type Kind = 'a' | 'b';",
        '',
        '/** Words. */',
        'export interface Words { readonly zh: string }',
        '',
        'export type Told = { readonly told: true };',
        '',
      ].join('\n'),
    );
  });

  it('refuse what a declaration file of its own cannot carry, unless a substitute stands in for it', () => {
    const valueType = {
      'result.ts': "const kinds = ['a'] as const;\nexport type Kind = (typeof kinds)[number];",
    };
    expect(() => derive(valueType, { roots: [{ file: 'result.ts', names: 'exported' }] })).toThrow(
      'reads a value',
    );
    const outside = {
      'source/result.ts': "import type { Far } from '../far.js';\nexport interface Result { far: Far }",
      'far.ts': 'export interface Far {}',
    };
    const roots = [{ file: 'result.ts', names: 'exported' }] as const;
    expect(() => derive(outside, { roots }, 'source')).toThrow('declared outside');
    expect(derive(outside, { roots, substitutes: { Far: 'object' } }, 'source')).toBe(
      'export interface Result { far: object }\n',
    );
  });
});
