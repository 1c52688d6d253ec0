import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { AgencyNamesProvider } from './agencies';
import { SearchBox } from './search-box';

const hit = (over: Record<string, unknown>) => ({
  id: '01KCASE',
  status: 'forwarded',
  channel: 'letter',
  receivedAt: '2026-03-16T03:00:00.000Z',
  subject: 'Sertifikat tanah tidak kunjung terbit',
  matchedBy: 'words',
  ...over,
});

describe('the search box', () => {
  it('asks nothing until submitted, then lists the hits with what they matched', async () => {
    const calls = mockApi(() =>
      json(200, {
        items: [hit({ matchedBy: 'phone', trackingCode: '7QX2-M9KD-4HZ8R' })],
        nextCursor: null,
      }),
    );
    renderWith(<SearchBox />, { as: { agency: 'setneg', role: 'central_officer' } });
    const searches = () =>
      calls.filter((c) => c.path.startsWith('/v1/search')).map((c) => [c.method, c.path, c.body]);
    expect(searches()).toEqual([]);
    await userEvent.type(screen.getByLabelText('Cari pengaduan'), '0812-3456-7890');
    await userEvent.click(screen.getByRole('button', { name: 'Cari' }));
    const link = await screen.findByRole('link', { name: 'Sertifikat tanah tidak kunjung terbit' });
    expect(link.getAttribute('href')).toBe('/cases/01KCASE');
    expect(screen.getByText('Telepon')).toBeTruthy();
    // The phone number travels in the body: never in a URL, where access logs record it.
    expect(searches()).toEqual([['POST', '/v1/search', { q: '0812-3456-7890' }]]);
  });

  it('tells an agency what it searches, and says when nothing matches', async () => {
    mockApi(() => json(200, { items: [], nextCursor: null }));
    renderWith(<SearchBox />, { as: { agency: 'polri', role: 'agency_officer' } });
    expect(screen.getByText(/instansi Anda/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Cari pengaduan'), 'pungutan');
    await userEvent.click(screen.getByRole('button', { name: 'Cari' }));
    expect(await screen.findByText('Tidak ada pengaduan yang cocok.')).toBeTruthy();
  });
});

describe('words that name an agency (audit: search did not match agency names)', () => {
  const names = [
    { id: 'bulog', name: 'Perum BULOG' },
    { id: 'kanwil-bpn-jatim', name: 'Kantor Wilayah BPN Jawa Timur' },
    { id: 'polri', name: 'Kepolisian Negara Republik Indonesia' },
  ];
  const serve = () =>
    mockApi((call) =>
      call.path === '/v1/agency-names'
        ? json(200, { items: names })
        : json(200, { items: [], nextCursor: null }),
    );
  const search = async (words: string) => {
    await userEvent.type(screen.getByLabelText('Cari pengaduan'), words);
    await userEvent.click(screen.getByRole('button', { name: 'Cari' }));
  };

  it('central: names the agencies the words match, with their cases and assignments a click away', async () => {
    serve();
    renderWith(
      <AgencyNamesProvider user="u1">
        <SearchBox />
      </AgencyNamesProvider>,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    await search('bpn jawa');
    const agencies = await screen.findByRole('region', { name: 'Instansi yang cocok' });
    expect(agencies.textContent).toContain('Kantor Wilayah BPN Jawa Timur');
    expect(
      within(agencies)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Pengaduan yang diteruskan kepadanya', '/cases?agency=kanwil-bpn-jatim'],
      ['Penugasannya', '/assignments?agency=kanwil-bpn-jatim'],
    ]);
    // Words no agency's name holds: no such list.
    await userEvent.clear(screen.getByLabelText('Cari pengaduan'));
    await search('jalan rusak');
    await screen.findByText('Tidak ada pengaduan yang cocok.');
    expect(screen.queryByRole('region', { name: 'Instansi yang cocok' })).toBeNull();
  });

  it('an agency’s search names no agencies (it searches its own cases)', async () => {
    serve();
    renderWith(
      <AgencyNamesProvider user="u1">
        <SearchBox />
      </AgencyNamesProvider>,
      { as: { agency: 'polri', role: 'agency_officer' } },
    );
    await search('bulog');
    await screen.findByText('Tidak ada pengaduan yang cocok.');
    expect(screen.queryByRole('region', { name: 'Instansi yang cocok' })).toBeNull();
  });
});
