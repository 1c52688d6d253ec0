import { OpenAPIHono } from '@hono/zod-openapi';
import {
  AgencyChangeSchema,
  AgencyIdSchema,
  AgencySchema,
  CreateAgencyBody,
  PageQuery,
  pageOf,
  UpdateAgencyBody,
} from '@pantau/core';
import { idempotencyOf } from '../idempotency.ts';
import { createRoute, IdempotencyHeader, json, jsonBody, PROBLEMS, z } from '../openapi.ts';

const IdParam = z.object({ id: AgencyIdSchema });
const tags = ['Agencies'];

export const agencies = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      summary: 'Register an agency (tenant)',
      request: { headers: IdempotencyHeader, body: jsonBody(CreateAgencyBody) },
      responses: { 201: json(AgencySchema, 'The agency'), ...PROBLEMS },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const agency = await c
        .get('service')
        .createAgency(c.get('auth'), body, await idempotencyOf(c, body));
      return c.json(agency, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary: 'Agencies: central sees all; an agency itself and its member units',
      request: { query: PageQuery },
      responses: {
        200: json(pageOf(AgencySchema, 'AgencyPage'), 'A page of agencies'),
        ...PROBLEMS,
      },
    }),
    async (c) =>
      c.json(await c.get('service').listAgencies(c.get('auth'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One agency',
      request: { params: IdParam },
      responses: { 200: json(AgencySchema, 'The agency'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(await c.get('service').getAgency(c.get('auth'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      summary: 'Change an agency (name, kind, focal point, time zone, contacts)',
      description:
        'A corrected time zone re-arms the agency’s open assignments in it (their deadlines end at the end of its working day there): the answer carries that job (`job`). A member unit moved out of its focal point stops reading what that focal point delegated to it at once; a job gives each delegation back (`delegationsJob`)',
      request: { params: IdParam, body: jsonBody(UpdateAgencyBody) },
      responses: {
        200: json(
          AgencyChangeSchema,
          'The agency as saved; `job`: the re-arming it started; `delegationsJob`: the give-backs',
        ),
        ...PROBLEMS,
      },
    }),
    async (c) =>
      c.json(
        await c
          .get('service')
          .updateAgency(c.get('auth'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
