import { OpenAPIHono } from '@hono/zod-openapi';
import { DEFAULT_PAGE_LIMIT, pageOf, SearchBody, SearchHitSchema, SearchQuery } from '@pantau/core';
import { createRoute, json, jsonBody, PROBLEMS } from '../openapi.ts';

const summary =
  'Find cases: central by identifier (tracking code, agenda or letter number, external ' +
  'reference, NIK, phone, e-mail) or by words; an agency by words over its own assignments';
const description =
  'Identifier matches first, page by page, then word matches, newest first. Filters ' +
  'combine with the words. A page may hold fewer than `limit` items and still have a ' +
  '`nextCursor`: one request reads a bounded number of postings.';
const responses = {
  200: json(pageOf(SearchHitSchema, 'SearchPage'), 'A page of cases'),
  ...PROBLEMS,
};

export const search = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Search'],
      summary,
      description:
        `${description} The query travels in the body, so an identifier or a person's ` +
        'details never sit in a URL, nor in the access logs that record URLs. The console ' +
        'searches this way.',
      request: { body: jsonBody(SearchBody) },
      responses,
    }),
    async (c) => {
      const { limit = DEFAULT_PAGE_LIMIT, ...query } = c.req.valid('json');
      return c.json(await c.get('service').search(c.get('auth'), { ...query, limit }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Search'],
      summary,
      description:
        `${description} The same search as \`POST /v1/search\`, for clients of the first ` +
        'contract. A URL is logged where it passes (CDN and proxy logs): search for ' +
        'identifiers and identity with the POST.',
      request: { query: SearchQuery },
      responses,
    }),
    async (c) => c.json(await c.get('service').search(c.get('auth'), c.req.valid('query')), 200),
  );
