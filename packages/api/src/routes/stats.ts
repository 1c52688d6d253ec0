/** Response-rate statistics and spreadsheet exports (central). */
import { OpenAPIHono } from '@hono/zod-openapi';
import {
  AGENCY_STATS_COLUMNS,
  AgencyStatsReportSchema,
  CASE_SHEET_COLUMNS,
  EXPORT_PAGE,
  exportPeriodTooLong,
  MAX_EXPORT_READS,
  StatsQuery,
} from '@pantau/core';
import { boundedCsv, MAX_RESPONSE_BODY_BYTES, toCsv } from '../csv.ts';
import { createRoute, json, problem, PROBLEMS, z } from '../openapi.ts';

const csv = (description: string) => ({
  description:
    `${description}. For people, in Excel or LibreOffice: Indonesian headers, agencies by ` +
    'name, codes as the console’s words, yes/no as "Ya"/"Tidak", times in WIB as ' +
    '`YYYY-MM-DD HH:mm` (the zone named in the header). A cell a spreadsheet would take for a ' +
    'formula (starting with = + - @, tab or CR) begins with a single quote; a cell with a ' +
    'semicolon is quoted.',
  content: { 'text/csv': { schema: z.string() } },
});

export const stats = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'get',
      path: '/agencies',
      tags: ['Statistics'],
      summary: 'Response rate, on-time rate and median working days to first response, per agency',
      request: { query: StatsQuery },
      responses: { 200: json(AgencyStatsReportSchema, 'Per agency, and totals'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(await c.get('service').agencyStats(c.get('auth'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/agencies.csv',
      tags: ['Statistics'],
      summary: 'The same per-agency statistics as CSV (rates in percent)',
      request: { query: StatsQuery },
      responses: {
        200: csv(
          'One row per agency by name, then the totals ("Semua instansi"); columns: ' +
            AGENCY_STATS_COLUMNS.join(', '),
        ),
        ...PROBLEMS,
      },
    }),
    async (c) => {
      const { from, to, sheet } = await c
        .get('service')
        .agencyStatsExport(c.get('auth'), c.req.valid('query'));
      return c.body(toCsv(sheet.rows, sheet.columns), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="pantau-agencies-${from}-${to}.csv"`,
      });
    },
  );

export const exports = new OpenAPIHono().openapi(
  createRoute({
    method: 'get',
    path: '/cases.csv',
    tags: ['Statistics'],
    summary:
      'Cases received in the period as CSV, with `agencyId` only those forwarded to that agency (rows name every agency on the case: central’s list, not a file for that agency; no complainant identity, no tracking code: it is the complainant’s credential)',
    request: { query: StatsQuery },
    responses: {
      200: csv(
        'One row per case, newest first, its agencies by name separated by "; "; columns: ' +
          CASE_SHEET_COLUMNS.join(', ') +
          `. One file carries at most ${MAX_RESPONSE_BODY_BYTES.toLocaleString('en')} bytes (what a response can carry on AWS Lambda), and one export makes at most ${MAX_EXPORT_READS} reads of up to ${EXPORT_PAGE.toLocaleString('en')} cases of the period (a read also stops at 4.5 MB of cases, so fewer when they are large; what it can read within API Gateway’s 29 s; with \`agencyId\` most are read and left out): a longer period is a 422`,
      ),
      ...PROBLEMS,
      422: problem(
        '`limit_exceeded`: the period holds more cases than one file can carry, or than one export can read; `errors` names `from`. Nothing is sent: export shorter periods',
      ),
    },
  }),
  async (c) => {
    const body = await boundedCsv(
      c.get('service').exportCases(c.get('auth'), c.req.valid('query')),
      CASE_SHEET_COLUMNS,
      (rowsThatFit) =>
        exportPeriodTooLong(
          `the cases received in this period are more than one file can carry (${MAX_RESPONSE_BODY_BYTES.toLocaleString('en')} bytes; the newest ${rowsThatFit} fit)`,
          'the period holds more cases than one file can carry',
        ),
    );
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="pantau-cases.csv"',
    });
  },
);
