import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, it } from 'vitest';
import type { EventLog } from '../src/event-log.js';
import { createEventStore, type EventStore, type EventStoreOptions } from '../src/event-store.js';
import { openPostgresEventLog } from '../src/postgres-event-log.js';
import { openSqliteEventLog } from '../src/sqlite-event-log.js';

/** A fresh, empty log and store in one database, and how to throw it away. */
export interface TestDatabase {
  /** Where it is, as `openEventStore` and the service's DATABASE_URL or CAMPAIGN_DB take it. */
  readonly location: string;
  readonly log: EventLog;
  readonly store: EventStore;
  dispose(): Promise<void>;
}

interface DatabaseUnderTest {
  readonly name: 'sqlite' | 'postgresql';
  /** Why it cannot be tested here, when it cannot. */
  readonly unavailable?: string;
  open(options?: EventStoreOptions): Promise<TestDatabase>;
}

const postgresUrl = process.env.CAMPAIGN_TEST_POSTGRES_URL;

const sqlite: DatabaseUnderTest = {
  name: 'sqlite',
  async open(options) {
    const folder = mkdtempSync(join(tmpdir(), 'campaign-sqlite-'));
    const location = join(folder, 'campaign.db');
    const log = openSqliteEventLog(location);
    return {
      location,
      log,
      store: createEventStore(log, options),
      async dispose() {
        await log.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  },
};

let schemaCount = 0;

/** Each database gets a schema of its own on the test server, dropped afterwards: test files run at once. */
const postgresql: DatabaseUnderTest = {
  name: 'postgresql',
  ...(postgresUrl ? {} : { unavailable: 'CAMPAIGN_TEST_POSTGRES_URL is not set' }),
  async open(options) {
    const schema = `campaign_test_${process.pid}_${Date.now()}_${++schemaCount}`;
    await withAdmin((admin) => admin.query(`CREATE SCHEMA ${schema}`));
    const separator = postgresUrl!.includes('?') ? '&' : '?';
    const url = `${postgresUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const log = await openPostgresEventLog(url);
    return {
      location: url,
      log,
      store: createEventStore(log, options),
      async dispose() {
        await log.close();
        await withAdmin((admin) => admin.query(`DROP SCHEMA ${schema} CASCADE`));
      },
    };
  },
};

async function withAdmin(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The same suite against each database: SQLite always; PostgreSQL at `CAMPAIGN_TEST_POSTGRES_URL`. Without
 * that variable the PostgreSQL suite is skipped, loudly, on a developer's machine, and fails in CI
 * (`CI=true`), where `.ci/run` starts a server and sets it.
 */
export function describeEachDatabase(title: string, suite: (database: DatabaseUnderTest) => void): void {
  for (const database of [sqlite, postgresql]) {
    if (database.unavailable === undefined) {
      describe(`${title} (${database.name})`, () => suite(database));
    } else if (process.env.CI === 'true') {
      describe(`${title} (${database.name})`, () => {
        it('has its database to test against', () => {
          throw new Error(
            `${database.name} is not tested: ${database.unavailable} (CI must set it: see .ci/run)`,
          );
        });
      });
    } else {
      console.warn(
        `\n*** SKIPPED: ${title} on ${database.name}: ${database.unavailable}. Start one with\n` +
          `***   eval "$(bash examples/city-campaign-service/scripts/test-postgres.sh start)"\n`,
      );
      describe.skip(`${title} (${database.name}: SKIPPED, ${database.unavailable})`, () => suite(database));
    }
  }
}
