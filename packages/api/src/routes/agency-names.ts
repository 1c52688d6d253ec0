/** Every agency's name, for anyone signed in: the console shows names and searches them. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { AgencyNamesSchema } from '@pantau/core';
import { createRoute, json, PROBLEMS } from '../openapi.ts';

export const agencyNames = new OpenAPIHono().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Agencies'],
    summary: 'Every agency’s id, name and kind (no contacts), for any signed-in user',
    responses: { 200: json(AgencyNamesSchema, 'All agencies, by id'), ...PROBLEMS },
  }),
  async (c) => c.json({ items: await c.get('service').agencyNames(c.get('auth')) }, 200),
);
