import { randomBytes } from 'node:crypto';
import { constants, createWriteStream, fstat, rmSync, type Stats } from 'node:fs';
import { access, mkdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileProblem } from '../input/read-json.js';
import { inputPath, type RunContext } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { neutraliseControls, shownInput } from '../io/terminal-safe.js';

/**
 * `--out -`: standard output instead of a file.
 *
 * @example
 * ```ts
 * if (options.out === standardStream) context.dataOut.write(json);
 * ```
 */
export const standardStream = '-';

/**
 * Where an output goes once checked: a new or regular file (written beside it, then renamed into place), a
 * special file such as `/dev/null` or a named pipe (written directly: it cannot be replaced), or stdout.
 */
export type OutputTarget =
  | { readonly kind: 'file'; readonly path: string; readonly mode: number | undefined }
  | { readonly kind: 'special'; readonly path: string }
  | { readonly kind: 'stdout' };

/**
 * Checks an `--out` before anything is written: its folder must exist (nothing creates a user's folders,
 * and no loop: Node's recursive mkdir spins for ever on a path under `/proc`), it must not be a folder, and
 * it must not be any file the run reads — by device and inode, so a symlink or a hard link to an input is
 * refused as surely as its own name. A symlink to a regular file is followed, so the link stays a link.
 *
 * @example
 * ```ts
 * const target = await checkOutputTarget(context, options.out); // before reading a byte of input
 * const output = target.kind === 'stdout' ? undefined : openTarget(target);
 * ```
 */
export async function checkOutputTarget(context: RunContext, file: string): Promise<OutputTarget> {
  if (file === standardStream) {
    await refuseStdoutOntoInput(context);
    return { kind: 'stdout' };
  }
  const absolute = inputPath(context, file);
  const existing = await statOrUndefined(absolute, file);
  if (existing === undefined) {
    await requireFolder(dirname(absolute), file);
    return { kind: 'file', path: absolute, mode: undefined };
  }
  if (existing.isDirectory()) throw cannotWrite(file, 'is a directory, not a file (这是目录，不是文件)');
  const input = await sameFileAsInput(context, existing);
  if (input !== undefined) {
    throw new CliError(
      `${shownInput(file)}: refusing to write over an input of this run (${input === standardStream ? 'stdin' : shownInput(input)}); choose another --out (输出文件不能是输入文件)`,
    );
  }
  if (!existing.isFile()) return { kind: 'special', path: absolute };
  // A rename would replace even a file the user may not write: ask the file, as writing in place would.
  await access(absolute, constants.W_OK).catch((error: unknown) => {
    throw cannotWrite(file, fileProblem(error), error);
  });
  return { kind: 'file', path: await realpath(absolute), mode: existing.mode & 0o7777 };
}

/**
 * Writes a whole output: to a temporary file in the target's folder, flushed to disk, then renamed over the
 * target, so a failed or interrupted run never leaves a truncated file where a good one stood. `-` writes
 * to stdout. Fails with one line naming the file. Returns the path written (or `-`).
 *
 * @example
 * ```ts
 * reportWritten(context, await writeOutputFile(context, 'report.html', html));
 * ```
 */
export async function writeOutputFile(
  context: RunContext,
  file: string,
  content: string | Uint8Array,
): Promise<string> {
  const target = await checkOutputTarget(context, file);
  if (target.kind === 'stdout') {
    context.dataOut.write(content as string);
    return standardStream;
  }
  const output = openTarget(target);
  try {
    output.stream.write(content);
    await output.commit();
  } catch (error) {
    await output.discard();
    throw error instanceof CliError ? error : cannotWrite(file, fileProblem(error), error);
  }
  return target.path;
}

const temporaryFiles = new Set<string>();

/**
 * Removes the temporary files of outputs still being written, for a process that is being interrupted
 * (Ctrl-C): the targets were never touched, and nothing is left beside them.
 *
 * @example
 * ```ts
 * process.once('SIGINT', () => {
 *   removeTemporaryFiles();
 *   process.exit(130);
 * });
 * ```
 */
export function removeTemporaryFiles(): void {
  for (const file of temporaryFiles) rmSync(file, { force: true });
  temporaryFiles.clear();
}

/** An output file being written as a stream; nothing is in place until `commit`. */
export interface OpenOutput {
  readonly stream: NodeJS.WritableStream;
  /** Ends the stream, flushes it to disk and renames it into place. */
  commit(): Promise<void>;
  /** Ends the stream and removes the temporary file; the target is left as it was. */
  discard(): Promise<void>;
}

/**
 * Opens a checked file target for streaming (batch output): a temporary file beside it, or a special file
 * itself.
 *
 * @example
 * ```ts
 * const output = openTarget(target);
 * try {
 *   output.stream.write(line);
 *   await output.commit();
 * } catch (error) {
 *   await output.discard();
 *   throw error;
 * }
 * ```
 */
