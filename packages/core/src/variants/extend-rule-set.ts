import { asIssueOf } from '../errors/as-issue-of.js';
import {
  formatPath,
  type IssueOf,
  type Result,
  RubricError,
  type RubricIssue,
} from '../errors/rubric-error.js';
import { snapshotDocument } from '../reading/structure-depth.js';
import { safeParseDocument } from '../reading/zod.js';
import { safeDefineRuleSet } from '../rule-set/define-rule-set.js';
import type { OperatorDefinition } from '../rule-set/operators.js';
import type { RuleSetInput } from '../rule-set/schema.js';
import type { Provenance, RuleSet, Scoring } from '../rule-set/types.js';
import { isPlainObject } from '../util/guards.js';
import { type EditedItems, editItems } from './edit-items.js';
import {
  type ParsedPatch,
  patchIssuesFromZod,
  type RuleSetPatch,
  RuleSetPatchSchema,
} from './patch-schema.js';

/**
 * Options of {@link extendRuleSet}.
 *
 * @example
 * ```ts
 * const variant = extendRuleSet(base, patch, { operators: registry.operators });
 * ```
 */
export interface ExtendRuleSetOptions {
  /** Custom operators (from plugins) that the base's or the patch's conditions use. */
  readonly operators?: readonly OperatorDefinition[];
}

const scoringFields: Record<Scoring['mode'], readonly string[]> = {
  'compliance-rate': ['mode', 'threshold', 'minMetPerRequirement', 'notApplicable', 'unevidenced'],
  points: ['mode', 'passMark', 'aspectMinimums', 'minMetPerRequirement', 'unevidenced'],
};

/**
 * Makes a variant of a rule set (a city's or a year's): a new, validated, deep-frozen rule set whose
 * `extends` is the base's `id@version`. The base is never changed.
 *
 * What the variant takes from the base, unless the patch says otherwise:
 * - `title`, `effective`, `scope` and `focus` are the base's (`effective: null`, `scope: null` and
 *   `focus: null` drop them);
 * - `facts` are the base's plus the patch's (a patch definition replaces the base's one of the same id);
 * - `conditions` (shared conditions) are the base's plus the patch's: a condition adds one or replaces the
 *   base's of the same name, `null` removes it; the base's references keep working wherever the variant
 *   still defines their name;
 * - `formatVersion` is the lowest that expresses the variant (2 when it has shared conditions or fact
 *   values);
 * - `scoring`: the patch's fields are merged onto the base's when the mode is the same (or not given); a
 *   different `mode` replaces the scoring whole, which must then be complete;
 * - `provenance` keeps the base's `status` and `source` — so a variant of a provisional rule set stays
 *   provisional — with `notes` that name the variant and its base and keep the base's notes. Fields the patch
 *   gives replace these, except that a variant of a provisional rule set cannot be marked `official`. The source still describes the base only: a variant of an official rule set that
 *   changes its standards should say where its changes come from (`provenance.source`), or mark itself
 *   provisional.
 *
 * Items: `remove` takes ids of the base's aspects, requirements and standards (with everything under
 * them); `replace` puts standards in place of the base's ones with the same id; `add` appends aspects (to
 * the rule set), requirements (`to` an aspect id) and standards (`to` a requirement id), in order, after
 * the removals and replacements.
 *
 * @throws {RubricError} `INVALID_PATCH` when the patch itself is wrong: not an object, malformed, an unknown
 * id in `remove`, `replace` or `add[].to` (or a shared condition to remove that the base lacks), the wrong kind of parent, an added id that exists already, the
 * variant's `id@version` equal to the base's, or `provenance.status: 'official'` on a provisional base. Issue paths point into the patch, e.g. `['remove', 2]`.
 * @throws {RubricError} `INVALID_RULE_SET` when the patch is well-formed but the variant it yields is not a
 * valid rule set (an emptied requirement, a condition on an undeclared fact, points mode without points…).
 * Issue paths point into the variant rule set, e.g. `['aspects', 0, 'requirements', 1, 'standards']`; when
 * the offending item came from the patch, the message says where (`from the patch at $.add[0].standard`).
 * The base itself is checked first and rejected with `INVALID_RULE_SET` (paths into the base) when invalid.
 * @example
 * ```ts
 * const qinzhou = extendRuleSet(guangxi2021, {
 *   id: 'qinzhou-2021',
 *   version: '1.0.0',
 *   remove: ['s-heating'],
 *   add: [{ to: 'policing', standard: { id: 's-patrol', title: { zh: '夜间巡逻' }, condition } }],
 *   scoring: { threshold: 0.9 },
 * });
 * qinzhou.extends; // 'guangxi-2021@1.0.0'
 * ```
 */
