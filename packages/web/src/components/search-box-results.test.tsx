import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { SearchBox } from './search-box';

const hit = (over: Record<string, unknown>) => ({
  id: '01KCASE',
  status: 'forwarded',
  channel: 'letter',
  receivedAt: '2026-03-16T03:00:00.000Z',
  subject: 'Perbaikan jalan desa Sukamaju yang rusak parah',
  agendaNumber: '12/DUMAS/III/2026',
  matchedBy: 'phone',
  ...over,
});

type As = NonNullable<Parameters<typeof renderWith>[1]>['as'];

async function search(as: As, item: Record<string, unknown>) {
  mockApi(() => json(200, { items: [item], nextCursor: null }));
  renderWith(<SearchBox />, { as });
  await userEvent.type(screen.getByLabelText('Cari pengaduan'), 'Sukamaju');
  await userEvent.click(screen.getByRole('button', { name: 'Cari' }));
  return screen.findByRole('table');
}

describe('the search results name a case as the register does', () => {
  it('central reads the agenda number beside the tracking code, under a capitalised column', async () => {
    const table = await search(
      { agency: 'setneg', role: 'central_officer' } as const,
      hit({ trackingCode: 'HBHV-03CH-ZM49D' }),
    );
    // The number letters and the complainant quote: a phone search must show which case it is.
    expect(within(table).getByText('12/DUMAS/III/2026 · HBHV-03CH-ZM49D')).toBeTruthy();
    // A column's title, not the word inside a sentence ("· diterima <date>").
    expect(within(table).getByRole('columnheader', { name: 'Diterima' })).toBeTruthy();
  });

  it('an agency reads the agenda number, and no tracking code (it has none)', async () => {
    const table = await search(
      { agency: 'pemprov-bali', role: 'agency_officer' } as const,
      hit({ matchedBy: 'words' }),
    );
    expect(within(table).getByText('12/DUMAS/III/2026')).toBeTruthy();
    expect(within(table).queryByText(/HBHV/)).toBeNull();
  });
});

describe('central spots a second complaint by the same person from the results', () => {
  it("reads the complainant's name in each row, and that a hidden identity is hidden from the agencies", async () => {
    mockApi(() =>
      json(200, {
        items: [
          hit({
            id: 'c1',
            subject: 'Jalan desa rusak',
            complainant: { name: 'Siti Aminah', phone: '+6281234567890' },
            identityHidden: false,
          }),
          hit({
            id: 'c2',
            subject: 'Jembatan desa putus',
            complainant: { name: 'Budi Santoso', phone: '+6281234567890' },
            identityHidden: true,
          }),
          // Anonymous: no complainant to name.
          hit({ id: 'c3', subject: 'Pungutan liar', complainant: null, identityHidden: false }),
        ],
        nextCursor: null,
      }),
    );
    renderWith(<SearchBox />, { as: { agency: 'setneg', role: 'central_officer' } });
    await userEvent.type(screen.getByLabelText('Cari pengaduan'), '0812-3456-7890');
    await userEvent.click(screen.getByRole('button', { name: 'Cari' }));
    const table = await screen.findByRole('table');
    const cell = (subject: string) =>
      within(table)
        .getByRole('link', { name: subject })
        .closest('tr')!
        .querySelector('td[data-label="Pengadu"]')?.textContent;
    expect(within(table).getByRole('columnheader', { name: 'Pengadu' })).toBeTruthy();
    expect(cell('Jalan desa rusak')).toBe('Siti Aminah');
    // As the case page says it: the name, and that the agencies do not see it.
    expect(cell('Jembatan desa putus')).toBe('Budi Santoso dirahasiakan dari instansi');
    expect(cell('Pungutan liar')).toBe('—');
  });

  it("never shows an agency a complainant's name, even one its answer carried", async () => {
    const table = await search(
      { agency: 'pemprov-bali', role: 'agency_officer' } as const,
      hit({ matchedBy: 'words', complainant: { name: 'Siti Aminah' }, identityHidden: false }),
    );
    expect(within(table).queryByText(/Siti Aminah/)).toBeNull();
    expect(within(table).queryByRole('columnheader', { name: 'Pengadu' })).toBeNull();
  });
});
