// Derives the declaration text of core's result types (and the shape of an error's issue) from their
// TypeScript source, for the standalone module's `.d.mts`: `write-result-declarations.ts` writes it to
// `src/standalone/result-declarations.ts`, and a test fails when that file is stale. It runs in Node at
// development time only: the generator embeds the text it wrote, and reads no `.d.ts` when it runs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Where a derivation starts: a source file, and the types of it to declare (or all it exports). */
export interface DeclarationRoot {
  /** Relative to the source folder. */
  readonly file: string;
  readonly names: readonly string[] | 'exported';
}

/** A source folder, the types to start from, and what stands in for the types not to carry. */
export interface DeclarationSource {
  /** An absolute folder path, ending in `/`: every type reached must be declared under it. */
  readonly folder: string;
  readonly roots: readonly DeclarationRoot[];
  /** A type's name, and the type text that replaces each reference to it (without type arguments). */
  readonly substitutes?: Readonly<Record<string, string>>;
}

/**
 * Core's result types: every type `result/types.ts` exports, then the issue of an error.
 *
 * @example
 * ```ts
 * const text = deriveDeclarations(resultTypes);
 * ```
 */
export const resultTypes: DeclarationSource = {
  folder: fileURLToPath(new URL('../src/', import.meta.url)),
  roots: [
    { file: 'result/types.ts', names: 'exported' },
    { file: 'errors/rubric-error.ts', names: ['RubricIssue'] },
  ],
  // `IssueKind` is the table of every code's issue kinds, a type built from a value (`issueKinds`); the
  // standalone module's errors tell their kind as a string, which every kind of the table is.
  substitutes: { IssueKind: 'string' },
};

/**
 * The file `write-result-declarations.ts` writes.
 *
 * @example
 * ```ts
 * const stale = readFileSync(resultDeclarationsFile, 'utf8') !== resultDeclarationsModule(deriveDeclarations(resultTypes));
 * ```
 */
export const resultDeclarationsFile: URL = new URL(
  '../src/standalone/result-declarations.ts',
  import.meta.url,
);

type Declaration = ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The declarations of a source's types as one text: each interface and type alias that the roots name or
 * reach, as its source writes it (with its TSDoc), exported; by file (the roots' files first, in their
 * order, then the files they reach) and place in the file. Throws when a declaration reaches what a declaration file of
 * its own cannot carry (a value, a class, a type from outside the folder) and no substitute replaces:
 * nothing is dropped or widened silently.
 *
 * @example
 * ```ts
 * const text = deriveDeclarations(resultTypes); // "/** What became of one standard … *\/\nexport type Outcome = …"
 * ```
 */
export function deriveDeclarations(source: DeclarationSource): string {
  const { folder, roots, substitutes = {} } = source;
  const configFile = ts.findConfigFile(folder, ts.sys.fileExists);
  const options = configFile
    ? ts.parseJsonConfigFileContent(
        ts.readConfigFile(configFile, (path) => readFileSync(path, 'utf8')).config,
        ts.sys,
        configFile.replace(/[^/]*$/, ''),
      ).options
    : { lib: ['lib.es2022.d.ts'], types: [] };
  const program = ts.createProgram(
    roots.map((root) => `${folder}${root.file}`),
    { ...options, noEmit: true },
  );
  // Binding every file (which the checker does) sets the parent links that reading a node's text needs.
  program.getTypeChecker();

  const edits = new Map<Declaration, Edit[]>();
  for (const root of roots) {
    const pending = rootDeclarations(program, folder, root).filter((declaration) => !edits.has(declaration));
    for (const declaration of pending) edits.set(declaration, []);
    while (pending.length > 0) {
      const declaration = pending.shift()!;
      const visit = (node: ts.Node): void => {
        if (ts.isTypeQueryNode(node))
          throw new Error(`${where(folder, declaration)}: \`${node.getText()}\` reads a value`);
        if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
          const name = ts.isTypeReferenceNode(node) ? node.typeName : node.expression;
          const substitute = substitutes[name.getText()];
          if (substitute !== undefined) {
            if (node.typeArguments)
              throw new Error(`${where(folder, declaration)}: ${node.getText()} has type arguments`);
            edits.get(declaration)!.push({ start: node.getStart(), end: node.getEnd(), text: substitute });
            return;
          }
          const reached = referenced(program, folder, name, declaration);
          if (reached && !edits.has(reached)) {
            edits.set(reached, []);
            pending.push(reached);
          }
        }
        ts.forEachChild(node, visit);
      };
      ts.forEachChild(declaration, visit);
    }
  }
  const declarations = [...edits.keys()];
  // The roots' own files first, in the roots' order; then the files they reach, as they are reached.
  const files = [
    ...new Set([
      ...roots.map((root) => program.getSourceFile(`${folder}${root.file}`)),
      ...declarations.map((declaration) => declaration.getSourceFile()),
    ]),
  ];
  return declarations
    .sort(
      (first, second) =>
        files.indexOf(first.getSourceFile()) - files.indexOf(second.getSourceFile()) ||
        first.getStart() - second.getStart(),
    )
    .map((declaration) => textOf(declaration, edits.get(declaration)!))
    .join('\n\n')
    .concat('\n');
}

