import type { Text } from '@sunshine-rubric/core';
import type { PortfolioCostModel } from '@sunshine-rubric/planner';
import { readJsonFile } from '../input/read-json.js';
import { inputPath, type RunContext } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';

/** A cost model for the planner, with what its amounts are in and whether they are drafted. */
export interface CostsInput {
  readonly model: PortfolioCostModel;
  /** What the amounts are in (`元`/`CNY`); undefined when the file does not say. */
  readonly unit?: Text | undefined;
  /** The file marks its figures as drafted (`"drafted": true`): every output then says so. */
  readonly drafted: boolean;
}

const modelKeys = new Set(['perStandard', 'perLevel', 'defaultCost', 'perEstate']);

/**
 * Reads `plan --costs`: the planner's cost model as JSON — `perStandard` (`{ "S28": 120000 }`), `perLevel`
 * (`{ "city": { "S28": 150000 } }`), `defaultCost`, `perEstate` (`{ "city": 2000000 }`) — with, optionally,
 * `unit` (`"元"` or `{ "zh": "元", "en": "CNY" }`) and `drafted: true` for figures that are not official. Other
 * keys are refused (a misspelt `perStandards` must not silently cost every fix 1); the planner checks the
 * amounts and the standard ids, and its errors name this file's JSON path.
 */
export async function readPortfolioCosts(context: RunContext, file: string): Promise<CostsInput> {
  const json = await readJsonFile(inputPath(context, file), file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliError(
      `${shownInput(file)} $: expected a cost model, e.g. { "perStandard": { "S28": 120000 }, "defaultCost": 30000 }`,
    );
  }
  const { unit, drafted, ...model } = json as Record<string, unknown>;
  const unknown = Object.keys(model).filter((key) => !modelKeys.has(key));
  if (unknown.length > 0) {
    throw new CliError(
      `${shownInput(file)} $.${shownInput(unknown[0]!)}: not a field of a cost model (fields: perStandard, perLevel, defaultCost, perEstate, unit, drafted)`,
      { file },
    );
  }
  if (drafted !== undefined && typeof drafted !== 'boolean')
    throw new CliError(`${shownInput(file)} $.drafted: expected true or false`, { file });
  return { model: model as PortfolioCostModel, unit: unitOf(unit, file), drafted: drafted === true };
}

function unitOf(unit: unknown, file: string): Text | undefined {
  if (unit === undefined) return undefined;
  if (typeof unit === 'string') return { zh: unit, en: unit };
  const given = unit as { zh?: unknown; en?: unknown } | null;
  if (typeof given === 'object' && given !== null && typeof given.zh === 'string')
    return { zh: given.zh, en: typeof given.en === 'string' ? given.en : given.zh };
  throw new CliError(
    `${shownInput(file)} $.unit: expected a text, e.g. "元" or { "zh": "元", "en": "CNY" }`,
    { file },
  );
}
