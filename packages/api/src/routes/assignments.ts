import { OpenAPIHono } from '@hono/zod-openapi';
import {
  AcknowledgeBody,
  AgencyIdSchema,
  AssignmentSchema,
  DeadlinesSchema,
  DelegateBody,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  ExtensionRequestSchema,
  MAX_EXTENSION_REQUESTS,
  MAX_PAUSES,
  pageOf,
  PauseBody,
  ResumeBody,
  QueueQuery,
  RedirectBody,
  ResponseBody,
  WithdrawBody,
  WorklistQuery,
} from '@pantau/core';
import { idempotencyOf } from '../idempotency.ts';
import {
  createRoute,
  IdempotencyHeader,
  json,
  jsonBody,
  LIMIT_PROBLEM,
  problem,
  PROBLEMS,
  z,
} from '../openapi.ts';

const Params = z.object({ id: z.string().min(1).max(64), agencyId: AgencyIdSchema });
const tags = ['Assignments'];
const AssignmentPage = pageOf(AssignmentSchema, 'AssignmentPage');

/** Routes under /v1/cases/{id}/assignments/{agencyId}. */
export const assignments = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/assignments/{agencyId}',
      tags,
      summary: 'One assignment: central, the agency, or its focal point',
      request: { params: Params },
      responses: { 200: json(AssignmentSchema, 'The assignment'), ...PROBLEMS },
    }),
    async (c) => {
      const { id, agencyId } = c.req.valid('param');
      return c.json(await c.get('service').getAssignment(c.get('auth'), id, agencyId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/assignments/{agencyId}/deadlines',
      tags,
      summary: 'How each deadline was computed, and the ladder steps taken and to come',
      request: { params: Params },
      responses: { 200: json(DeadlinesSchema, 'The explanation'), ...PROBLEMS },
    }),
    async (c) => {
      const { id, agencyId } = c.req.valid('param');
      return c.json(await c.get('service').deadlines(c.get('auth'), id, agencyId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assignments/{agencyId}/acknowledge',
      tags,
      summary: 'Acknowledge receipt (repeating it is a no-op)',
      request: { params: Params, body: jsonBody(AcknowledgeBody) },
      responses: { 200: json(AssignmentSchema, 'The assignment'), ...PROBLEMS },
    }),
    async (c) => {
      const { id, agencyId } = c.req.valid('param');
      return c.json(await c.get('service').acknowledge(c.get('auth'), id, agencyId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assignments/{agencyId}/responses',
      tags,
      summary: 'Answer with a progress or final follow-up (tindak lanjut)',
      request: { params: Params, headers: IdempotencyHeader, body: jsonBody(ResponseBody) },
      responses: { 200: json(AssignmentSchema, 'The assignment'), ...PROBLEMS },
    }),
    async (c) => {
      const { id, agencyId } = c.req.valid('param');
      const body = c.req.valid('json');
      const assignment = await c
        .get('service')
        .respond(c.get('auth'), id, agencyId, body, await idempotencyOf(c, body));
      return c.json(assignment, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assignments/{agencyId}/redirect',
      tags,
      summary: '"Not ours" (bukan wewenang): back to central with a reason',
      request: { params: Params, headers: IdempotencyHeader, body: jsonBody(RedirectBody) },
      responses: { 200: json(AssignmentSchema, 'The assignment'), ...PROBLEMS },
    }),
    async (c) => {
      const { id, agencyId } = c.req.valid('param');
      const body = c.req.valid('json');
      // With a key, a retry after a lost answer replays it instead of a 409 (already redirected).
      return c.json(
        await c
          .get('service')
          .redirect(c.get('auth'), id, agencyId, body, await idempotencyOf(c, body)),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assignments/{agencyId}/withdraw',
      tags,
      summary:
        'Central takes an open assignment back, with a reason (forwarded by mistake, or the agency dissolved): its ladder stops, the case is reconciled',
      description:
        'On an assignment redirected ("not ours") and still awaiting its re-forward, the same request settles the redirect without one (the other agencies settle the complaint): it stays `redirected`, the case stops waiting for a re-forward and resolves once the others have completed (`redirect_settled` on the timeline). A redirect already re-forwarded or settled is a 409.',
      request: { params: Params, headers: IdempotencyHeader, body: jsonBody(WithdrawBody) },
      responses: {
        200: json(AssignmentSchema, 'The assignment, withdrawn (or its redirect settled)'),
        ...PROBLEMS,
      },
    }),
    async (c) => {
      const { id, agencyId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(
        await c
          .get('service')
          .withdrawAssignment(c.get('auth'), id, agencyId, body, await idempotencyOf(c, body)),
        200,
      );
    },
  );

const RequestParams = Params.extend({ requestId: z.string().min(1).max(64) });

/** More time, and the paused clock. */
export const clock = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assignments/{agencyId}/extension-requests',
      tags,
      summary: 'Ask for more time (working days, with a reason)',
      description: `At most ${MAX_EXTENSION_REQUESTS} requests per forwarding: the next is a 422 \`limit_exceeded\`.`,
      request: { params: Params, headers: IdempotencyHeader, body: jsonBody(ExtensionRequestBody) },
      responses: {
        201: json(ExtensionRequestSchema, 'The pending request'),
        ...PROBLEMS,
        ...LIMIT_PROBLEM,
      },
    }),
    async (c) => {
      const { id, agencyId } = c.req.valid('param');
      const body = c.req.valid('json');
      const request = await c
        .get('service')
        .requestExtension(c.get('auth'), id, agencyId, body, await idempotencyOf(c, body));
      return c.json(request, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assignments/{agencyId}/extension-requests/{requestId}/decision',
      tags,
      summary: 'Approve (the open targets move, the ladder re-arms) or refuse',
      request: { params: RequestParams, body: jsonBody(ExtensionDecisionBody) },
      responses: {
        200: json(
          ExtensionRequestSchema.extend({ assignment: AssignmentSchema }),
          'The decided request',
        ),
        ...PROBLEMS,
      },
    }),
    async (c) => {
      const { id, agencyId, requestId } = c.req.valid('param');
      return c.json(
        await c
          .get('service')
          .decideExtension(c.get('auth'), id, agencyId, requestId, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assignments/{agencyId}/delegate',
      tags,
      summary:
        'A focal point’s coordinator hands the assignment to a member unit (null takes it back; the member unit holding it may send null to give it back, with why in `note`)',
      description:
        'The coordinator’s request for what the assignment already is (the same unit, or a take-back of none) writes nothing and answers the assignment. Otherwise, with `from` (the unit the coordinator’s page showed holding it), one made after another coordinator delegated it or took it back is a 409 `version_conflict`. A unit that gave it back no longer reads the case: with an `Idempotency-Key`, its retry after a lost answer replays the first answer instead of a 404.',
      request: { params: Params, headers: IdempotencyHeader, body: jsonBody(DelegateBody) },
      responses: { 200: json(AssignmentSchema, 'The assignment'), ...PROBLEMS },
    }),
    async (c) => {
      const { id, agencyId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(
        await c
          .get('service')
          .delegate(c.get('auth'), id, agencyId, body, await idempotencyOf(c, body)),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assignments/{agencyId}/pause',
      tags,
      summary: 'Pause the clock (waiting for the complainant), with a reason',
      description: `At most ${MAX_PAUSES} pauses per forwarding: the next is a 422 \`limit_exceeded\`.`,
      request: { params: Params, body: jsonBody(PauseBody) },
      responses: {
        200: json(AssignmentSchema, 'The assignment'),
        ...PROBLEMS,
        ...LIMIT_PROBLEM,
      },
    }),
    async (c) => {
      const { id, agencyId } = c.req.valid('param');
      const { reason, generation, askComplainant } = c.req.valid('json');
      return c.json(
        await c
          .get('service')
          .pauseAssignment(c.get('auth'), id, agencyId, reason, generation, askComplainant),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assignments/{agencyId}/resume',
      tags,
      summary: 'Resume the clock: open deadlines move by the paused working days',
      request: { params: Params, body: jsonBody(ResumeBody) },
      responses: { 200: json(AssignmentSchema, 'The assignment'), ...PROBLEMS },
    }),
    async (c) => {
      const { id, agencyId } = c.req.valid('param');
      return c.json(await c.get('service').resumeAssignment(c.get('auth'), id, agencyId), 200);
    },
  );

export const queue = new OpenAPIHono().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    summary: 'The agency’s queue, soonest next deadline first',
    request: { query: QueueQuery },
    responses: {
      200: json(AssignmentPage, 'A page of assignments'),
      ...PROBLEMS,
      // `scope=members` merges a queue per member unit; the cursor holds a position in each.
      422: problem(
        '`limit_exceeded`: `scope=members` merges more member units’ queues than one cursor can ' +
          'hold (past 400 KB); list fewer, one unit’s queue at a time',
      ),
    },
  }),
  async (c) => c.json(await c.get('service').queue(c.get('auth'), c.req.valid('query')), 200),
);

export const worklist = new OpenAPIHono().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    summary: 'Central’s cross-agency worklist, soonest next deadline first',
    description:
      'Filters apply together (newly overdue with `target`: newly overdue on that target). Those that cannot hold together are a 400 `validation_failed` naming the field: `dueWithin` (what is not overdue yet) with `overdue=true`, `target`, `newlyOverdue` or `newlyOverdueSince`; `overdue=false` with `target` or either "newly overdue"; `newlyOverdue` with `newlyOverdueSince`; `awaitingReforward` with another `state`, or with a deadline filter; an ended `state` (completed, redirected, withdrawn) with `dueWithin` or either "newly overdue". `GET /v1/exports/assignments.*` takes and refuses them alike',
    request: { query: WorklistQuery },
    responses: { 200: json(AssignmentPage, 'A page of assignments'), ...PROBLEMS },
  }),
  async (c) => c.json(await c.get('service').worklist(c.get('auth'), c.req.valid('query')), 200),
);
