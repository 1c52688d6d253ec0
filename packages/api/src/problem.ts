/**
 * The one error mapping: every failure leaves as RFC 9457 `application/problem+json`.
 * Domain codes map to statuses here and nowhere else; a 500 never carries internals.
 */
import {
  DomainError,
  ERROR_CODES,
  type ErrorCode,
  type FieldIssue,
  type Limit,
} from '@pantau/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  already_exists: 409,
  invalid_transition: 409,
  version_conflict: 409,
  // RFC 9110 §13.1.2: `If-None-Match: *` on a PUT whose target exists.
  precondition_failed: 412,
  idempotency_key_reused: 409,
  // Well-formed, but past a limit the detail names (a capped count, DynamoDB's item size).
  limit_exceeded: 422,
  unsupported_media_type: 415,
  // The malware scan is running: the same request succeeds shortly (see RETRY_AFTER).
  scan_pending: 409,
  // Well-formed, but the scan refused the file: no retry will serve it.
  scan_refused: 422,
  service_unavailable: 503,
};

/** The codes whose request succeeds if sent again later: `Retry-After`, in seconds. */
const RETRY_AFTER: Partial<Record<ErrorCode, number>> = {
  // A GuardDuty scan of a file of at most 20 MB usually ends within a minute or two.
  scan_pending: 60,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Every `code` a problem can carry: the domain's, and the HTTP edge's own. Part of the contract
 * (an enum in the OpenAPI document), so a client can say each one in its users' words.
 */
export const PROBLEM_CODES = [
  ...ERROR_CODES,
  'rate_limited',
  'payload_too_large',
  'http_error',
  'internal_error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  requestId: string;
  errors?: readonly FieldIssue[];
  /** On `limit_exceeded`: which of the domain's caps (`LIMITS`). */
  limit?: Limit;
  /**
   * On the `not_found` of a case a member unit held by delegation and no longer does: its focal
   * point (`DomainError.takenBackBy`). Absent on every other 404.
   */
  takenBackBy?: string;
}

/**
 * Too many requests from one client: a 429 whose `Retry-After` says when to come back. An
 * HTTP-edge condition (the embedded runtime's limit on the public routes, `edge.ts`), not a
 * domain rule, so it is not a `DomainError` code; it is mapped here with the rest.
 */
export class TooManyRequests extends Error {
  override readonly name = 'TooManyRequests';
  /** Whole seconds until the client's window resets (at least 1). */
  readonly retryAfterSeconds: number;

  constructor(
    retryAfterSeconds: number,
    message = 'too many requests from this client; retry after the time in Retry-After',
  ) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** What `problemResponse` sends: the body, and what goes in headers rather than the body. */
export type ProblemAnswer = Problem & { unexpected: boolean; retryAfterSeconds?: number };

/**
 * zod issues as `[{ path, message }]`: the dotted path of the field within its part of the
 * request (`subject`, `complainant.email`, `limit`, `id`); an unknown field is named itself.
 */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...path, key].join('.'),
        message: 'unknown field',
      }));
    }
    return [{ path: path.join('.') || 'body', message: issue.message }];
  });
}

export const validationError = (errors: FieldIssue[]): DomainError =>
  new DomainError('validation_failed', `invalid ${errors.map((e) => e.path).join(', ')}`, {
    errors,
  });

/** Classifies an error; `unexpected` means a bug (or a dependency failing) to log in full. */
export function toProblem(error: unknown, requestId: string): ProblemAnswer {
  const make = (
    status: number,
    code: ProblemCode,
    detail: string,
    errors?: readonly FieldIssue[],
  ) => ({
    type: `urn:pantau:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    requestId,
    ...(errors ? { errors } : {}),
    unexpected: false,
  });
  if (error instanceof TooManyRequests)
    return {
      ...make(429, 'rate_limited', error.message),
      retryAfterSeconds: error.retryAfterSeconds,
    };
  if (error instanceof DomainError) {
    // A dependency throttled or failing (raised by its adapter): 503, and logged in full.
    if (error.code === 'service_unavailable')
      return { ...make(503, error.code, error.message), unexpected: true };
    const retryAfterSeconds = RETRY_AFTER[error.code];
    return {
      ...make(STATUS[error.code], error.code, error.message, error.errors),
      ...(error.limit ? { limit: error.limit } : {}),
      ...(error.takenBackBy ? { takenBackBy: error.takenBackBy } : {}),
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    };
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 400)
      return make(400, 'validation_failed', error.message || 'bad request', [
        { path: 'body', message: error.message || 'malformed body' },
      ]);
    if (status === 401)
      return make(401, 'unauthorized', error.message || 'authentication required');
    if (status === 413) return make(413, 'payload_too_large', 'the request body is too large');
    // A JSON body sent as another Content-Type (or none): the route's own check, before the
    // handler. The same code as the domain's 415s: one code per status.
    if (status === 415)
      return make(
        415,
        'unsupported_media_type',
        'this operation takes its body as JSON: send it with Content-Type: application/json',
      );
    return make(status, 'http_error', error.message);
  }
  return {
    ...make(500, 'internal_error', 'an unexpected error occurred; quote the requestId'),
    unexpected: true,
  };
}

export function problemResponse(c: Context, problem: ProblemAnswer): Response {
  const { status, unexpected, retryAfterSeconds, ...rest } = problem;
  const body: Problem = { ...rest, status };
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
    ...(retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }),
  });
}
