/**
 * A month's register of hundreds of rows: the dry run's report lists every row, and the few the
 * admin must correct are somewhere among them. They can be shown alone.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWith } from '../../test/render';
import { Report } from './admin-import';

const BAD = new Set([57, 230, 488]);
const rows = Array.from({ length: 500 }, (_, i) => {
  const row = i + 2;
  return BAD.has(row)
    ? {
        row,
        rowKey: `letter:B-${row}/III/2026 · 2026-03-16 · WARGA`,
        outcome: 'error' as const,
        caseId: null,
        errors: [{ field: 'complainant.idNumber', message: 'a NIK is 16 digits' }],
      }
    : {
        row,
        rowKey: `letter:B-${row}/III/2026 · 2026-03-16 · WARGA`,
        outcome: 'ok' as const,
        caseId: null,
        errors: [],
      };
});

describe('a long report', () => {
  it('shows only the rows to correct when asked, each with its row number', () => {
    renderWith(
      <Report
        report={{
          dryRun: true,
          counts: { ok: 497, created: 0, exists: 0, error: 3, pending: 0 },
          rows,
        }}
      />,
    );
    const body = () => screen.getAllByRole('rowgroup')[1]!;
    expect(within(body()).getAllByRole('row')).toHaveLength(500);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Tampilkan hanya baris galat (3)' }));
    const shown = within(body()).getAllByRole('row');
    expect(shown.map((r) => r.firstElementChild?.textContent)).toEqual(['57', '230', '488']);
    expect(shown[0]!.textContent).toContain('NIK terdiri dari 16 angka.');
  });
});
