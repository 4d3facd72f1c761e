import {
  type ApplicationState,
  type FoldApplicationOptions,
  type IssueOf,
  RubricError,
  safeFoldApplication,
} from '@sunshine-rubric/core';
import { type CampaignYear, foldCampaignYear } from '@sunshine-rubric/core/workflow';
import type { EventLog, StoredEvent } from './event-log.js';

/**
 * Where an application stands: its folded state (without the events themselves, which
 * {@link EventStore.readEvents} gives) and its version, the number of events recorded, which the next
 * append must expect.
 *
 * @example
 * ```ts
 * const view: ApplicationView = { applicationId: 'jiaxingyuan-1', version: 2, state: { status: 'applied', rectifications: 0 } };
 * ```
 */
export interface ApplicationView {
  readonly applicationId: string;
  readonly version: number;
  readonly state: Omit<ApplicationState, 'history'>;
}

/**
 * What an append came to: the application's new version, or a conflict: another writer appended since the
 * version the caller expected, and nothing was stored. The caller reads the application again
 * (`currentVersion` is where it stands now), decides again, and retries.
 *
 * @example
 * ```ts
 * const outcome = await store.appendEvents('jiaxingyuan-1', 2, [decision]);
 * if (!outcome.ok) console.log(`someone else decided first; the application is at ${outcome.conflict.currentVersion}`);
 * ```
 */
export type AppendOutcome =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly conflict: { readonly currentVersion: number } };

/**
 * The city's application event log: appends with optimistic concurrency, and the folded views.
 *
 * @example
 * ```ts
 * const store = createEventStore(openSqliteEventLog('campaign.db'), { plan: qinzhouPlan });
 * await store.appendEvents('jiaxingyuan-1', 0, [selfCheck]); // { ok: true, version: 1 }
 * ```
 */
export interface EventStore {
  /** Which database holds the log. */
  readonly kind: EventLog['kind'];
  /**
   * Appends `events` to the application if it is still at `expectedVersion` (0 for a new one). Every
   * event is validated (`ApplicationEventSchema`) and must be a legal step after the ones before it, as
   * `foldApplication` checks them; otherwise it throws a `RubricError` `INVALID_WORKFLOW_STEP` whose issue
   * paths point into `events`, and nothing is stored.
   */
  appendEvents(
    applicationId: string,
    expectedVersion: number,
    events: readonly unknown[],
  ): Promise<AppendOutcome>;
  /** The application's folded state and version, or `undefined` when nothing is recorded for it. */
  readApplication(applicationId: string): Promise<ApplicationView | undefined>;
  /** Every event recorded for the application, by version (empty when nothing is). */
  readEvents(applicationId: string): Promise<readonly StoredEvent[]>;
  /**
   * The round of `year`: every application that applied for it, folded (its current state), by id; and the
   * city's view of the round (core's `foldCampaignYear`: how many stand at each step, which are late on
   * `asOf`, returned, certified, and progress against the plan).
   */
  readCampaignYear(year: number, asOf?: string): Promise<CampaignYearView>;
  /** Closes the database. */
  close(): Promise<void>;
}

/**
 * A year's round as the store gives it. In `summary`, a log that does not fold is listed in `refused` with
 * its error's code, message and issues.
 *
 * @example
 * ```ts
 * const { applications, summary } = await store.readCampaignYear(2021, '2021-11-20');
 * summary.byStatus.certified; summary.late.length;
 * ```
 */
export interface CampaignYearView {
  readonly year: number;
  readonly applications: readonly ApplicationView[];
  readonly summary: Omit<CampaignYear, 'refused'> & {
    readonly refused: readonly {
      readonly id: string;
      readonly error: Pick<RubricError, 'code' | 'message' | 'issues'>;
    }[];
  };
}

/**
 * Options of {@link createEventStore}: the fold's own (`foldApplication`'s), used for every check and every
 * view, so that an option the workflow gains reaches the store with no change here.
 *
 * @example
 * ```ts
 * const options: EventStoreOptions = { plan: { total: 26, milestones: [{ year: 2024, share: 1 }], applicationDeadline: '09-30' } };
 * ```
 */
export type EventStoreOptions = FoldApplicationOptions;

/**
 * The event store over a database's log. Each append folds the application's history with the new events
 * (`safeFoldApplication`), so nothing illegal is stored, then inserts them at the versions after
 * `expectedVersion`. The check and the insert are not one atomic step: the database's primary key on
 * (application, version) is what settles a race, so that of two writers who read the same version, one
 * stores and the other gets a conflict.
 *
 * @throws {RubricError} the fold's error for invalid options, e.g. `INVALID_PLAN` for an invalid plan.
 * @example
 * ```ts
 * const store = createEventStore(await openPostgresEventLog(process.env.DATABASE_URL!));
 * ```
 */
