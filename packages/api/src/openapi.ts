/**
 * Route-building helpers: the standard problem responses. Who may call what is the use cases'
 * rule (packages/core use-cases/kernel/access.ts), checked there once.
 */
import { createRoute as openApiRoute, z } from '@hono/zod-openapi';
import { LIMITS } from '@pantau/core';
import { PROBLEM_CODES } from './problem.ts';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    code: z.enum(PROBLEM_CODES),
    detail: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    limit: z.enum(LIMITS).optional().meta({
      description:
        'On `limit_exceeded`: which cap the domain sets was reached (absent for a record past DynamoDB’s size)',
    }),
    takenBackBy: z.string().optional().meta({
      description:
        'On `not_found` for a case (its page, its timeline, an action on it): the caller’s agency is a member unit its focal point delegated the case’s assignment to before, and the case is no longer delegated to it (taken back, delegated to another unit, or given back): the focal point’s agency id, which the unit knows anyway. Nothing else about the case. Absent on every other 404, another tenant’s record or one that never was this unit’s included',
    }),
  })
  .meta({ id: 'Problem' });

export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

export const PROBLEMS = {
  400: problem('Invalid input: `errors` names each field'),
  401: problem('Missing, invalid or expired token'),
  403: problem('Right tenant, wrong role'),
  404: problem('Not found, or another tenant’s'),
  409: problem('Illegal transition, conflict, or idempotency key reused'),
  503: problem(
    'A dependency (DynamoDB, the job runner, the PDF renderer, the malware scan) is throttled ' +
      'or failing (`service_unavailable`): nothing was written; send it again shortly',
  ),
} as const;

/**
 * The 415 of an operation that takes a JSON body: any other Content-Type (or none, with a body)
 * is refused before the handler (`unsupported_media_type`).
 */
export const UNSUPPORTED_MEDIA_TYPE = problem(
  'The body was not sent as `Content-Type: application/json` (`unsupported_media_type`); nothing was read',
);

/**
 * The public tracking routes' 429 (not in PROBLEMS, which the token routes spread whole): a
 * client over its limit (edge.ts embedded; the WAF's rate rule on AWS) waits `Retry-After`.
 */
export const TOO_MANY_REQUESTS = {
  ...problem(
    'Too many requests from this client (the public routes are limited per client): retry ' +
      'after `Retry-After` seconds',
  ),
  headers: {
    'Retry-After': {
      description: 'Seconds until this client may try again',
      schema: { type: 'integer', minimum: 1 },
    },
  },
} as const;

/** A limit was reached (`limit_exceeded`): the detail names it; nothing was written. */
export const LIMIT_PROBLEM = {
  422: problem('A limit was reached (`limit_exceeded`): the detail names it; nothing changed'),
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, '1–255 visible ASCII characters')
    .optional()
    .meta({
      description:
        'Replays the first response for the same key and body, for 24 hours; 409 for another body. After 24 hours the key is a new request.',
    }),
});

/**
 * The public form's key: a replay hands back the tracking code, so the key must not be
 * guessable (16 characters at least: a UUID, as the console sends).
 */
export const PublicIdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{16,255}$/, '16–255 visible ASCII characters, drawn at random')
    .optional()
    .meta({
      description:
        'Drawn at random (a UUID) for each complaint: the same key and complaint again (after a lost answer) get the same receipt for 24 hours, even with a new proof of work; 409 for another complaint. After 24 hours the key is a new complaint.',
    }),
});

/** Whether a route takes a JSON body, which the library checks the Content-Type of. */
const takesJson = (route: Parameters<typeof openApiRoute>[0]) =>
  Object.keys(route.request?.body?.content ?? {}).some((type) =>
    /^application\/(.+\+)?json$/i.test(type),
  );

/**
 * `createRoute`, with the 415 of a JSON body declared for every operation that takes one (so
 * none can forget it); a route's own 415 (the complaint form's, for its files) is kept. Only
 * the document changes: no handler ever returns a 415 itself.
 */
export const createRoute: typeof openApiRoute = (route) =>
  openApiRoute(
    takesJson(route) && !route.responses[415]
      ? { ...route, responses: { ...route.responses, 415: UNSUPPORTED_MEDIA_TYPE } }
      : route,
  );

export { z };
