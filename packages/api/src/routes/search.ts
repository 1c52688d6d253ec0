import { OpenAPIHono } from '@hono/zod-openapi';
import {
  DEFAULT_PAGE_LIMIT,
  holdsIdentifier,
  invalidInput,
  pageOf,
  SearchBody,
  SearchHitSchema,
  SearchQuery,
} from '@pantau/core';
import { createRoute, json, jsonBody, problem, PROBLEMS } from '../openapi.ts';

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

const IN_THE_BODY = 'send it in the body of POST /v1/search';

/**
 * The GET's query: a tracking code (a credential: whoever holds it replies on and closes the
 * case) or a person's NIK, phone or e-mail must not sit in a URL, which CDN and proxy logs
 * keep, whether it is the whole query or beside words (`Budi 0812-3456-7890`): `holdsIdentifier`
 * decides. Document numbers, dates, amounts and words pass.
 */
const GetSearchQuery = SearchQuery.extend({
  q: SearchQuery.shape.q.meta({
    description:
      'Words (prefix from 4 letters; case, diacritics and Indonesian affixes ignored), or for ' +
      'central an agenda or letter number or an external reference. A query that holds a ' +
      'tracking code, a NIK, a phone number or an e-mail address, alone or beside words, is ' +
      'refused (400 on `q`): a token with `@`, a tracking code (its groups together or apart), ' +
      'or a number of 8 digits or more once the spaces, dots, dashes and brackets between them ' +
      'are left out (a date, two years, an amount in rupiah and a number within a document ' +
      `number such as \`LAP-2026-00417\` pass): ${IN_THE_BODY}.`,
  }),
});

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
      summary: 'Find cases by words or a document number, for clients of the first contract',
      description:
        `${description} The same search as \`POST /v1/search\` for words and document ` +
        'numbers. A URL is logged where it passes (CDN and proxy logs), so a query that holds ' +
        'a tracking code or a NIK, phone number or e-mail address, alone or beside words ' +
        '(`Budi 0812-3456-7890`), is refused with a 400 on `q`, whoever asks (see `q` for ' +
        `what counts): ${IN_THE_BODY}. A phrase of 13 letters that could be a tracking ` +
        'code without a digit is searched as words here, never looked up as a code.',
      request: { query: GetSearchQuery },
      responses: {
        ...responses,
        400: problem(
          'Invalid input (`errors` names each field), or `q` holds a tracking code or a ' +
            `person's NIK, phone or e-mail: ${IN_THE_BODY}`,
        ),
      },
    }),
    async (c) => {
      const filter = c.req.valid('query');
      // A NIK, phone, e-mail or a code with a digit, alone or beside words: refused, to teach
      // the client where they go. A phrase of 13 letters that could be a code without one
      // (about 1 in 130) is searched as the words it is here, never looked up as a code.
      if (holdsIdentifier(filter.q))
        throw invalidInput(
          'q',
          'holds a tracking code or a NIK, phone number or e-mail address, which must not ' +
            `sit in a URL: ${IN_THE_BODY}`,
        );
      return c.json(
        await c.get('service').search(c.get('auth'), filter, { trackingCodes: false }),
        200,
      );
    },
  );
