import type { ApplicationEvent } from '@sunshine-rubric/core';

/**
 * One event as the log keeps it: its place in the application's history (`version`, from 1, with no gaps)
 * and when the service recorded it, beside the event itself (its own `date` says when it happened).
 *
 * @example
 * ```ts
 * const stored: StoredEvent = {
 *   version: 1,
 *   recordedAt: '2021-08-20T08:00:00.000Z',
 *   event: { type: 'applied', date: '2021-09-01', actor: '香山四区物业' },
 * };
 * ```
 */
export interface StoredEvent {
  readonly version: number;
  readonly recordedAt: string;
  readonly event: ApplicationEvent;
}

/**
 * What an insert into the log came to: stored, or refused by the database because another writer got
 * there first (the application's version is then `currentVersion`, not the one the writer expected).
 *
 * @example
 * ```ts
 * const outcome: InsertOutcome = { ok: false, currentVersion: 4 };
 * ```
 */
export type InsertOutcome = { readonly ok: true } | { readonly ok: false; readonly currentVersion: number };

/**
 * The rows a database keeps for the event store: the one part that differs between SQLite and PostgreSQL.
 * It knows nothing of the workflow (events are stored as JSON, so a new kind of event needs no change
 * here); {@link createEventStore} checks every event before it reaches the log.
 *
 * The tables enforce the history's shape themselves, so that no interleaving of writers can break it:
 * `(application_id, version)` is the primary key (two writers expecting the same version cannot both
 * insert: one gets a conflict), and each row names its predecessor through a foreign key (no version can
 * be written past a gap).
 *
 * @example
 * ```ts
 * const log: EventLog = openSqliteEventLog('campaign.db');
 * const outcome = await log.insert('jiaxingyuan-1', 0, [event], [2021], new Date().toISOString());
 * ```
 */
export interface EventLog {
  /** Which database it is, for logs and figures: `sqlite` or `postgresql`. */
  readonly kind: 'sqlite' | 'postgresql';
  /** Every event of the application, by version (empty when nothing is recorded). */
  read(applicationId: string): Promise<readonly StoredEvent[]>;
  /**
   * Stores `events` at versions `expectedVersion + 1` onwards, and files the application under `years`,
   * all in one transaction: all of it or nothing. When another writer has stored any of those versions,
   * nothing is stored and the outcome carries the application's current version.
   */
  insert(
    applicationId: string,
    expectedVersion: number,
    events: readonly ApplicationEvent[],
    years: readonly number[],
    recordedAt: string,
  ): Promise<InsertOutcome>;
  /**
   * The events of every application filed under a round up to `year` (those that may count towards that
   * year's progress), by application id and then version.
   */
  readRoundsUpTo(year: number): Promise<ReadonlyMap<string, readonly StoredEvent[]>>;
  /** Closes the connections; the log is unusable afterwards. */
  close(): Promise<void>;
}

/**
 * Groups rows that come ordered by application id and version, as both databases read a year.
 *
 * @example
 * ```ts
 * groupByApplication(rows).get('jiaxingyuan-1'); // that application's events, by version
 * ```
 */
export function groupByApplication(
  rows: Iterable<{ readonly applicationId: string; readonly stored: StoredEvent }>,
): ReadonlyMap<string, readonly StoredEvent[]> {
  const grouped = new Map<string, StoredEvent[]>();
  for (const { applicationId, stored } of rows) {
    const events = grouped.get(applicationId);
    if (events) events.push(stored);
    else grouped.set(applicationId, [stored]);
  }
  return grouped;
}
