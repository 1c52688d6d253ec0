import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  IMPORT_FILE_COLUMNS,
  IMPORT_FILE_MAX_BYTES,
  IMPORT_NO_SUCH_COLUMN,
  IMPORT_UNKNOWN_CHANNEL,
} from '@pantau/core/schemas';
import { json, mockApi, renderWith } from '../../test/render';
import AdminImport, { Report } from './admin-import';

describe('the import report', () => {
  it('names each bad cell by its column and says what is wrong in a sentence, never in code', () => {
    renderWith(
      <Report
        report={{
          dryRun: true,
          counts: { ok: 0, created: 1, exists: 1, error: 1, pending: 0 },
          rows: [
            {
              row: 2,
              rowKey: null,
              outcome: 'error',
              caseId: null,
              // As the API answers them: core's checks and zod's English.
              errors: [
                { field: 'rowKey', message: 'no letter number nor external id' },
                {
                  field: 'receivedAt',
                  message: 'not a date (YYYY-MM-DD, DD/MM/YYYY, 2 Maret 2026 or a date cell)',
                },
                { field: 'subject', message: 'Invalid input: expected string, received undefined' },
              ],
            },
            {
              row: 3,
              rowKey: 'letter:B-10/DUMAS/2026',
              outcome: 'created',
              caseId: '01M8NK9YAE31B4P77XW2DBV6W8',
              errors: [],
            },
            { row: 4, rowKey: 'lapor:4411', outcome: 'exists', caseId: '01M8NKA0', errors: [] },
            {
              row: 5,
              rowKey: 'unnumbered:2026-02-10 · BUDI SANTOSO · JALAN RUSAK',
              outcome: 'created',
              caseId: '01M8NKB1',
              errors: [],
            },
          ],
        }}
      />,
      { as: { agency: 'setneg', role: 'central_admin' } },
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Baris ini tidak punya nomor surat maupun nomor rujukan.',
      'Tanggal diterima bukan tanggal (TTTT-BB-HH, HH/BB/TTTT, 2 Maret 2026, atau sel tanggal).',
      'Perihal wajib diisi.',
    ]);
    // A row by the number people know it by; its case by a link, never by its internal id.
    expect(screen.getByText('Nomor surat B-10/DUMAS/2026')).toBeTruthy();
    expect(screen.getByText('SP4N-LAPOR! 4411')).toBeTruthy();
    expect(
      screen.getByText('Surat tanpa nomor · Sel, 10 Feb 2026 · BUDI SANTOSO · JALAN RUSAK'),
    ).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Lihat pengaduan dari baris 3' });
    expect(link.getAttribute('href')).toBe('/cases/01M8NK9YAE31B4P77XW2DBV6W8');
    expect(document.body.textContent).not.toMatch(/01M8NK|letter:|lapor:/);
  });

  it('says a letter’s day as people read it, its sender and subject as the register wrote them', () => {
    renderWith(
      <Report
        report={{
          dryRun: false,
          counts: { ok: 0, created: 3, exists: 0, error: 0, pending: 0 },
          // As the API answers them: the key normalised (upper case, an ISO day), the letter as
          // the register wrote it beside it.
          rows: [
            {
              row: 2,
              rowKey: 'letter:B-10/DUMAS/2026 · 2026-02-10 · MADE WIRAWAN',
              letter: {
                number: 'B-10/DUMAS/2026',
                receivedOn: '2026-02-10',
                sender: 'Made Wirawan',
              },
              outcome: 'created',
              caseId: 'c1',
              errors: [],
            },
            {
              row: 3,
              rowKey: 'unnumbered:2026-03-12 · BUDI SANTOSO · JALAN RUSAK DI RT 03',
              letter: {
                receivedOn: '2026-03-12',
                sender: 'Budi Santoso',
                subject: 'Jalan rusak di RT 03',
              },
              outcome: 'created',
              caseId: 'c2',
              errors: [],
            },
            {
              row: 4,
              rowKey: 'unnumbered:2026-03-12 · ANONIM · LAMPU JALAN MATI',
              letter: { receivedOn: '2026-03-12', subject: 'Lampu jalan mati' },
              outcome: 'created',
              caseId: 'c3',
              errors: [],
            },
          ],
        }}
      />,
      { as: { agency: 'setneg', role: 'central_admin' } },
    );
    expect(
      screen.getByText('Nomor surat B-10/DUMAS/2026 · Sel, 10 Feb 2026 · Made Wirawan'),
    ).toBeTruthy();
    expect(
      screen.getByText(
        'Surat tanpa nomor · Kam, 12 Mar 2026 · Budi Santoso · Jalan rusak di RT 03',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('Surat tanpa nomor · Kam, 12 Mar 2026 · Anonim · Lampu jalan mati'),
    ).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}|SANTOSO|ANONIM|WIRAWAN/);
  });

  it('asks for an empty date received, and names every form a date may be written in', () => {
    renderWith(
      <Report
        report={{
          dryRun: true,
          counts: { ok: 0, created: 0, exists: 0, error: 2, pending: 0 },
          rows: [3, 4].map((row) => ({
            row,
            rowKey: null,
            outcome: 'error' as const,
            caseId: null,
            // As core's import-row.ts answers an empty cell, then a cell that is no date.
            errors: [
              row === 3
                ? { field: 'receivedAt', message: 'required', code: 'invalid_type' }
                : {
                    field: 'receivedAt',
                    message: 'not a date (YYYY-MM-DD, DD/MM/YYYY, 2 Maret 2026 or a date cell)',
                  },
            ],
          })),
        }}
      />,
      { as: { agency: 'setneg', role: 'central_admin' } },
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Tanggal diterima wajib diisi.',
      'Tanggal diterima bukan tanggal (TTTT-BB-HH, HH/BB/TTTT, 2 Maret 2026, atau sel tanggal).',
    ]);
  });

  it('names the earlier row a key repeats, in a sentence', () => {
    renderWith(
      <Report
        report={{
          dryRun: true,
          counts: { ok: 1, created: 0, exists: 0, error: 1, pending: 0 },
          rows: [
            { row: 2, rowKey: 'letter:B-7/DUMAS/2026', outcome: 'ok', caseId: null, errors: [] },
            {
              row: 5,
              rowKey: 'letter:B-7/DUMAS/2026',
              outcome: 'error',
              caseId: null,
              // As core's import answers it (use-cases/intake.ts).
              errors: [{ field: 'rowKey', message: 'the same key as row 2' }],
            },
          ],
        }}
      />,
      { as: { agency: 'setneg', role: 'central_admin' } },
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Nomor surat/rujukan sama dengan baris 2; hapus salah satu.',
    ]);
  });

  it('says a named complainant needs a name, and a NIK or phone in a number cell needs a text column', () => {
    renderWith(
      <Report
        report={{
          dryRun: true,
          counts: { ok: 0, created: 0, exists: 0, error: 2, pending: 0 },
          rows: [
            {
              row: 2,
              rowKey: 'letter:B-8/DUMAS/2026 · 2026-02-02',
              outcome: 'error',
              caseId: null,
              // As core's import-row.ts answers them.
              errors: [
                {
                  field: 'complainant.name',
                  message:
                    'required when the row has the complainant’s NIK, phone, e-mail or address',
                },
              ],
            },
            {
              row: 3,
              rowKey: 'letter:B-9/DUMAS/2026 · 2026-02-02 · MADE WIRAWAN',
              outcome: 'error',
              caseId: null,
              errors: [
                {
                  field: 'complainant.idNumber',
                  message:
                    'a number cell (a NIK loses digits, a phone its leading 0): format the column as text',
                },
              ],
            },
          ],
        }}
      />,
      { as: { agency: 'setneg', role: 'central_admin' } },
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Nama pengadu wajib diisi bila baris memuat NIK, telepon, surel, atau alamat pengadu.',
      'NIK tersimpan sebagai sel angka di Excel, yang membulatkan NIK dan menghapus angka 0 di depan nomor telepon: format kolom ini sebagai Teks, lalu ketik ulang isinya.',
    ]);
  });
});

