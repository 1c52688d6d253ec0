/**
 * Intake channels over HTTP: the public complaint form (no token; an ALTCHA proof of work;
 * its files inline in base64, so the case and its files are one write),
 * and central admins' spreadsheet import. E-mail arrives by SMTP or SES, not through here.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { OpenAPIHono } from '@hono/zod-openapi';
import {
  ChallengeSchema,
  ComplaintReceiptSchema,
  ImportBody,
  ImportReportSchema,
  PublicComplaintBody,
} from '@pantau/core';
import { idempotencyOf } from '../idempotency.ts';
import {
  createRoute,
  json,
  jsonBody,
  LIMIT_PROBLEM,
  PROBLEMS,
  ProblemSchema,
  PublicIdempotencyHeader,
  TOO_MANY_REQUESTS,
} from '../openapi.ts';
import type { ProofOfWork } from '../proof-of-work.ts';
import { COMPLAINT_PATHS } from '../public-routes.ts';

export function complaints(pow: ProofOfWork) {
  return new OpenAPIHono()
    .openapi(
      createRoute({
        method: 'get',
        path: COMPLAINT_PATHS.challenge,
        tags: ['Public'],
        summary: 'A proof-of-work challenge for the public complaint form (ALTCHA widget)',
        security: [],
        responses: {
          200: json(ChallengeSchema, 'A signed challenge, good for one complaint'),
          429: TOO_MANY_REQUESTS,
        },
      }),
      async (c) => {
        // A fresh one each time: a cached challenge would be spent by whoever answered first.
        c.header('cache-control', 'no-store');
        return c.json(await pow.challenge(), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: COMPLAINT_PATHS.submit,
        tags: ['Public'],
        summary:
          'Send a complaint without an account (anonymous or confidential if asked), with up to 3 files inline: the receipt with the tracking code',
        description:
          'The case and its files are written together or not at all. Limited per client ' +
          'harder than the other public routes (20 complaints per 10 minutes). With an ' +
          '`Idempotency-Key`, the same request again (after a lost answer) gets the same receipt.',
        security: [],
        request: { headers: PublicIdempotencyHeader, body: jsonBody(PublicComplaintBody) },
        responses: {
          201: json(ComplaintReceiptSchema, 'Received, for central to verify'),
          400: PROBLEMS[400],
          409: PROBLEMS[409],
          415: {
            description:
              'A file’s bytes are not a PDF, JPEG or PNG (`unsupported_media_type`; `errors` names it), or the body was not sent as `Content-Type: application/json`; nothing was written and the proof of work is not spent',
            content: { 'application/problem+json': { schema: ProblemSchema } },
          },
          429: TOO_MANY_REQUESTS,
          503: PROBLEMS[503],
        },
      }),
      async (c) => {
        const { altcha, attachments = [], ...complaint } = c.req.valid('json');
        const files = attachments.map((a) => ({
          name: a.name,
          bytes: Buffer.from(a.content, 'base64'),
        }));
        // The proof is checked unless the key replays a receipt (whose proof is spent). It is
        // not part of the fingerprint: a form that solved a new one since (the old expired)
        // is still the same request. The key, random and sent only here, guards the replay.
        const proof = () => pow.verify(altcha);
        const receipt = await c
          .get('service')
          .submitComplaint(
            complaint,
            proof,
            files,
            await idempotencyOf(c, { ...complaint, attachments }, { unsent: ['altcha'] }),
          );
        return c.json(receipt, 201);
      },
    );
}

/**
 * How long one import request takes rows: API Gateway answers 503 at 29 s, and a row that
 * writes takes tens of milliseconds on AWS (a few hundred rows of a 500-row sheet may not fit).
 * The rows past it are reported `pending`; the console sends the file again until none is.
 */
export const IMPORT_BUDGET_MS = 20_000;

/**
 * `logger` hears of a row that failed for another reason than its cells (reported `pending`):
 * its row number and the error, never the row's cells.
 */
export const imports = (logger: Pick<Logger, 'error'>, budgetMs = IMPORT_BUDGET_MS) =>
  new OpenAPIHono().openapi(
    createRoute({
      method: 'post',
      path: '/cases',
      tags: ['Cases'],
      summary:
        'Import a register (XLSX or CSV) through a column mapping: each row ok or its errors; a dry run writes nothing; a row key imported before is reported, not doubled',
      request: { body: jsonBody(ImportBody) },
      responses: {
        200: json(ImportReportSchema, 'Each row’s outcome'),
        ...PROBLEMS,
        ...LIMIT_PROBLEM,
      },
    }),
    async (c) => {
      const started = performance.now();
      const { format, content, ...options } = c.req.valid('json');
      // The sheet is read only once the caller's role is checked (the use case calls it).
      // The reader loads on the first import, not at every cold start (on-demand/sheet.ts).
      const rows = async () =>
        (await import('../on-demand/sheet.ts')).readSheet(Buffer.from(content, 'base64'), format);
      const timeLeft = () => budgetMs - (performance.now() - started);
      const rowFailed = (row: number, error: unknown) =>
        logger.error('import row failed', {
          correlation_id: c.get('correlationId'),
          requestId: c.get('requestId'),
          route: c.req.routePath,
          row,
          error: error as Error,
        });
      return c.json(
        await c.get('service').importCases(c.get('auth'), options, rows, timeLeft, rowFailed),
        200,
      );
    },
  );
