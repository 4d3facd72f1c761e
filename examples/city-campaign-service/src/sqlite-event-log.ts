import type { ApplicationEvent } from '@sunshine-rubric/core';
import Database from 'better-sqlite3';
import { type EventLog, groupByApplication, type InsertOutcome, type StoredEvent } from './event-log.js';

// The primary key refuses a second writer of one version; the foreign key to the previous version refuses a
// version written past a gap. Events are JSON text: a new kind of event needs no change of table.
const schema = `
  CREATE TABLE IF NOT EXISTS application_events (
    application_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    previous_version INTEGER CHECK (
      (version = 1 AND previous_version IS NULL) OR previous_version = version - 1
    ),
    event TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (application_id, version),
    FOREIGN KEY (application_id, previous_version) REFERENCES application_events (application_id, version)
  ) STRICT;
  CREATE TABLE IF NOT EXISTS application_years (
    application_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    PRIMARY KEY (year, application_id)
  ) STRICT;
`;

/** The constraint failures that mean another writer stored the version first (or the writer is behind). */
const conflictCodes = new Set([
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  'SQLITE_CONSTRAINT_FOREIGNKEY',
  'SQLITE_CONSTRAINT_CHECK',
]);

interface EventRow {
  readonly application_id: string;
  readonly version: number;
  readonly event: string;
  readonly recorded_at: string;
}

/**
 * The event log in an SQLite file (`:memory:` for one that lives as long as the process), through
 * better-sqlite3: the default database of the service, embedded, nothing to install. The file is in WAL
 * mode, so readers do not wait for a writer, and a write waits up to `busyTimeoutMs` for another process's
 * write to finish; two service processes may share one file.
 *
 * @example
 * ```ts
 * const store = createEventStore(openSqliteEventLog('campaign.db'));
 * ```
 */
export function openSqliteEventLog(file: string, { busyTimeoutMs = 5_000 } = {}): EventLog {
  const database = new Database(file, { timeout: busyTimeoutMs });
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.exec(schema);

  const selectApplication = database.prepare<[string], EventRow>(
    'SELECT application_id, version, event, recorded_at FROM application_events WHERE application_id = ? ORDER BY version',
  );
  const selectRoundsUpTo = database.prepare<[number], EventRow>(
    `SELECT e.application_id, e.version, e.event, e.recorded_at
       FROM application_events e
      WHERE e.application_id IN (SELECT application_id FROM application_years WHERE year <= ?)
      ORDER BY e.application_id, e.version`,
  );
  const selectVersion = database.prepare<[string], { version: number }>(
    'SELECT coalesce(max(version), 0) AS version FROM application_events WHERE application_id = ?',
  );
  const insertEvent = database.prepare<[string, number, number | null, string, string]>(
    'INSERT INTO application_events (application_id, version, previous_version, event, recorded_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertYear = database.prepare<[string, number]>(
    'INSERT INTO application_years (application_id, year) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  // IMMEDIATE: take the write lock before the first insert, so a writer in another process waits for it
  // (busy timeout) instead of failing halfway through its transaction.
  const insertAll = database.transaction(
    (
      applicationId: string,
      expectedVersion: number,
      events: readonly ApplicationEvent[],
      years: readonly number[],
      recordedAt: string,
    ) => {
      events.forEach((event, index) => {
        const version = expectedVersion + index + 1;
        insertEvent.run(
          applicationId,
          version,
          version === 1 ? null : version - 1,
          JSON.stringify(event),
          recordedAt,
        );
      });
      for (const year of years) insertYear.run(applicationId, year);
    },
  ).immediate;

  return {
    kind: 'sqlite',
    async read(applicationId) {
      return selectApplication.all(applicationId).map(toStoredEvent);
    },
    async insert(applicationId, expectedVersion, events, years, recordedAt): Promise<InsertOutcome> {
      try {
        insertAll(applicationId, expectedVersion, events, years, recordedAt);
        return { ok: true };
      } catch (error) {
        if (!conflictCodes.has((error as { code?: string }).code ?? '')) throw error;
        return { ok: false, currentVersion: selectVersion.get(applicationId)?.version ?? 0 };
      }
    },
    async readRoundsUpTo(year) {
      return groupByApplication(
        selectRoundsUpTo
          .all(year)
          .map((row) => ({ applicationId: row.application_id, stored: toStoredEvent(row) })),
      );
    },
    async close() {
      database.close();
    },
  };
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    version: row.version,
    recordedAt: row.recorded_at,
    event: JSON.parse(row.event) as ApplicationEvent,
  };
}
