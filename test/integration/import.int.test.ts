/**
 * A register import that runs out of its request's time (API Gateway's 29 s on AWS) reports the
 * rows it did not reach `pending` instead of failing half-way without a report, and the same
 * file sent again goes on from there: each row imported once.
 */
import {
  DEFAULT_DOCUMENT_SETTINGS,
  DomainError,
  forwardingLetterDocument,
  IMPORT_FILE_COLUMNS,
  IMPORT_NO_SUCH_COLUMN,
  type ImportInput,
  newCase,
  Service,
  type SheetRow,
} from '@pantau/core';
import { readSheet } from '@pantau/intake/sheet';
import type { DynamoStore } from '@pantau/store';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

let store: DynamoStore;
let service: Service;

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: manualClock('2026-03-16T03:00:00.000Z').now });
});

const rows: SheetRow[] = [
  ...Array.from({ length: 4 }, (_, i) => ({
    row: i + 2,
    cells: {
      'Nomor Surat': `B-${201 + i}/DUMAS/02/2025`,
      Tanggal: '03/02/2025',
      Perihal: `Jalan rusak ${i}`,
      Uraian: 'Jalan desa rusak berat sejak banjir.',
    },
  })),
  // Read without any I/O: reported at once, whatever the time.
  {
    row: 6,
    cells: { 'Nomor Surat': 'B-205/DUMAS/02/2025', Tanggal: 'besok', Perihal: 'x', Uraian: 'y' },
  },
];
const input: Omit<ImportInput, 'format' | 'content'> = {
  mapping: {
    letterNumber: 'Nomor Surat',
    receivedAt: 'Tanggal',
    subject: 'Perihal',
    description: 'Uraian',
  },
  defaultChannel: 'letter',
  dryRun: false,
};

/** Time for `rows` rows that write, then none. */
const timeFor = (n: number) => {
  let asked = 0;
  return () => (asked++ < n ? 1_000 : 0);
};

describe('an import out of time', () => {
  it('reports the rows it did not reach pending, and the same file again imports them, each once', async () => {
    const first = await service.importCases(centralAdmin, input, async () => rows, timeFor(2));
    expect(first.rows.map((r) => r.outcome)).toEqual([
      'created',
      'created',
      'pending',
      'pending',
      'error',
    ]);
    expect(first.counts).toEqual({ ok: 0, created: 2, exists: 0, error: 1, pending: 2 });

    const second = await service.importCases(centralAdmin, input, async () => rows);
    expect(second.rows.map((r) => r.outcome)).toEqual([
      'exists',
      'exists',
      'created',
      'created',
      'error',
    ]);
    expect(second.rows.slice(0, 2).map((r) => r.caseId)).toEqual(
      first.rows.slice(0, 2).map((r) => r.caseId),
    );
    const imported = await store.listCases({}, { limit: 100 });
    expect(imported.items.map((c) => c.subject).sort()).toEqual([
      'Jalan rusak 0',
      'Jalan rusak 1',
      'Jalan rusak 2',
      'Jalan rusak 3',
    ]);
  });
});

/**
 * The unit's paper register as the admin uploads it (CSV or XLSX bytes, read by the same reader
 * as the API's import route), through the import: the report the admin reads, and the case stored.
 */
