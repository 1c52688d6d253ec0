/** Response-rate statistics and spreadsheet exports (central). */
import { OpenAPIHono } from '@hono/zod-openapi';
import { AgencyStatsReportSchema, type CaseView, StatsQuery } from '@pantau/core';
import { toCsv } from '../csv.ts';
import { createRoute, json, PROBLEMS, z } from '../openapi.ts';

const csv = (description: string) => ({
  description:
    `${description}. A cell a spreadsheet would take for a formula (starting with = + - @, ` +
    'tab or CR) begins with a single quote; a cell with a semicolon is quoted.',
  content: { 'text/csv': { schema: z.string() } },
});
const percent = (rate: number | null) => (rate === null ? '' : (rate * 100).toFixed(2));

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
      responses: { 200: csv('One row per agency, then the totals'), ...PROBLEMS },
    }),
    async (c) => {
      const report = await c.get('service').agencyStats(c.get('auth'), c.req.valid('query'));
      const rows = [...report.items, report.totals].map((s) => [
        s.agencyId,
        s.assigned,
        s.redirected,
        s.responded,
        s.respondedOnTime,
        s.completed,
        percent(s.responseRate),
        percent(s.onTimeRate),
        s.medianWorkingDaysToFirstResponse ?? '',
        s.belowMinimumSample,
        s.rank ?? '',
      ]);
      const body = toCsv(rows, [
        'agencyId',
        'assigned',
        'redirected',
        'responded',
        'respondedOnTime',
        'completed',
        'responseRatePercent',
        'onTimeRatePercent',
        'medianWorkingDaysToFirstResponse',
        'belowMinimumSample',
        'rank',
      ]);
      return c.body(body, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="pantau-agencies-${report.from}-${report.to}.csv"`,
      });
    },
  );

const CASE_COLUMNS = [
  'id',
  'trackingCode',
  'status',
  'channel',
  'receivedAt',
  'subject',
  'type',
  'category',
  'agencies',
  'overdue',
  'outcome',
  'closedAt',
];

export const exports = new OpenAPIHono().openapi(
  createRoute({
    method: 'get',
    path: '/cases.csv',
    tags: ['Statistics'],
    summary: 'Cases received in the period as CSV (no complainant identity)',
    request: { query: StatsQuery },
    responses: { 200: csv('One row per case, newest first'), ...PROBLEMS },
  }),
  async (c) => {
    const row = (x: CaseView) => [
      x.id,
      x.trackingCode,
      x.status,
      x.channel,
      x.receivedAt,
      x.subject,
      x.classification?.type ?? '',
      x.classification?.category ?? '',
      x.agencyIds.join(' '),
      x.overdue,
      x.closure?.outcome ?? '',
      x.closure?.at ?? '',
    ];
    const rows: unknown[][] = [];
    for await (const page of c.get('service').exportCases(c.get('auth'), c.req.valid('query')))
      rows.push(...page.map(row));
    return c.body(toCsv(rows, CASE_COLUMNS), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="pantau-cases.csv"',
    });
  },
);