export function extendRuleSet(base: RuleSet, patch: RuleSetPatch, options?: ExtendRuleSetOptions): RuleSet {
  const result = safeExtendRuleSet(base, patch, options);
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * {@link extendRuleSet} for an untrusted patch: `{ ok: true, value }` or `{ ok: false, error }` instead of
 * throwing.
 *
 * @example
 * ```ts
 * const result = safeExtendRuleSet(guangxi2021, JSON.parse(body));
 * if (!result.ok) return response.status(400).json({ code: result.error.code, issues: result.error.issues });
 * ```
 */
export function safeExtendRuleSet(
  base: RuleSet | RuleSetInput,
  patch: unknown,
  options?: ExtendRuleSetOptions,
): Result<RuleSet, 'INVALID_RULE_SET' | 'INVALID_OPTIONS' | 'INVALID_PATCH'> {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    return {
      ok: false,
      error: new RubricError('INVALID_OPTIONS', [
        { path: ['options'], message: 'options is an object, or left out' },
      ]),
    };
  }
  const operators = options?.operators ?? [];
  const definedBase = safeDefineRuleSet(base, { operators });
  if (!definedBase.ok) return definedBase;
  const parsed = parsePatch(patch);
  if (!parsed.ok) return parsed;
  const ruleSet = definedBase.value;
  const edited = editItems(ruleSet, parsed.value);
  const issues = [...checkTopLevel(ruleSet, parsed.value), ...edited.issues];
  if (issues.length > 0) return { ok: false, error: new RubricError('INVALID_PATCH', issues) };

  const candidate = assemble(ruleSet, parsed.value, edited);
  const variant = safeDefineRuleSet(candidate, { operators });
  if (variant.ok) return variant;
  const annotated = variant.error.issues.map((issue) =>
    asIssueOf('INVALID_RULE_SET', annotate(issue, candidate, parsed.value, edited)),
  );
  return { ok: false, error: new RubricError('INVALID_RULE_SET', annotated) };
}

function parsePatch(given: unknown): Result<ParsedPatch, 'INVALID_PATCH'> {
  const fail = (issues: IssueOf<'INVALID_PATCH'>[]) => ({
    ok: false as const,
    error: new RubricError('INVALID_PATCH', issues),
  });
  const snapshot = snapshotDocument(given);
  if (!snapshot.ok) return fail([snapshot.issue]);
  const patch = snapshot.value;
  if (!isPlainObject(patch)) {
    return fail([
      {
        path: [],
        message: 'a patch is an object: { id, version, remove?, replace?, add?, … }',
        kind: 'not-an-object',
      },
    ]);
  }
  const parsed = safeParseDocument(RuleSetPatchSchema, patch);
  return parsed.success ? { ok: true, value: parsed.data } : fail(patchIssuesFromZod(parsed.error, patch));
}

function checkTopLevel(base: RuleSet, patch: ParsedPatch): IssueOf<'INVALID_PATCH'>[] {
  const issues: IssueOf<'INVALID_PATCH'>[] = [];
  if (patch.id === base.id && patch.version === base.version) {
    issues.push({
      path: ['version'],
      message: `the variant needs an id@version of its own; ${base.id}@${base.version} is the base's`,
      kind: 'same-as-base',
    });
  }
  if (base.provenance.status === 'provisional' && patch.provenance?.status === 'official') {
    issues.push({
      path: ['provenance', 'status'],
      message: `a variant of provisional ${base.id}@${base.version} keeps its drafted wording, so it is provisional too; define official wording as a rule set of its own`,
      kind: 'official-from-provisional',
    });
  }
  for (const [name, condition] of Object.entries(patch.conditions ?? {})) {
    if (condition === null && !(base.conditions && Object.hasOwn(base.conditions, name))) {
      issues.push({
        path: ['conditions', name],
        message: `the base has no shared condition named ${JSON.stringify(name)}, so there is nothing to remove`,
        kind: 'unknown-id',
      });
    }
  }
  const scoring = patch.scoring;
  if (scoring && (scoring.mode === undefined || scoring.mode === base.scoring.mode)) {
    const allowed = scoringFields[base.scoring.mode];
    for (const field of Object.keys(scoring)) {
      if (allowed.includes(field)) continue;
      const other = base.scoring.mode === 'points' ? 'compliance-rate' : 'points';
      issues.push({
        path: ['scoring', field],
        message: `${field} belongs to ${other} scoring, and the base scores by ${base.scoring.mode}: to switch, give mode '${other}' and the whole scoring`,
        kind: 'wrong-scoring-mode',
      });
    }
  }
  return issues;
}

