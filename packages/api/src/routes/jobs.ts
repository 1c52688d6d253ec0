/**
 * Jobs: the progress of the re-arming a calendar or policy edit, or an agency's zone correction,
 * started, or of a moved unit's give-backs (central); carrying on one that stopped (admin).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { JobParams, JobSchema } from '@pantau/core';
import { createRoute, json, PROBLEMS } from '../openapi.ts';

export const jobs = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['Jobs'],
      summary: 'Progress of a re-arming job: total, done, failed, moved, state (central)',
      request: { params: JobParams },
      responses: { 200: json(JobSchema, 'The job'), ...PROBLEMS },
    }),
    async (c) => c.json(await c.get('service').getJob(c.get('auth'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/retry',
      tags: ['Jobs'],
      summary: 'Carry on a job that stopped, or that could not re-arm some assignments (admin)',
      description:
        'A new job of the same scope and reason, superseding it: it goes over the whole scope ' +
        'again (what is current already is left alone). When a newer edit of the same calendar, ' +
        'policy or agency took over, its job is answered instead (started if under way). A job ' +
        'still under way is started (one started already starts nothing). 409 for a job that ' +
        'completed with nothing failed',
      request: { params: JobParams },
      responses: { 202: json(JobSchema, 'The job that carries on'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(await c.get('service').retryJob(c.get('auth'), c.req.valid('param').id), 202),
  );
