/** Response-rate statistics and spreadsheet exports (central). */
import { OpenAPIHono } from '@hono/zod-openapi';
import {
  AGENCY_STATS_COLUMNS,
  AGENCY_STATS_SHEET_NAME,
  AgencyStatsReportSchema,
  CASE_SHEET_COLUMNS,
  CASE_SHEET_NAME,
  EXPORT_PAGE,
  exportPeriodTooLong,
  MAX_EXPORT_READS,
  MAX_WORKLIST_EXPORT_READS,
  NOTHING_FORWARDED,
  StatsQuery,
  WORKLIST_EXPORT_PAGE,
  WORKLIST_SHEET_COLUMNS,
  WORKLIST_SHEET_NAME,
  WorklistExportQuery,
  worklistTooLong,
} from '@pantau/core';
import { boundedCsv, boundedRows, MAX_RESPONSE_BODY_BYTES, toCsv } from '../csv.ts';
import { createRoute, json, problem, PROBLEMS, z } from '../openapi.ts';

/** The workbook writer (exceljs), loaded with the first `.xlsx` request (on-demand/xlsx.ts). */
const workbooks = () => import('../on-demand/xlsx.ts');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How the files' times read, unless a file says its own (the worklist's, each row's zone). */
const TIMES_IN_WIB = 'times in WIB as `YYYY-MM-DD HH:mm` (the zone named in the header)';
const DATES_IN_WIB =
  'times as date cells shown as `yyyy-mm-dd hh:mm` (WIB, the zone named in the header)';

const csv = (description: string, times = TIMES_IN_WIB) => ({
  description:
    `${description}. For people, in Excel or LibreOffice: Indonesian headers, agencies by ` +
    `name, codes as the console’s words, yes/no as "Ya"/"Tidak", ${times}. A cell a ` +
    'spreadsheet would take for a formula (starting with = + - @, tab or CR) begins with a ' +
    'single quote; a cell with a semicolon is quoted.',
  content: { 'text/csv': { schema: z.string() } },
});

const xlsx = (description: string, dates = DATES_IN_WIB) => ({
  description:
    `${description}. The same cells as the CSV, as an Excel workbook, the table on a sheet named in ` +
    'Indonesian: the header row bold and frozen, counts and rates as numbers (rates with two ' +
    `decimals, shown in the reader’s locale), ${dates}, text as text cells (never a formula, ` +
    'whatever it starts with), an empty value as an empty cell. A second sheet, *Keterangan*, says what the ' +
    'file counts: its period, when it was counted (WIB), and the minimum sample or the agency. ' +
    'Printed, each page of the table is headed by the report and its period and numbered.',
  content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } },
});

const AGENCY_STATS_FILE =
  'One row per agency by name, in rank order (the unranked after: one at the minimum sample ' +
  'when no other reaches it, then those below it, then those forwarded nothing in the period, ' +
  `whose "Di bawah sampel minimum" says "${NOTHING_FORWARDED}"), then the totals ("Semua instansi"); columns: ` +
  AGENCY_STATS_COLUMNS.join(', ');

const CASES_FILE =
  'One row per case, newest first, its agencies by name separated by "; "; columns: ' +
  CASE_SHEET_COLUMNS.join(', ') +
  `. One file carries at most ${MAX_RESPONSE_BODY_BYTES.toLocaleString('en')} bytes of CSV (what a response can carry on AWS Lambda; a workbook carries the rows the CSV would, and must fit too, counted as the base64 Lambda sends it in), and one export makes at most ${MAX_EXPORT_READS} reads of up to ${EXPORT_PAGE.toLocaleString('en')} cases of the period (a read also stops at 4.5 MB of cases, so fewer when they are large; what it can read within API Gateway’s 29 s; with \`agencyId\` most are read and left out): a longer period is a 422`;

const CASES_SUMMARY =
  '(rows name every agency on the case: central’s list, not a file for that agency; no complainant identity, no tracking code: it is the complainant’s credential)';