describe('a register as the unit kept it', () => {
  let registerStore: DynamoStore;
  let registerService: Service;
  beforeAll(async () => {
    registerStore = await freshStore();
    registerService = new Service({
      store: registerStore,
      clock: manualClock('2026-03-16T03:00:00.000Z').now,
    });
  });

  const MAPPING = {
    letterNumber: 'Nomor Surat',
    receivedAt: 'Tanggal',
    'complainant.name': 'Nama',
    'complainant.idNumber': 'NIK',
    'complainant.phone': 'Telepon',
    'complainant.email': 'Surel',
    'complainant.address': 'Alamat',
    subject: 'Perihal',
    description: 'Uraian',
  } as const;
  const HEADER = 'Nomor Surat;Tanggal;Nama;NIK;Telepon;Surel;Alamat;Perihal;Uraian';
  const importFile = (content: Buffer, format: 'csv' | 'xlsx', dryRun = false) =>
    registerService.importCases(
      centralAdmin,
      { mapping: MAPPING, defaultChannel: 'letter', dryRun },
      () => readSheet(content, format),
    );
  const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\r\n'), 'utf8');
  const caseOf = async (id: string | null) => (await registerStore.getCase(id!))?.case;
  const casesWithSubject = async (subject: string) =>
    (await registerStore.listCases({}, { limit: 500 })).items.filter((c) => c.subject === subject);

  it('a row with the complainant’s NIK, phone, e-mail or address but no name is an error on the name, not an anonymous case', async () => {
    const report = await importFile(
      csv(
        'B-301/DUMAS/02/2026;02/02/2026;;3173012345678901;;;;Tanpa nama 1;NIK tanpa nama.',
        'B-302/DUMAS/02/2026;02/02/2026;;;0812-3456-7890;;;Tanpa nama 2;Telepon tanpa nama.',
        'B-303/DUMAS/02/2026;02/02/2026;;;;warga@example.com;Jl. Melati 3;Tanpa nama 3;Surel.',
        'B-304/DUMAS/02/2026;02/02/2026;;;;;;Anonim;Pengadu tidak mencantumkan identitas.',
      ),
      'csv',
    );
    expect(report.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'error'],
      [3, 'error'],
      [4, 'error'],
      [5, 'created'],
    ]);
    for (const r of report.rows.slice(0, 3))
      expect(r.errors).toEqual([
        {
          field: 'complainant.name',
          message: 'required when the row has the complainant’s NIK, phone, e-mail or address',
        },
      ]);
    for (const subject of ['Tanpa nama 1', 'Tanpa nama 2', 'Tanpa nama 3'])
      expect(await casesWithSubject(subject)).toEqual([]);
    expect((await caseOf(report.rows[3]!.caseId))?.complainant).toBeNull();
  });

  it('another citizen’s letter with the same number is a case of its own; the same row again finds its case; "-" is no number, and such a letter is imported by its day, sender and subject', async () => {
    const january = csv('01/2026;12/01/2026;Made Wirawan;;;;;Jalan rusak;Jalan desa rusak berat.');
    const february = csv(
      '01/2026;09/02/2026;Siti Aminah;;;;;Sertifikat tanah;Sertifikat belum terbit.',
      '-;10/02/2026;Budi Santoso;;;;;Tanpa nomor 1;Surat tanpa nomor.',
      'tanpa nomor;11/02/2026;Ani Lestari;;;;;Tanpa nomor 2;Surat tanpa nomor.',
      '  TNP ;11/02/2026;Ani Lestari;;;;;Tanpa nomor 3;Surat tanpa nomor.',
    );
    const jan = await importFile(january, 'csv');
    expect(jan.rows.map((r) => r.outcome)).toEqual(['created']);
    const janCase = jan.rows[0]!.caseId;

    const feb = await importFile(february, 'csv');
    // A citizen's letter seldom has a number: each is a case of its own, keyed by what it is.
    expect(feb.rows.map((r) => r.outcome)).toEqual(['created', 'created', 'created', 'created']);
    expect(feb.rows[0]!.caseId).not.toBe(janCase);
    expect(feb.rows[1]!.rowKey).toBe('unnumbered:2026-02-10 · BUDI SANTOSO · TANPA NOMOR 1');
    expect(new Set(feb.rows.map((r) => r.caseId)).size).toBe(4);
    expect(await caseOf(feb.rows[0]!.caseId)).toMatchObject({
      subject: 'Sertifikat tanah',
      complainant: { name: 'Siti Aminah' },
      receivedAt: '2026-02-08T17:00:00.000Z',
    });

    // Each file again: nothing new, each row its own case.
    const janAgain = await importFile(january, 'csv');
    const febAgain = await importFile(february, 'csv');
    expect(janAgain.rows.map((r) => [r.outcome, r.caseId])).toEqual([['exists', janCase]]);
    expect(febAgain.rows.map((r) => [r.outcome, r.caseId])).toEqual(
      feb.rows.map((r) => ['exists', r.caseId]),
    );
    expect(await casesWithSubject('Sertifikat tanah')).toHaveLength(1);
    expect(await casesWithSubject('Jalan rusak')).toHaveLength(1);
  });

  it('a day written with the Indonesian month name is that day at 00:00 WIB', async () => {
    const report = await importFile(
      csv(
        'B-401/DUMAS/03/2026;2 Maret 2026;Rina Wati;;;;;Bulan bernama;Tanggal dengan nama bulan.',
      ),
      'csv',
    );
    expect(report.rows.map((r) => r.outcome)).toEqual(['created']);
    expect((await caseOf(report.rows[0]!.caseId))?.receivedAt).toBe('2026-03-01T17:00:00.000Z');
  });

  it('a row imported before under the letter number alone is still found; another letter with that number is not', async () => {
    // What an earlier import stored: the case and its claim on the bare number.
    const legacy = newCase({
      id: '01LEGACYIMPORT000000000001',
      trackingCode: 'LEGA-CYIM-00001',
      body: {
        channel: 'letter',
        receivedAt: '2026-01-04T17:00:00.000Z',
        complainant: { name: 'Made Wirawan' },
        subject: 'Lama',
        description: 'Diimpor sebelum kunci baru.',
      },
      now: new Date('2026-03-01T03:00:00.000Z'),
      verificationDueAt: new Date('2026-03-05T03:00:00.000Z'),
      imported: { rowKey: 'letter:B-401/DUMAS/01/2026' },
    });
    await registerStore.commit({
      case: { record: legacy, expectedVersion: null },
      claims: [{ kind: 'import_row', value: 'letter:B-401/DUMAS/01/2026' }],
    });
    const report = await importFile(
      csv(
        'b-401/dumas/01/2026;05/01/2026;MADE  WIRAWAN;;;;;Lama;Diimpor sebelum kunci baru.',
        'B-401/DUMAS/01/2026;20/02/2026;Siti Aminah;;;;;Baru;Surat lain, nomor yang sama.',
      ),
      'csv',
    );
    expect(report.rows.map((r) => [r.outcome, r.caseId === legacy.id])).toEqual([
      ['exists', true],
      ['created', false],
    ]);
  });

  it('a letter with its number and date is the case’s incoming letter: central finds it by the number, and the forwarding letter cites it', async () => {
    const withDate = (...lines: string[]) =>
      Buffer.from([`${HEADER};Tanggal Surat`, ...lines].join('\r\n'), 'utf8');
    const importWith = (content: Buffer, mapping: ImportInput['mapping']) =>
      registerService.importCases(
        centralAdmin,
        { mapping, defaultChannel: 'letter', dryRun: false },
        () => readSheet(content, 'csv'),
      );
    const dated = { ...MAPPING, letterDate: 'Tanggal Surat' };
    const file = withDate(
      '045/RT-03/II/2026;02/03/2026;Rina Wati;;;;;Drainase tersumbat;Saluran tersumbat.;27 Februari 2026',
      '046/RT-03/II/2026;02/03/2026;;;;;;Lampu jalan mati;Lampu jalan mati sebulan.;28/02/2026',
      '047/RT-03/II/2026;02/03/2026;Budi Santoso;;;;;Tanggal surat kosong;Tanpa tanggal.;',
      '048/RT-03/II/2026;02/03/2026;Ani Lestari;;;;;Tanggal surat keliru;Tanggal salah.;kemarin',
    );
    const report = await importWith(file, dated);
    expect(report.rows.map((r) => [r.outcome, r.errors])).toEqual([
      ['created', []],
      ['created', []],
      ['created', []],
      [
        'error',
        [
          {
            field: 'letterDate',
            message: 'not a date (YYYY-MM-DD, DD/MM/YYYY, 2 Maret 2026 or a date cell)',
          },
        ],
      ],
    ]);
    // The row key is the one imports always gave the letter: the letter's date is not in it.
    expect(report.rows[0]!.rowKey).toBe('letter:045/RT-03/II/2026 · 2026-03-02 · RINA WATI');
    const [named, anonymous, undated] = await Promise.all(
      report.rows.slice(0, 3).map((r) => caseOf(r.caseId)),
    );
    expect(named?.letter).toEqual({
      number: '045/RT-03/II/2026',
      date: '2026-02-27',
      sender: 'Rina Wati',
    });
    expect(anonymous?.letter).toEqual({
      number: '046/RT-03/II/2026',
      date: '2026-02-28',
      sender: 'Anonim',
    });
    // No date, none invented: the number stays on the registration event, as before.
    expect(undated?.letter).toBeNull();
    const [registered] = (await registerStore.listTimeline(undated!.id, { limit: 5 })).items;
    expect(registered?.data).toMatchObject({ imported: true, letterNumber: '047/RT-03/II/2026' });

    // Central looks the letter up by its number, as people write it.
    const found = await registerService.search(centralOfficer, {
      q: '045/rt-03/ii/2026',
      limit: 25,
    });
    expect(found.items.map((h) => [h.id, h.matchedBy])).toEqual([[named!.id, 'letterNumber']]);

    await addAgencies(registerService, [{ id: 'pemkot' }]);
    await registerService.verifyCase(centralOfficer, named!.id, {
      decision: 'accept',
      type: 'normative',
    });
    await registerService.forward(centralOfficer, named!.id, {
      assignments: [{ agencyId: 'pemkot' }],
    });
    const bundle = await registerStore.getCase(named!.id);
    const letter = forwardingLetterDocument({
      case: bundle!.case,
      assignment: bundle!.assignments[0]!,
      agency: (await registerStore.getAgency('pemkot'))!,
      settings: DEFAULT_DOCUMENT_SETTINGS,
      number: 'B-1/Kemensetneg/D-4/DM.05/03/2026',
      now: new Date('2026-03-16T03:00:00.000Z'),
      attachments: [],
    });
    expect(letter.blocks[0]).toMatchObject({
      text: expect.stringContaining(
        'Bersama ini kami teruskan surat nomor 045/RT-03/II/2026 tanggal 27 Februari 2026 dari Rina Wati,',
      ),
    });

    // The same rows again, with the letter's date mapped or not: each finds its case.
    for (const mapping of [dated, MAPPING]) {
      const again = await importWith(file, mapping);
      expect(again.rows.slice(0, 3).map((r) => [r.outcome, r.caseId])).toEqual(
        report.rows.slice(0, 3).map((r) => ['exists', r.caseId]),
      );
    }

    // Its identity hidden, an agency does not read the number its event keeps: as the case's
    // own letter, it tells who wrote.
    await registerService.verifyCase(centralOfficer, undated!.id, {
      decision: 'accept',
      type: 'light',
      identityHidden: true,
    });
    await registerService.forward(centralOfficer, undated!.id, {
      assignments: [{ agencyId: 'pemkot' }],
    });
    const read = await registerService.timeline(officerOf('pemkot'), undated!.id, { limit: 20 });
    expect(read.items.map((e) => e.type)).toContain('case_registered');
    expect(JSON.stringify(read)).not.toContain('047/RT-03/II/2026');
  });

  it('a CSV saved by Excel on Windows (Windows-1252) keeps its names and text', async () => {
    // "Dédé Suryadi", and ‘uang gedung’ – in Windows-1252 (0x91, 0x92, 0x96), as Excel saves it.
    const ansi = Buffer.concat([
      Buffer.from(
        `${HEADER}\r\nB-501/DUMAS/02/2026;03/02/2026;D\xe9d\xe9 Suryadi;;;;;Pungutan;`,
        'latin1',
      ),
      Buffer.from([0x91]),
      Buffer.from('uang gedung', 'latin1'),
      Buffer.from([0x92, 0x20, 0x96]),
      Buffer.from(' Rp 5.000.000 per siswa.\r\n', 'latin1'),
    ]);
    const report = await importFile(ansi, 'csv');
    expect(report.rows.map((r) => r.outcome)).toEqual(['created']);
    expect(await caseOf(report.rows[0]!.caseId)).toMatchObject({
      complainant: { name: 'Dédé Suryadi' },
      description: '‘uang gedung’ – Rp 5.000.000 per siswa.',
    });

    // UTF-8 with the BOM Excel writes ("CSV UTF-8"): read as UTF-8.
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      csv('B-502/DUMAS/02/2026;03/02/2026;Dédé Suryadi;;;;;Pungutan 2;‘uang gedung’ – Rp 1.'),
    ]);
    const second = await importFile(utf8, 'csv');
    expect(await caseOf(second.rows[0]!.caseId)).toMatchObject({
      complainant: { name: 'Dédé Suryadi' },
      description: '‘uang gedung’ – Rp 1.',
    });
  });

  it('a NIK or a phone number in a number cell (rounded, its leading 0 gone) is an error asking for a text column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow(HEADER.split(';'));
    const row = (n: number, nik: string | number, phone: string | number) =>
      sheet.addRow([
        `B-60${n}/DUMAS/02/2026`,
        new Date(Date.UTC(2026, 1, 4)),
        'Made Wirawan',
        nik,
        phone,
        null,
        null,
        `Angka ${n}`,
        'NIK dan telepon.',
      ]);
    // Excel keeps 15 significant digits: 3173012345678901 typed into a number cell is stored so.
    row(1, 3173012345678900, '081234567890');
    row(2, '3173012345678901', 6281234567890);
    row(3, '3173012345678901', '081234567890');
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await importFile(content, 'xlsx');
    const message =
      'a number cell (a NIK loses digits, a phone its leading 0): format the column as text';
    expect(report.rows.map((r) => [r.outcome, r.errors])).toEqual([
      ['error', [{ field: 'complainant.idNumber', message }]],
      ['error', [{ field: 'complainant.phone', message }]],
      ['created', []],
    ]);
    expect(await casesWithSubject('Angka 1')).toEqual([]);
    expect(await casesWithSubject('Angka 2')).toEqual([]);
    expect((await caseOf(report.rows[2]!.caseId))?.complainant).toEqual({
      name: 'Made Wirawan',
      idNumber: '3173012345678901',
      phone: '+6281234567890',
    });
  });
});

