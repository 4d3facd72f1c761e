import maxSatisfying from 'semver/ranges/max-satisfying.js';
import validRange from 'semver/ranges/valid.js';
import { RubricError } from '../errors/rubric-error.js';
import type { RuleSet } from '../rule-set/types.js';
import { isIsoDate } from '../util/guards.js';
import { clipText, quote, showValue } from '../util/show-value.js';

const ruleSetIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The rule sets of a registry by id, each list in ascending semver order. */
export type RuleSetsById = ReadonlyMap<string, readonly RuleSet[]>;

/**
 * The rule set a reference names: `id` (its highest version) or `id@range` (the highest version in the
 * semver range). A bare id prefers released versions, and takes a prerelease only when there is nothing else.
 */
export function findByReference(byId: RuleSetsById, reference: string): RuleSet {
  if (typeof reference !== 'string')
    throw invalidReference(reference, 'a reference is a string: "id" or "id@range"');
  const at = reference.indexOf('@');
  const id = at < 0 ? reference : reference.slice(0, at);
  const range = at < 0 ? '*' : reference.slice(at + 1);
  if (!ruleSetIdPattern.test(id))
    throw invalidReference(reference, `${quote(id)} is not a rule-set id (kebab-case)`);
  if (validRange(range) === null) throw invalidReference(reference, `${quote(range)} is not a semver range`);
  const candidates = versionsOf(byId, id, reference);
  const versions = candidates.map((ruleSet) => ruleSet.version);
  const best = maxSatisfying(versions, range) ?? (at < 0 ? versions.at(-1) : null);
  const found = candidates.find((ruleSet) => ruleSet.version === best);
  if (found) return found;
  throw notFound(
    reference,
    `no version of ${quote(id)} satisfies ${quote(range)} (available: ${clipText(versions.join(', '), 120)})`,
  );
}

/**
 * The version of a rule set in effect on a date: among its versions with `effective` dates covering the date
 * (`from` and `until` both inclusive), the one with the latest `from`; the higher version on a tie.
 * Versions without `effective` dates are never picked.
 */
export function findByDate(byId: RuleSetsById, id: string, date: string): RuleSet {
  if (!isIsoDate(date)) {
    throw new RubricError('INVALID_OPTIONS', [
      {
        path: ['date'],
        message: `expected a date as YYYY-MM-DD, got ${showValue(date)}`,
        kind: 'invalid-date',
      },
    ]);
  }
  const candidates = versionsOf(byId, id, id);
  let best: RuleSet | undefined;
  for (const ruleSet of candidates) {
    const effective = ruleSet.effective;
    if (!effective || effective.from > date || (effective.until !== undefined && effective.until < date))
      continue;
    if (!best || effective.from >= best.effective!.from) best = ruleSet;
  }
  if (best) return best;
  const ranges = candidates.map(
    ({ version, effective }) =>
      `${version}: ${effective ? `${effective.from} to ${effective.until ?? 'open end'}` : 'not dated'}`,
  );
  throw notFound(
    id,
    `no version of ${quote(id)} is in effect on ${date} (${clipText(ranges.join('; '), 120)})`,
  );
}

function versionsOf(byId: RuleSetsById, id: string, reference: string): readonly RuleSet[] {
  const versions = byId.get(id);
  if (versions && versions.length > 0) return versions;
  const registered = [...byId.values()].flat().map((ruleSet) => `${ruleSet.id}@${ruleSet.version}`);
  throw notFound(
    reference,
    `no rule set ${quote(id)} is registered (registered: ${registered.length > 0 ? clipText(registered.join(', '), 120) : 'none'})`,
  );
}

function notFound(reference: string, message: string): RubricError {
  return new RubricError(
    'RULE_SET_NOT_FOUND',
    [{ path: [], message, kind: 'not-found' }],
    `RULE_SET_NOT_FOUND: ${quote(reference)}: ${message}`,
  );
}

function invalidReference(reference: unknown, message: string): RubricError {
  return new RubricError(
    'INVALID_OPTIONS',
    [{ path: [], message, kind: 'invalid-reference' }],
    `INVALID_OPTIONS: ${showValue(reference)}: ${message}`,
  );
}
