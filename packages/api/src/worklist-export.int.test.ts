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
  'Diteruskan (WIB)',
  'Status penugasan',
  'Tenggat berikutnya (WIB)',
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

/** The CSV's rows as written, the header first (exceljs's CSV reader, no guessing). */
async function csvRows(res: Response): Promise<string[][]> {
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const sheet = await new ExcelJS.Workbook().csv.read(
    Readable.from([(await res.text()).replace(/^\uFEFF/, '')]),
    { map: (value: unknown) => value },
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
      '2026-03-02 10:00',
      'Menunggu',
      '2026-03-05 23:59',
      'Konfirmasi penerimaan pengaduan',
      late(ids.a),
      'Surat pengingat I',
    ]);
    expect(Number(a[column('Terlambat (hari kerja)')])).toBeGreaterThan(0);
    // b, acknowledged: its follow-up report was due on Monday 9 March.
    expect(b.slice(4)).toEqual([
      'Diterima instansi',
      '2026-03-09 23:59',
      'Laporan tindak lanjut awal',
      late(ids.b),
      '',
    ]);
    // c runs: no lateness, no ladder step.
    expect(c.slice(0, 1).concat(c.slice(4))).toEqual([
      'Agency pln',
      'Menunggu',
      '2026-03-12 23:59',
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
        '2026-03-02 10:00',
        'Bukan kewenangan',
        '',
        '',
        '',
        '',
      ],
    ]);
  });

  it('is named for the day it was taken, and the agency when it is one agency’s', async () => {
    expect((await get('/v1/exports/assignments.csv')).headers.get('content-disposition')).toBe(
      'attachment; filename="pantau-assignments-2026-03-10.csv"',
    );
    expect(
      (await get('/v1/exports/assignments.xlsx?agencyId=polri&overdue=true')).headers.get(
        'content-disposition',
      ),
    ).toBe('attachment; filename="pantau-assignments-polri-2026-03-10.xlsx"');
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
  it('says what the CSV says, with a readable header repeated on each printed page', async () => {
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
    // The same rows as the CSV; times as date cells of the WIB wall clock, lateness a number.
    const csv = await csvRows(await get('/v1/exports/assignments.csv?agencyId=polri&overdue=true'));
    expect(table.rowCount).toBe(csv.length);
    const first = table.getRow(2);
    expect(first.getCell(column('Diteruskan (WIB)') + 1).value).toEqual(
      new Date('2026-03-02T10:00:00.000Z'),
    );
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
      ['Waktu', 'Semua waktu dalam WIB'],
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
      ] as const) {
        const body = await problem(await get(`${path}?${query}`), 400);
        expect(body.errors?.map((e) => e.path)).toEqual([field]);
      }
    },
  );
});
