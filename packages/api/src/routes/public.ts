import { OpenAPIHono } from '@hono/zod-openapi';
import { TrackingSchema } from '@pantau/core';
import { createRoute, json, PROBLEMS, z } from '../openapi.ts';

export const health = new OpenAPIHono().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['Health'],
    summary: 'Liveness',
    responses: { 200: json(z.object({ status: z.literal('ok') }), 'Alive') },
  }),
  (c) => c.json({ status: 'ok' as const }, 200),
);

export const track = new OpenAPIHono().openapi(
  createRoute({
    method: 'get',
    path: '/{trackingCode}',
    tags: ['Public'],
    summary: 'Follow a complaint by its tracking code (no token; no identity shown)',
    request: { params: z.object({ trackingCode: z.string().min(1).max(40) }) },
    responses: {
      200: json(TrackingSchema, 'Status and steps'),
      400: PROBLEMS[400],
      404: PROBLEMS[404],
    },
  }),
  async (c) => c.json(await c.get('service').track(c.req.valid('param').trackingCode), 200),
);
