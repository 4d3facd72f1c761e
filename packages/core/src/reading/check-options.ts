import { RubricError } from '../errors/rubric-error.js';
import { isPlainObject } from '../util/guards.js';
import { snapshotDocument } from './structure-depth.js';

/** Options are absent or a plain object; anything else (`null`, a number) is `INVALID_OPTIONS`, not a TypeError. */
export function checkOptions<Options extends object>(
  options: Options | undefined,
  name = 'options',
): Options | Record<string, never> {
  if (options === undefined) return {};
  let plain: boolean;
  try {
    plain = isPlainObject(options);
  } catch {
    plain = false; // a revoked Proxy
  }
  if (!plain) {
    throw new RubricError('INVALID_OPTIONS', [
      { path: [name], message: `${name} is an object, or left out` },
    ]);
  }
  // Read once, into a plain copy (functions kept as they are): a getter or Proxy trap that throws, at any
  // depth (a cost map), is INVALID_OPTIONS where it threw, and a value cannot change between check and use.
  const snapshot = snapshotDocument(options);
  if (!snapshot.ok) {
    // Paths name the field, as every other option issue does (`['cost', 'S01']`); the options themselves
    // are `[name]`.
    const { path } = snapshot.issue;
    throw new RubricError('INVALID_OPTIONS', [{ ...snapshot.issue, path: path.length > 0 ? path : [name] }]);
  }
  return snapshot.value as Options;
}