describe('a row the schemas refuse', () => {
  it('says what is wrong in Indonesian, with the bound or the words a channel may be, never “ditolak server”', () => {
    renderWith(
      <Report
        report={{
          dryRun: true,
          counts: { ok: 0, created: 0, exists: 0, error: 1, pending: 0 },
          rows: [
            {
              row: 2,
              rowKey: 'letter:B-11/DUMAS/2026 · 2026-02-02 · MADE WIRAWAN',
              outcome: 'error',
              caseId: null,
              // As core's import-row.ts answers them: zod's issue kind and bounds with its text.
              errors: [
                { field: 'channel', message: IMPORT_UNKNOWN_CHANNEL },
                {
                  field: 'subject',
                  message: 'Too big: expected string to have <=200 characters',
                  code: 'too_big',
                  origin: 'string',
                  maximum: 200,
                },
                {
                  field: 'complainant.email',
                  message: 'Invalid email address',
                  code: 'invalid_format',
                  origin: 'string',
                  format: 'email',
                },
              ],
            },
          ],
        }}
      />,
      { as: { agency: 'setneg', role: 'central_admin' } },
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items[0]).toMatch(
      /^Saluran tidak dikenal\..*Surat, Surel, Datang langsung, SP4N-LAPOR!/,
    );
    expect(items[1]).toBe('Perihal paling banyak 200 karakter.');
    expect(items[2]).toMatch(/^Surel bukan alamat surel yang benar/);
    expect(document.body.textContent).not.toMatch(/ditolak server|Too big|Invalid/);
  });
});