export function openTarget(target: Exclude<OutputTarget, { kind: 'stdout' }>): OpenOutput {
  const temporary =
    target.kind === 'file'
      ? join(dirname(target.path), `.${basename(target.path)}.${randomBytes(6).toString('hex')}.tmp`)
      : undefined;
  if (temporary !== undefined) temporaryFiles.add(temporary);
  const stream = createWriteStream(temporary ?? target.path, {
    flags: temporary === undefined ? 'w' : 'wx',
    flush: temporary !== undefined,
    ...(target.kind === 'file' && target.mode !== undefined ? { mode: target.mode } : {}),
  });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  const closed = () =>
    new Promise<void>((resolve) => {
      if (stream.closed) resolve();
      else stream.once('close', () => resolve());
    });
  return {
    stream,
    async commit() {
      stream.end();
      await Promise.race([closed(), failed]);
      if (stream.errored) throw stream.errored;
      if (temporary === undefined) return;
      await rename(temporary, target.path);
      temporaryFiles.delete(temporary);
    },
    async discard() {
      stream.destroy();
      await closed();
      if (temporary === undefined) return;
      await unlink(temporary).catch(() => undefined);
      temporaryFiles.delete(temporary);
    },
  };
}

/**
 * Makes the one folder a command's documented job is to fill (the demo's reports, `evaluate --format html`
 * of several files): its parent must exist, and it is created alone, never a chain of folders.
 *
 * @example
 * ```ts
 * await ensureOutputFolder(context, 'sunshine-rubric-demo');
 * ```
 */
export async function ensureOutputFolder(context: RunContext, folder: string): Promise<string> {
  const absolute = inputPath(context, folder);
  try {
    await mkdir(absolute);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EEXIST') {
      const existing = await statOrUndefined(absolute, folder);
      if (existing?.isDirectory()) return absolute;
      throw cannotWrite(folder, 'exists and is not a folder (已存在且不是文件夹)');
    }
    if (code === 'ENOENT') await requireFolder(dirname(absolute), folder);
    throw cannotWrite(folder, fileProblem(error), error);
  }
  return absolute;
}

async function requireFolder(folder: string, shown: string): Promise<void> {
  const info = await statOrUndefined(folder, shown);
  if (info?.isDirectory()) return;
  throw cannotWrite(
    shown,
    `${shownInput(folder)} is not an existing folder; create it first (文件夹不存在，请先创建)`,
  );
}

async function statOrUndefined(path: string, shown: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw cannotWrite(shown, fileProblem(error), error);
  }
}

/** The input of this run (as the user typed it) that is the same file as `output`, if any. */
async function sameFileAsInput(context: RunContext, output: Stats): Promise<string | undefined> {
  for (const candidate of context.inputs) {
    // `-` is stdin: the same file when the shell redirected it from the output (`batch - --out x < x`).
    const info =
      candidate === standardStream
        ? context.io.stdin === undefined
          ? await descriptorFile(0)
          : undefined
        : await stat(inputPath(context, candidate)).catch(() => undefined);
    if (info !== undefined && info.dev === output.dev && info.ino === output.ino) return candidate;
  }
  return undefined;
}

/**
 * `--out -` while the shell sends stdout to a file the run reads (`batch in.ndjson --out - >> in.ndjson`):
 * a streaming run would read its own output back for ever, the file growing until the disk is full. Only
 * a regular file counts: stdin and stdout on one terminal or pipe are not an input written over.
 */
async function refuseStdoutOntoInput(context: RunContext): Promise<void> {
  if (!context.processStdout) return;
  const output = await descriptorFile(1);
  if (!output?.isFile()) return;
  const input = await sameFileAsInput(context, output);
  if (input === undefined) return;
  throw new CliError(
    `--out -: stdout is redirected to an input of this run (${input === standardStream ? 'stdin' : shownInput(input)}); redirect it to another file (输出文件不能是输入文件)`,
  );
}

function descriptorFile(descriptor: number): Promise<Stats | undefined> {
  return new Promise((resolve) => fstat(descriptor, (error, info) => resolve(error ? undefined : info)));
}

function cannotWrite(file: string, problem: string, cause?: unknown): CliError {
  return new CliError(
    `${shownInput(file)}: cannot write: ${problem} (无法写入)`,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Prints an output to stdout, or writes it to `--out` when given. `text` is for people and has its control
 * characters neutralised, in a file too; `data` (JSON, HTML) is written exactly.
 *
 * @example
 * ```ts
 * await emit(context, `${JSON.stringify(plan, null, 2)}\n`, options.out, 'data');
 * ```
 */
export async function emit(
  context: RunContext,
  content: string,
  out: string | undefined,
  kind: 'text' | 'data',
): Promise<void> {
  const shown = kind === 'text' ? neutraliseControls(content, { keepColour: out === undefined }) : content;
  if (out === undefined) (kind === 'text' ? context.io.stdout : context.dataOut).write(shown);
  else await writeOutputFile(context, out, shown);
}

/**
 * Prints where an output was written, for the user and for scripts; nothing when it went to stdout.
 *
 * @example
 * ```ts
 * reportWritten(context, await writeOutputFile(context, options.out, bytes));
 * ```
 */
export function reportWritten(context: RunContext, written: string): void {
  if (written !== standardStream) context.io.stdout.write(`${written}\n`);
}
