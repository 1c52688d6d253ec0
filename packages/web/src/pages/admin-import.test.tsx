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
          counts: { ok: 0, created: 0, exists: 0, error: 1 },
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
  });
});
