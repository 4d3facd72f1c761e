/** A JSON Schema node as zod's `z.toJSONSchema` writes it: plain JSON. */
type SchemaNode = { [keyword: string]: unknown };

const isNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Rewrites zod's JSON Schema output so that Ajv 2020 compiles it in strict mode (no `allowUnionTypes`) and
 * reports one short error per mistake:
 * - `type: ["boolean", "null"]` becomes `anyOf: [{ type: "boolean" }, { type: "null" }]` (a union `type` is
 *   refused by Ajv's `strictTypes`);
 * - a `pattern` beside `format: "date"` or `"date-time"` is dropped: the format says the same, and an error
 *   then names the format rather than printing a regex of a few hundred characters;
 * - a `oneOf` whose branches each fix the same required property to different strings (`mode`, `kind`,
 *   `type`; by `const` or `enum`) gets `discriminator: { propertyName }`, so a validator that knows the
 *   keyword (Ajv with `discriminator: true`, OpenAPI tools) checks only the branch the document names;
 *   others ignore it.
 * The input is not modified.
 *
 * @example
 * ```ts
 * strictJsonSchema({ type: ['boolean', 'null'] });
 * // → { anyOf: [{ type: 'boolean' }, { type: 'null' }] }
 * ```
 */
export function strictJsonSchema<Schema>(schema: Schema): Schema {
  return rewrite(schema) as Schema;
}

function rewrite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite);
  if (!isNode(value)) return value;
  const node: SchemaNode = {};
  for (const [keyword, child] of Object.entries(value)) node[keyword] = rewrite(child);
  splitUnionType(node);
  dropPatternOfFormat(node);
  markDiscriminator(node);
  return node;
}

function splitUnionType(node: SchemaNode): void {
  const { type } = node;
  if (!Array.isArray(type)) return;
  delete node.type;
  const branches = type.map((name) => ({ type: name }));
  // A node that already has an anyOf keeps it: both must hold.
  if (node.anyOf === undefined) node.anyOf = branches;
  else node.allOf = [...((node.allOf as unknown[] | undefined) ?? []), { anyOf: branches }];
}

const FORMATS_WITHOUT_PATTERN = new Set(['date', 'date-time']);

function dropPatternOfFormat(node: SchemaNode): void {
  if (typeof node.format === 'string' && FORMATS_WITHOUT_PATTERN.has(node.format)) delete node.pattern;
}

function markDiscriminator(node: SchemaNode): void {
  const branches = node.oneOf;
  if (!Array.isArray(branches) || branches.length < 2 || node.discriminator !== undefined) return;
  const [first] = branches;
  if (!isNode(first) || !isNode(first.properties)) return;
  for (const propertyName of Object.keys(first.properties)) {
    const tags = branches.map((branch) => tagsOf(branch, propertyName));
    const all = tags.flatMap((branchTags) => branchTags ?? []);
    if (tags.every((branchTags) => branchTags !== undefined) && new Set(all).size === all.length) {
      // Ajv's strictTypes wants the type that the keyword applies to beside it.
      if (node.type === undefined) node.type = 'object';
      node.discriminator = { propertyName };
      return;
    }
  }
}

/** The strings a branch allows for `propertyName` (a `const` or an `enum`), when the branch requires it. */
function tagsOf(branch: unknown, propertyName: string): string[] | undefined {
  if (!isNode(branch) || branch.type !== 'object' || !isNode(branch.properties)) return undefined;
  const required = Array.isArray(branch.required) ? branch.required : [];
  const property = branch.properties[propertyName];
  if (!required.includes(propertyName) || !isNode(property)) return undefined;
  const tags = property.const !== undefined ? [property.const] : property.enum;
  const isStrings = Array.isArray(tags) && tags.length > 0 && tags.every((tag) => typeof tag === 'string');
  return isStrings ? tags : undefined;
}
