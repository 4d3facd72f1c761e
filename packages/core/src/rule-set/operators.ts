import { RubricError } from '../errors/rubric-error.js';
import { quote } from '../util/show-value.js';
import { allFactTypes, type FactType, type FactValue } from './types.js';

/**
 * A comparison operator: json-rules-engine's built-ins, or a custom one contributed by a plugin.
 * `evaluate` receives the fact's value (never `undefined`: missing facts never reach an operator)
 * and the condition's literal `value`.
 *
 * @example
 * ```ts
 * const startsWith: OperatorDefinition = {
 *   name: 'startsWith',
 *   factTypes: ['string', 'enum'],
 *   valueKind: 'scalar',
 *   valueType: 'string',
 *   evaluate: (factValue, value) => String(factValue).startsWith(String(value)),
 * };
 * ```
 */
export interface OperatorDefinition {
  readonly name: string;
  /** The fact types this operator may be applied to; anything else is rejected by `defineRuleSet`. */
  readonly factTypes: readonly FactType[];
  /** Whether the condition's `value` is one value of the fact's type, or a list of them. */
  readonly valueKind: 'scalar' | 'list';
  /** The type the condition's value (or each value in its list) must have; by default the fact's own type. */
  readonly valueType?: FactType;
  readonly evaluate: (factValue: FactValue, value: FactValue | readonly FactValue[]) => boolean;
}

const allTypes: readonly FactType[] = allFactTypes;
// Ordering needs numbers, or ISO dates, whose string order is their time order.
const orderedTypes: readonly FactType[] = ['integer', 'number', 'date'];
// json-rules-engine applies contains/doesNotContain only to array facts; format version 1 has none.
const listTypes: readonly FactType[] = [];

const isList = (value: unknown): value is readonly FactValue[] => Array.isArray(value);

/** One built-in operator's definition, its fields in the order every operator definition has them. */
function builtIn(
  name: string,
  factTypes: readonly FactType[],
  valueKind: OperatorDefinition['valueKind'],
  evaluate: OperatorDefinition['evaluate'],
): OperatorDefinition {
  return { name, factTypes, valueKind, evaluate };
}

/**
 * json-rules-engine 7's built-in operators, with its semantics, restricted to the fact types they fit.
 *
 * @example
 * ```ts
 * builtInOperators.find((operator) => operator.name === 'greaterThanInclusive')?.factTypes; // ['integer', 'number', 'date']
 * ```
 */
export const builtInOperators: readonly OperatorDefinition[] = [
  builtIn('equal', allTypes, 'scalar', (a, b) => a === b),
  builtIn('notEqual', allTypes, 'scalar', (a, b) => a !== b),
  builtIn('in', allTypes, 'list', (a, b) => isList(b) && b.indexOf(a) > -1),
  builtIn('notIn', allTypes, 'list', (a, b) => isList(b) && b.indexOf(a) === -1),
  builtIn('lessThan', orderedTypes, 'scalar', (a, b) => a < (b as FactValue)),
  builtIn('lessThanInclusive', orderedTypes, 'scalar', (a, b) => a <= (b as FactValue)),
  builtIn('greaterThan', orderedTypes, 'scalar', (a, b) => a > (b as FactValue)),
  builtIn('greaterThanInclusive', orderedTypes, 'scalar', (a, b) => a >= (b as FactValue)),
  builtIn('contains', listTypes, 'scalar', () => false),
  builtIn('doesNotContain', listTypes, 'scalar', () => false),
];

/**
 * The operators a rule set may use: the built-ins plus any custom ones, by name. As in `definePlugin`, a
 * custom operator cannot take a built-in's name (the two backends must agree on what the built-ins mean),
 * nor another custom operator's.
 */
export function operatorTable(
  custom: readonly OperatorDefinition[] = [],
): ReadonlyMap<string, OperatorDefinition> {
  if (!Array.isArray(custom)) {
    throw new RubricError('INVALID_OPTIONS', [
      { path: ['operators'], message: 'operators is a list of operator definitions' },
    ]);
  }
  const table = new Map<string, OperatorDefinition>();
  for (const operator of builtInOperators) table.set(operator.name, operator);
  custom.forEach((given: unknown, index) => {
    const operator = readOperator(given);
    if (!isOperatorDefinition(operator)) {
      throw new RubricError('INVALID_OPTIONS', [
        {
          path: ['operators', index],
          message: 'an operator has a name, factTypes, valueKind and an evaluate function',
        },
      ]);
    }
    const clash = builtInOperators.some((builtIn) => builtIn.name === operator.name)
      ? {
          message: `${quote(operator.name)} is a built-in operator; a custom operator needs a name of its own`,
          kind: 'shadows-built-in' as const,
        }
      : table.has(operator.name)
        ? { message: `operator ${quote(operator.name)} is given twice`, kind: 'duplicate-operator' as const }
        : undefined;
    if (clash) throw new RubricError('INVALID_OPTIONS', [{ path: ['operators', index, 'name'], ...clash }]);
    table.set(operator.name, operator);
  });
  return table;
}

function isOperatorDefinition(value: unknown): value is OperatorDefinition {
  const operator = value as Partial<OperatorDefinition> | null;
  return (
    typeof operator === 'object' &&
    operator !== null &&
    typeof operator.name === 'string' &&
    operator.name !== '' &&
    Array.isArray(operator.factTypes) &&
    (operator.valueKind === 'scalar' || operator.valueKind === 'list') &&
    typeof operator.evaluate === 'function'
  );
}

/** The definition's fields, each read once; `undefined` when reading one throws (a getter, a Proxy trap). */
function readOperator(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  try {
    const { name, factTypes, valueKind, valueType, evaluate } = value as Record<string, unknown>;
    const types = Array.isArray(factTypes) ? [...factTypes] : factTypes;
    return { name, factTypes: types, valueKind, ...(valueType === undefined ? {} : { valueType }), evaluate };
  } catch {
    return undefined;
  }
}
