import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { RubricError } from '@sunshine-rubric/core';
import { requireWholeNumber } from '@sunshine-rubric-examples/node-service/check-option';
import { errorResponse, HttpError } from '@sunshine-rubric-examples/node-service/http-error';
import {
  type BodyLimits,
  bodyLeftUnread,
  readJsonBody,
} from '@sunshine-rubric-examples/node-service/read-body';
import { applicationIdProblem, type EventStore } from './event-store.js';

/**
 * What the service needs: the event store, and, each with a safe default, the body limits (`maxBodyBytes`
 * 1 MB, `bodyTimeoutMs` 10 s) and how many issues an error answer lists (`maxIssues` 20).
 */
export interface CampaignServiceOptions extends BodyLimits {
  readonly store: EventStore;
  /** The most issues an error answer lists; it also says how many there were. */
  readonly maxIssues?: number;
}

/**
 * The body of a 409: the append expected a version the application is no longer (or not yet) at.
 *
 * @example
 * ```ts
 * const body: ConflictBody = { error: { code: 'VERSION_CONFLICT', message: '…', currentVersion: 5 } };
 * ```
 */
export interface ConflictBody {
  readonly error: {
    readonly code: 'VERSION_CONFLICT';
    readonly message: string;
    readonly currentVersion: number;
  };
}

/**
 * The service as a `node:http` request listener:
 *
 * - `POST /applications/:id/events` with `{ expectedVersion, events }`: appends the events if the
 *   application is still at `expectedVersion` (0 for a new one) → 201 `{ applicationId, version }`; 409
 *   `VERSION_CONFLICT` with `currentVersion` when another writer got there first; 422
 *   `INVALID_WORKFLOW_STEP` with each issue's path into the body when an event is malformed or not legal.
 * - `GET /applications/:id` → `{ applicationId, version, state }`: the folded state; 404 when nothing is
 *   recorded.
 * - `GET /applications/:id/events` → `{ applicationId, version, events: [{ version, recordedAt, event }] }`.
 * - `GET /campaign/:year[?asOf=YYYY-MM-DD]` → `{ year, applications: [{ applicationId, version, state }],
 *   summary }`: every application of that year's round, and the city's view of it (`foldCampaignYear`).
 *
 * Errors are `{ error: { code, message, issues? } }`, small whatever was posted.
 *
 * @example
 * ```ts
 * createServer(createCampaignService({ store })).listen(3000, '127.0.0.1');
 * ```
 */
