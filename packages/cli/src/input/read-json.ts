import { readFile } from 'node:fs/promises';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';
import { findJsonSyntaxProblem } from './json-syntax.js';

/**
 * The text of a file the user named, or a one-line error naming it. `shown` is the path as the user typed
 * it, so messages name the file the way they know it.
 */
export async function readTextFile(absolutePath: string, shown: string): Promise<string> {
  try {
    return await readFile(absolutePath, 'utf8');
  } catch (error) {
    throw new CliError(`${shownInput(shown)}: ${fileProblem(error)}`, { cause: error });
  }
}

/** Reads and parses a JSON file; a syntax error is reported with its line and column. */
export async function readJsonFile(absolutePath: string, shown: string): Promise<unknown> {
  return parseJson(await readTextFile(absolutePath, shown), shown);
}

/** Parses JSON text (a leading byte-order mark is allowed, as editors on Windows write one). */
export function parseJson(text: string, shown: string): unknown {
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(unmarked);
  } catch (error) {
    throw new CliError(`${shownInput(shown)}: ${describeJsonSyntaxError(unmarked, error)}`, {
      cause: error,
      code: 'INVALID_JSON',
    });
  }
}

/** `invalid JSON at line 3, column 7: expected ',' or '}', found "x"` for text that `JSON.parse` refused. */
export function describeJsonSyntaxError(text: string, error: unknown): string {
  const problem = findJsonSyntaxProblem(text);
  if (problem) return `invalid JSON at line ${problem.line}, column ${problem.column}: ${problem.message}`;
  return `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
}

/** A file-system error in words: the common codes by name, anything else by its message. */
export function fileProblem(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT') return 'no such file (文件不存在)';
  if (code === 'EISDIR') return 'is a directory, not a file (这是目录，不是文件)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (没有权限)';
  // Node's own messages name the whole path: capped like every echo of the user's input.
  return shownInput(error instanceof Error ? error.message : String(error));
}
