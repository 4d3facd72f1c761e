import { RubricError } from '../errors/rubric-error.js';
import { isPlainObject } from './guards.js';

/** Options are absent or a plain object; anything else (`null`, a number) is `INVALID_OPTIONS`, not a TypeError. */
export function checkOptions<Options extends object>(
  options: Options | undefined,
  name = 'options',
): Options | Record<string, never> {
  if (options === undefined) return {};
  if (!isPlainObject(options)) {
    throw new RubricError('INVALID_OPTIONS', [
      { path: [name], message: `${name} is an object, or left out` },
    ]);
  }
  return options;
}
