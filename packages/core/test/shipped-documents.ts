import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// What another system does with the shipped JSON files, shared by the in-repo schema test (on the workspace)
// and the release test (on the installed tarballs), so that both check the same files the same way.

/** Where a package specifier such as `@sunshine-rubric/core/schemas/rule-set.json` lies on disk. */
export type ResolveSpecifier = (specifier: string) => string;

/**
 * Resolves specifiers the way the published packages' `exports` do, from the workspace: from the qinzhou
 * package, which depends on guangxi and core and may name itself.
 *
 * @example
 * ```ts
 * readFileSync(workspaceResolve('@sunshine-rubric/core/schemas/rule-set.json'), 'utf8');
 * ```
 */
export const workspaceResolve: ResolveSpecifier = createRequire(
  new URL('../../qinzhou/package.json', import.meta.url),
).resolve;

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * Ajv 2020 as the format guide tells other systems to run it: strict, without allowUnionTypes, with
 * ajv-formats for `date` and `date-time`, and `discriminator: true` for the `oneOf`s keyed on one field.
 *
 * @example
 * ```ts
 * strictAjv().compile(schema); // throws on anything strict mode refuses
 * ```
 */
export function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, discriminator: true });
  addFormats(ajv);
  return ajv;
}

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));

/**
 * The shipped JSON Schemas by name (`rule-set`, `assessment`…): every `*.json` beside
 * `@sunshine-rubric/core/schemas/rule-set.json`.
 *
 * @example
 * ```ts
 * Object.keys(shippedSchemas(workspaceResolve)); // ['application-event', 'assessment', …]
 * ```
 */
export function shippedSchemas(resolve: ResolveSpecifier): Record<string, object> {
  const folder = dirname(resolve('@sunshine-rubric/core/schemas/rule-set.json'));
  const files = readdirSync(folder).filter((file) => file.endsWith('.json'));
  return Object.fromEntries(files.sort().map((file) => [file.slice(0, -5), readJson(join(folder, file))]));
}

/**
 * A strict Ajv holding every shipped schema under its name, and the errors it finds in a document.
 *
 * @example
 * ```ts
 * const { errorsOf } = schemaValidator(workspaceResolve);
 * errorsOf('rule-set', document); // [] when valid
 * ```
 */
export function schemaValidator(resolve: ResolveSpecifier): {
  errorsOf: (name: string, document: unknown) => ErrorObject[];
} {
  const ajv = strictAjv();
  for (const [name, schema] of Object.entries(shippedSchemas(resolve))) ajv.addSchema(schema, name);
  return {
    errorsOf(name, document) {
      const validate = ajv.getSchema(name);
      if (validate === undefined) throw new Error(`no schema ${name}`);
      return validate(document) ? [] : [...(validate.errors ?? [])];
    },
  };
}

/** A JSON document a package ships, and the schema that describes it. */
export interface ShippedDocument {
  readonly schema: 'rule-set' | 'assessment' | 'target-plan';
  readonly specifier: string;
  readonly document: Record<string, unknown>;
}

/**
 * Every rule set, sample assessment and target plan the packages ship, read through their `exports`.
 *
 * @example
 * ```ts
 * shippedDocuments(workspaceResolve).map(({ specifier }) => specifier);
 * // ['@sunshine-rubric/guangxi/data/guangxi-2021.json', '@sunshine-rubric/guangxi/data/samples/below-threshold.json', …]
 * ```
 */
export function shippedDocuments(resolve: ResolveSpecifier): ShippedDocument[] {
  const ruleSet = '@sunshine-rubric/guangxi/data/guangxi-2021.json';
  const samples = readdirSync(join(dirname(resolve(ruleSet)), 'samples'))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => `@sunshine-rubric/guangxi/data/samples/${file}`);
  const listed = [
    { schema: 'rule-set' as const, specifier: ruleSet },
    ...samples.map((specifier) => ({ schema: 'assessment' as const, specifier })),
    { schema: 'target-plan' as const, specifier: '@sunshine-rubric/qinzhou/data/qinzhou-2021-plan.json' },
  ];
  return listed.map((entry) => ({ ...entry, document: readJson(resolve(entry.specifier)) }));
}
