import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/**
 * The largest request body the service reads by default: a self-check of the Guangxi rubric is about 5 KB.
 *
 * @example
 * ```ts
 * createRubricService({ registry, defaultRuleSet, maxBodyBytes: 4 * defaultMaxBodyBytes });
 * ```
 */
export const defaultMaxBodyBytes = 1_000_000;

/** How long the service waits for a whole body by default, from the moment it starts reading it. */
const defaultBodyTimeoutMs = 10_000;

/** The limits {@link readJsonBody} reads a body within. */
export interface BodyLimits {
  /** The largest body read, in bytes (413 above it). */
  readonly maxBodyBytes?: number;
  /** The time allowed for the whole body to arrive (408 after it), however slowly it trickles. */
  readonly bodyTimeoutMs?: number;
}

/**
 * The request's body parsed as JSON. Rejects with 415 when it is not sent as JSON, 413 when it is larger
 * than `maxBodyBytes`, 408 when it has not all arrived within `bodyTimeoutMs`, 400 `REQUEST_ABORTED` when
 * the client goes away before sending it all, and 400 when it is not valid JSON. It stops reading as soon as
 * it rejects: the answer to a body it did not read whole must close the connection
 * ({@link bodyLeftUnread}).
 *
 * @example
 * ```ts
 * const assessment = await readJsonBody(request, { maxBodyBytes: 1_000_000, bodyTimeoutMs: 10_000 });
 * ```
 */
export function readJsonBody(
  request: IncomingMessage,
  { maxBodyBytes = defaultMaxBodyBytes, bodyTimeoutMs = defaultBodyTimeoutMs }: BodyLimits = {},
): Promise<unknown> {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(?:;|$)/i.test(contentType)) {
    return Promise.reject(
      new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as JSON (content-type: application/json)'),
    );
  }
  const declared = Number(request.headers['content-length']);
  if (declared > maxBodyBytes) return Promise.reject(tooLarge(maxBodyBytes));

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      stop(new HttpError(408, 'REQUEST_TIMEOUT', `the body did not arrive within ${bodyTimeoutMs} ms`));
    }, bodyTimeoutMs);

    function stop(error: HttpError | undefined): void {
      clearTimeout(timer);
      request.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
      if (error === undefined) return;
      // Stop reading; the answer closes the connection, so the rest is never read.
      request.pause();
      reject(error);
    }
    function onData(chunk: Buffer): void {
      size += chunk.length;
      if (size > maxBodyBytes) stop(tooLarge(maxBodyBytes));
      else chunks.push(chunk);
    }
    function onEnd(): void {
      stop(undefined);
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(new HttpError(400, 'INVALID_JSON', `the body is not JSON: ${(error as Error).message}`));
      }
    }
    // The client closed the connection (or it broke) before the body ended: nobody is left to answer.
    function onClose(): void {
      stop(new HttpError(400, 'REQUEST_ABORTED', 'the client closed the connection before sending the body'));
    }
    request.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onClose);
  });
}

/**
 * True when the service answers before it has read the whole request body (a 413, a 408, a 415): that answer
 * must close the connection, or a client that reuses it would send its next request into the unread rest.
 *
 * @example
 * ```ts
 * if (bodyLeftUnread(request)) response.setHeader('connection', 'close');
 * ```
 */
export function bodyLeftUnread(request: IncomingMessage): boolean {
  return !request.complete;
}

function tooLarge(maxBodyBytes: number): HttpError {
  return new HttpError(413, 'BODY_TOO_LARGE', `the body is larger than ${maxBodyBytes} bytes`);
}
