import { RubricError } from '../errors/rubric-error.js';
import { unreadableIssue } from '../rule-set/structure-depth.js';
import { isPlainObject } from './guards.js';

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
  try {
    // Read once, into a plain copy: a getter that throws is INVALID_OPTIONS where it threw, and one that
    // answers differently on each read cannot change its answer between the check and the use.
    return { ...options };
  } catch (error) {
    const issue = unreadableIssue(options, error);
    throw new RubricError('INVALID_OPTIONS', [{ ...issue, path: [name, ...issue.path] }], undefined, {
      cause: error,
    });
  }
}
