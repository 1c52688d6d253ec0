/** What the console's desk and queues read beside the lists: the API's clock, pending extensions. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { ClockSchema, ExtensionRequestsQuery, pageOf, PendingExtensionSchema } from '@pantau/core';
import { createRoute, json, PROBLEMS } from '../openapi.ts';

export const clockNow = new OpenAPIHono().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Desk'],
    summary: 'The API’s clock: what “now” is for deadlines (embedded, the manual clock)',
    responses: { 200: json(ClockSchema, 'Now'), ...PROBLEMS },
  }),
  (c) => c.json({ now: c.get('service').now().toISOString() }, 200),
);

export const extensionRequests = new OpenAPIHono().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Desk'],
    summary: 'Extension requests waiting for central’s decision, oldest first',
    request: { query: ExtensionRequestsQuery },
    responses: {
      200: json(pageOf(PendingExtensionSchema, 'PendingExtensionPage'), 'A page of requests'),
      ...PROBLEMS,
    },
  }),
  async (c) =>
    c.json(await c.get('service').pendingExtensions(c.get('auth'), c.req.valid('query')), 200),
);
