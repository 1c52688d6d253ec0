import { OpenAPIHono } from '@hono/zod-openapi';
import { ReplyBody, TrackingSchema } from '@pantau/core';
import { createRoute, json, jsonBody, PROBLEMS, TOO_MANY_REQUESTS, z } from '../openapi.ts';

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

export const track = new OpenAPIHono();
track.openapi(
  createRoute({
    method: 'get',
    path: '/{trackingCode}',
    tags: ['Public'],
    summary: 'Follow a complaint by its tracking code (no token; no identity shown)',
    security: [],
    request: { params: z.object({ trackingCode: z.string().min(1).max(40) }) },
    responses: {
      200: json(TrackingSchema, 'Status and steps'),
      400: PROBLEMS[400],
      404: PROBLEMS[404],
      429: TOO_MANY_REQUESTS,
    },
  }),
  async (c) => c.json(await c.get('service').track(c.req.valid('param').trackingCode), 200),
);
track.openapi(
  createRoute({
    method: 'post',
    path: '/{trackingCode}/reply',
    tags: ['Public'],
    summary: 'The complainant answers the final answer: satisfied or not, with a 1–5 rating',
    security: [],
    request: {
      params: z.object({ trackingCode: z.string().min(1).max(40) }),
      body: jsonBody(ReplyBody),
    },
    responses: {
      200: json(TrackingSchema, 'Status after the reply'),
      400: PROBLEMS[400],
      404: PROBLEMS[404],
      409: PROBLEMS[409],
      429: TOO_MANY_REQUESTS,
    },
  }),
  async (c) =>
    c.json(
      await c.get('service').reply(c.req.valid('param').trackingCode, c.req.valid('json')),
      200,
    ),
);