describe('the column mapping', () => {
  it('offers the letter’s date, says what it keeps, and sends it with the mapping', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST'
        ? json(200, {
            dryRun: true,
            rows: [],
            counts: { ok: 0, created: 0, exists: 0, error: 0, pending: 0 },
          })
        : json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' }),
    );
    renderWith(<AdminImport />, { as: { agency: 'setneg', role: 'central_admin' } });
    const letterDate = screen.getByLabelText('Tanggal surat');
    expect(
      document.getElementById(letterDate.getAttribute('aria-describedby')!)!.textContent,
    ).toContain('dikutip dalam surat penerusan');
    fireEvent.change(letterDate, { target: { value: 'Tanggal Surat' } });
    fireEvent.change(screen.getByLabelText('Berkas register'), {
      target: { files: [new File(['Nomor Surat;Tanggal Surat\n'], 'register.csv')] },
    });
    fireEvent.submit(
      screen.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).closest('form')!,
    );
    await screen.findByText('0 siap, 0 diimpor, 0 sudah ada, 0 galat');
    const [post] = calls.filter((c) => c.method === 'POST');
    expect((post!.body as { mapping: Record<string, string> }).mapping).toMatchObject({
      letterNumber: 'Nomor Surat',
      letterDate: 'Tanggal Surat',
    });
  });

  it('names a bad letter date by its column', () => {
    renderWith(
      <Report
        report={{
          dryRun: true,
          counts: { ok: 0, created: 0, exists: 0, error: 1, pending: 0 },
          rows: [
            {
              row: 2,
              rowKey: 'letter:045/RT-03/II/2026 · 2026-03-02 · RINA WATI',
              outcome: 'error',
              caseId: null,
              // As core's import-row.ts answers it.
              errors: [
                {
                  field: 'letterDate',
                  message: 'not a date (YYYY-MM-DD, DD/MM/YYYY, 2 Maret 2026 or a date cell)',
                },
              ],
            },
          ],
        }}
      />,
      { as: { agency: 'setneg', role: 'central_admin' } },
    );
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Tanggal surat bukan tanggal (TTTT-BB-HH, HH/BB/TTTT, 2 Maret 2026, atau sel tanggal).',
    ]);
  });
});

