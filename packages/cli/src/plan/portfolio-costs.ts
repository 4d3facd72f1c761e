import type { RuleSet, Text } from '@sunshine-rubric/core';
import type { PortfolioCostModel } from '@sunshine-rubric/planner';
import { standardCosts, standardIdsOf } from '../input/costs.js';
import { readJsonFile } from '../input/read-json.js';
import { inputPath, type RunContext } from '../io/run-context.js';
import { CliError } from '../io/run-io.js';
import { shownInput } from '../io/terminal-safe.js';

const modelKeys = new Set(['perStandard', 'perLevel', 'defaultCost', 'perEstate', 'unit', 'drafted']);
const fields = 'perStandard, perLevel, defaultCost, perEstate, unit, drafted';
/** What `"drafted": true` stands for: the file marks its figures drafted without saying on what basis. */
const NO_BASIS: Text = { zh: '未注明依据', en: 'no basis given' };

/**
 * Reads `plan --costs` into the planner's cost model, in one of two forms:
 * - the cost model: `perStandard` (`{ "S28": 120000 }`), `perLevel` (`{ "city": { "S28": 150000 } }`),
 *   `defaultCost`, `perEstate` (`{ "city": 2000000 }`), and optionally `unit` (`"元"` or `{ "zh": "元",
 *   "en": "CNY" }`) and `drafted` (`true`, or the basis: `"…"`, `{ "zh", "en" }` or `{ "basis": … }`);
 * - `remediate`'s flat form, `{ "S28": 120000 }`: every key a standard id, the same as `perStandard` (others
 *   cost 1, as in `remediate` without `--default-cost`).
 * A file that mixes standard ids with model fields is refused (is `S28` beside `defaultCost` meant as
 * `perStandard`?), and so is any other key (a misspelt `perStandards` must not silently cost every fix 1);
 * the planner checks the amounts and the standard ids, and its errors name this file's JSON path.
 */
export async function readPortfolioCosts(
  context: RunContext,
  file: string,
  ruleSet: RuleSet,
): Promise<PortfolioCostModel> {
  const json = await readJsonFile(inputPath(context, file), file);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new CliError(
      `${shownInput(file)} $: expected a cost model, e.g. { "perStandard": { "S28": 120000 }, "defaultCost": 30000 }, or standard ids to costs, e.g. { "S28": 120000 }`,
    );
  }
  const record = json as Record<string, unknown>;
  const keys = Object.keys(record);
  const standardIds = standardIdsOf(ruleSet);
  const standardKey = keys.find((key) => !modelKeys.has(key) && standardIds.has(key));
  const modelKey = keys.find((key) => modelKeys.has(key));
  if (standardKey !== undefined && modelKey === undefined)
    return { perStandard: standardCosts(record, file, ruleSet) };
  if (standardKey !== undefined)
    throw new CliError(
      `${shownInput(file)} $.${shownInput(standardKey)}: a standard id beside the cost model's field ${modelKey}: put standards under "perStandard", or give only standard ids to costs (the form remediate takes) (标准编号与成本模型字段混用)`,
      { file },
    );
  const unknown = keys.find((key) => !modelKeys.has(key));
  if (unknown !== undefined) {
    throw new CliError(
      `${shownInput(file)} $.${shownInput(unknown)}: not a field of a cost model nor a standard of ${ruleSet.id} (fields: ${fields})`,
      { file },
    );
  }
  const { unit, drafted, ...model } = record;
  return {
    ...(model as PortfolioCostModel),
    ...(unit === undefined
      ? {}
      : { unit: textOf(unit, file, 'unit', '"元" or { "zh": "元", "en": "CNY" }') }),
    ...(drafted === undefined || drafted === false ? {} : { drafted: { basis: basisOf(drafted, file) } }),
  };
}

function basisOf(drafted: unknown, file: string): Text {
  if (drafted === true) return NO_BASIS;
  const given = drafted as { basis?: unknown } | null;
  if (typeof given === 'object' && given !== null && 'basis' in given)
    return textOf(given.basis, file, 'drafted.basis', 'a text');
  return textOf(drafted, file, 'drafted', 'true or the basis, e.g. { "basis": "2021 tender prices" }');
}

function textOf(value: unknown, file: string, path: string, expected: string): Text {
  if (typeof value === 'string' && value.trim() !== '') return { zh: value, en: value };
  const given = value as { zh?: unknown; en?: unknown } | null;
  if (typeof given === 'object' && given !== null && typeof given.zh === 'string' && given.zh.trim() !== '')
    return { zh: given.zh, en: typeof given.en === 'string' ? given.en : given.zh };
  throw new CliError(`${shownInput(file)} $.${path}: expected ${expected}`, { file });
}
