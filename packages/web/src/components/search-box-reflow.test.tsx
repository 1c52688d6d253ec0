/**
 * The search results on a small screen and to a screen reader (audit s24, F5): a table that
 * becomes cards on a phone like the other lists, and one count line announced, not the table.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { SearchBox } from './search-box';

const hit = (id: string, subject: string) => ({
  id,
  status: 'forwarded',
  channel: 'letter',
  receivedAt: '2026-03-16T03:00:00.000Z',
  subject,
  matchedBy: 'words',
  trackingCode: null,
});

async function search(q: string) {
  await userEvent.type(screen.getByLabelText('Cari pengaduan'), q);
  await userEvent.click(screen.getByRole('button', { name: 'Cari' }));
}

describe('the search results', () => {
  it('are a table that becomes cards on a phone, each value named by its column', async () => {
    mockApi(() =>
      json(200, { items: [hit('c1', 'Pungutan liar pembuatan SIM')], nextCursor: null }),
    );
    renderWith(<SearchBox />, { as: { agency: 'polri', role: 'agency_officer' } });
    await search('SIM');
    const link = await screen.findByRole('link', { name: 'Pungutan liar pembuatan SIM' });
    const table = link.closest('table')!;
    expect(table.classList.contains('cards')).toBe(true);
    expect(table.parentElement!.classList.contains('table-scroll')).toBe(true);
    const cells = [...link.closest('tr')!.querySelectorAll('td')];
    expect(cells.slice(1).map((td) => td.dataset.label)).toEqual([
      'Status',
      'Diterima',
      'Cocok pada',
    ]);
  });

  it('are announced by one count line, not as a whole live table', async () => {
    mockApi(() =>
      json(200, {
        items: [hit('c1', 'Pungutan liar SIM'), hit('c2', 'Biaya SIM tidak resmi')],
        nextCursor: null,
      }),
    );
    renderWith(<SearchBox />, { as: { agency: 'polri', role: 'agency_officer' } });
    // There before the search, so that what it then says is announced.
    const line = screen.getByRole('status');
    expect(line.textContent).toBe('');
    await search('SIM');
    await screen.findByRole('link', { name: 'Pungutan liar SIM' });
    expect(line.textContent).toBe('2 hasil untuk “SIM”');
    const table = screen.getByRole('table');
    expect(table.closest('[aria-live], [role="status"]')).toBeNull();
    expect(table.querySelector('[aria-live], [role="status"]')).toBeNull();
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });

  it('say in the same line when nothing matches', async () => {
    mockApi(() => json(200, { items: [], nextCursor: null }));
    renderWith(<SearchBox />, { as: { agency: 'polri', role: 'agency_officer' } });
    await search('pungutan');
    const line = screen.getByRole('status');
    await screen.findByText('Tidak ada pengaduan yang cocok.');
    expect(line.textContent).toBe('Tidak ada pengaduan yang cocok.');
  });
});