export function createCampaignService(options: CampaignServiceOptions): RequestListener {
  const { store, maxIssues } = options;
  requireWholeNumber('maxBodyBytes', options.maxBodyBytes, 1);
  requireWholeNumber('bodyTimeoutMs', options.bodyTimeoutMs, 1);
  requireWholeNumber('maxIssues', maxIssues, 0);

  async function append(request: IncomingMessage, applicationId: string): Promise<Answer> {
    const { expectedVersion, events } = appendRequest(await readJsonBody(request, options));
    try {
      const outcome = await store.appendEvents(applicationId, expectedVersion, events);
      if (outcome.ok) return { status: 201, body: { applicationId, version: outcome.version } };
      const { currentVersion } = outcome.conflict;
      const message = `the application is at version ${currentVersion}, not ${expectedVersion}: read it again, decide again, and retry`;
      return { status: 409, body: { error: { code: 'VERSION_CONFLICT', message, currentVersion } } };
    } catch (error) {
      throw atBodyPath(error);
    }
  }

  // Everything a request can fail on happens in here, so that it becomes an error answer, never a crash.
  async function route(request: IncomingMessage): Promise<Answer> {
    const base = 'http://service.invalid';
    if (!URL.canParse(request.url ?? '/', base)) {
      throw new HttpError(400, 'INVALID_URL', 'the request URL cannot be parsed');
    }
    const { pathname, searchParams } = new URL(request.url ?? '/', base);
    const [resource, rawId, tail, ...rest] = pathname.split('/').slice(1);
    if (resource === 'applications' && rawId !== undefined && rest.length === 0) {
      const applicationId = decodeApplicationId(rawId);
      if (tail === 'events') {
        if (request.method === 'POST') return append(request, applicationId);
        if (request.method !== 'GET') throw notAllowed(request, pathname, 'GET, POST');
        const events = await store.readEvents(applicationId);
        return { status: 200, body: { applicationId, version: events.length, events } };
      }
      if (tail === undefined) {
        if (request.method !== 'GET') throw notAllowed(request, pathname, 'GET');
        const application = await store.readApplication(applicationId);
        if (application === undefined) {
          throw new HttpError(404, 'APPLICATION_NOT_FOUND', 'no event is recorded for this application');
        }
        return { status: 200, body: application };
      }
    }
    if (resource === 'campaign' && rawId !== undefined && tail === undefined) {
      if (request.method !== 'GET') throw notAllowed(request, pathname, 'GET');
      if (!/^\d{4}$/.test(rawId))
        throw new HttpError(400, 'INVALID_YEAR', 'the year has four digits, e.g. 2021');
      const asOf = searchParams.get('asOf') ?? undefined;
      return { status: 200, body: await store.readCampaignYear(Number(rawId), asOf) };
    }
    throw new HttpError(
      404,
      'NOT_FOUND',
      'no such route: try GET /applications/:id, GET or POST /applications/:id/events, GET /campaign/:year',
    );
  }

  return (request, response) => {
    route(request).then(
      ({ status, body }) => send(response, status, body),
      (error: unknown) => {
        const answer = errorResponse(error, maxIssues === undefined ? {} : { maxIssues });
        if (answer.status >= 500) console.error(error);
        const closing = bodyLeftUnread(request) ? { connection: 'close' } : {};
        send(response, answer.status, answer.body, { ...answer.headers, ...closing });
      },
    );
  };
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** The body of an append, checked: what is wrong with it is a 400 naming the field. */
function appendRequest(body: unknown): { expectedVersion: number; events: readonly unknown[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'INVALID_REQUEST', 'the body is an object: { expectedVersion, events }');
  }
  const { expectedVersion, events, ...others } = body as Record<string, unknown>;
  const unknown = Object.keys(others);
  if (unknown.length > 0) {
    const named = unknown.slice(0, 3).map((key) => JSON.stringify(key.slice(0, 40)));
    throw new HttpError(
      400,
      'INVALID_REQUEST',
      `unknown field ${named.join(', ')}: the body is { expectedVersion, events }`,
    );
  }
  if (typeof expectedVersion !== 'number' || !Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
    throw new HttpError(
      400,
      'INVALID_REQUEST',
      'expectedVersion is the version the decision was taken on: a whole number, 0 for a new application',
    );
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new HttpError(400, 'INVALID_REQUEST', 'events is a list of at least one application event');
  }
  return { expectedVersion, events };
}

/** The store's paths point into the events it was given; the caller's, into the body it posted. */
function atBodyPath(error: unknown): unknown {
  if (!RubricError.isInstance(error) || error.code !== 'INVALID_WORKFLOW_STEP') return error;
  const issues = error.issues.map((issue) => ({ ...issue, path: ['events', ...issue.path] }));
  return new RubricError('INVALID_WORKFLOW_STEP', issues);
}

function decodeApplicationId(raw: string): string {
  let applicationId: string;
  try {
    applicationId = decodeURIComponent(raw);
  } catch {
    throw new HttpError(
      400,
      'INVALID_APPLICATION_ID',
      'the application id is not valid percent-encoded UTF-8',
    );
  }
  const problem = applicationIdProblem(applicationId);
  if (problem !== undefined) throw new HttpError(400, 'INVALID_APPLICATION_ID', problem);
  return applicationId;
}

function notAllowed(request: IncomingMessage, pathname: string, allow: string): HttpError {
  return new HttpError(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${pathname}`, {
    allow,
  });
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  // The client may have gone while the answer was computed: then there is nobody to write to.
  if (response.destroyed) return;
  response.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
