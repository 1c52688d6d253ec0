import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { AgencyNamesProvider } from '../components/agencies';
import Cases from './cases';

describe('the cases page’s CSV download', () => {
  it('says what to do when the period holds more cases than one file can carry', async () => {
    const calls = mockApi((call) =>
      call.path.startsWith('/v1/exports/cases.csv')
        ? json(422, {
            type: 'about:blank',
            title: 'Unprocessable Content',
            status: 422,
            code: 'limit_exceeded',
            detail:
              'the cases received in this period are more than one file can carry (6,000,000 bytes; the newest 1400 fit): export a shorter period',
            requestId: 'r-1',
            errors: [
              { path: 'from', message: 'the period holds more cases than one file can carry' },
            ],
          })
        : json(200, { items: [], nextCursor: null }),
    );
    renderWith(<Cases />, { as: { agency: 'setneg', role: 'central_officer' } });
    // The file is the year's so far (the export's default period), whatever the list's filters
    // below: the button says so (the Statistics page chooses any other period).
    fireEvent.click(screen.getByRole('button', { name: 'Unduh CSV pengaduan tahun ini' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Periode ini memuat terlalu banyak pengaduan untuk satu berkas CSV. Unduh per periode yang lebih pendek, misalnya per bulan',
    );
    // Not the general sentence for a limit (about a form's fields), nor the API's English.
    expect(alert.textContent).not.toMatch(/isian|bytes|export/);
    expect(calls.some((c) => c.path.startsWith('/v1/exports/cases.csv'))).toBe(true);
  });
});

describe('the cases page’s Excel download', () => {
  it('is offered before the CSV, for the year so far, and says what to do when it is too long', async () => {
    const calls = mockApi((call) =>
      call.path.startsWith('/v1/exports/cases.xlsx')
        ? json(422, {
            type: 'about:blank',
            title: 'Unprocessable Content',
            status: 422,
            code: 'limit_exceeded',
            detail: 'the cases received in this period are more than one file can carry',
            requestId: 'r-1',
            errors: [
              { path: 'from', message: 'the period holds more cases than one file can carry' },
            ],
          })
        : json(200, { items: [], nextCursor: null }),
    );
    renderWith(<Cases />, { as: { agency: 'setneg', role: 'central_officer' } });
    const excel = screen.getByRole('button', { name: 'Unduh Excel pengaduan tahun ini' });
    const csv = screen.getByRole('button', { name: 'Unduh CSV pengaduan tahun ini' });
    expect(excel.compareDocumentPosition(csv) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(excel);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Periode ini memuat terlalu banyak pengaduan untuk satu berkas Excel.',
    );
    // The export's default period: the year so far, whatever the list's filters.
    expect(calls.map((c) => c.path)).toContain('/v1/exports/cases.xlsx');
  });
});

describe('the cases page’s downloads, saved', () => {
  it('take the name the API gives them, with their period: a folder of “pantau-cases (3).xlsx” says no month', async () => {
    const named = 'pantau-cases-2026-01-01-2026-12-03';
    mockApi((call) =>
      call.path.startsWith('/v1/exports/cases.')
        ? new Response('x', {
            status: 200,
            headers: {
              'content-disposition': `attachment; filename="${named}.${call.path.includes('.csv') ? 'csv' : 'xlsx'}"`,
            },
          })
        : json(200, { items: [], nextCursor: null }),
    );
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    renderWith(<Cases />, { as: { agency: 'setneg', role: 'central_officer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unduh Excel pengaduan tahun ini' }));
    fireEvent.click(screen.getByRole('button', { name: 'Unduh CSV pengaduan tahun ini' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved.sort()).toEqual([`${named}.csv`, `${named}.xlsx`]);
  });
});

describe('the cases page’s overdue filter and order', () => {
  it('asks only for the overdue, oldest first, when the officer chooses so, and keeps both in the address', async () => {
    const calls = mockApi(() => json(200, { items: [], nextCursor: null, total: 0 }));
    const view = renderWith(<Cases />, { as: { agency: 'setneg', role: 'central_officer' } });
    await waitFor(() => expect(calls.some((c) => c.path.startsWith('/v1/cases?'))).toBe(true));
    // Newest first and unfiltered, as before.
    expect(calls[0]!.path).not.toMatch(/overdue=|order=/);
    // Column titles are titles (the date's read "diterima", the word the case page uses mid-line).
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Perihal',
      'Status',
      'Diterima',
      'Instansi',
    ]);
    fireEvent.click(screen.getByLabelText('Hanya yang lewat tenggat'));
    fireEvent.change(screen.getByLabelText('Urutan'), { target: { value: 'oldest' } });
    await waitFor(() =>
      expect(calls.at(-1)!.path).toMatch(/^\/v1\/cases\?(?=.*overdue=true)(?=.*order=oldest)/),
    );
    expect(view.location()).toMatch(/overdue=1/);
    expect(view.location()).toMatch(/order=oldest/);
  });
});

describe('the register narrowed to one agency', () => {
  it('opened from a search that named the agency (/cases?agency=…): asks for the cases forwarded to it, and names it', async () => {
    const calls = mockApi((call) =>
      call.path === '/v1/agency-names'
        ? json(200, { items: [{ id: 'bulog', name: 'Perum BULOG' }] })
        : json(200, { items: [], nextCursor: null, total: 0 }),
    );
    renderWith(
      <AgencyNamesProvider user="u1">
        <Cases />
      </AgencyNamesProvider>,
      { path: '/cases?agency=bulog', as: { agency: 'setneg', role: 'central_officer' } },
    );
    await waitFor(() =>
      expect(calls.some((c) => /^\/v1\/cases\?(?=.*agencyId=bulog)/.test(c.path))).toBe(true),
    );
    expect(calls.some((c) => c.path.startsWith('/v1/cases?') && !c.path.includes('agencyId'))).toBe(
      false,
    );
    // Said by its name, with the way to another agency or to all.
    expect(await screen.findByText('Perum BULOG', { selector: 'strong' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Perum BULOG/ })).toBeTruthy();
  });
});
