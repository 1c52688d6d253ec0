import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWith } from '../../test/render';
import { Report } from './admin-import';

describe('the import report', () => {
  it('names each bad cell by its column and says what is wrong in a sentence, never in code', () => {
    renderWith(
      <Report
        report={{
          dryRun: true,
          counts: { ok: 0, created: 1, exists: 1, error: 1 },
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
