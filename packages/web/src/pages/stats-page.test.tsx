import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { AgencyNamesProvider } from '../components/agencies';
import Stats from './stats';

const totals = {
  agencyId: 'all',
  assigned: 0,
  redirected: 0,
  withdrawn: 0,
  responded: 0,
  respondedOnTime: 0,
  completed: 0,
  responseRate: null,
  onTimeRate: null,
  medianWorkingDaysToFirstResponse: null,
  belowMinimumSample: true,
  rank: null,
};

const TOO_MANY = 'Periode ini memuat terlalu banyak pengaduan untuk satu berkas CSV.';

describe('the statistics page’s cases CSV, refused for a long period', () => {
  it('stops saying the period is too long once a shorter one is chosen and downloads', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const calls = mockApi((call) => {
      const query = new URLSearchParams(call.path.split('?')[1]);
      if (call.path.startsWith('/v1/exports/cases.csv'))
        // The year is too much for one file; a month is not.
        return query.get('from') === '2026-01-01'
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
          : new Response('\uFEFFNomor agenda\n', { headers: { 'content-type': 'text/csv' } });
      if (call.path.startsWith('/v1/stats/agencies?'))
        return json(200, {
          from: query.get('from'),
          to: query.get('to'),
          minimumSample: 5,
          items: [],
          totals,
        });
      return json(200, { items: [] });
    });
    renderWith(<Stats />, {
      as: { agency: 'setneg', role: 'central_officer' },
      path: '/stats?from=2026-01-01&to=2026-12-31',
    });
    const download = () =>
      fireEvent.click(screen.getByRole('button', { name: 'Unduh CSV pengaduan' }));
    download();
    expect((await screen.findByRole('alert')).textContent).toContain(TOO_MANY);

    // As the sentence says: a shorter period, shown, then downloaded.
    fireEvent.change(screen.getByLabelText('Dari tanggal'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan' }));
    await screen.findByText(/Periode .*1 Des 2026/);
    // The refusal was the year's: it is not shown over the month's figures.
    expect(screen.queryByRole('alert')?.textContent ?? '').not.toContain(TOO_MANY);
    download();
    await waitFor(() =>
      expect(
        calls.filter((c) => c.path.startsWith('/v1/exports/cases.csv?from=2026-12-01')),
      ).toHaveLength(1),
    );
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    // The month's file came: nothing says the period is still too long.
    expect(screen.queryByRole('alert')?.textContent ?? '').not.toContain(TOO_MANY);
  });
});

describe('the statistics table’s counts over a year', () => {
  it('groups thousands as Indonesian readers write them', async () => {
    const polri = {
      ...totals,
      agencyId: 'polri',
      assigned: 12_345,
      responded: 10_002,
      respondedOnTime: 9_876,
      completed: 8_000,
      responseRate: 0.8102,
      onTimeRate: 0.8,
      belowMinimumSample: false,
      rank: 1,
    };
    mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, {
          items: [{ id: 'polri', name: 'Kepolisian Negara Republik Indonesia', kind: 'agency' }],
        });
      if (call.path.startsWith('/v1/stats/agencies?'))
        return json(200, {
          from: '2026-01-01',
          to: '2026-12-31',
          minimumSample: 5,
          items: [polri],
          totals: { ...polri, agencyId: 'all', rank: null },
        });
      return json(200, { items: [] });
    });
    renderWith(
      <AgencyNamesProvider user="u">
        <Stats />
      </AgencyNamesProvider>,
      {
        as: { agency: 'setneg', role: 'central_officer' },
        path: '/stats?from=2026-01-01&to=2026-12-31',
      },
    );
    const row = await screen.findByRole('row', { name: /^Kepolisian Negara Republik Indonesia/ });
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells.slice(0, 6)).toEqual(['12.345', '0', '0', '10.002', '9.876', '8.000']);
    const total = screen.getByRole('row', { name: /^Semua instansi/ });
    expect(total.querySelector('td')?.textContent).toBe('12.345');
  });
});
