/**
 * Jobs: the progress of the re-arming a calendar or policy edit, or an agency's zone correction,
 * started (central).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { JobParams, JobSchema } from '@pantau/core';
import { createRoute, json, PROBLEMS } from '../openapi.ts';

export const jobs = new OpenAPIHono().openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Jobs'],
    summary: 'Progress of a re-arming job: total, done, failed, moved, state (central)',
    request: { params: JobParams },
    responses: { 200: json(JobSchema, 'The job'), ...PROBLEMS },
  }),
  async (c) => c.json(await c.get('service').getJob(c.get('auth'), c.req.valid('param').id), 200),
);
