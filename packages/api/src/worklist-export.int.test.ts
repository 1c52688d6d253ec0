/**
 * Central's worklist as a file to send to agencies (`GET /v1/exports/assignments.csv` and
 * `.xlsx`), through the app on DynamoDB Local: one row per assignment of the worklist as
 * filtered (the same filters as `GET /v1/assignments`, every page), each saying what the
 * console's row says in words, times in the reader's zone named in the header; never the
 * complainant's identity nor the tracking code (the file leaves for the agencies).
 */
import { CENTRAL_TENANT, type LadderRecord, Service } from '@pantau/core';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@pantau/store';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  freshStore,
  manualClock,
  officerOf,
} from '../../../test/support/dynamodb.ts';
import { testIssuer } from '../../../test/support/tokens.ts';
import { createApp } from './app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COLUMNS = [
  'Instansi',
  'Nomor agenda',
  'Perihal',
  'Diteruskan',
  'Status penugasan',
  'Tenggat berikutnya',
  'Tenggat untuk',
  'Terlambat (hari kerja)',
  'Langkah eskalasi terakhir',
];
/** Who complained, and the tracking code: none of it may be in the file. */
const COMPLAINANT = {
  name: 'Siti Aminah',
  phone: '081234567890',
  email: 'siti.aminah@example.com',
};
const secrets: string[] = Object.values(COMPLAINANT);

let app: ReturnType<typeof createApp>;
let central: string;
let agency: string;
/** Case ids: a (polri, pln; pln said "not ours"), b (polri, acknowledged), c (pln, just forwarded). */
const ids = { a: '', b: '', c: '' };

beforeAll(async () => {
  const { verifier, bearer } = await testIssuer();
  central = await bearer({ sub: 'o1', agency: CENTRAL_TENANT, role: 'central_officer' });
  agency = await bearer({ sub: 'p1', agency: 'polri', role: 'agency_coordinator' });
  const store = await freshStore();
  // Monday 2 March 2026, 10:00 WIB.
  const clock = manualClock('2026-03-02T03:00:00.000Z');
  app = createApp({ store, verifier, clock: clock.now });
  const service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'polri' }, { id: 'pln' }]);
  const forwarded = async (subject: string, agencies: string[]) => {
    const created = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: COMPLAINANT,
      subject,
      description: 'Sudah dua tahun.',
    });
    await service.verifyCase(centralOfficer, created.id, {
      decision: 'accept',
      type: 'normative',
    });
    await service.forward(centralOfficer, created.id, {
      assignments: agencies.map((agencyId) => ({ agencyId })),
    });
    const stored = (await store.getCase(created.id))!;
    secrets.push(stored.case.trackingCode);
    return created.id;
  };
  ids.a = await forwarded('Pungli pembuatan SIM', ['polri', 'pln']);
  ids.b = await forwarded('Laporan kehilangan tidak diproses', ['polri']);
  clock.set('2026-03-03T03:00:00.000Z');
  await service.acknowledge(officerOf('polri'), ids.b, 'polri');
  await service.redirect(officerOf('pln'), ids.a, 'pln', { reason: 'Bukan kewenangan PLN' });
  // Monday 9 March: one more, to pln.
  clock.set('2026-03-09T03:00:00.000Z');
  ids.c = await forwarded('Listrik padam berulang', ['pln']);
  // polri's ladder on a took its first reminder.
  const ladder = (await store.getCase(ids.a))!.ladders.find((l) => l.agencyId === 'polri');
  const reminded: LadderRecord = {
    ...(ladder ?? {
      caseId: ids.a,
      agencyId: 'polri',
      generation: 1,
      token: 1,
      wakeAt: null,
      updatedAt: '2026-03-06T01:00:00.000Z',
      version: 1,
    }),
    level: 1,
    rung: 'reminder',
    lastStepAt: '2026-03-06T01:00:00.000Z',
  };
  await store.client.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...keys.ladder(ids.a, 'polri'), entity: 'ladder', ...reminded },
    }),
  );
  // Tuesday 10 March 2026, 10:00 WIB: a's and b's deadlines passed, c's runs.
  clock.set('2026-03-10T03:00:00.000Z');
}, 60_000);

