import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ndjsonLines, unreadableLine } from '../batch/ndjson-lines.js';
import { describeJsonSyntaxError, fileProblem, readTextFile } from '../input/read-json.js';
import { resolvePath } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';
import { text } from '../words/wording.js';
import type { Finding } from './findings.js';
import { type JsonLocator, type JsonPath, type JsonPosition, jsonLocator } from './json-locator.js';

/**
 * One fixture: an assessment document, perhaps with the verdict its author expects
 * (`"expect": { "eligible": false, "reasons": ["REQUIREMENT_UNCOVERED"] }`), and where it came from.
 */
export interface Fixture {
  /** The file, as the user named it (`fixtures/estate-a.json`, or the NDJSON file). */
  readonly file: string;
  /** The line of an NDJSON file it is on; undefined for a JSON file of its own. */
  readonly line: number | undefined;
  /** The parsed document; undefined when it could not be read (then `problem` says why). */
  readonly document: unknown;
  readonly problem?: Finding;
  /** Where a JSON path of the document is in `file`. */
  positionOf(path: JsonPath): JsonPosition;
}

/**
 * The fixtures `--fixtures` names: a folder (every `*.json` file in it, by name, one assessment each) or
 * an NDJSON file (one assessment per non-blank line, as `batch` reads it). A fixture that is not JSON, or
 * not UTF-8, is a fixture with a `problem` (a finding, like any other fixture failure); a path that is
 * neither a folder nor a file is bad input.
 */
export async function readFixtures(cwd: string, reference: string): Promise<Fixture[]> {
  const absolute = resolvePath(cwd, reference);
  const kind = await stat(absolute).catch((error: unknown) => {
    throw new CliError(`--fixtures ${shownInput(reference)}: ${fileProblem(error)}`, { cause: error });
  });
  if (kind.isDirectory()) {
    const names = (await readdir(absolute)).filter((name) => name.endsWith('.json')).sort();
    const fixtures: Fixture[] = [];
    for (const name of names) {
      const file = joinShown(reference, name);
      fixtures.push(parsedFixture(file, undefined, await readTextFile(join(absolute, name), file)));
    }
    return fixtures;
  }
  if (reference.endsWith('.json')) {
    return [parsedFixture(reference, undefined, await readTextFile(absolute, reference))];
  }
  const fixtures: Fixture[] = [];
  for await (const entry of ndjsonLines(createReadStream(absolute))) {
    if (entry.kind === 'blank') continue;
    if (entry.kind === 'text') fixtures.push(parsedFixture(reference, entry.line, entry.text));
    else {
      const { code, message, zh } = unreadableLine(entry);
      fixtures.push(unreadable(reference, entry.line, code, message, zh));
    }
  }
  return fixtures;
}

function parsedFixture(file: string, line: number | undefined, source: string): Fixture {
  const unmarked = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let document: unknown;
  try {
    document = JSON.parse(unmarked);
  } catch (error) {
    const message = describeJsonSyntaxError(unmarked, error);
    return unreadable(file, line, 'INVALID_JSON', message, 'JSON 格式错误');
  }
  const locator = jsonLocator(unmarked);
  return { file, line, document, positionOf: (path) => shifted(locator, path, line) };
}

function unreadable(
  file: string,
  line: number | undefined,
  code: string,
  message: string,
  zh: string,
): Fixture {
  const position = { line: line ?? 1, column: 1 };
  return {
    file,
    line,
    document: undefined,
    problem: {
      source: 'fixture',
      code,
      severity: 'error',
      message: text(`${zh}：${message}`, message),
      file,
      ...position,
    },
    positionOf: () => position,
  };
}

/** A position in one NDJSON line's document, as a position in the file. */
function shifted(locator: JsonLocator, path: JsonPath, line: number | undefined): JsonPosition {
  const position = locator.positionOf(path);
  return line === undefined ? position : { line: line + position.line - 1, column: position.column };
}

/** `fixtures/estate-a.json` from the folder as the user typed it, with `/` whatever the platform. */
function joinShown(folder: string, name: string): string {
  const trimmed = folder.replace(/[\\/]+$/, '');
  return `${trimmed}/${name}`.replace(/\\/g, '/');
}
