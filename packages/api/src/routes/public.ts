import { OpenAPIHono } from '@hono/zod-openapi';
import { TrackBody, TrackingSchema, TrackReplyBody } from '@pantau/core';
import { createRoute, json, jsonBody, PROBLEMS, TOO_MANY_REQUESTS, z } from '../openapi.ts';
import { TRACK_PATHS } from '../public-routes.ts';

export const health = new OpenAPIHono().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['Health'],
    summary: 'Liveness',
    security: [],
    responses: { 200: json(z.object({ status: z.literal('ok') }), 'Alive') },
  }),
  (c) => c.json({ status: 'ok' as const }, 200),
);

/**
 * The complainant's routes. The tracking code travels in the body, never in the path: access
 * logs keep paths, and a malformed code is answered like an unknown one (the same 404).
 */
export const track = new OpenAPIHono();
track.openapi(
  createRoute({
    method: 'post',
    path: TRACK_PATHS.view,
    tags: ['Public'],
    summary:
      'Follow a complaint by its tracking code, sent in the body (no token; no identity shown)',
    security: [],
    request: { body: jsonBody(TrackBody) },
    responses: {
      200: json(TrackingSchema, 'Status and steps'),
      400: PROBLEMS[400],
      404: PROBLEMS[404],
      429: TOO_MANY_REQUESTS,
      503: PROBLEMS[503],
    },
  }),
  async (c) => c.json(await c.get('service').track(c.req.valid('json').code), 200),
);
track.openapi(
  createRoute({
    method: 'post',
    path: TRACK_PATHS.reply,
    tags: ['Public'],
    summary: 'The complainant answers the final answer: satisfied or not, with a 1–5 rating',
    security: [],
    request: { body: jsonBody(TrackReplyBody) },
    responses: {
      200: json(TrackingSchema, 'Status after the reply'),
      400: PROBLEMS[400],
      404: PROBLEMS[404],
      409: PROBLEMS[409],
      429: TOO_MANY_REQUESTS,
      503: PROBLEMS[503],
    },
  }),
  async (c) => {
    const { code, ...reply } = c.req.valid('json');
    return c.json(await c.get('service').reply(code, reply), 200);
  },
);
