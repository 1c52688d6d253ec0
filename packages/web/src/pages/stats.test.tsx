import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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

describe('the statistics page’s period', () => {
  it('says which date is wrong and why when the API refuses the period', async () => {
    // As the API answers (core's reporting.ts): a 400 naming `from`.
    const calls = mockApi((call) => {
      if (!call.path.startsWith('/v1/stats/agencies?')) return json(200, { items: [] });
      const query = new URLSearchParams(call.path.split('?')[1]);
      return query.get('from')! > query.get('to')!
        ? json(400, {
            type: 'about:blank',
            title: 'Bad Request',
            status: 400,
            code: 'validation_failed',
            detail: 'invalid from',
            requestId: 'r-1',
            errors: [{ path: 'from', message: 'must not be after to' }],
          })
        : json(200, { from: '2026-01-01', to: '2026-03-31', minimumSample: 5, items: [], totals });
    });
    const stats = () => calls.filter((c) => c.path.startsWith('/v1/stats/agencies?'));
    renderWith(<Stats />, {
      as: { agency: 'setneg', role: 'central_officer' },
      path: '/stats?from=2026-01-01&to=2026-03-31',
    });
    await waitFor(() => expect(stats()).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Dari tanggal'), { target: { value: '2026-05-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan' }));
    const alert = await screen.findByRole('alert');
    // The date it is about and what is wrong with it, where there is no note at the field.
    expect(alert.textContent).toContain('Ada isian yang belum benar:');
    expect(alert.textContent).toContain('Dari tanggal tidak boleh sesudah tanggal akhir.');
    expect(alert.textContent).not.toMatch(/lihat keterangan|must not|invalid from/);
  });
});

describe('the statistics table sorted by agency', () => {
  const row = (agencyId: string, responseRate: number) => ({
    ...totals,
    agencyId,
    assigned: 10,
    responded: 5,
    responseRate,
    belowMinimumSample: false,
  });
  it('is in the order of the names people read, not of the codes', async () => {
    // Codes: atr-bpn, kanwil-bpn-ntt, polri. Names: Kantor…, Kementerian…, Kepolisian….
    mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, {
          items: [
            { id: 'atr-bpn', name: 'Kementerian Agraria dan Tata Ruang/BPN', kind: 'agency' },
            {
              id: 'kanwil-bpn-ntt',
              name: 'Kantor Wilayah BPN Nusa Tenggara Timur',
              kind: 'agency',
            },
            { id: 'polri', name: 'Kepolisian Negara Republik Indonesia', kind: 'agency' },
          ],
        });
      if (call.path.startsWith('/v1/stats/agencies?'))
        return json(200, {
          from: '2026-01-01',
          to: '2026-03-31',
          minimumSample: 5,
          items: [row('polri', 0.5), row('atr-bpn', 0.5), row('kanwil-bpn-ntt', 0.5)],
          totals,
        });
      return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
    });
    renderWith(
      <AgencyNamesProvider user="u1">
        <Stats />
      </AgencyNamesProvider>,
      {
        as: { agency: 'setneg', role: 'central_officer' },
        path: '/stats?from=2026-01-01&to=2026-03-31&sort=agencyId&order=ascending',
      },
    );
    const order = () =>
      screen
        .getAllByRole('rowheader')
        .map((h) => h.textContent)
        .filter((name) => name !== 'Semua instansi');
    await waitFor(() =>
      expect(order()).toEqual([
        'Kantor Wilayah BPN Nusa Tenggara Timur',
        'Kementerian Agraria dan Tata Ruang/BPN',
        'Kepolisian Negara Republik Indonesia',
      ]),
    );
    // Sorted by a rate, equal rates are in the order of the names too.
    fireEvent.click(screen.getByRole('button', { name: 'Tingkat tanggapan' }));
    await waitFor(() =>
      expect(order()).toEqual([
        'Kantor Wilayah BPN Nusa Tenggara Timur',
        'Kementerian Agraria dan Tata Ruang/BPN',
        'Kepolisian Negara Republik Indonesia',
      ]),
    );
  });
});

describe('an agency’s row', () => {
  it('shows what is out of its sample and its rank, so its rate adds up to the columns', async () => {
    // 10 forwarded, 6 "not ours": 4 in the sample, all 4 answered.
    const polri = {
      ...totals,
      agencyId: 'polri',
      assigned: 10,
      redirected: 6,
      responded: 4,
      respondedOnTime: 4,
      responseRate: 1,
      onTimeRate: 1,
      belowMinimumSample: true,
    };
    const ranked = {
      ...totals,
      agencyId: 'pln',
      assigned: 9,
      redirected: 1,
      withdrawn: 2,
      responded: 3,
      responseRate: 0.5,
      belowMinimumSample: false,
      rank: 1,
    };
    mockApi((call) =>
      call.path.startsWith('/v1/stats/agencies?')
        ? json(200, {
            from: '2026-01-01',
            to: '2026-03-31',
            minimumSample: 5,
            items: [polri, ranked],
            totals,
          })
        : json(200, { items: [] }),
    );
    renderWith(<Stats />, {
      as: { agency: 'setneg', role: 'central_officer' },
      path: '/stats?from=2026-01-01&to=2026-03-31',
    });
    const header = await screen.findByRole('rowheader', { name: /polri/ });
    const columns = screen.getAllByRole('columnheader').map((h) => h.textContent);
    const cell = (agency: string, column: string) => {
      const row = screen.getByRole('rowheader', { name: new RegExp(agency) }).closest('tr')!;
      return row.children[columns.indexOf(column)]?.textContent;
    };
    expect(cell('polri', 'Bukan kewenangan')).toBe('6');
    expect(cell('polri', 'Ditarik sebelum tenggat')).toBe('0');
    expect(cell('pln', 'Ditarik sebelum tenggat')).toBe('2');
    expect(cell('pln', 'Peringkat')).toBe('1');
    expect(cell('polri', 'Peringkat')).toBe('—');
    // The badge says what the sample is, so "small sample" beside 10 forwarded reads right.
    const badge = header.querySelector('.badge')!;
    expect(badge.getAttribute('title')).toContain('diteruskan − bukan kewenangan − ditarik');
  });
});