const CASES_TOO_LONG = problem(
  '`limit_exceeded`: the period holds more cases than one file can carry, or than one export can read; `errors` names `from`. Nothing is sent: export shorter periods',
);

/** The cases export's refusal of a period past one file (`rowsThatFit`: the newest that fit). */
const tooManyForOneFile = (rowsThatFit?: number) =>
  exportPeriodTooLong(
    `the cases received in this period are more than one file can carry (${MAX_RESPONSE_BODY_BYTES.toLocaleString('en')} bytes${rowsThatFit === undefined ? '' : `; the newest ${rowsThatFit} fit`})`,
    'the period holds more cases than one file can carry',
  );

const WORKLIST_FILE =
  'One row per assignment of central’s worklist as filtered (the filters of `GET /v1/assignments`, every page, in its order: soonest next deadline first; filters that cannot hold together are a 400 naming the field, as there); columns: ' +
  WORKLIST_SHEET_COLUMNS.join(', ') +
  ' (each row’s times in its assignment’s own zone, its agency’s, named beside them: `2026-03-05 23:59 WITA`; in the workbook a date cell shown so). The next deadline is the overdue one while one is, its target as the letters name it, the working days late as the letters count them, the ladder’s rung while overdue. No complainant identity, no tracking code: a file central sends to agencies. The CSV is separated by semicolons (Excel in the Indonesian locale), UTF-8 with a byte order mark. Named `penugasan[-agencyId]-<list>-YYYY-MM-DD`, its list in short words and the day it was taken (`penugasan-lewat-tenggat-baru-2026-12-04`, `penugasan-tenggat-dalam-2-hari-kerja-2026-12-04`; `penugasan-berjalan-…` with no filter); the workbook’s notes say the list in words (its filters), its agency and as of when, and head each printed page, printed landscape on A4, every column on one page’s width, the header row on every page. ' +
  `One file carries at most ${MAX_RESPONSE_BODY_BYTES.toLocaleString('en')} bytes (as the cases export) and one export makes at most ${MAX_WORKLIST_EXPORT_READS} reads of ${WORKLIST_EXPORT_PAGE} assignments: a longer list is a 422`;

const WORKLIST_TIMES =
  'times as `YYYY-MM-DD HH:mm` and the zone of the row’s agency (`2026-03-05 23:59 WITA`), cells separated by `;`';
const WORKLIST_DATES =
  'times as date cells of the row’s agency’s wall clock shown as `yyyy-mm-dd hh:mm "WITA"`, its zone named';

const WORKLIST_TOO_LONG = problem(
  '`limit_exceeded`: the worklist as filtered holds more assignments than one file can carry, or than one export can read. Nothing is sent: filter it further (one agency, one state) and export each',
);

/** The worklist export's refusal of a list past one file. */
const worklistPastOneFile = () =>
  worklistTooLong(
    `the worklist as filtered is more than one file can carry (${MAX_RESPONSE_BODY_BYTES.toLocaleString('en')} bytes)`,
  );

/**
 * The cases file's name without its extension: its period, as the statistics' file says its own
 * (two months' downloads no longer overwrite each other), and its agency when it is one agency's
 * (an `agencyId` is lower-case letters, digits and hyphens: safe in the header).
 */
const casesFileName = ({ from, to, agencyId }: { from: string; to: string; agencyId?: string }) =>
  `pantau-cases-${agencyId ? `${agencyId}-` : ''}${from}-${to}`;

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
      responses: { 200: csv(AGENCY_STATS_FILE), ...PROBLEMS },
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
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/agencies.xlsx',
      tags: ['Statistics'],
      summary: 'The same per-agency statistics as an Excel workbook (rates in percent)',
      request: { query: StatsQuery },
      responses: { 200: xlsx(AGENCY_STATS_FILE), ...PROBLEMS },
    }),
    async (c) => {
      const { from, to, sheet, notes } = await c
        .get('service')
        .agencyStatsExport(c.get('auth'), c.req.valid('query'));
      const body = await (
        await workbooks()
      ).toXlsx({
        name: AGENCY_STATS_SHEET_NAME,
        writtenAt: c.get('service').now(),
        ...sheet,
        notes,
      });
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': XLSX,
        'content-disposition': `attachment; filename="pantau-agencies-${from}-${to}.xlsx"`,
      });
    },
  );

