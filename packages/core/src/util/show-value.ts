/**
 * A short description of any value for an error message. Never throws: hostile input (a BigInt, a Symbol,
 * a cycle, 20,000 nested arrays, an object whose `toString` is not a function) is described, not printed.
 */
export function showValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return String(value);
    case 'string':
      return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'nothing';
    case 'bigint':
      return 'a BigInt';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
  }
  if (value === null) return 'null';
  if (!Array.isArray(value)) return 'an object';
  const scalars =
    value.length <= 5 &&
    value.every((item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean');
  return scalars ? `[${value.map(showValue).join(', ')}]` : `a list of ${value.length}`;
}
