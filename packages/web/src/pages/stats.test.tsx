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
  acknowledged: 0,
  acknowledgedOnTime: 0,
  completed: 0,
  responseRate: null,
  onTimeRate: null,
  acknowledgeOnTimeRate: null,
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

describe('the statistics page’s period in words', () => {
  it('says each date of the period as a day, month and year, read with its field', async () => {
    mockApi((call) =>
      call.path.startsWith('/v1/stats/agencies?')
        ? json(200, { from: '2026-01-01', to: '2026-03-31', minimumSample: 5, items: [], totals })
        : json(200, { items: [] }),
    );
    renderWith(<Stats />, {
      as: { agency: 'setneg', role: 'central_officer' },
      path: '/stats?from=2026-01-01&to=2026-03-31',
    });
    const from = await screen.findByLabelText('Dari tanggal');
    fireEvent.change(from, { target: { value: '2026-04-03' } });
    const words = await screen.findByText('Jumat, 3 April 2026');
    expect(from.getAttribute('aria-describedby')).toBe(words.id);
    expect(screen.getByText('Selasa, 31 Maret 2026').id).toBe(
      screen.getByLabelText('Sampai tanggal').getAttribute('aria-describedby'),
    );
  });
});

describe('the statistics page’s default period', () => {
  it('runs from the first of the year to today by the API’s clock, not the browser’s', async () => {
    // A PC whose clock is wrong (or the demo's manual clock): the API says it is 10 Feb 2027,
    // 10.00 WIB; the browser's own date is whatever this machine's is.
    const calls = mockApi((call) =>
      call.path === '/v1/clock'
        ? json(200, { now: '2027-02-10T03:00:00.000Z' })
        : call.path.startsWith('/v1/stats/agencies?')
          ? json(200, { from: '2027-01-01', to: '2027-02-10', minimumSample: 5, items: [], totals })
          : json(200, { items: [] }),
    );
    renderWith(<Stats />, { as: { agency: 'setneg', role: 'central_officer' }, path: '/stats' });
    await waitFor(() =>
      expect(calls.some((c) => c.path.startsWith('/v1/stats/agencies?'))).toBe(true),
    );
    const asked = calls.filter((c) => c.path.startsWith('/v1/stats/agencies?'));
    const query = new URLSearchParams(asked[0]!.path.split('?')[1]);
    expect([query.get('from'), query.get('to')]).toEqual(['2027-01-01', '2027-02-10']);
    // Read once: the period the page opened with is the one it asked for.
    expect(asked).toHaveLength(1);
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

describe('a period with nothing forwarded', () => {
  it('says so in a sentence, not as a table of zeros, every agency a "small sample", and an empty chart', async () => {
    const none = (agencyId: string) => ({ ...totals, agencyId });
    mockApi((call) =>
      call.path.startsWith('/v1/stats/agencies?')
        ? json(200, {
            from: '2025-06-01',
            to: '2025-06-30',
            minimumSample: 5,
            items: [none('polri'), none('pln')],
            totals,
          })
        : json(200, { items: [] }),
    );
    renderWith(<Stats />, {
      as: { agency: 'setneg', role: 'central_officer' },
      path: '/stats?from=2025-06-01&to=2025-06-30',
    });
    await screen.findByText(/Periode .* 1 Jun 2025 s\.d\. .* 30 Jun 2025/);
    expect(
      screen.getByText(
        'Tidak ada pengaduan yang diteruskan ke instansi pada periode ini: tidak ada tingkat tanggapan yang dapat dihitung.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText('sampel kecil')).toBeNull();
    expect(screen.queryByRole('img', { name: /Tingkat tanggapan/ })).toBeNull();
    // The files can still be downloaded: an empty month is a month to report too.
    expect(screen.getByRole('button', { name: 'Unduh Excel statistik' })).toBeTruthy();
  });
});

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
    // Shown once the API's clock is read (its default period ends on the API's today).
    await screen.findByRole('button', { name: 'Unduh CSV pengaduan' });
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

describe('the statistics table’s acknowledgement rate', () => {
  it('stands beside the on-time rate, as a percent, in the rows and the totals, and sorts', async () => {
    const row = (agencyId: string, acknowledgeOnTimeRate: number, responseRate = 0.8333) => ({
      ...totals,
      agencyId,
      assigned: 1_200,
      acknowledged: 1_100,
      acknowledgedOnTime: Math.round(acknowledgeOnTimeRate * 1_200),
      responded: 1_000,
      respondedOnTime: 900,
      responseRate,
      onTimeRate: 0.75,
      acknowledgeOnTimeRate,
      belowMinimumSample: false,
    });
    mockApi((call) =>
      call.path.startsWith('/v1/stats/agencies?')
        ? json(200, {
            from: '2026-01-01',
            to: '2026-12-31',
            minimumSample: 5,
            // By rank (the default order; the API ranks by response rate) polri comes first.
            items: [
              { ...row('polri', 0.6125, 0.9), rank: 1 },
              { ...row('pln', 0.9), rank: 2 },
            ],
            totals: { ...row('all', 0.7563), assigned: 2_400, rank: null },
          })
        : json(200, { items: [] }),
    );
    renderWith(<Stats />, {
      as: { agency: 'setneg', role: 'central_officer' },
      path: '/stats?from=2026-01-01&to=2026-12-31',
    });
    await screen.findByRole('rowheader', { name: /polri/ });
    const order = () =>
      screen
        .getAllByRole('rowheader')
        .map((h) => h.textContent)
        .filter((name) => name !== 'Semua instansi');
    expect(order()).toEqual(['polri', 'pln']);
    const columns = screen.getAllByRole('columnheader').map((h) => h.textContent);
    const at = columns.indexOf('Tingkat konfirmasi tepat waktu');
    expect(at).toBe(columns.indexOf('Tingkat tepat waktu') + 1);
    const cell = (name: RegExp) =>
      screen.getByRole('rowheader', { name }).closest('tr')!.children[at]?.textContent;
    // As the other rates: Indonesian decimals, one digit.
    expect(cell(/polri/)).toBe('61,3%');
    expect(cell(/pln/)).toBe('90%');
    expect(cell(/^Semua instansi/)).toBe('75,6%');
    // The header says what it counts.
    expect(
      screen.getByRole('button', { name: 'Tingkat konfirmasi tepat waktu' }).getAttribute('title'),
    ).toContain('Konfirmasi penerimaan');
    fireEvent.click(screen.getByRole('button', { name: 'Tingkat konfirmasi tepat waktu' }));
    await waitFor(() => expect(order()).toEqual(['pln', 'polri']));
  });
});

describe('the statistics page’s Excel downloads', () => {
  it('offers each spreadsheet as Excel first, then CSV, for the period shown', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    // The name the browser saves each file under.
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const calls = mockApi((call) => {
      if (call.path.startsWith('/v1/exports/cases.xlsx'))
        return json(422, {
          type: 'about:blank',
          title: 'Unprocessable Content',
          status: 422,
          code: 'limit_exceeded',
          detail: 'the cases received in this period are more than one file can carry',
          requestId: 'r-1',
          errors: [
            { path: 'from', message: 'the period holds more cases than one file can carry' },
          ],
        });
      if (call.path.startsWith('/v1/stats/agencies.xlsx'))
        return new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
          headers: { 'content-type': XLSX },
        });
      if (call.path.startsWith('/v1/stats/agencies?'))
        return json(200, {
          from: '2026-03-01',
          to: '2026-03-31',
          minimumSample: 5,
          items: [],
          totals,
        });
      return json(200, { items: [] });
    });
    renderWith(<Stats />, {
      as: { agency: 'setneg', role: 'central_officer' },
      path: '/stats?from=2026-03-01&to=2026-03-31',
    });
    await screen.findByText(/Periode .*1 Mar 2026/);
    const downloads = screen
      .getAllByRole('button')
      .map((b) => b.textContent)
      .filter((name) => name?.startsWith('Unduh'));
    expect(downloads).toEqual([
      'Unduh Excel statistik',
      'Unduh CSV statistik',
      'Unduh Excel pengaduan',
      'Unduh CSV pengaduan',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Unduh Excel statistik' }));
    await waitFor(() => expect(saved).toEqual(['pantau-agencies-2026-03-01-2026-03-31.xlsx']));
    expect(calls.map((c) => c.path)).toContain(
      '/v1/stats/agencies.xlsx?from=2026-03-01&to=2026-03-31',
    );

    // A period too long for one workbook: what to do, naming the Excel file.
    fireEvent.click(screen.getByRole('button', { name: 'Unduh Excel pengaduan' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Periode ini memuat terlalu banyak pengaduan untuk satu berkas Excel. Unduh per periode yang lebih pendek',
    );
    expect(calls.map((c) => c.path)).toContain(
      '/v1/exports/cases.xlsx?from=2026-03-01&to=2026-03-31',
    );
    expect(saved).toHaveLength(1);
    click.mockRestore();
  });

  it('says “Download Excel” in English', async () => {
    // Each call answered in its own shape: the statistics without their totals broke the page
    // whenever they came before the buttons were found (a flaky failure in a clean clone).
    mockApi((call) =>
      call.path.startsWith('/v1/stats/agencies?')
        ? json(200, { from: '2026-01-01', to: '2026-03-31', minimumSample: 5, items: [], totals })
        : json(200, { items: [] }),
    );
    renderWith(<Stats />, { lang: 'en', as: { agency: 'setneg', role: 'central_officer' } });
    expect(await screen.findByRole('button', { name: 'Download statistics Excel' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download cases Excel' })).toBeTruthy();
  });
});