const get = (path: string, token = central) =>
  app.request(path, { headers: { authorization: token } });

/**
 * The CSV's rows as written, the header first (exceljs's CSV reader, no guessing), read as
 * Excel in the Indonesian locale reads it: cells separated by `;`.
 */
async function csvRows(res: Response): Promise<string[][]> {
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const sheet = await new ExcelJS.Workbook().csv.read(
    Readable.from([(await res.text()).replace(/^\uFEFF/, '')]),
    { map: (value: unknown) => value, parserOptions: { delimiter: ';' } },
  );
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as string[]).slice(1)));
  return rows;
}

/** The worklist as the console reads it, with the same query. */
async function worklist(query: string) {
  const res = await get(`/v1/assignments?limit=100&${query}`);
  expect(res.status).toBe(200);
  return (
    (await res.json()) as {
      items: { caseId: string; agencyId: string; nextDueWorkingDaysLate: number | null }[];
    }
  ).items;
}

const column = (name: string) => COLUMNS.indexOf(name);

describe('the worklist as CSV', () => {
  it('has one row per open assignment, in the worklist’s order, each in words', async () => {
    const rows = await csvRows(await get('/v1/exports/assignments.csv'));
    expect(rows[0]).toEqual(COLUMNS);
    const listed = await worklist('');
    expect(rows).toHaveLength(1 + listed.length);
    expect(rows.slice(1).map((r) => r[column('Perihal')])).toEqual([
      'Pungli pembuatan SIM',
      'Laporan kehilangan tidak diproses',
      'Listrik padam berulang',
    ]);
    const [a, b, c] = rows.slice(1) as [string[], string[], string[]];
    const late = (caseId: string) =>
      String(listed.find((x) => x.caseId === caseId)!.nextDueWorkingDaysLate);
    // a, to polri: not acknowledged by Thursday 5 March's deadline, first reminder sent.
    expect(a).toEqual([
      'Agency polri',
      expect.stringMatching(/\/III\/2026$/),
      'Pungli pembuatan SIM',
      '2026-03-02 10:00 WIB',
      'Menunggu',
      '2026-03-05 23:59 WIB',
      'Konfirmasi penerimaan pengaduan',
      late(ids.a),
      'Surat pengingat I',
    ]);
    expect(Number(a[column('Terlambat (hari kerja)')])).toBeGreaterThan(0);
    // b, acknowledged: its follow-up report was due on Monday 9 March.
    expect(b.slice(4)).toEqual([
      'Diterima instansi',
      '2026-03-09 23:59 WIB',
      'Laporan tindak lanjut awal',
      late(ids.b),
      '',
    ]);
    // c runs: no lateness, no ladder step.
    expect(c.slice(0, 1).concat(c.slice(4))).toEqual([
      'Agency pln',
      'Menunggu',
      '2026-03-12 23:59 WIB',
      'Konfirmasi penerimaan pengaduan',
      '',
      '',
    ]);
  });

  it('never carries the complainant’s identity or the tracking code', async () => {
    for (const path of ['/v1/exports/assignments.csv', '/v1/exports/assignments.xlsx']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      const body = path.endsWith('.csv')
        ? await res.text()
        : await textOfWorkbook(await res.arrayBuffer());
      for (const secret of secrets) expect(body).not.toContain(secret);
      expect(body).toContain('Pungli pembuatan SIM');
    }
  });

  it('applies the worklist’s filters: agency, state, overdue, and the desk’s lists', async () => {
    const subjects = async (query: string) =>
      (await csvRows(await get(`/v1/exports/assignments.csv?${query}`)))
        .slice(1)
        .map((r) => `${r[column('Perihal')]} / ${r[column('Instansi')]}`);
    expect(await subjects('agencyId=pln')).toEqual(['Listrik padam berulang / Agency pln']);
    expect(await subjects('state=acknowledged')).toEqual([
      'Laporan kehilangan tidak diproses / Agency polri',
    ]);
    expect(await subjects('overdue=true')).toEqual([
      'Pungli pembuatan SIM / Agency polri',
      'Laporan kehilangan tidak diproses / Agency polri',
    ]);
    // b was acknowledged in time: overdue on its follow-up report only.
    expect(await subjects('overdue=true&target=acknowledge')).toEqual([
      'Pungli pembuatan SIM / Agency polri',
    ]);
    // Since Monday began (the previous working day): b's follow-up, not a's acknowledgement.
    expect(await subjects('newlyOverdue=true')).toEqual([
      'Laporan kehilangan tidak diproses / Agency polri',
    ]);
    // c's acknowledgement is due by Thursday 12 March's end; a and b are overdue, so not "due".
    expect(await subjects('dueWithin=3')).toEqual(['Listrik padam berulang / Agency pln']);
    // Redirected, awaiting a re-forward: its state in words, no deadline running.
    const redirected = await csvRows(
      await get('/v1/exports/assignments.csv?awaitingReforward=true'),
    );
    expect(redirected.slice(1)).toEqual([
      [
        'Agency pln',
        expect.any(String),
        'Pungli pembuatan SIM',
        '2026-03-02 10:00 WIB',
        'Bukan kewenangan',
        '',
        '',
        '',
        '',
      ],
    ]);
  });

  it('is separated by semicolons, as Excel in the Indonesian locale splits cells', async () => {
    const bytes = Buffer.from(await (await get('/v1/exports/assignments.csv')).arrayBuffer());
    // The byte order mark (UTF-8 for Excel), then the header, cells split at `;` alone.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\n')[0]).toBe(COLUMNS.join(';'));
    const rows = await csvRows(await get('/v1/exports/assignments.csv'));
    expect(rows.every((row) => row.length === COLUMNS.length)).toBe(true);
  });

  it('is named for its list and the day it was taken, its agency too', async () => {
    const name = async (path: string) => (await get(path)).headers.get('content-disposition');
    expect(await name('/v1/exports/assignments.csv')).toBe(
      'attachment; filename="penugasan-berjalan-2026-03-10.csv"',
    );
    expect(await name('/v1/exports/assignments.xlsx?agencyId=polri&overdue=true')).toBe(
      'attachment; filename="penugasan-polri-lewat-tenggat-2026-03-10.xlsx"',
    );
    // The desk's two lists, downloaded the same day, no longer overwrite each other.
    expect(await name('/v1/exports/assignments.xlsx?newlyOverdue=true')).toBe(
      'attachment; filename="penugasan-lewat-tenggat-baru-2026-03-10.xlsx"',
    );
    expect(await name('/v1/exports/assignments.xlsx?dueWithin=2')).toBe(
      'attachment; filename="penugasan-tenggat-dalam-2-hari-kerja-2026-03-10.xlsx"',
    );
  });
});

