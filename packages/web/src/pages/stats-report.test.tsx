/**
 * The statistics page as central reads it for its monthly report: the order it opens in (the
 * ranking, a small sample after it) and a chart of many agencies whose names start alike.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { AgencyNamesProvider } from '../components/agencies';
import Stats from './stats';

const zero = {
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

/** `responded` of `assigned`, all on time; ranked when `rank` is given. */
const row = (agencyId: string, assigned: number, responded: number, rank: number | null) => ({
  ...zero,
  agencyId,
  assigned,
  responded,
  respondedOnTime: responded,
  responseRate: responded / assigned,
  onTimeRate: responded / assigned,
  belowMinimumSample: rank === null,
  rank,
});

const NAMES = [
  { id: 'polri', name: 'Kepolisian Negara Republik Indonesia', kind: 'agency' },
  { id: 'dinas-kecil', name: 'Dinas Kominfo Kabupaten Kecil', kind: 'agency' },
  { id: 'kanwil-bpn-jatim', name: 'Kantor Wilayah BPN Provinsi Jawa Timur', kind: 'agency' },
  { id: 'kanwil-bpn-sulsel', name: 'Kantor Wilayah BPN Provinsi Sulawesi Selatan', kind: 'agency' },
  { id: 'pln', name: 'PT PLN (Persero)', kind: 'agency' },
];

function render(items: unknown[]) {
  mockApi((call) => {
    if (call.path === '/v1/agency-names') return json(200, { items: NAMES });
    if (call.path.startsWith('/v1/stats/agencies?'))
      return json(200, {
        from: '2026-03-01',
        to: '2026-03-31',
        minimumSample: 5,
        items,
        totals: { ...zero, agencyId: 'all', belowMinimumSample: false },
      });
    return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
  });
  renderWith(
    <AgencyNamesProvider user="u1">
      <Stats />
    </AgencyNamesProvider>,
    {
      as: { agency: 'setneg', role: 'central_officer' },
      path: '/stats?from=2026-03-01&to=2026-03-31',
    },
  );
}

const tableOrder = () =>
  screen
    .getAllByRole('rowheader')
    .map((h) => h.firstChild?.textContent)
    .filter((name) => name !== 'Semua instansi');

describe('the statistics page as it opens', () => {
  it('lists the ranking first: an agency with one answered complaint is not above one with 38 of 40', async () => {
    render([
      row('dinas-kecil', 1, 1, null), // 100 % of a sample of one: not ranked
      row('polri', 40, 38, 1),
    ]);
    await waitFor(() =>
      expect(tableOrder()).toEqual([
        'Kepolisian Negara Republik Indonesia',
        'Dinas Kominfo Kabupaten Kecil',
      ]),
    );
    // The chart reads in the same order.
    const labels = [...document.querySelectorAll('svg .chart-label')].map((l) => l.textContent);
    expect(labels[0]).toMatch(/^Kepolisian/);
  });
});

describe('a month in which one agency reaches the minimum sample', () => {
  it('ranks none and says why; the agencies forwarded nothing say so, last, not "sampel kecil"', async () => {
    // As the API answers: PLN, 5 forwarded and none answered, is alone at the minimum, so
    // unranked (core's stats.ts); two agencies were forwarded nothing in the month.
    render([
      { ...zero, agencyId: 'kanwil-bpn-jatim' },
      { ...row('pln', 5, 0, null), belowMinimumSample: false },
      { ...zero, agencyId: 'kanwil-bpn-sulsel' },
      row('dinas-kecil', 2, 2, null),
    ]);
    await waitFor(() =>
      expect(tableOrder()).toEqual([
        'PT PLN (Persero)',
        'Dinas Kominfo Kabupaten Kecil',
        'Kantor Wilayah BPN Provinsi Jawa Timur',
        'Kantor Wilayah BPN Provinsi Sulawesi Selatan',
      ]),
    );
    expect(
      screen.getByText(
        'Tidak ada peringkat pada periode ini: hanya PT PLN (Persero) yang mencapai sampel minimum 5, sedangkan peringkat membandingkan sedikitnya dua instansi.',
      ),
    ).toBeTruthy();
    const badgeOf = (name: RegExp) =>
      screen.getByRole('rowheader', { name }).querySelector('.badge')?.textContent ?? null;
    // Sent nothing: said under the name, in a line that wraps (a badge would not, and pushed the
    // rank column off the page at 1,280 px), not a small sample.
    const nothingOf = (name: RegExp) =>
      screen.getByRole('rowheader', { name }).querySelector('.nothing-forwarded')?.textContent ??
      null;
    expect(badgeOf(/PT PLN/)).toBeNull();
    expect(badgeOf(/Dinas Kominfo/)).toBe('sampel kecil');
    for (const agency of [/Jawa Timur/, /Sulawesi Selatan/]) {
      expect(badgeOf(agency)).toBeNull();
      expect(nothingOf(agency)).toBe('tidak ada pengaduan diteruskan');
    }
    expect(screen.getAllByText('sampel kecil')).toHaveLength(1);
  });

  it('says nothing of the ranking when two or more are ranked', async () => {
    render([row('polri', 40, 38, 1), row('pln', 5, 0, 2)]);
    await waitFor(() => expect(tableOrder()).toHaveLength(2));
    expect(screen.queryByText(/Tidak ada peringkat/)).toBeNull();
  });
});

describe('the statistics chart', () => {
  it('tells apart agencies whose names start alike, and draws only those with a rate', async () => {
    render([
      row('kanwil-bpn-jatim', 10, 9, 1),
      row('kanwil-bpn-sulsel', 10, 6, 2),
      { ...zero, agencyId: 'dinas-kecil' }, // nothing forwarded in the period
    ]);
    await waitFor(() => expect(tableOrder()).toHaveLength(3));
    const labels = [...document.querySelectorAll('svg .chart-label')].map((l) => l.textContent);
    expect(labels).toHaveLength(2);
    expect(labels[0]).toContain('Jawa Timur');
    expect(labels[1]).toContain('Sulawesi Selatan');
    // The full name is on the label, for the pointer and for a screen reader's reading.
    expect(document.querySelector('svg .chart-label title')?.textContent).toBe(
      'Kantor Wilayah BPN Provinsi Jawa Timur',
    );
  });
});
