import { describe, expect, it } from 'vitest';
import { parseRegisterDate, readRow } from './import-row.ts';
import { IMPORT_NO_SUCH_DAY, IMPORT_UNKNOWN_CHANNEL } from './schemas/intake.ts';

const NOW = new Date('2026-05-04T03:00:00Z');
const MAPPING = {
  receivedAt: 'Tanggal',
  subject: 'Perihal',
  description: 'Uraian',
  'complainant.name': 'Nama',
  letterNumber: 'Nomor Surat',
} as const;
const options = { mapping: MAPPING, defaultChannel: 'letter' as const };

describe('a register date', () => {
  it('is a day in WIB, in either order, with the time if the register kept it', () => {
    expect(parseRegisterDate('2024-03-05')?.toISOString()).toBe('2024-03-04T17:00:00.000Z');
    expect(parseRegisterDate('05/03/2024')?.toISOString()).toBe('2024-03-04T17:00:00.000Z');
    expect(parseRegisterDate('5.3.2024 14:30')?.toISOString()).toBe('2024-03-05T07:30:00.000Z');
    expect(parseRegisterDate('2024-03-05T10:00:00+08:00')?.toISOString()).toBe(
      '2024-03-05T02:00:00.000Z',
    );
  });

  it('reads a date cell (UTC wall clock from the sheet) as that day in WIB', () => {
    expect(parseRegisterDate(new Date(Date.UTC(2023, 11, 29)))?.toISOString()).toBe(
      '2023-12-28T17:00:00.000Z',
    );
  });

  it('reads the day as an Indonesian register writes it, at its start in WIB', () => {
    const march2 = '2026-03-01T17:00:00.000Z';
    const august2 = '2026-08-01T17:00:00.000Z';
    for (const [cell, instant] of [
      ['2 Maret 2026', march2],
      ['2 Mar 2026', march2],
      ['02-Mar-2026', march2],
      ['2 MARET 2026', march2],
      ['Senin, 2 Maret 2026', march2],
      ['senin 2 maret 2026', march2],
      ['02/03/26', march2],
      ['2 Agustus 2026', august2],
      ['2 Agt 2026', august2],
      ['2 Agu 2026', august2],
      ['2 Ags 2026', august2],
      ['2 Peb 2026', '2026-02-01T17:00:00.000Z'],
      ['2 Sept 2026', '2026-09-01T17:00:00.000Z'],
      ['2 Nop 2026', '2026-11-01T17:00:00.000Z'],
      ['2 Des 2026', '2026-12-01T17:00:00.000Z'],
      ['2 Mei 26', '2026-05-01T17:00:00.000Z'],
    ] as const)
      expect(parseRegisterDate(cell)?.toISOString(), cell).toBe(instant);
  });

  it('refuses what is not a day of the calendar', () => {
    for (const bad of [
      '31/02/2024',
      '31 Februari 2026',
      '2 Maretan 2026',
      '2024-13-01',
      'kemarin',
      '',
      45000,
    ])
      expect(parseRegisterDate(bad), String(bad)).toBeUndefined();
  });
});

