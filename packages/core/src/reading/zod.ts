import * as z from 'zod';
import { describeThrown } from '../util/show-value.js';
import { unreadableIssue } from './structure-depth.js';

// The library runs no generated code, and leaves the application's zod as it found it. zod compiles an
// object parser with `new Function` unless `jitless` is set when the schema is built, and probes once whether
// it may: a probe that a strict Content-Security-Policy reports as a violation even though zod catches the
// error. zod keeps that setting on `globalThis`, shared by every copy of zod, so core never sets it for good:
// it turns the JIT off only while it builds its own schemas (`suspendJit` around a module's schemas,
// `withoutJit` around a parse, which may build the schemas a `z.lazy` holds) and puts the setting back.

/**
 * Turns zod's JIT off until the returned function is called, which puts back what was there. A module that
 * builds schemas calls it before its first schema and calls the result after its last one, at top level:
 * a module's body runs in one go, so nothing else builds a schema in between.
 */
export function suspendJit(): () => void {
  const config = z.config();
  if (config.jitless === true) return () => {};
  const had = Object.hasOwn(config, 'jitless');
  const previous = config.jitless;
  config.jitless = true;
  return () => {
    if (had) Object.assign(config, { jitless: previous });
    else delete config.jitless;
  };
}

/** `run()` with zod's JIT off, and the setting put back afterwards however `run` ends. */
export function withoutJit<Value>(run: () => Value): Value {
  const restore = suspendJit();
  try {
    return run();
  } finally {
    restore();
  }
}

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
    const result = withoutJit(() => schema.safeParse(value));
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