export const exports = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'get',
      path: '/cases.csv',
      tags: ['Statistics'],
      summary: `Cases received in the period as CSV, with \`agencyId\` only those forwarded to that agency ${CASES_SUMMARY}`,
      request: { query: StatsQuery },
      responses: { 200: csv(CASES_FILE), ...PROBLEMS, 422: CASES_TOO_LONG },
    }),
    async (c) => {
      const name = casesFileName(
        c.get('service').caseExportPeriod(c.get('auth'), c.req.valid('query')),
      );
      const body = await boundedCsv(
        c.get('service').exportCases(c.get('auth'), c.req.valid('query')),
        CASE_SHEET_COLUMNS,
        tooManyForOneFile,
      );
      return c.body(body, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.csv"`,
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cases.xlsx',
      tags: ['Statistics'],
      summary: `The same cases as an Excel workbook ${CASES_SUMMARY}`,
      request: { query: StatsQuery },
      responses: { 200: xlsx(CASES_FILE), ...PROBLEMS, 422: CASES_TOO_LONG },
    }),
    async (c) => {
      const name = casesFileName(
        c.get('service').caseExportPeriod(c.get('auth'), c.req.valid('query')),
      );
      // The rows the CSV would carry, refused where it is (the same reads, the same byte bound).
      const { rows } = await boundedRows(
        c.get('service').exportCases(c.get('auth'), c.req.valid('query')),
        CASE_SHEET_COLUMNS,
        tooManyForOneFile,
      );
      const body = await (
        await workbooks()
      ).boundedXlsx(
        {
          name: CASE_SHEET_NAME,
          writtenAt: c.get('service').now(),
          columns: CASE_SHEET_COLUMNS,
          rows,
          notes: await c.get('service').caseExportNotes(c.get('auth'), c.req.valid('query')),
        },
        () => tooManyForOneFile(),
      );
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': XLSX,
        'content-disposition': `attachment; filename="${name}.xlsx"`,
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assignments.csv',
      tags: ['Statistics'],
      summary:
        'Central’s worklist as filtered, every page, as CSV: a file to send to agencies (no complainant identity, no tracking code)',
      request: { query: WorklistExportQuery },
      responses: {
        200: csv(WORKLIST_FILE, WORKLIST_TIMES),
        ...PROBLEMS,
        422: WORKLIST_TOO_LONG,
      },
    }),
    async (c) => {
      const file = await c.get('service').worklistExport(c.get('auth'), c.req.valid('query'));
      // Semicolons: central's officers and the agencies open it in Excel set to Indonesian.
      const body = await boundedCsv(file.pages, file.columns, worklistPastOneFile, ';');
      return c.body(body, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file.name}.csv"`,
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/assignments.xlsx',
      tags: ['Statistics'],
      summary:
        'The same worklist as an Excel workbook, its notes saying the list in words and as of when',
      request: { query: WorklistExportQuery },
      responses: {
        200: xlsx(WORKLIST_FILE, WORKLIST_DATES),
        ...PROBLEMS,
        422: WORKLIST_TOO_LONG,
      },
    }),
    async (c) => {
      const file = await c.get('service').worklistExport(c.get('auth'), c.req.valid('query'));
      // The rows the CSV would carry, refused where it is (the same reads, the same byte bound).
      const { rows } = await boundedRows(file.pages, file.columns, worklistPastOneFile, ';');
      const body = await (
        await workbooks()
      ).boundedXlsx(
        {
          name: WORKLIST_SHEET_NAME,
          writtenAt: c.get('service').now(),
          columns: file.columns,
          rows,
          notes: file.notes,
          fitToWidth: true,
        },
        worklistPastOneFile,
      );
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': XLSX,
        'content-disposition': `attachment; filename="${file.name}.xlsx"`,
      });
    },
  );