/** Every cell's text of every sheet of a workbook, one line per row. */
async function textOfWorkbook(bytes: ArrayBuffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const lines: string[] = [];
  for (const sheet of workbook.worksheets)
    sheet.eachRow((row) => lines.push((row.values as unknown[]).slice(1).join('\t')));
  return lines.join('\n');
}

describe('the worklist as an Excel workbook', () => {
  it('says what the CSV says, printed landscape one page wide, its header on every page', async () => {
    const res = await get('/v1/exports/assignments.xlsx?agencyId=polri&overdue=true');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Penugasan', 'Keterangan']);
    const [table, notes] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    const header = table.getRow(1);
    expect((header.values as unknown[]).slice(1)).toEqual(COLUMNS);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(table.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(table.pageSetup.printTitlesRow).toBe('1:1');
    // Nine columns fit one page's width, landscape on A4; as many pages down as it takes.
    expect(table.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    // The same rows as the CSV; times as date cells of the WIB wall clock, lateness a number.
    const csv = await csvRows(await get('/v1/exports/assignments.csv?agencyId=polri&overdue=true'));
    expect(table.rowCount).toBe(csv.length);
    const first = table.getRow(2);
    expect(first.getCell(column('Diteruskan') + 1).value).toEqual(
      new Date('2026-03-02T10:00:00.000Z'),
    );
    // A date cell of its agency's wall clock, shown with its zone.
    expect(first.getCell(column('Diteruskan') + 1).numFmt).toBe('yyyy-mm-dd hh:mm "WIB"');
    expect(first.getCell(column('Terlambat (hari kerja)') + 1).type).toBe(ExcelJS.ValueType.Number);
    expect(String(first.getCell(column('Terlambat (hari kerja)') + 1).value)).toBe(
      csv[1]![column('Terlambat (hari kerja)')],
    );
    expect(first.getCell(column('Langkah eskalasi terakhir') + 1).value).toBe('Surat pengingat I');
    // Read without the file's name: which list, whose, as of when.
    const said: string[][] = [];
    notes.eachRow((row) => said.push((row.values as string[]).slice(1)));
    expect(said).toEqual([
      ['Laporan', 'Penugasan instansi'],
      ['Daftar', 'Lewat tenggat'],
      ['Instansi', 'Agency polri'],
      ['Keadaan pada', '10 Maret 2026 pukul 10.00 WIB'],
      [
        'Waktu',
        'Waktu setiap penugasan dalam zona waktu instansinya (WIB, WITA atau WIT), tertulis di sampingnya',
      ],
    ]);
    expect(table.headerFooter.oddHeader).toBe(
      '&C&BPenugasan instansi: Agency polri&B\nLewat tenggat — keadaan 10 Maret 2026 pukul 10.00 WIB',
    );
  });
});

describe('the worklist export’s refusals', () => {
  it.each(['/v1/exports/assignments.csv', '/v1/exports/assignments.xlsx'])(
    '%s: an agency is refused; an unknown agency or a wrong filter names its field',
    async (path) => {
      const problem = async (res: Response, status: number) => {
        expect(res.status).toBe(status);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        return (await res.json()) as { code: string; errors?: { path: string }[] };
      };
      expect((await problem(await get(path, agency), 403)).code).toBe('forbidden');
      for (const [query, field] of [
        ['agencyId=nope', 'agencyId'],
        ['state=lost', 'state'],
        ['dueWithin=-1', 'dueWithin'],
        // Filters that cannot hold together: "due within" is what is not overdue yet.
        ['dueWithin=2&overdue=true', 'dueWithin'],
        ['newlyOverdue=true&dueWithin=2', 'dueWithin'],
        ['newlyOverdue=true&overdue=false', 'overdue'],
        ['awaitingReforward=true&state=pending', 'state'],
      ] as const) {
        const body = await problem(await get(`${path}?${query}`), 400);
        expect(body.errors?.map((e) => e.path)).toEqual([field]);
      }
    },
  );
});

describe('combined filters', () => {
  it('lists newly overdue on one target as the sentence says it, the list and file alike', async () => {
    const query = 'newlyOverdue=true&target=followUp';
    const rows = await csvRows(await get(`/v1/exports/assignments.csv?${query}`));
    expect(rows.slice(1).map((r) => r[column('Perihal')])).toEqual([
      'Laporan kehilangan tidak diproses',
    ]);
    expect((await worklist(query)).map((a) => a.caseId)).toEqual([ids.b]);
    expect(await notesOf(`/v1/exports/assignments.xlsx?${query}`)).toContainEqual([
      'Daftar',
      'Lewat tenggat laporan tindak lanjut awal sejak hari kerja sebelumnya',
    ]);
    // Asked on the acknowledgement, which went overdue last week: none.
    const none = await csvRows(
      await get('/v1/exports/assignments.csv?newlyOverdue=true&target=acknowledge'),
    );
    expect(none).toHaveLength(1);
  });

  it('refuses the worklist itself the same contradictions, naming the field', async () => {
    for (const [query, field] of [
      ['dueWithin=2&overdue=true', 'dueWithin'],
      ['newlyOverdue=true&dueWithin=2', 'dueWithin'],
      ['target=acknowledge&overdue=false', 'overdue'],
    ] as const) {
      const res = await get(`/v1/assignments?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as { errors?: { path: string }[] };
      expect(body.errors?.map((e) => e.path)).toEqual([field]);
    }
  });
});

/** The Keterangan sheet's rows of a workbook. */
async function notesOf(path: string): Promise<string[][]> {
  const res = await get(path);
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const said: string[][] = [];
  workbook
    .getWorksheet('Keterangan')!
    .eachRow((row) => said.push((row.values as string[]).slice(1)));
  return said;
}

describe('agencies in WITA and WIT', () => {
  let zonedGet: (path: string) => Response | Promise<Response>;
  beforeAll(async () => {
    const { verifier, bearer } = await testIssuer();
    const token = await bearer({ sub: 'o1', agency: CENTRAL_TENANT, role: 'central_officer' });
    const store = await freshStore();
    // Monday 2 March 2026, 10:00 WIB (11:00 in Makassar, 12:00 in Jayapura).
    const clock = manualClock('2026-03-02T03:00:00.000Z');
    const service = new Service({ store, clock: clock.now });
    await addAgencies(service, [
      { id: 'pemkot-makassar', timeZone: 'Asia/Makassar' },
      { id: 'pemkot-jayapura', timeZone: 'Asia/Jayapura' },
    ]);
    const created = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: COMPLAINANT,
      subject: 'Air bersih tidak mengalir',
      description: 'Sudah sebulan.',
    });
    await service.verifyCase(centralOfficer, created.id, { decision: 'accept', type: 'normative' });
    await service.forward(centralOfficer, created.id, {
      assignments: [{ agencyId: 'pemkot-makassar' }, { agencyId: 'pemkot-jayapura' }],
    });
    const app = createApp({ store, verifier, clock: clock.now });
    zonedGet = (path: string) => app.request(path, { headers: { authorization: token } });
  }, 60_000);

  it('writes each agency’s times in its own zone, named beside them, as its letters do', async () => {
    const rows = await csvRows(await zonedGet('/v1/exports/assignments.csv'));
    expect(rows[0]).toEqual(COLUMNS);
    const byAgency = new Map(rows.slice(1).map((r) => [r[column('Instansi')], r]));
    // Three working days to acknowledge: Thursday 5 March, to the end of the day where it is.
    expect(byAgency.get('Agency pemkot-makassar')?.slice(3, 6)).toEqual([
      '2026-03-02 11:00 WITA',
      'Menunggu',
      '2026-03-05 23:59 WITA',
    ]);
    expect(byAgency.get('Agency pemkot-jayapura')?.slice(3, 6)).toEqual([
      '2026-03-02 12:00 WIT',
      'Menunggu',
      '2026-03-05 23:59 WIT',
    ]);
    // The same deadlines the console gives each agency (its `nextDueAt`, in its own zone).
    const listed = (await (await zonedGet('/v1/assignments')).json()) as {
      items: { agencyId: string; nextDueAt: string; timeZone: string }[];
    };
    expect(
      Object.fromEntries(listed.items.map((a) => [a.agencyId, [a.nextDueAt, a.timeZone]])),
    ).toEqual({
      'pemkot-makassar': ['2026-03-05T15:59:59.999Z', 'Asia/Makassar'],
      'pemkot-jayapura': ['2026-03-05T14:59:59.999Z', 'Asia/Jayapura'],
    });
  });

  it('holds them in the workbook as date cells of that wall clock, shown with the zone', async () => {
    const res = await zonedGet('/v1/exports/assignments.xlsx');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const table = workbook.getWorksheet('Penugasan')!;
    expect((table.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS);
    const cells = new Map<string, ExcelJS.Cell>();
    table.eachRow((row, n) => {
      if (n > 1)
        cells.set(String(row.getCell(1).value), row.getCell(column('Tenggat berikutnya') + 1));
    });
    const wita = cells.get('Agency pemkot-makassar')!;
    expect(wita.value).toEqual(new Date('2026-03-05T23:59:00.000Z'));
    expect(wita.numFmt).toBe('yyyy-mm-dd hh:mm "WITA"');
    expect(cells.get('Agency pemkot-jayapura')!.numFmt).toBe('yyyy-mm-dd hh:mm "WIT"');
  });
});