export function createEventStore(log: EventLog, options: EventStoreOptions = {}): EventStore {
  // Checked once, here, so that invalid options stop the service at start rather than fail every request.
  const checked = safeFoldApplication([], options);
  if (!checked.ok) throw checked.error;

  function view(applicationId: string, stored: readonly StoredEvent[]): ApplicationView {
    const folded = safeFoldApplication(
      stored.map(({ event }) => event),
      options,
    );
    if (!folded.ok) throw storedHistoryRefused(applicationId, folded.error);
    const { history: _history, ...state } = folded.value;
    return { applicationId, version: stored.length, state };
  }

  return {
    kind: log.kind,
    async appendEvents(applicationId, expectedVersion, events) {
      requireApplicationId(applicationId);
      if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
        throw new RangeError(`expectedVersion must be a whole number of at least 0, not ${expectedVersion}`);
      }
      if (events.length === 0) throw new RangeError('append at least one event');
      const stored = await log.read(applicationId);
      // Appending on a version other than the one the caller decided on would store a decision taken on a
      // state that is gone: a conflict, whether the caller is behind or ahead.
      if (stored.length !== expectedVersion)
        return { ok: false, conflict: { currentVersion: stored.length } };
      const folded = safeFoldApplication([...stored.map(({ event }) => event), ...events], options);
      if (!folded.ok) throw refusal(folded.error, stored.length, applicationId);
      const year = folded.value.year;
      const outcome = await log.insert(
        applicationId,
        expectedVersion,
        folded.value.history.slice(stored.length),
        year === undefined ? [] : [year],
        new Date().toISOString(),
      );
      return outcome.ok
        ? { ok: true, version: expectedVersion + events.length }
        : { ok: false, conflict: { currentVersion: outcome.currentVersion } };
    },
    async readApplication(applicationId) {
      requireApplicationId(applicationId);
      const stored = await log.read(applicationId);
      return stored.length === 0 ? undefined : view(applicationId, stored);
    },
    async readEvents(applicationId) {
      requireApplicationId(applicationId);
      return log.read(applicationId);
    },
    async readCampaignYear(year, asOf) {
      const logs = await log.readRoundsUpTo(year);
      // Sorted here, by code point, so that both databases list a year alike whatever their collation.
      const ids = [...logs.keys()].sort(byCodePoint);
      const applications = ids.map((id) => ({ id, events: logs.get(id)!.map(({ event }) => event) }));
      const { refused, ...summary } = foldCampaignYear(applications, {
        ...options,
        year,
        ...(asOf === undefined ? {} : { asOf }),
      });
      const unfolded = new Set(refused.map(({ id }) => id));
      // In the round: an application whose log has an `applied` for that year, as the city-year view counts.
      const inRound = ids.filter(
        (id) =>
          !unfolded.has(id) &&
          logs
            .get(id)!
            .some(
              ({ event }) =>
                event.type === 'applied' && (event.year ?? Number(event.date.slice(0, 4))) === year,
            ),
      );
      return {
        year,
        applications: inRound.map((id) => view(id, logs.get(id)!)),
        summary: {
          ...summary,
          refused: refused.map(({ id, error }) => ({
            id,
            error: { code: error.code, message: error.message, issues: error.issues },
          })),
        },
      };
    },
    close: () => log.close(),
  };
}

/** The longest application id the service takes: an estate's code or name, never a document. */
const maxApplicationIdLength = 128;

/**
 * Why `applicationId` cannot name an application, or `undefined` when it can: 1 to 128 characters, none of
 * them a control character or `/` (it is a segment of the service's URLs).
 *
 * @example
 * ```ts
 * applicationIdProblem('家兴苑一区'); // undefined
 * applicationIdProblem(''); // 'an application id has 1 to 128 characters'
 * ```
 */
export function applicationIdProblem(applicationId: string): string | undefined {
  if (applicationId.length === 0 || applicationId.length > maxApplicationIdLength) {
    return `an application id has 1 to ${maxApplicationIdLength} characters`;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (/[\u0000-\u001f\u007f/]/.test(applicationId)) {
    return 'an application id has no control characters and no "/"';
  }
  return undefined;
}

function requireApplicationId(applicationId: string): void {
  const problem = applicationIdProblem(applicationId);
  if (problem !== undefined) throw new RangeError(problem);
}

/** The fold's error with its paths made relative to the appended events (the history before is valid). */
function refusal(
  error: RubricError,
  storedCount: number,
  applicationId: string,
): RubricError<'INVALID_WORKFLOW_STEP'> {
  if (error.code !== 'INVALID_WORKFLOW_STEP') throw error;
  const issues = (error.issues as readonly IssueOf<'INVALID_WORKFLOW_STEP'>[]).map((issue) => {
    const [index, ...rest] = issue.path;
    if (typeof index !== 'number' || index < storedCount) throw storedHistoryRefused(applicationId, error);
    return { ...issue, path: [index - storedCount, ...rest] };
  });
  return new RubricError('INVALID_WORKFLOW_STEP', issues);
}

/**
 * The stored history itself no longer folds: the plan or the library's rules changed under it. Not the
 * caller's fault, and not something to hide: the service answers 500 and logs this.
 */
function storedHistoryRefused(applicationId: string, cause: RubricError): Error {
  return new Error(
    `the stored events of application ${JSON.stringify(applicationId)} no longer fold: ${cause.message}`,
    { cause },
  );
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
