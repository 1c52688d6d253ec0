import { OpenAPIHono } from '@hono/zod-openapi';
import {
  AssignmentSchema,
  CaseListQuery,
  CaseSchema,
  CloseBody,
  CreateCaseBody,
  ForwardBody,
  pageOf,
  RestateCaseBody,
  TimelineEventSchema,
  TimelineQuery,
  VerificationBody,
} from '@pantau/core';
import { idempotencyOf } from '../idempotency.ts';
import { createRoute, IdempotencyHeader, json, jsonBody, PROBLEMS, z } from '../openapi.ts';

const CaseParam = z.object({ id: z.string().min(1).max(64) });
const tags = ['Cases'];

export const cases = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Register a complaint',
      request: { headers: IdempotencyHeader, body: jsonBody(CreateCaseBody) },
      responses: { 201: json(CaseSchema, 'The case, with its tracking code'), ...PROBLEMS },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const created = await c
        .get('service')
        .createCase(c.get('auth'), body, await idempotencyOf(c, body));
      return c.json(created, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Cases, newest first (or oldest first: `order=oldest`)',
      request: { query: CaseListQuery },
      responses: { 200: json(pageOf(CaseSchema, 'CasePage'), 'A page of cases'), ...PROBLEMS },
    }),
    async (c) => c.json(await c.get('service').listCases(c.get('auth'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One case (an agency sees its own assignments, identity hidden where it must be)',
      request: { params: CaseParam },
      responses: { 200: json(CaseSchema, 'The case'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(await c.get('service').getCase(c.get('auth'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Restate a verified case for the agencies (its subject, the complaint they read)',
      description:
        'Central only, on a case verified or later (not rejected): before that, it restates while verifying. The agencies read the restated complaint in their case view, search and later letters (letters written before keep their text); the timeline says it was restated, and keeps what they read before for central. A new subject goes on to the agencies’ queues. Sent again with what the case holds already: answered with the case, nothing written',
      request: { params: CaseParam, body: jsonBody(RestateCaseBody) },
      responses: { 200: json(CaseSchema, 'The case as restated'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        await c
          .get('service')
          .restateCase(c.get('auth'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/verification',
      tags,
      summary: 'Verify and classify (accept / reject / needs_info)',
      request: { params: CaseParam, body: jsonBody(VerificationBody) },
      responses: { 200: json(CaseSchema, 'The case'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        await c
          .get('service')
          .verifyCase(c.get('auth'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assignments',
      tags,
      summary: 'Forward to one or more agencies',
      request: { params: CaseParam, headers: IdempotencyHeader, body: jsonBody(ForwardBody) },
      responses: {
        201: json(pageOf(AssignmentSchema, 'AssignmentList'), 'The new assignments'),
        ...PROBLEMS,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const forwarded = await c
        .get('service')
        .forward(c.get('auth'), c.req.valid('param').id, body, await idempotencyOf(c, body));
      return c.json({ ...forwarded, nextCursor: null }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/close',
      tags,
      summary: 'Close the case (open assignments are withdrawn)',
      request: { params: CaseParam, body: jsonBody(CloseBody) },
      responses: { 200: json(CaseSchema, 'The case'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        await c
          .get('service')
          .closeCase(c.get('auth'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/timeline',
      tags,
      summary: 'The append-only timeline, oldest first (or newest first: `order=newest`)',
      request: { params: CaseParam, query: TimelineQuery },
      responses: {
        200: json(pageOf(TimelineEventSchema, 'TimelinePage'), 'A page of events'),
        ...PROBLEMS,
      },
    }),
    async (c) =>
      c.json(
        await c
          .get('service')
          .timeline(c.get('auth'), c.req.valid('param').id, c.req.valid('query')),
        200,
      ),
  );