/**
 * A mapping whose title the file lacks (a register's `Nama pengadu` for the sample's `Nama
 * Pengadu`, or no phone column at all) drops what the column holds, row by row, without a word:
 * titles are matched as people read them, and one the file does not have refuses the import.
 */
describe('a mapping the file’s header row does not match', () => {
  let mappingStore: DynamoStore;
  let mappingService: Service;
  beforeAll(async () => {
    mappingStore = await freshStore();
    mappingService = new Service({
      store: mappingStore,
      clock: manualClock('2026-03-16T03:00:00.000Z').now,
    });
  });
  const SAMPLE = {
    letterNumber: 'Nomor Surat',
    receivedAt: 'Tanggal Surat Diterima',
    'complainant.name': 'Nama Pengadu',
    'complainant.phone': 'Telepon',
    subject: 'Perihal',
    description: 'Uraian',
  } as const;
  const importCsv = (text: string, mapping: ImportInput['mapping'], dryRun = false) =>
    mappingService.importCases(centralAdmin, { mapping, defaultChannel: 'letter', dryRun }, () =>
      readSheet(Buffer.from(text, 'utf8'), 'csv'),
    );

  it('is matched without regard to case, spacing or line breaks: the complainant is kept', async () => {
    const report = await importCsv(
      'NOMOR SURAT;Tanggal  Surat Diterima;Nama pengadu;telepon;Perihal;Uraian\r\n' +
        'B-701/2026;10/03/2026;Made Wirawan;081234567890;Kolom longgar;Jalan desa rusak.\r\n',
      { ...SAMPLE, receivedAt: 'Tanggal Surat\nDiterima' },
    );
    expect(report.rows.map((r) => r.outcome)).toEqual(['created']);
    expect((await mappingStore.getCase(report.rows[0]!.caseId!))?.case.complainant).toEqual({
      name: 'Made Wirawan',
      phone: '+6281234567890',
    });
  });

  it('naming a title the file lacks is refused, naming the field and listing the file’s titles; nothing is created', async () => {
    const file =
      'Nomor Surat;Tanggal Surat Diterima;Nama pengadu;No. Telepon;Perihal;Uraian\r\n' +
      'B-702/2026;10/03/2026;Made Wirawan;081234567890;Kolom hilang;Jalan desa rusak.\r\n';
    for (const dryRun of [true, false]) {
      const refused = await importCsv(file, SAMPLE, dryRun).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DomainError);
      expect(refused).toMatchObject({
        code: 'validation_failed',
        errors: [
          { path: 'mapping.complainant.phone', message: IMPORT_NO_SUCH_COLUMN },
          {
            path: 'mapping',
            message: `${IMPORT_FILE_COLUMNS}["Nomor Surat","Tanggal Surat Diterima","Nama pengadu","No. Telepon","Perihal","Uraian"]`,
          },
        ],
      });
    }
    const all = await mappingStore.listCases({}, { limit: 50 });
    expect(all.items.filter((c) => c.subject === 'Kolom hilang')).toEqual([]);
  });
});