describe('an import that runs out of its request’s time', () => {
  it('sends the same file again until no row is left, each row keeping its first outcome', async () => {
    const row = (n: number, outcome: string, caseId: string | null = null) => ({
      row: n,
      rowKey: `letter:B-${n}/DUMAS/2025`,
      outcome,
      caseId,
      errors: [],
    });
    const report = (dryRun: boolean, rows: ReturnType<typeof row>[]) => ({
      dryRun,
      rows,
      counts: Object.fromEntries(
        ['ok', 'created', 'exists', 'error', 'pending'].map((o) => [
          o,
          rows.filter((r) => r.outcome === o).length,
        ]),
      ),
    });
    const answers = [
      report(true, [row(2, 'ok'), row(3, 'ok'), row(4, 'ok')]),
      // The first round reached one row before its time ran out…
      report(false, [row(2, 'created', 'c2'), row(3, 'pending'), row(4, 'pending')]),
      // …the second finds it imported (exists) and imports the rest.
      report(false, [row(2, 'exists', 'c2'), row(3, 'created', 'c3'), row(4, 'created', 'c4')]),
    ];
    const calls = mockApi((call) =>
      call.method === 'POST'
        ? json(200, answers.shift())
        : json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' }),
    );
    renderWith(<AdminImport />, { as: { agency: 'setneg', role: 'central_admin' } });
    fireEvent.change(screen.getByLabelText('Berkas register'), {
      target: { files: [new File(['Nomor Surat;Perihal\n'], 'register.csv')] },
    });
    // (jsdom does not count a file set this way for `required`: the form is submitted directly.)
    fireEvent.submit(
      screen.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).closest('form')!,
    );
    await screen.findByText('3 siap, 0 diimpor, 0 sudah ada, 0 galat');
    fireEvent.click(screen.getByRole('button', { name: 'Impor' }));
    await screen.findByText('0 siap, 3 diimpor, 0 sudah ada, 0 galat');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => (c.body as { dryRun: boolean }).dryRun)).toEqual([true, false, false]);
    expect(screen.queryByText(/belum diproses/)).toBeNull();
    expect(screen.getAllByRole('link', { name: /Lihat pengaduan dari baris/ })).toHaveLength(3);
  });

  it('keeps the rows a round imported when a later round fails, with the error above them', async () => {
    const row = (n: number, outcome: string, caseId: string | null = null) => ({
      row: n,
      rowKey: `letter:B-${n}/DUMAS/2025`,
      outcome,
      caseId,
      errors: [],
    });
    const answers = [
      {
        dryRun: true,
        rows: [row(2, 'ok'), row(3, 'ok')],
        counts: { ok: 2, created: 0, exists: 0, error: 0, pending: 0 },
      },
      {
        dryRun: false,
        rows: [row(2, 'created', 'c2'), row(3, 'pending')],
        counts: { ok: 0, created: 1, exists: 0, error: 0, pending: 1 },
      },
    ];
    mockApi((call) => {
      if (call.method !== 'POST')
        return json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' });
      const next = answers.shift();
      if (next) return json(200, next);
      // The second round of the import: the service is down for a moment.
      return json(503, {
        type: 'about:blank',
        title: 'Service unavailable',
        status: 503,
        code: 'service_unavailable',
        detail: 'x',
        requestId: 'r9',
      });
    });
    renderWith(<AdminImport />, { as: { agency: 'setneg', role: 'central_admin' } });
    fireEvent.change(screen.getByLabelText('Berkas register'), {
      target: { files: [new File(['Nomor Surat;Perihal\n'], 'register.csv')] },
    });
    fireEvent.submit(
      screen.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).closest('form')!,
    );
    await screen.findByText('2 siap, 0 diimpor, 0 sudah ada, 0 galat');
    fireEvent.click(screen.getByRole('button', { name: 'Impor' }));
    const alert = await screen.findByRole('alert');
    // The row imported stays reported, with its link, and the import can go on from there.
    const summary = screen.getByText('0 siap, 1 diimpor, 0 sudah ada, 0 galat');
    expect(screen.getByRole('link', { name: 'Lihat pengaduan dari baris 2' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lanjutkan impor' })).toBeTruthy();
    // The error is said above the report.
    expect(alert.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says what to do when a round gets no further', () => {
    renderWith(
      <Report
        report={{
          dryRun: false,
          rows: [
            { row: 2, rowKey: 'letter:B-1', outcome: 'created', caseId: 'c1', errors: [] },
            { row: 3, rowKey: 'letter:B-2', outcome: 'pending', caseId: null, errors: [] },
          ],
          counts: { ok: 0, created: 1, exists: 0, error: 0, pending: 1 },
        }}
      />,
      { as: { agency: 'setneg', role: 'central_admin' } },
    );
    expect(screen.getByRole('status').textContent).toContain(
      '1 baris belum diproses (waktu permintaan habis, atau penyimpanan sedang gagal). Tekan “Lanjutkan impor”',
    );
    expect(screen.getByText('Belum diproses')).toBeTruthy();
  });
});

describe('the file’s own column titles', () => {
  const org = { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' };

  it('are read from a CSV’s first record and offered for each field', async () => {
    mockApi(() => json(200, org));
    renderWith(<AdminImport />, { as: { agency: 'setneg', role: 'central_admin' } });
    fireEvent.change(screen.getByLabelText('Berkas register'), {
      target: {
        files: [
          new File(
            [
              'Nomor Surat;"Tanggal Surat\r\nDiterima";Nama pengadu;"No. Telepon; HP"\r\nB-1;x;y;z\r\n',
            ],
            'register.csv',
          ),
        ],
      },
    });
    expect((await screen.findByText(/^Judul kolom di berkas ini/)).textContent).toBe(
      'Judul kolom di berkas ini: “Nomor Surat”, “Tanggal Surat Diterima”, “Nama pengadu”, “No. Telepon; HP”.',
    );
    const options = [...document.querySelectorAll('#import-columns option')].map((o) =>
      o.getAttribute('value'),
    );
    expect(options).toEqual([
      'Nomor Surat',
      'Tanggal Surat Diterima',
      'Nama pengadu',
      'No. Telepon; HP',
    ]);
    expect(screen.getByLabelText('Nama pengadu').getAttribute('list')).toBe('import-columns');
  });

  it('are listed, in Indonesian, with each mapped column the file lacks when the API refuses the mapping', async () => {
    mockApi((call) =>
      call.method === 'POST'
        ? new Response(
            JSON.stringify({
              type: 'urn:pantau:problem:validation_failed',
              title: 'Bad Request',
              status: 400,
              code: 'validation_failed',
              detail: 'no such column in the file: …',
              requestId: 'r1',
              // As core's import answers a mapped title the file does not have.
              errors: [
                { path: 'mapping.complainant.name', message: IMPORT_NO_SUCH_COLUMN },
                { path: 'mapping.complainant.phone', message: IMPORT_NO_SUCH_COLUMN },
                {
                  path: 'mapping',
                  message: `${IMPORT_FILE_COLUMNS}["Nomor Surat","Nama Lengkap","No. HP","Perihal"]`,
                },
              ],
            }),
            { status: 400, headers: { 'content-type': 'application/problem+json' } },
          )
        : json(200, org),
    );
    renderWith(<AdminImport />, { as: { agency: 'setneg', role: 'central_admin' } });
    fireEvent.change(screen.getByLabelText('Berkas register'), {
      target: { files: [new File(['x'], 'register.xlsx')] },
    });
    fireEvent.submit(
      screen.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).closest('form')!,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Kolom ini tidak ada di berkas: Nama pengadu (“Nama Pengadu”), Telepon (“Telepon”). Judul kolom di berkas: “Nomor Surat”, “Nama Lengkap”, “No. HP”, “Perihal”.',
    );
    expect(alert.textContent).not.toMatch(/ditolak server|no such column|mapping/);
    expect(screen.getByText(/^Judul kolom di berkas ini/)).toBeTruthy();
  });
});

describe('a dry run’s report, once the settings it checked changed', () => {
  const dryRunReport = {
    dryRun: true,
    rows: [{ row: 2, rowKey: 'letter:B-1', outcome: 'ok', caseId: null, errors: [] }],
    counts: { ok: 1, created: 0, exists: 0, error: 0, pending: 0 },
  };
  const change = {
    mapping: () =>
      fireEvent.change(screen.getByLabelText('Nama pengadu'), { target: { value: 'Nama' } }),
    system: () =>
      fireEvent.change(screen.getByLabelText('Sistem asal nomor rujukan (mis. lapor)'), {
        target: { value: 'lapor' },
      }),
    channel: () =>
      fireEvent.change(screen.getByLabelText('Saluran untuk baris tanpa kolom saluran'), {
        target: { value: 'email' },
      }),
  };

  it.each(Object.keys(change) as (keyof typeof change)[])(
    'is not imported: the %s changed, “Impor” waits for a new dry run',
    async (what) => {
      const calls = mockApi((call) =>
        call.method === 'POST'
          ? json(200, dryRunReport)
          : json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' }),
      );
      renderWith(<AdminImport />, { as: { agency: 'setneg', role: 'central_admin' } });
      fireEvent.change(screen.getByLabelText('Berkas register'), {
        target: { files: [new File(['Nomor Surat;Perihal\n'], 'register.xlsx')] },
      });
      const form = screen
        .getByRole('button', { name: 'Uji coba (tanpa menyimpan)' })
        .closest('form')!;
      fireEvent.submit(form);
      await screen.findByText('1 siap, 0 diimpor, 0 sudah ada, 0 galat');
      const importButton = () => screen.getByRole('button', { name: 'Impor' }) as HTMLButtonElement;
      expect(importButton().disabled).toBe(false);
      change[what]();
      expect(importButton().disabled).toBe(true);
      expect(screen.getByText(/berubah sejak laporan ini dibuat/)).toBeTruthy();
      // A new dry run checks what is set now.
      fireEvent.submit(form);
      await screen.findByText('1 siap, 0 diimpor, 0 sudah ada, 0 galat');
      await vi.waitFor(() => expect(importButton().disabled).toBe(false));
      expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2);
      expect(screen.queryByText(/berubah sejak laporan ini dibuat/)).toBeNull();
    },
  );
});

