import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
                  message: 'not a date (YYYY-MM-DD, DD/MM/YYYY or a date cell)',
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
          ],
        }}
      />,
      { as: { agency: 'setneg', role: 'central_admin' } },
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Baris ini tidak punya nomor surat maupun nomor rujukan.',
      'Tanggal diterima bukan tanggal (TTTT-BB-HH, HH/BB/TTTT, atau sel tanggal).',
      'Perihal wajib diisi.',
    ]);
    // A row by the number people know it by; its case by a link, never by its internal id.
    expect(screen.getByText('Nomor surat B-10/DUMAS/2026')).toBeTruthy();
    expect(screen.getByText('SP4N-LAPOR! 4411')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Lihat pengaduan dari baris 3' });
    expect(link.getAttribute('href')).toBe('/cases/01M8NK9YAE31B4P77XW2DBV6W8');
    expect(document.body.textContent).not.toMatch(/01M8NK|letter:|lapor:/);
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
      '1 baris belum diproses karena waktu permintaan habis. Tekan “Lanjutkan impor”',
    );
    expect(screen.getByText('Belum diproses')).toBeTruthy();
  });
});