/** The interfaces and type aliases a root names, or all that its file exports (re-exports too). */
function rootDeclarations(program: ts.Program, folder: string, root: DeclarationRoot): Declaration[] {
  const sourceFile = program.getSourceFile(`${folder}${root.file}`);
  if (!sourceFile) throw new Error(`${root.file}: not found`);
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(sourceFile);
  const exported = module ? checker.getExportsOfModule(module) : [];
  const names = root.names === 'exported' ? exported.map((symbol) => symbol.name) : root.names;
  return names.flatMap((name) => {
    let symbol = exported.find((candidate) => candidate.name === name);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declarations = (symbol?.declarations ?? []).filter(isDeclaration);
    // A value the file exports is no type to declare; a name a root asks for must be one.
    if (declarations.length === 0 && root.names === 'exported') return [];
    if (declarations.length !== 1) throw new Error(`${root.file}: exports no one interface or type ${name}`);
    const [declaration] = declarations;
    if (!declaration!.getSourceFile().fileName.startsWith(folder))
      throw new Error(`${root.file}: ${name} is declared outside ${folder}`);
    return [declaration!];
  });
}

/** The declaration a type name refers to, or `undefined` for a type parameter or a type of the lib. */
function referenced(
  program: ts.Program,
  folder: string,
  name: ts.EntityName | ts.Expression,
  from: Declaration,
): Declaration | undefined {
  const checker = program.getTypeChecker();
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declarations = symbol?.declarations ?? [];
  if (declarations.length === 0) throw new Error(`${where(folder, from)}: cannot resolve ${name.getText()}`);
  if (declarations.every(ts.isTypeParameterDeclaration)) return undefined;
  if (declarations.every((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile())))
    return undefined;
  const [declaration] = declarations;
  if (declarations.length > 1 || !declaration || !isDeclaration(declaration))
    throw new Error(`${where(folder, from)}: ${name.getText()} is not one interface or type alias`);
  if (!declaration.getSourceFile().fileName.startsWith(folder))
    throw new Error(`${where(folder, from)}: ${name.getText()} is declared outside ${folder}`);
  return declaration;
}

/** A declaration's text from its TSDoc to its end, with the substitutes in place, exported. */
function textOf(declaration: Declaration, edits: readonly Edit[]): string {
  const start = declaration.getStart(declaration.getSourceFile(), true);
  let text = declaration.getSourceFile().text.slice(start, declaration.getEnd());
  for (const edit of [...edits].sort((first, second) => second.start - first.start))
    text = text.slice(0, edit.start - start) + edit.text + text.slice(edit.end - start);
  if (isExported(declaration)) return text;
  const nameAt = declaration.getStart() - start;
  return `${text.slice(0, nameAt)}export ${text.slice(nameAt)}`;
}

function isDeclaration(node: ts.Node): node is Declaration {
  return ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node);
}

function isExported(declaration: Declaration): boolean {
  return declaration.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

function where(folder: string, declaration: Declaration): string {
  return `${declaration.getSourceFile().fileName.slice(folder.length)} (${declaration.name.text})`;
}

/**
 * The source of `src/standalone/result-declarations.ts`: the derived text as a string constant, so that the
 * generator carries it into any runtime (browsers too) with nothing to read.
 *
 * @example
 * ```ts
 * writeFileSync(resultDeclarationsFile, resultDeclarationsModule(deriveDeclarations(resultTypes)));
 * ```
 */
export function resultDeclarationsModule(declarations: string): string {
  const escaped = declarations.replace(/[\\`]|\$\{/g, (match) => `\\${match}`);
  return `// Generated from core's result types by scripts/write-result-declarations.ts: do not edit.
// \`pnpm standalone:declarations\` writes it again; a test fails when it differs from what the types give.

/**
 * The declarations of core's \`EvaluationResult\` and every type it reaches (\`result/types.ts\`), and of an
 * error's issue (\`RubricIssue\`), as their source writes them: what a standalone module's \`.d.mts\` declares
 * in the file itself, so that its consumers need no dependency on core.
 *
 * @example
 * \`\`\`ts
 * const declarations = \`\${resultDeclarations}export declare function evaluate(): EvaluationResult;\\n\`;
 * \`\`\`
 */
export const resultDeclarations: string = \`${escaped}\`;
`;
}