describe('a row through the mapping', () => {
  const cells = {
    Tanggal: '12/01/2025',
    Perihal: 'Jalan desa rusak',
    Uraian: 'Jalan penghubung dua desa rusak berat sejak banjir.',
    Nama: 'Made Wirawan',
    'Nomor Surat': ' b-123/dumas/01/2025 ',
  };

  it('keeps the register date and is keyed by the normalised letter number, day and sender', () => {
    const read = readRow({ row: 2, cells }, options, NOW);
    expect(read).toMatchObject({
      ok: true,
      rowKey: 'letter:B-123/DUMAS/01/2025 · 2025-01-12 · MADE WIRAWAN',
      // The key normalised for matching; the report shows the letter as the register wrote it.
      written: { number: 'b-123/dumas/01/2025', receivedOn: '2025-01-12', sender: 'Made Wirawan' },
      letter: { number: 'b-123/dumas/01/2025', legacyKey: 'letter:B-123/DUMAS/01/2025' },
      registration: {
        channel: 'letter',
        receivedAt: '2025-01-11T17:00:00.000Z',
        complainant: { name: 'Made Wirawan' },
        subject: 'Jalan desa rusak',
      },
    });
  });

  it('shows a letter without a number by its day, sender (or none) and subject as written', () => {
    const { 'Nomor Surat': _, ...unnumbered } = cells;
    expect(readRow({ row: 2, cells: unnumbered }, options, NOW)).toMatchObject({
      rowKey: 'unnumbered:2025-01-12 · MADE WIRAWAN · JALAN DESA RUSAK',
      written: { receivedOn: '2025-01-12', sender: 'Made Wirawan', subject: 'Jalan desa rusak' },
    });
    const anonymous = readRow({ row: 2, cells: { ...unnumbered, Nama: null } }, options, NOW);
    expect(anonymous.written).toEqual({ receivedOn: '2025-01-12', subject: 'Jalan desa rusak' });
  });

  it('names every field it cannot take; a key missing for want of them is not asked for as well', () => {
    const read = readRow(
      { row: 3, cells: { Tanggal: '2030-01-01', Perihal: '', Uraian: 'x', Nama: null } },
      options,
      NOW,
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    // A letter needs no number: its key is its day and subject, whose own errors say what to fix.
    expect(read.errors.map((e) => e.field).sort()).toEqual(['receivedAt', 'subject']);
  });

  it('asks for an empty date received as the form asks for an empty field, and names the forms a date may take', () => {
    // An empty cell as exceljs (null) and a CSV ('', spaces) give it.
    for (const Tanggal of [null, '', '  ']) {
      const read = readRow({ row: 4, cells: { ...cells, Tanggal } }, options, NOW);
      expect(read, String(Tanggal)).toEqual({
        ok: false,
        rowKey: 'letter:B-123/DUMAS/01/2025 · MADE WIRAWAN',
        written: { number: 'b-123/dumas/01/2025', sender: 'Made Wirawan' },
        errors: [{ field: 'receivedAt', message: 'required', code: 'invalid_type' }],
      });
    }
    const read = readRow({ row: 4, cells: { ...cells, Tanggal: 'kemarin' } }, options, NOW);
    expect(read).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'receivedAt',
          message: 'not a date (YYYY-MM-DD, DD/MM/YYYY, 2 Maret 2026 or a date cell)',
        },
      ],
    });
  });

  it('refuses a year outside 2000–2100 as the officer’s form does (1926 for 2026, year 0)', () => {
    for (const Tanggal of ['01/01/1926', '01/01/0000', '1999-12-31']) {
      const read = readRow({ row: 5, cells: { ...cells, Tanggal } }, options, NOW);
      expect(read, Tanggal).toMatchObject({
        ok: false,
        errors: [{ field: 'receivedAt', message: 'a date from 2000 to 2100' }],
      });
    }
    expect(readRow({ row: 6, cells: { ...cells, Tanggal: '03/01/2000' } }, options, NOW).ok).toBe(
      true,
    );
  });

  it('with the letter’s own date, the row carries its incoming letter; without it, none, and the row key is the same', () => {
    const dated = { ...options, mapping: { ...MAPPING, letterDate: 'Tanggal Surat' } };
    for (const [cell, date] of [
      ['8 Januari 2025', '2025-01-08'],
      ['Rabu, 8 Jan 2025', '2025-01-08'],
      ['08/01/25', '2025-01-08'],
      ['2025-01-08', '2025-01-08'],
      // A date cell: exceljs gives its wall clock as UTC.
      [new Date(Date.UTC(2025, 0, 8)), '2025-01-08'],
    ] as const) {
      const read = readRow({ row: 2, cells: { ...cells, 'Tanggal Surat': cell } }, dated, NOW);
      expect(read, String(cell)).toMatchObject({
        ok: true,
        rowKey: 'letter:B-123/DUMAS/01/2025 · 2025-01-12 · MADE WIRAWAN',
        registration: { letter: { number: 'b-123/dumas/01/2025', date, sender: 'Made Wirawan' } },
      });
    }
    // An anonymous letter's sender is the register's word for it.
    const anonymous = readRow(
      { row: 3, cells: { ...cells, Nama: null, 'Tanggal Surat': '8 Januari 2025' } },
      dated,
      NOW,
    );
    expect(anonymous).toMatchObject({
      ok: true,
      registration: { complainant: null, letter: { sender: 'Anonim' } },
    });
    // No date column, an empty cell, or no number: no letter, and no date made up for it.
    for (const [mapping, extra] of [
      [options, {}],
      [dated, { 'Tanggal Surat': null }],
      [dated, { 'Tanggal Surat': '8 Januari 2025', 'Nomor Surat': 'tanpa nomor' }],
    ] as const) {
      const read = readRow({ row: 4, cells: { ...cells, ...extra } }, mapping, NOW);
      expect(read.ok).toBe(true);
      if (read.ok) expect(read.registration.letter).toBeUndefined();
    }
  });

  it('refuses a letter date that is no date, in the future, outside 2000–2100, or after its receipt', () => {
    const dated = { ...options, mapping: { ...MAPPING, letterDate: 'Tanggal Surat' } };
    for (const [cell, message] of [
      ['kemarin', 'not a date (YYYY-MM-DD, DD/MM/YYYY, 2 Maret 2026 or a date cell)'],
      // A date written right whose day the month does not have: said so, not "not a date"
      // with the formats it already follows.
      ['31/02/2025', IMPORT_NO_SUCH_DAY],
      ['31 April 2025', IMPORT_NO_SUCH_DAY],
      ['05/05/2026', 'in the future'],
      ['01/01/1925', 'a date from 2000 to 2100'],
      // Received 12 January 2025, dated 1 December: 12/01 and 01/12 swapped somewhere.
      ['01/12/2025', 'after the day the letter was received'],
      ['13/01/2025', 'after the day the letter was received'],
    ] as const) {
      const read = readRow({ row: 5, cells: { ...cells, 'Tanggal Surat': cell } }, dated, NOW);
      expect(read, cell).toMatchObject({ ok: false, errors: [{ field: 'letterDate', message }] });
    }
  });

  it('takes the channel as registers and Pantau’s own export write it, Indonesian or English', () => {
    const withChannel = { ...options, mapping: { ...MAPPING, channel: 'Kanal' } };
    for (const [Kanal, channel] of [
      // CHANNEL_LABELS: what cases.csv writes.
      ['Surat', 'letter'],
      ['Surel', 'email'],
      ['Datang langsung', 'walk_in'],
      ['Media sosial', 'social_media'],
      ['Formulir pengaduan daring', 'web'],
      ['Lainnya', 'other'],
      // The console's English words, and the words registers use.
      ['Letter', 'letter'],
      ['Walk-in', 'walk_in'],
      ['Social media', 'social_media'],
      ['Other', 'other'],
      ['SURAT', 'letter'],
      ['pos', 'letter'],
      ['E-mail', 'email'],
      ['email', 'email'],
      ['surel.', 'email'],
      ['langsung', 'walk_in'],
      ['  datang  langsung ', 'walk_in'],
      ['Medsos', 'social_media'],
      ['media-sosial', 'social_media'],
      ['lain-lain', 'other'],
      // The codes stay accepted.
      ['walk_in', 'walk_in'],
      ['social_media', 'social_media'],
      ['web', 'web'],
    ] as const) {
      const read = readRow({ row: 2, cells: { ...cells, Kanal } }, withChannel, NOW);
      expect(read, Kanal).toMatchObject({ ok: true, registration: { channel } });
    }
    const lapor = {
      mapping: { ...MAPPING, channel: 'Kanal', 'externalRef.id': 'Id' },
      externalSystem: 'lapor' as const,
      defaultChannel: 'letter' as const,
    };
    for (const Kanal of ['LAPOR!', 'lapor', 'SP4N-LAPOR!', 'sp4n lapor']) {
      const read = readRow({ row: 3, cells: { ...cells, Kanal, Id: '4411' } }, lapor, NOW);
      expect(read, Kanal).toMatchObject({ ok: true, registration: { channel: 'lapor' } });
    }
    // An empty cell is the import's default channel.
    const empty = readRow({ row: 4, cells: { ...cells, Kanal: ' ' } }, withChannel, NOW);
    expect(empty).toMatchObject({ ok: true, registration: { channel: 'letter' } });
  });

  it('refuses an unknown channel with the words it takes, and keeps each schema issue’s kind and bounds', () => {
    const read = readRow(
      {
        row: 2,
        cells: {
          ...cells,
          Kanal: 'Faksimile',
          Perihal: 'x'.repeat(201),
          Surel: 'bukan-email',
        },
      },
      {
        ...options,
        mapping: { ...MAPPING, channel: 'Kanal', 'complainant.email': 'Surel' },
      },
      NOW,
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const byField = Object.fromEntries(read.errors.map((e) => [e.field, e]));
    expect(byField.channel).toEqual({ field: 'channel', message: IMPORT_UNKNOWN_CHANNEL });
    expect(IMPORT_UNKNOWN_CHANNEL).toMatch(/Surat.*Surel.*Datang langsung.*SP4N-LAPOR!/);
    expect(byField.subject).toMatchObject({ code: 'too_big', origin: 'string', maximum: 200 });
    expect(byField['complainant.email']).toMatchObject({
      code: 'invalid_format',
      format: 'email',
    });
    // The message stays, for API clients; the kind is what the console words.
    expect(byField.subject?.message).toEqual(expect.any(String));
  });

  it('a lapor row is keyed by its report id', () => {
    const read = readRow(
      { row: 4, cells: { ...cells, 'Nomor Surat': null, Kanal: 'LAPOR', Id: '4123987' } },
      {
        mapping: { ...MAPPING, channel: 'Kanal', 'externalRef.id': 'Id' },
        externalSystem: 'lapor',
        defaultChannel: 'letter',
      },
      NOW,
    );
    expect(read).toMatchObject({
      ok: true,
      rowKey: 'lapor:4123987',
      registration: { channel: 'lapor', externalRef: { system: 'lapor', id: '4123987' } },
    });
  });
});
