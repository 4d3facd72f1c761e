import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { guangxi2021 } from '@sunshine-rubric/guangxi';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { defineRuleSet } from '../rule-set/define-rule-set.js';
import { generateStandaloneEvaluator } from './generate-standalone-evaluator.js';
import { resultDeclarations } from './result-declarations.js';

const folder = mkdtempSync(join(tmpdir(), 'standalone-declarations-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const coreResultTypes = fileURLToPath(new URL('../result/types.js', import.meta.url));
const coreIndex = fileURLToPath(new URL('../index.js', import.meta.url));

// Every type the declarations carry from core, compared with core's own: each one the text exports, with
// type arguments for the generic ones (a generic type not listed here fails the check until it is).
const typeArguments: Readonly<Record<string, string>> = {
  ReasonBase: "<'OUT_OF_SCOPE', { readonly facts: readonly string[] }>",
  RubricIssue: '<string>',
};
const carriedTypes = [...resultDeclarations.matchAll(/^export (?:interface|type) (\w+)/gm)].map(
  ([, name]) => `${name}${typeArguments[name!] ?? ''}`,
);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// What a TypeScript user writes against the module and its declarations: typed facts, core's result type
// both ways, and mistakes the declarations must catch (each marked @ts-expect-error, which tsc reports
// when the line is not an error).
const consumer = `
import evaluateByDefault, { evaluate, ruleSet, RubricError, type Assessment, type EvaluationResult, type FactId, type Facts } from './evaluator.mjs';
import { evaluate as evaluateLeniently } from './lenient.mjs';
import type { EvaluationResult as CoreEvaluationResult } from ${JSON.stringify(coreResultTypes)};
import type * as Core from ${JSON.stringify(coreIndex)};
import type * as Module from './evaluator.mjs';

const facts: Facts = { occupied: true, housingType: 'public-rental', rentalHouseholds: 320, cctvCoverage: null };
const assessment: Assessment = { id: 'a1', community: { name: '示例小区', district: '钦南区' }, facts };
const result: EvaluationResult = evaluate(assessment, { explain: false });
const asCore: CoreEvaluationResult = result;
const fromCore = (core: CoreEvaluationResult): EvaluationResult => core;
const sameFunction: typeof evaluate = evaluateByDefault;
const id: 'guangxi-2021' = ruleSet.id;
const factId: FactId = 'occupied';
const firstReason = result.reasons[0];
if (firstReason?.code === 'BELOW_THRESHOLD') firstReason.shortfall.toFixed();
try {
  evaluate(assessment);
} catch (error) {
  if (RubricError.isInstance(error)) error.issues[0]?.path.join('.');
}
evaluateLeniently({ id: 'a1', community: { name: 'x' }, facts: { notInTheCatalog: 1 } });

// Each type the file declares is identical to core's own (optional fields too, at any depth): an error here
// names the type that differs.
type Same<Declared, Cores, Name extends string> =
  (<T>() => T extends Declared ? 1 : 2) extends (<T>() => T extends Cores ? 1 : 2)
    ? \`\${Name} is core's\`
    : \`\${Name} differs from core's\`;
declare function same<Verdict extends string>(verdict: Verdict): Verdict;
const sameTypes = [
${carriedTypes.map((type) => `  same<Same<Module.${type}, Core.${type}, ${JSON.stringify(type)}>>(${JSON.stringify(`${type} is core's`)}),`).join('\n')}
];

// @ts-expect-error a fact that is not in the catalog
evaluate({ id: 'a1', community: { name: 'x' }, facts: { notInTheCatalog: 1 } });
// @ts-expect-error a boolean fact answered with a string
evaluate({ id: 'a1', community: { name: 'x' }, facts: { occupied: 'yes' } });
// @ts-expect-error not one of the enum fact's values
evaluate({ id: 'a1', community: { name: 'x' }, facts: { housingType: 'castle' } });
// @ts-expect-error an assessment needs a community
evaluate({ id: 'a1', facts: {} });
// @ts-expect-error not a fact id
const notAFact: FactId = 'notInTheCatalog';

export { asCore, fromCore, sameFunction, id, factId, notAFact, sameTypes };
`;

function typeCheck(): string {
  writeFileSync(
    join(folder, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: false,
        noEmit: true,
        types: [],
      },
      files: ['consumer.mts'],
    }),
  );
  try {
    execFileSync(process.execPath, [tsc, '-p', join(folder, 'tsconfig.json')], { encoding: 'utf8' });
    return '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ''}${stderr ?? ''}` || String(error);
  }
}

describe("a standalone module's declarations", () => {
  it("type-check a consumer with the workspace's tsc: facts typed by the catalog, core's result type", () => {
    for (const [name, unknownFacts] of [
      ['evaluator', 'error'],
      ['lenient', 'ignore'],
    ] as const) {
      const { module, declarations } = generateStandaloneEvaluator(guangxi2021, {
        unknownFacts,
        declarations: true,
      });
      writeFileSync(join(folder, `${name}.mjs`), module);
      writeFileSync(join(folder, `${name}.d.mts`), declarations);
    }
    writeFileSync(join(folder, 'consumer.mts'), consumer);
    expect(typeCheck()).toBe('');
  }, 120_000);

  it('without declarations: true, are not made (the source alone, as before)', () => {
    expect(typeof generateStandaloneEvaluator(guangxi2021)).toBe('string');
    expect(() => generateStandaloneEvaluator(guangxi2021, { declarations: 'yes' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });

  const hostile = fc.constantFrom(
    '*/',
    '`',
    '\u0024{x}',
    '</script>',
    '\u2028',
    '\u2029',
    '"',
    "'",
    '\\',
    '\n',
    '/*',
  );
  const text = fc.array(fc.oneof(hostile, fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 4 });
  test.prop([text, text], { numRuns: 60 })(
    'carry hostile titles and enum values as data: the file parses, with the facts and values as written',
    (titleParts, valueParts) => {
      const content = `x${titleParts.join('')}`;
      const value = `v${valueParts.join('')}`;
      const ruleSet = defineRuleSet({
        id: 'hostile-content',
        version: '1.0.0',
        title: { zh: content },
        provenance: { status: 'provisional', source: content },
        facts: {
          kind: { type: 'enum', title: { zh: content, en: content }, values: [value, `${value}2`] },
        },
        scoring: { mode: 'compliance-rate', threshold: 0.5 },
        aspects: [
          {
            id: 'a',
            title: { zh: 'a' },
            requirements: [
              {
                id: 'r',
                title: { zh: 'r' },
                standards: [
                  { id: 's', title: { zh: 's' }, condition: { fact: 'kind', operator: 'equal', value } },
                ],
              },
            ],
          },
        ],
      });
      const { declarations } = generateStandaloneEvaluator(ruleSet, { declarations: true });
      const file = ts.createSourceFile('evaluator.d.mts', declarations, ts.ScriptTarget.ES2022, true);
      const diagnostics = (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] })
        .parseDiagnostics;
      expect(diagnostics.map((diagnostic) => diagnostic.messageText)).toEqual([]);
      const facts = file.statements.find(
        (statement): statement is ts.InterfaceDeclaration =>
          ts.isInterfaceDeclaration(statement) && statement.name.text === 'Facts',
      );
      const members = facts?.members.map((member) => ({
        name: (member.name as ts.StringLiteral).text,
        values: ((member as ts.PropertySignature).type as ts.UnionTypeNode).types.flatMap((type) =>
          ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal) ? [type.literal.text] : [],
        ),
      }));
      expect(members).toEqual([{ name: 'kind', values: [value, `${value}2`] }]);
    },
  );
});
