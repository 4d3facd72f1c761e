import { createEventStore, type EventStore, type EventStoreOptions } from './event-store.js';
import { openPostgresEventLog } from './postgres-event-log.js';
import { openSqliteEventLog } from './sqlite-event-log.js';

/**
 * The event store in the database `location` names: PostgreSQL for a `postgres://` or `postgresql://`
 * connection string, else an SQLite file at that path (created if missing).
 *
 * @example
 * ```ts
 * const store = await openEventStore(process.env.DATABASE_URL ?? 'campaign.db', { plan: qinzhouPlan });
 * ```
 */
export async function openEventStore(location: string, options: EventStoreOptions = {}): Promise<EventStore> {
  const log = /^postgres(?:ql)?:\/\//i.test(location)
    ? await openPostgresEventLog(location)
    : openSqliteEventLog(location);
  try {
    return createEventStore(log, options);
  } catch (error) {
    await log.close();
    throw error;
  }
}
