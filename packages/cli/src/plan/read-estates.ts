import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type Assessment, type EvaluationResult, RubricError, type RuleSet } from '@sunshine-rubric/core';
import { formatPath } from '@sunshine-rubric/core/words';
import { ndjsonLines, unreadableLine } from '../batch/ndjson-lines.js';
import { ruleSetFor } from '../input/assessments.js';
import { oneLine } from '../input/describe-error.js';
import { describeJsonSyntaxError, fileProblem, readTextFile } from '../input/read-json.js';
import { inputPath, type RunContext } from '../io/run-context.js';
import { CliError, type CliIssue } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';

/** One estate read for the planner: its assessment, its evaluation, and where it was read from. */
export interface EstateInput {
  readonly assessment: Assessment;
  readonly result: EvaluationResult;
  /** `estates/a.json`, or `estates.ndjson:4` for line 4 of an NDJSON file: how messages name it. */
  readonly where: string;
}

/** The estates of `--estates`, all evaluated against one rule set. */
export interface EstatesInput {
  readonly ruleSet: RuleSet;
  readonly estates: readonly EstateInput[];
}

interface Document {
  readonly where: string;
  readonly json?: unknown;
  readonly problem?: string;
}

/**
 * Reads `--estates`: a folder (each `*.json` in it, by name, one assessment each), a `.json` file (one
 * assessment, or an array of them) or an NDJSON file (one assessment per non-blank line, as `batch` reads
 * it), and evaluates each against `--rule-set`, else the rule set the first estate names, else
 * `guangxi-2021`. Nothing is planned from partial input: every estate that is not UTF-8, not JSON, not a
 * valid assessment, or that repeats another's id, is reported (exit 2), each with its file and line.
 */
export async function readEstates(
  context: RunContext,
  reference: string,
  ruleSetReference: string | undefined,
): Promise<EstatesInput> {
  const documents = await readDocuments(context, reference);
  const issues: CliIssue[] = [];
  let firstLine: string | undefined;
  // The path is within the estate's document; the message names the document (file, and line of NDJSON).
  const problem = (where: string, path: readonly (string | number)[], message: string, kind: string) => {
    firstLine ??= `${where} ${formatPath(path)}: ${message}`;
    issues.push({ path, message: `${where}: ${message}`, kind });
  };
  const readable = documents.filter((document) => document.problem === undefined);
  if (documents.length === 0) {
    throw new CliError(`--estates ${shownInput(reference)}: no estates found (未找到小区自查数据)`);
  }
  const ruleSet = await ruleSetFor(
    context,
    readable[0]?.json,
    readable[0]?.where ?? reference,
    ruleSetReference,
  );
  const evaluator = context.registry.compile(ruleSet);
  const estates: EstateInput[] = [];
  const seen = new Map<string, string>();
  // In input order, so the first line of the error is the first problem in the file.
  for (const document of documents) {
    if (document.problem !== undefined) {
      problem(document.where, [], document.problem, 'unreadable');
      continue;
    }
    try {
      const assessment = document.json as Assessment;
      const result = evaluator.evaluate(assessment);
      const earlier = seen.get(assessment.id);
      if (earlier !== undefined) {
        problem(document.where, ['id'], `id "${assessment.id}" is also the id of ${earlier}`, 'duplicate-id');
        continue;
      }
      seen.set(assessment.id, document.where);
      estates.push({ assessment, result, where: document.where });
    } catch (error) {
      if (!RubricError.isInstance(error)) throw error;
      for (const issue of error.issues)
        problem(document.where, issue.path, issue.message, issue.kind ?? error.code);
    }
  }
  if (firstLine !== undefined) {
    const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
    throw new CliError(`${shownInput(oneLine(firstLine))}${more}`, { issues, code: 'INVALID_ESTATES' });
  }
  return { ruleSet, estates };
}

async function readDocuments(context: RunContext, reference: string): Promise<Document[]> {
  const absolute = inputPath(context, reference);
  const kind = await stat(absolute).catch((error: unknown) => {
    throw new CliError(`--estates ${shownInput(reference)}: ${fileProblem(error)}`, { cause: error });
  });
  if (kind.isDirectory()) {
    const names = (await readdir(absolute)).filter((name) => name.endsWith('.json')).sort();
    const documents: Document[] = [];
    for (const name of names) {
      const where = joinShown(reference, name);
      documents.push(parsed(where, await readTextFile(join(absolute, name), where)));
    }
    return documents;
  }
  if (reference.endsWith('.json')) {
    const document = parsed(reference, await readTextFile(absolute, reference));
    if (!Array.isArray(document.json)) return [document];
    return document.json.map((json, index) => ({ where: `${reference} $[${index}]`, json }));
  }
  const documents: Document[] = [];
  for await (const entry of ndjsonLines(createReadStream(absolute))) {
    const where = `${reference}:${entry.line}`;
    if (entry.kind === 'text') documents.push(parsed(where, entry.text));
    else if (entry.kind !== 'blank') {
      const { message, zh } = unreadableLine(entry);
      documents.push({ where, problem: `${message} (${zh})` });
    }
  }
  return documents;
}

function parsed(where: string, source: string): Document {
  const unmarked = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  try {
    return { where, json: JSON.parse(unmarked) };
  } catch (error) {
    return { where, problem: describeJsonSyntaxError(unmarked, error) };
  }
}

/** `estates/a.json` from the folder as the user typed it, with `/` whatever the platform. */
function joinShown(folder: string, name: string): string {
  return `${folder.replace(/[\\/]+$/, '')}/${name}`.replace(/\\/g, '/');
}