describe('a sheet past the limit', () => {
  it('names how many rows the file has, not how many the reader kept', async () => {
    const refused = await service
      .importCases(centralAdmin, { ...input, dryRun: true }, async () => ({
        headers: ['Nomor Surat', 'Tanggal', 'Perihal', 'Uraian'],
        rows: rows.slice(0, 1),
        rowCount: 12_345,
      }))
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'limit_exceeded',
      limit: 'import_rows',
      message: 'the sheet has 12345 rows; import at most 500 per request',
    });
  });
});

/**
 * A row whose write fails for another reason than its cells (the store throttled past its
 * retries): the rows before it stay reported, it and the rest wait (`pending`) for the same file
 * again, and the failure is heard of by its row number alone.
 */
describe('a row that fails midway', () => {
  it('keeps the report of the rows written; it and the rows after it are pending, and the same file again goes on', async () => {
    const s = await freshStore();
    let commits = 0;
    const flaky = new Proxy(s, {
      get(target, prop, receiver) {
        if (prop === 'commit')
          return async (...args: unknown[]) => {
            commits += 1;
            if (commits === 3) throw new Error('ProvisionedThroughputExceededException');
            return (target.commit as (...a: unknown[]) => unknown).apply(target, args);
          };
        const v: unknown = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const clock = manualClock('2026-03-16T03:00:00.000Z').now;
    const sheet = async () => ({
      headers: ['Nomor Surat', 'Tanggal', 'Perihal', 'Uraian'],
      rows: [1, 2, 3, 4].map((i) => ({
        row: i + 1,
        cells: {
          'Nomor Surat': `B-80${i}/2025`,
          Tanggal: '03/02/2025',
          Perihal: `Gagal di tengah ${i}`,
          Uraian: 'Uraian.',
        },
      })),
    });
    const failures: unknown[][] = [];
    const first = await new Service({ store: flaky as DynamoStore, clock }).importCases(
      centralAdmin,
      input,
      sheet,
      undefined,
      (...args) => failures.push(args),
    );
    expect(first.rows.map((r) => r.outcome)).toEqual(['created', 'created', 'pending', 'pending']);
    expect(first.counts).toEqual({ ok: 0, created: 2, exists: 0, error: 0, pending: 2 });
    expect(failures).toEqual([[4, new Error('ProvisionedThroughputExceededException')]]);

    const again = await new Service({ store: s, clock }).importCases(centralAdmin, input, sheet);
    expect(again.rows.map((r) => r.outcome)).toEqual(['exists', 'exists', 'created', 'created']);
    expect(again.rows.slice(0, 2).map((r) => r.caseId)).toEqual(
      first.rows.slice(0, 2).map((r) => r.caseId),
    );
    expect((await s.listCases({}, { limit: 50 })).items).toHaveLength(4);
  });
});
