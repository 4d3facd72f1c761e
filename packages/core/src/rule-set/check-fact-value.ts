import { addIssue } from '../errors/add-issue.js';
import type { IssueOf } from '../errors/rubric-error.js';
import { quote } from '../util/show-value.js';
import type { OperatorDefinition } from './operators.js';
import type { FactType } from './types.js';

type Path = (string | number)[];
type Facts = ReadonlyMap<string, { type: FactType | undefined; values: unknown }>;

/**
 * A leaf whose value is another fact (`{ fact: 'requiredGreenArea' }`): that fact is declared, is not the
 * leaf's own fact, and the operator accepts its type the way it would accept a literal of that type. List
 * operators (`in`, `notIn`) are refused: facts are scalar, so no fact holds a list. `compared` is the leaf's
 * own fact, `undefined` when it is undeclared (its own issue says so).
 */
export function checkFactValue(
  leaf: { readonly fact: string; readonly value: { readonly fact: unknown } },
  compared: { type: FactType | undefined; values: unknown } | undefined,
  operator: OperatorDefinition | undefined,
  path: Path,
  facts: Facts,
  issues: IssueOf<'INVALID_RULE_SET'>[],
): void {
  const valuePath: Path = [...path, 'value', 'fact'];
  const otherId = leaf.value.fact;
  if (typeof otherId !== 'string') return;
  const other = facts.get(otherId);
  if (!other) {
    addIssue(
      issues,
      valuePath,
      `fact ${quote(otherId)} is not declared in the fact catalog`,
      'undeclared-fact',
    );
  }
  if (otherId === leaf.fact) {
    addIssue(
      issues,
      valuePath,
      `fact ${quote(otherId)} is compared with itself: the answer never depends on the estate`,
      'self-comparison',
    );
    return;
  }
  if (!operator) return;
  if (operator.valueKind === 'list') {
    addIssue(
      issues,
      [...path, 'value'],
      `operator ${quote(operator.name)} compares with a list of values, and a fact holds one value`,
      'value-type-mismatch',
    );
    return;
  }
  if (!other?.type || !compared?.type || !operator.factTypes.includes(compared.type)) return;
  const wanted = operator.valueType ?? compared.type;
  if (fits(other, wanted, compared.values)) return;
  const allowed =
    wanted === 'enum' && Array.isArray(compared.values) ? ` (${compared.values.join(', ')})` : '';
  addIssue(
    issues,
    valuePath,
    `operator ${quote(operator.name)} compares ${compared.type} fact ${quote(leaf.fact)} with ${wanted} values${allowed}; ${quote(otherId)} is a ${other.type} fact${other.type === 'enum' ? ' with other values' : ''}`,
    'value-type-mismatch',
  );
}

/**
 * Whether every value of a fact of `other`'s type is a literal the operator would take: the same type (an
 * integer where a number is wanted), and for an enum only values the compared enum allows.
 */
function fits(
  other: { type: FactType | undefined; values: unknown },
  wanted: FactType,
  allowed: unknown,
): boolean {
  const type = other.type!;
  if (type === 'integer' && wanted === 'number') return true;
  if (type !== wanted) return false;
  if (type !== 'enum') return true;
  const values = Array.isArray(other.values) ? other.values : [];
  return values.every((value) => Array.isArray(allowed) && allowed.includes(value));
}
