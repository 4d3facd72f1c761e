import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Assessment } from '@sunshine-rubric/core';
import { formatPath } from '@sunshine-rubric/core/words';
import type { CampaignApplication } from '@sunshine-rubric/core/workflow';
import { inputPath, type RunContext } from '../io/run-context.js';
import { CliError, type CliIssue } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';
import { oneLine } from './describe-error.js';
import { fileProblem, readJsonFile } from './read-json.js';

/** One estate's application log as `forms summary` and `campaign` read it. */
export interface ApplicationLogInput extends CampaignApplication {
  /** The estate's details (an assessment's `community`), for the forms' columns. */
  readonly community?: Assessment['community'];
}

/** A city's application logs, and each estate's details by application id. */
export interface CampaignApplicationsInput {
  readonly applications: readonly ApplicationLogInput[];
  readonly communities: Readonly<Record<string, Assessment['community']>>;
}

const fields = new Set(['id', 'events', 'community']);

/**
 * Reads a city's application logs: a JSON file holding a list `[{ id, events: [...], community? }]`, or a
 * folder whose `*.json` files (by name) each hold one estate's log — such an object, or the bare list of
 * events that `report --application` reads, whose id is then the file's name without `.json`. Every entry
 * that is not such an object, or that repeats another's id, is reported with its file and JSON path (exit 2):
 * nothing is summed up from part of the input. The events themselves are the library's to check.
 */
export async function readCampaignApplications(
  context: RunContext,
  reference: string,
): Promise<CampaignApplicationsInput> {
  const absolute = inputPath(context, reference);
  const kind = await stat(absolute).catch((error: unknown) => {
    throw new CliError(`${shownInput(reference)}: ${fileProblem(error)}`, { cause: error });
  });
  const entries: { where: string; path: (string | number)[]; json: unknown; defaultId?: string }[] = [];
  if (kind.isDirectory()) {
    const names = (await readdir(absolute)).filter((name) => name.endsWith('.json')).sort();
    if (names.length === 0)
      throw new CliError(
        `${shownInput(reference)}: no *.json application logs in this folder (未找到申报记录)`,
      );
    for (const name of names) {
      const where = `${reference.replace(/[\\/]+$/, '')}/${name}`.replace(/\\/g, '/');
      const json = await readJsonFile(join(absolute, name), where);
      const defaultId = basename(name, '.json');
      entries.push({ where, path: [], json: Array.isArray(json) ? { id: defaultId, events: json } : json });
    }
  } else {
    const json = await readJsonFile(absolute, reference);
    if (!Array.isArray(json))
      throw new CliError(
        `${shownInput(reference)} $: expected a list of applications, [{ "id", "events": [...] }] (应为申报记录列表)`,
        { code: 'INVALID_APPLICATIONS', file: reference },
      );
    json.forEach((entry, index) => {
      entries.push({ where: reference, path: [index], json: entry });
    });
  }
  const issues: CliIssue[] = [];
  let firstLine: string | undefined;
  const problem = (where: string, path: (string | number)[], message: string, kind: string) => {
    firstLine ??= `${where} ${formatPath(path)}: ${message}`;
    issues.push({ path, message: `${where}: ${message}`, kind });
  };
  const applications: ApplicationLogInput[] = [];
  const seen = new Map<string, string>();
  for (const { where, path, json } of entries) {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      problem(where, path, 'expected an application, { "id", "events": [...] }', 'invalid-type');
      continue;
    }
    const entry = json as Record<string, unknown>;
    let valid = true;
    for (const field of Object.keys(entry).filter((key) => !fields.has(key))) {
      problem(where, [...path, field], `unknown field "${field}" (id, events, community)`, 'unknown-field');
      valid = false;
    }
    if (typeof entry.id !== 'string' || entry.id.trim() === '') {
      problem(where, [...path, 'id'], 'expected the estate’s id, a non-empty string', 'invalid-type');
      valid = false;
    }
    if (!Array.isArray(entry.events)) {
      problem(where, [...path, 'events'], 'expected the list of the application’s events', 'invalid-type');
      valid = false;
    }
    const community = entry.community as { name?: unknown } | undefined;
    if (
      community !== undefined &&
      (typeof community !== 'object' || community === null || typeof community.name !== 'string')
    ) {
      problem(where, [...path, 'community'], 'expected the estate’s details, { "name", … }', 'invalid-type');
      valid = false;
    }
    if (!valid) continue;
    const id = entry.id as string;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problem(where, [...path, 'id'], `id "${id}" is also the id of ${earlier}`, 'duplicate-id');
      continue;
    }
    seen.set(id, `${where} ${formatPath(path)}`);
    applications.push(entry as unknown as ApplicationLogInput);
  }
  if (firstLine !== undefined) {
    const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
    throw new CliError(`${shownInput(oneLine(firstLine))}${more}`, { issues, code: 'INVALID_APPLICATIONS' });
  }
  const communities = Object.fromEntries(
    applications.flatMap((application) =>
      application.community === undefined ? [] : [[application.id, application.community]],
    ),
  );
  return { applications, communities };
}
