import { z } from 'zod';
import { unreadableIssue } from '../rule-set/structure-depth.js';
import { describeThrown } from './show-value.js';

// The library runs no generated code. zod compiles its object parsers with `new Function` unless told
// not to, and probes once whether it may — a probe that a strict Content-Security-Policy reports as a
// violation even though zod catches the error. So zod's JIT is off, set here before any schema is built:
// every module of core imports `z` from this file. It applies to every schema of this copy of zod, which
// parse the same without the JIT.
z.config({ jitless: true });

export { z };

/**
 * `schema.safeParse(value)` for a document from outside, which zod itself can throw on: an object whose
 * `length` cannot be compared with a number (`{ "length": { "toString": null } }` where a list or a
 * string is expected) makes zod's length checks throw a TypeError. That becomes a failed parse with one
 * issue at the document's root, and a getter or Proxy trap that throws an issue where it threw, so that
 * every entry point answers with its RubricError, never a crash.
 */
export function safeParseDocument<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): z.ZodSafeParseResult<z.output<Schema>> {
  try {
    const result = schema.safeParse(value);
    // zod builds `error` lazily, when it is first read, and building it reads the input again: read it here.
    return result.success ? result : { success: false, error: result.error };
  } catch (error) {
    const unreadable = unreadableIssue(value, error);
    const issue = {
      code: 'custom' as const,
      path: [...unreadable.path],
      message:
        unreadable.path.length > 0
          ? unreadable.message
          : `the document holds a value that is not JSON data (${describeThrown(error)})`,
      input: undefined,
    };
    return { success: false, error: new z.ZodError([issue]) as z.ZodError<z.output<Schema>> };
  }
}