describe('the size and row limits', () => {
  const org = { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' };
  const pickAndRun = (file: File) => {
    fireEvent.change(screen.getByLabelText('Berkas register'), { target: { files: [file] } });
    fireEvent.submit(
      screen.getByRole('button', { name: 'Uji coba (tanpa menyimpan)' }).closest('form')!,
    );
  };

  it('a file too large is refused before it is sent, naming the limits', async () => {
    const calls = mockApi(() => json(200, org));
    renderWith(<AdminImport />, { as: { agency: 'setneg', role: 'central_admin' } });
    pickAndRun(new File(['a'.repeat(IMPORT_FILE_MAX_BYTES + 1)], 'register-2019-2025.xlsx'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Berkas ini terlalu besar untuk sekali impor: paling banyak 732 KB dan 500 baris per berkas. Bagi register menjadi beberapa berkas, lalu impor satu per satu.',
    );
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('the API’s 413 for a file says to split the file, not to shorten the text', async () => {
    mockApi((call) =>
      call.method === 'POST'
        ? new Response(
            JSON.stringify({
              type: 'about:blank',
              title: 'Content Too Large',
              status: 413,
              code: 'payload_too_large',
              detail: 'the request body is too large',
              requestId: 'r1',
            }),
            { status: 413, headers: { 'content-type': 'application/problem+json' } },
          )
        : json(200, org),
    );
    renderWith(<AdminImport />, { as: { agency: 'setneg', role: 'central_admin' } });
    pickAndRun(new File(['Nomor Surat;Perihal\n'], 'register.xlsx'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).not.toMatch(/Persingkat teksnya/);
    expect(alert.textContent).toMatch(/paling banyak 732 KB dan 500 baris per berkas/);
  });

  it('a register past the row limit is told the limit, 500 rows per file', async () => {
    mockApi((call) =>
      call.method === 'POST'
        ? new Response(
            JSON.stringify({
              type: 'urn:pantau:problem:limit_exceeded',
              title: 'Unprocessable Content',
              status: 422,
              code: 'limit_exceeded',
              limit: 'import_rows',
              detail: 'the sheet has 2400 rows; import at most 500 per request',
              requestId: 'r1',
            }),
            { status: 422, headers: { 'content-type': 'application/problem+json' } },
          )
        : json(200, org),
    );
    renderWith(<AdminImport />, { as: { agency: 'setneg', role: 'central_admin' } });
    pickAndRun(new File(['Nomor Surat;Perihal\n'], 'register.xlsx'));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /paling banyak 500 baris per berkas/,
    );
  });
});