function assemble(base: RuleSet, patch: ParsedPatch, edited: EditedItems): Record<string, unknown> {
  const sameMode = patch.scoring?.mode === undefined || patch.scoring.mode === base.scoring.mode;
  const scoring = sameMode ? { ...base.scoring, ...patch.scoring } : patch.scoring;
  const effective = patch.effective === undefined ? base.effective : (patch.effective ?? undefined);
  const scope = patch.scope === undefined ? base.scope : (patch.scope ?? undefined);
  const focus = patch.focus === undefined ? base.focus : (patch.focus ?? undefined);
  const conditions = sharedConditionsOf(base, patch);
  // No formatVersion: defineRuleSet gives the variant the lowest version that expresses it.
  return {
    id: patch.id,
    version: patch.version,
    title: patch.title ?? base.title,
    provenance: { ...defaultProvenance(base, patch), ...patch.provenance },
    ...(effective ? { effective } : {}),
    extends: `${base.id}@${base.version}`,
    facts: { ...base.facts, ...patch.facts },
    ...(conditions ? { conditions } : {}),
    ...(scope ? { scope } : {}),
    ...(focus ? { focus } : {}),
    scoring,
    aspects: edited.aspects,
  };
}

/** The base's shared conditions with the patch's added, replaced and (`null`) removed; none left, none. */
function sharedConditionsOf(base: RuleSet, patch: ParsedPatch): Record<string, unknown> | undefined {
  const merged: Record<string, unknown> = { ...base.conditions };
  for (const [name, condition] of Object.entries(patch.conditions ?? {})) {
    if (condition === null) delete merged[name];
    else merged[name] = condition;
  }
  return Object.keys(merged).length > 0 ? merged : undefined;
}

/**
 * The base's provenance with notes naming the variant. The base's notes are kept: a warning such as "not
 * the official text" is just as true of the variant.
 */
function defaultProvenance(base: RuleSet, patch: ParsedPatch): Provenance {
  const variant = `${patch.id}@${patch.version}`;
  const of = `${base.id}@${base.version}`;
  const notes =
    `本规则集是 ${of} 的变体 ${variant}（extendRuleSet 生成），来源指基础规则集；变体的修改不出自该来源。` +
    ` Variant ${variant} of ${of} (made with extendRuleSet); the source describes the base, not the variant's changes.` +
    (base.provenance.notes ? ` 基础规则集说明 / Notes of the base: ${base.provenance.notes}` : '');
  return { status: base.provenance.status, source: base.provenance.source, notes };
}

/** Adds to a variant's issue where in the patch the offending item or field came from. */
function annotate<Issue extends RubricIssue>(
  issue: Issue,
  candidate: Record<string, unknown>,
  patch: ParsedPatch,
  edited: EditedItems,
): Issue {
  const [first, second] = issue.path;
  let origin: readonly (string | number)[] | undefined;
  let itemId: string | undefined;
  if (first === 'facts' && typeof second === 'string' && patch.facts && Object.hasOwn(patch.facts, second))
    origin = ['facts', second];
  else if (first === 'scoring' && patch.scoring) origin = ['scoring'];
  else if (
    first === 'conditions' &&
    typeof second === 'string' &&
    patch.conditions &&
    Object.hasOwn(patch.conditions, second)
  )
    origin = ['conditions', second];
  else if (first === 'aspects') {
    itemId = deepestItemId(candidate, issue.path);
    origin = itemId === undefined ? undefined : edited.origins.get(itemId);
  }
  const notes: string[] = [];
  if (origin) notes.push(`from the patch at ${formatPath(origin)}`);
  if (issue.kind === 'empty' && itemId !== undefined && edited.emptied.has(itemId))
    notes.push('the patch removes everything it held: remove it too, or add to it');
  if (issue.kind === 'unused-condition' && typeof second === 'string')
    notes.push(
      `the variant no longer refers to it: remove it with conditions: { ${JSON.stringify(second)}: null }`,
    );
  return notes.length === 0 ? issue : { ...issue, message: `${issue.message} (${notes.join('; ')})` };
}

/** The id of the innermost aspect, requirement or standard on a path into the variant. */
function deepestItemId(
  candidate: Record<string, unknown>,
  path: readonly (string | number)[],
): string | undefined {
  let node: unknown = candidate;
  let id: string | undefined;
  for (const [position, segment] of path.entries()) {
    if (!isPlainObject(node) && !Array.isArray(node)) break;
    node = (node as Record<string | number, unknown>)[segment];
    const container = path[position - 1];
    const isItem = container === 'aspects' || container === 'requirements' || container === 'standards';
    if (isItem && typeof segment === 'number' && isPlainObject(node) && typeof node.id === 'string')
      id = node.id;
  }
  return id;
}
