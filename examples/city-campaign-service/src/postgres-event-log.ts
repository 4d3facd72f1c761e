import type { ApplicationEvent } from '@sunshine-rubric/core';
import pg from 'pg';
import { type EventLog, groupByApplication, type InsertOutcome, type StoredEvent } from './event-log.js';

// As in SQLite: the primary key refuses a second writer of one version, the foreign key to the previous
// version refuses a gap. `json` (not `jsonb`) keeps each event exactly as it was written.
const schema = `
  CREATE TABLE IF NOT EXISTS application_events (
    application_id text NOT NULL,
    version integer NOT NULL CHECK (version >= 1),
    previous_version integer CHECK (
      (version = 1 AND previous_version IS NULL) OR previous_version = version - 1
    ),
    event json NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (application_id, version),
    FOREIGN KEY (application_id, previous_version) REFERENCES application_events (application_id, version)
  );
  CREATE TABLE IF NOT EXISTS application_years (
    application_id text NOT NULL,
    year integer NOT NULL,
    PRIMARY KEY (year, application_id)
  );
`;

/** unique_violation, foreign_key_violation, check_violation: another writer stored the version first. */
const conflictCodes = new Set(['23505', '23503', '23514']);

/** Any number, so that two services creating the tables at once take turns (CREATE … IF NOT EXISTS races). */
const schemaLockKey = 20_210_930;

interface EventRow {
  readonly application_id: string;
  readonly version: number;
  readonly event: ApplicationEvent;
  readonly recorded_at: Date;
}

/**
 * The event log in PostgreSQL, through a `pg` pool of `maxConnections` (10): for a city whose reviewers
 * work on several service instances at once. Creates its two tables if they are missing. The connection
 * string is libpq's (`postgres://user:password@host:5432/database`).
 *
 * @example
 * ```ts
 * const store = createEventStore(await openPostgresEventLog(process.env.DATABASE_URL!));
 * ```
 */
export async function openPostgresEventLog(
  connectionString: string,
  { maxConnections = 10 } = {},
): Promise<EventLog> {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // A connection that breaks while idle in the pool must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('campaign service: an idle PostgreSQL connection failed', error));
  try {
    await transaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [schemaLockKey]);
      await client.query(schema);
    });
  } catch (error) {
    await pool.end();
    throw error;
  }

  return {
    kind: 'postgresql',
    async read(applicationId) {
      const { rows } = await pool.query<EventRow>(
        'SELECT application_id, version, event, recorded_at FROM application_events WHERE application_id = $1 ORDER BY version',
        [applicationId],
      );
      return rows.map(toStoredEvent);
    },
    async insert(applicationId, expectedVersion, events, years, recordedAt): Promise<InsertOutcome> {
      try {
        await transaction(pool, async (client) => {
          for (const [index, event] of events.entries()) {
            const version = expectedVersion + index + 1;
            await client.query(
              'INSERT INTO application_events (application_id, version, previous_version, event, recorded_at) VALUES ($1, $2, $3, $4, $5)',
              [applicationId, version, version === 1 ? null : version - 1, JSON.stringify(event), recordedAt],
            );
          }
          for (const year of years) {
            await client.query(
              'INSERT INTO application_years (application_id, year) VALUES ($1, $2) ON CONFLICT DO NOTHING',
              [applicationId, year],
            );
          }
        });
        return { ok: true };
      } catch (error) {
        if (!conflictCodes.has((error as { code?: string }).code ?? '')) throw error;
        const { rows } = await pool.query<{ version: number }>(
          'SELECT coalesce(max(version), 0)::integer AS version FROM application_events WHERE application_id = $1',
          [applicationId],
        );
        return { ok: false, currentVersion: rows[0]?.version ?? 0 };
      }
    },
    async readRoundsUpTo(year) {
      const { rows } = await pool.query<EventRow>(
        `SELECT e.application_id, e.version, e.event, e.recorded_at
           FROM application_events e
          WHERE e.application_id IN (SELECT application_id FROM application_years WHERE year <= $1)
          ORDER BY e.application_id, e.version`,
        [year],
      );
      return groupByApplication(
        rows.map((row) => ({ applicationId: row.application_id, stored: toStoredEvent(row) })),
      );
    },
    async close() {
      await pool.end();
    },
  };
}

async function transaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true; // the connection itself failed: the pool must not hand it out again
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

function toStoredEvent(row: EventRow): StoredEvent {
  return { version: row.version, recordedAt: row.recorded_at.toISOString(), event: row.event };
}
