import { OpenAPIHono } from '@hono/zod-openapi';
import { pageOf, SearchHitSchema, SearchQuery } from '@pantau/core';
import { createRoute, json, PROBLEMS } from '../openapi.ts';

export const search = new OpenAPIHono().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Search'],
    summary:
      'Find cases: central by identifier (tracking code, agenda or letter number, external ' +
      'reference, NIK, phone, e-mail) or by words; an agency by words over its own assignments',
    description:
      'Identifier matches first (first page only), then word matches, newest first. Filters ' +
      'combine with the words. A page may hold fewer than `limit` items and still have a ' +
      '`nextCursor`: one request reads a bounded number of postings.',
    request: { query: SearchQuery },
    responses: { 200: json(pageOf(SearchHitSchema, 'SearchPage'), 'A page of cases'), ...PROBLEMS },
  }),
  async (c) => c.json(await c.get('service').search(c.get('auth'), c.req.valid('query')), 200),
);
