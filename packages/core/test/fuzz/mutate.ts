import { types } from 'node:util';
import fc from 'fast-check';
import { anyValueArbitrary, CallerError, deepArray, keyArbitrary } from './hostile-values.js';

/** Mutation of valid documents: near-valid inputs that get past the first type check to the deep paths. */

type Key = string | number;

/** One random edit of a document. `at` and `other` pick locations (modulo the number of locations). */
export interface Mutation {
  readonly kind:
    | 'replace'
    | 'delete'
    | 'duplicate'
    | 'duplicate-id'
    | 'transplant'
    | 'wrap-array'
    | 'unwrap'
    | 'add-key'
    | 'proto-key'
    | 'deepen';
  readonly at: number;
  readonly other: number;
  readonly key: string;
  readonly value: unknown;
}

export function mutationArbitrary(values: fc.Arbitrary<unknown> = anyValueArbitrary): fc.Arbitrary<Mutation> {
  return fc.record({
    kind: fc.constantFrom<Mutation['kind']>(
      'replace',
      'replace',
      'replace',
      'delete',
      'duplicate',
      'duplicate-id',
      'transplant',
      'wrap-array',
      'unwrap',
      'add-key',
      'proto-key',
      'deepen',
    ),
    at: fc.nat(),
    other: fc.nat(),
    key: keyArbitrary,
    value: values,
  });
}

interface Location {
  readonly parent: Record<Key, unknown> | undefined;
  readonly key: Key | undefined;
  readonly value: unknown;
}

/** Every node of a plain-data tree, root first, with its parent and key. Proxies and getters stay opaque. */
function locations(root: unknown): Location[] {
  const found: Location[] = [{ parent: undefined, key: undefined, value: root }];
  for (let index = 0; index < found.length && found.length < 50_000; index++) {
    const { value } = found[index]!;
    if (typeof value !== 'object' || value === null || Object.isFrozen(value)) continue;
    if (Array.isArray(value) && !types.isProxy(value)) {
      for (const [position, child] of value.entries()) {
        found.push({ parent: value as unknown as Record<Key, unknown>, key: position, value: child });
      }
    } else if (isRecord(value)) {
      for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
        if ('value' in descriptor && descriptor.enumerable)
          found.push({ parent: value, key, value: descriptor.value as unknown });
      }
    }
  }
  return found;
}

function setAt(root: unknown, location: Location, value: unknown): unknown {
  if (location.parent === undefined || location.key === undefined) return value;
  // A frozen node (a hostile value placed by an earlier mutation) stays as it is.
  Reflect.defineProperty(location.parent, location.key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return root;
}

/** A deep copy of plain JSON data. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Applies the mutations, in order, to a copy of `document` (plain JSON). Near-valid results reach the deep
 * code paths that random JSON never gets past the first type check to.
 */
export function mutate(document: unknown, mutations: readonly Mutation[]): unknown {
  let root: unknown = cloneJson(document);
  for (const mutation of mutations) {
    try {
      root = applyMutation(root, mutation);
    } catch (error) {
      // A hostile value placed by an earlier mutation threw while being edited: skip this edit.
      if (!(error instanceof CallerError)) throw error;
    }
  }
  return root;
}

function applyMutation(start: unknown, mutation: Mutation): unknown {
  let root = start;
  const all = locations(root);
  const target = all[mutation.at % all.length]!;
  const other = all[mutation.other % all.length]!;
  switch (mutation.kind) {
    case 'replace':
      root = setAt(root, target, cloneOrSame(mutation.value));
      break;
    case 'delete':
      if (Array.isArray(target.parent)) target.parent.splice(target.key as number, 1);
      else if (target.parent) delete target.parent[target.key!];
      else root = undefined;
      break;
    case 'duplicate':
      if (Array.isArray(target.parent))
        target.parent.splice(target.key as number, 0, cloneOrSame(target.value));
      else root = setAt(root, target, [cloneOrSame(target.value), cloneOrSame(target.value)]);
      break;
    case 'duplicate-id': {
      const items = all.filter(
        (location) => location.key === 'id' && typeof location.value === 'string' && location.parent,
      );
      if (items.length >= 2) {
        const from = items[mutation.other % items.length]!;
        const to = items[mutation.at % items.length]!;
        setAt(root, to, from.value);
      }
      break;
    }
    case 'transplant': {
      // Never the node itself: if it cannot be copied and is an ancestor, that would make a cycle (the
      // cyclic values are quarantined, BUG-2).
      const copy = cloneOrSame(other.value);
      if (copy !== other.value || typeof copy !== 'object' || copy === null || Object.isFrozen(copy))
        root = setAt(root, target, copy);
      break;
    }
    case 'wrap-array':
      root = setAt(root, target, [target.value]);
      break;
    case 'unwrap':
      if (Array.isArray(target.value) && !types.isProxy(target.value))
        root = setAt(root, target, target.value[0]);
      else if (isRecord(target.value)) root = setAt(root, target, Object.values(target.value)[0]);
      break;
    case 'add-key':
      if (isRecord(target.value))
        setAt(target.value, { parent: target.value, key: mutation.key, value: undefined }, mutation.value);
      break;
    case 'proto-key':
      if (isRecord(target.value)) {
        const proto = { polluted: true };
        setAt(target.value, { parent: target.value, key: '__proto__', value: undefined }, proto);
      }
      break;
    case 'deepen':
      root = setAt(root, target, deepArray(70, target.value));
      break;
  }
  return root;
}

/** A plain object (not a Proxy, not a class instance). */
function isRecord(value: unknown): value is Record<Key, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !types.isProxy(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/**
 * A copy that later mutations may edit, keeping NaN, undefined and the like (structured clone); frozen
 * shared values, functions, Proxies and getters stay as they are (and are never edited: see locations).
 */
function cloneOrSame(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || types.isProxy(value))
    return value;
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

/** Near-valid documents: 1 to 4 random mutations of a valid one. */
export function mutatedArbitrary(
  documents: fc.Arbitrary<unknown>,
  values: fc.Arbitrary<unknown> = anyValueArbitrary,
): fc.Arbitrary<unknown> {
  return fc
    .tuple(documents, fc.array(mutationArbitrary(values), { minLength: 1, maxLength: 4 }))
    .map(([document, mutations]) => mutate(document, mutations));
}
