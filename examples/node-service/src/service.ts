import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type EvaluationResult, planRemediation, type Registry } from '@sunshine-rubric/core';
import { requireWholeNumber } from './check-option.js';
import { errorResponse, HttpError } from './http-error.js';
import { type BodyLimits, bodyLeftUnread, readJsonBody } from './read-body.js';

/**
 * What the service needs: the registry of rule sets it scores against (the plugins a deployment chooses),
 * and the rule set used when a request names none; and, each with a safe default, the body limits
 * (`maxBodyBytes` 1 MB, `bodyTimeoutMs` 10 s) and how many issues an error answer lists (`maxIssues` 20).
 */
export interface RubricServiceOptions extends BodyLimits {
  readonly registry: Registry;
  readonly defaultRuleSet: string;
  /** The most issues an error answer lists; it also says how many there were. */
  readonly maxIssues?: number;
}

/**
 * The service as a `node:http` request listener, so it mounts in any Node server:
 *
 * - `GET /rule-sets`: the rule sets it knows, with their provenance (`provisional` or `official`).
 * - `POST /evaluate`: an assessment (JSON) → `{ result }`: the verdict, the reasons and every standard's
 *   explanation.
 * - `POST /remediate`: the same → `{ result, remediation }`: also the cheapest fixes, by department.
 *
 * The rule set is `?ruleSet=id@range`, else the assessment's `ruleSet`, else the default. Facts that the
 * registry's plugins resolve (a city's register) are filled in before evaluation. Each rule set is compiled
 * once (the registry keeps its evaluators). Errors come back as `{ error: { code, message, issues? } }`,
 * small whatever was posted. A client that goes away mid-request costs an answer nobody reads, never a crash.
 *
 * @example
 * ```ts
 * const listener = createRubricService({ registry: createQinzhouRegistry(), defaultRuleSet: 'guangxi-2021' });
 * createServer(listener).listen(3000, '127.0.0.1');
 * ```
 */
export function createRubricService(options: RubricServiceOptions): RequestListener {
  const { registry, defaultRuleSet, maxIssues } = options;
  requireWholeNumber('maxBodyBytes', options.maxBodyBytes, 1);
  requireWholeNumber('bodyTimeoutMs', options.bodyTimeoutMs, 1);
  requireWholeNumber('maxIssues', maxIssues, 0);
  async function score(request: IncomingMessage, url: URL) {
    const assessment = await readJsonBody(request, options);
    const named =
      typeof assessment === 'object' && assessment !== null && 'ruleSet' in assessment
        ? assessment.ruleSet
        : undefined;
    const reference = url.searchParams.get('ruleSet') ?? (typeof named === 'string' ? named : defaultRuleSet);
    const ruleSet = registry.resolve(reference);
    const resolved = await registry.resolveFacts(assessment, { ruleSet: reference });
    const result: EvaluationResult = registry.compile(ruleSet).evaluate(resolved);
    return { ruleSet, result };
  }

  // Everything a request can fail on happens in here, so that it becomes an error answer, never a crash.
  async function route(request: IncomingMessage): Promise<unknown> {
    const base = 'http://service.invalid';
    if (!URL.canParse(request.url ?? '/', base)) {
      throw new HttpError(400, 'INVALID_URL', 'the request URL cannot be parsed');
    }
    const url = new URL(request.url ?? '/', base);
    const route = `${request.method} ${url.pathname}`;
    switch (route) {
      case 'GET /rule-sets':
        return { ruleSets: registry.list() };
      case 'POST /evaluate': {
        const { result } = await score(request, url);
        return { result };
      }
      case 'POST /remediate': {
        const { ruleSet, result } = await score(request, url);
        return { result, remediation: planRemediation(ruleSet, result) };
      }
    }
    const allowed = allowedMethods[url.pathname];
    if (allowed !== undefined) {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${url.pathname}`, {
        allow: allowed,
      });
    }
    throw new HttpError(404, 'NOT_FOUND', `no route ${url.pathname}: try GET /rule-sets or POST /evaluate`);
  }

  return (request, response) => {
    route(request).then(
      (body) => send(response, 200, body),
      (error: unknown) => {
        const {
          status,
          body,
          headers = {},
        } = errorResponse(error, maxIssues === undefined ? {} : { maxIssues });
        if (status >= 500) console.error(error);
        const closing = bodyLeftUnread(request) ? { connection: 'close' } : {};
        send(response, status, body, { ...headers, ...closing });
      },
    );
  };
}

/** The routes, and the method each allows (a 405 names it in `Allow`). */
const allowedMethods: Readonly<Record<string, string>> = Object.assign(Object.create(null), {
  '/rule-sets': 'GET',
  '/evaluate': 'POST',
  '/remediate': 'POST',
});

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
