import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/** The largest request body the service reads: a self-check of the Guangxi rubric is about 5 KB. */
export const maxBodyBytes = 1_000_000;

/**
 * The request's body parsed as JSON. Rejects with 415 when it is not sent as JSON, 413 when it is larger
 * than {@link maxBodyBytes} (without reading the rest), and 400 when it is not valid JSON.
 */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(?:;|$)/i.test(contentType)) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the assessment as application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) {
      throw new HttpError(413, 'BODY_TOO_LARGE', `the body is larger than ${maxBodyBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new HttpError(400, 'INVALID_JSON', `the body is not JSON: ${(error as Error).message}`);
  }
}
