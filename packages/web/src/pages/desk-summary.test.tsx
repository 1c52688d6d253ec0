/**
 * The desk's first screen (audit: a central officer chasing 40 agencies found four empty cards
 * there, and the lists that mattered 3,400 to 8,400 px down): what needs attention today, each
 * list's count linked to it; the lists with nothing in them in one line; long lists capped.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { activityOf } from '../../test/fixtures';
import Desk from './desk';

/** An empty list, the API's clock and the calendar's declared years: what the other cards ask. */
const EMPTY = {
  items: [],
  nextCursor: null,
  total: 0,
  now: '2026-03-31T03:00:00.000Z',
  years: [2026],
};

/** `n` overdue assignments of each of `agencies` agencies (`agency-1` has the most). */
const overdue = (agencies: number) =>
  Array.from({ length: agencies }, (_, a) =>
    Array.from({ length: agencies - a }, (_, i) => ({
      caseId: `c-${a}-${i}`,
      agencyId: `agency-${a + 1}`,
      escalationLevel: 1,
      due: {
        acknowledge: '2026-03-02T16:59:59.999Z',
        followUp: '2026-03-16T16:59:59.999Z',
        resolution: '2026-04-27T16:59:59.999Z',
      },
      met: { acknowledge: null, followUp: null, resolution: null },
      overdue: { acknowledge: true, followUp: true, resolution: false },
      state: 'pending',
      timeZone: 'Asia/Jakarta',
    })),
  ).flat();

/** `n` cases of `status`, as `GET /v1/cases` lists them. */
const cases = (status: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${status}-${i}`,
    subject: `Pengaduan ${status} ${i + 1}`,
    status,
    channel: 'web',
    verificationDueAt: '2026-03-26T16:59:59.999Z',
    updatedAt: '2026-03-20T03:00:00.000Z',
    overdue: false,
  }));

const proposals = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    activityOf({
      id: `a${i}`,
      caseId: `case-${i}`,
      caseSubject: `Usulan ${i + 1}`,
      status: 'proposed',
      createdBy: 'escalation',
    }),
  );

/**
 * The desk as the audit found it, smaller: nothing to verify, forward, complete or re-forward;
 * 30 complaints reopened; 820 overdue assignments in 40 agencies; 8 proposed clarifications.
 */
function auditDesk() {
  const all = overdue(40);
  return mockApi((call) => {
    const path = call.path;
    if (path.startsWith('/v1/cases?') && path.includes('status=reopened'))
      return json(200, { items: cases('reopened', 25), nextCursor: 'more', total: 30 });
    if (path.startsWith('/v1/assignments?') && path.includes('overdue=true')) {
      const from = Number(new URL(path, 'http://x').searchParams.get('cursor') ?? 0);
      return json(200, {
        items: all.slice(from, from + 100),
        nextCursor: from + 100 < all.length ? String(from + 100) : null,
        ...(from === 0 ? { total: all.length } : {}),
      });
    }
    if (path.startsWith('/v1/activities?') && path.includes('status=proposed'))
      return json(200, { items: proposals(8), nextCursor: null, total: 8 });
    return json(200, EMPTY);
  });
}

const summary = () => screen.getByRole('navigation', { name: 'Perlu perhatian hari ini' });

describe('the desk’s first screen', () => {
  it('sums up each list with its count, linked to it; the empty ones in one line, not a card each', async () => {
    auditDesk();
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const nav = summary();
    await within(nav).findByText(/^Tidak ada:/);
    // Counted per agency once every overdue assignment is read (9 pages of 100).
    await within(nav).findByRole('link', { name: /di 40 instansi/ });
    const links = within(nav)
      .getAllByRole('link')
      .map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['30 dibuka kembali oleh pengadu', '#reopened'],
      ['820 penugasan lewat tenggat di 40 instansi', '#lewat-tenggat-per-instansi'],
      ['8 usulan klarifikasi dari eskalasi', '#proposals'],
    ]);
    expect(within(nav).getByText(/^Tidak ada:/).textContent).toBe(
      'Tidak ada: pengaduan baru, belum diteruskan, menunggu kelengkapan pengadu, ' +
        'permintaan perpanjangan, baru lewat tenggat, jatuh tempo dalam 2 hari kerja, ' +
        'bukan kewenangan, kegiatan belum dilaporkan, surat gagal terkirim.',
    );
    // Each empty list takes no card.
    await waitFor(() =>
      expect(
        screen.queryByRole('region', { name: /Pengaduan baru untuk diverifikasi/ }),
      ).toBeNull(),
    );
    expect(screen.queryByRole('region', { name: /Surat gagal terkirim/ })).toBeNull();
    // The counts agree: the card's own heading says the same.
    const reopened = screen.getByRole('region', { name: /Dibuka kembali oleh pengadu/ });
    expect(within(reopened).getByRole('heading').textContent).toBe(
      'Dibuka kembali oleh pengadu 30 seluruhnya',
    );
  });

  it('reads the failed letters per agency once for the two cards that say them', async () => {
    const calls = auditDesk();
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    await within(summary()).findByRole('link', { name: /di 40 instansi/ });
    expect(calls.filter((c) => c.path === '/v1/notifications/failed/agencies')).toHaveLength(1);
  });

  it('moves the focus to the list a summary link names', async () => {
    auditDesk();
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const link = await within(summary()).findByRole('link', { name: /usulan klarifikasi/ });
    await userEvent.click(link);
    const heading = screen
      .getByRole('region', { name: /Usulan klarifikasi dari eskalasi/ })
      .querySelector('h2')!;
    expect(document.activeElement).toBe(heading);
    expect(heading.id).toBe('proposals');
  });
});

describe('a long list on the desk', () => {
  it('shows its first five, and "Lihat semua (N)" opens the register on that list', async () => {
    auditDesk();
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const card = screen.getByRole('region', { name: /Dibuka kembali oleh pengadu/ });
    await within(card).findByRole('link', { name: 'Pengaduan reopened 1' });
    expect(within(card).getAllByRole('listitem')).toHaveLength(5);
    const all = within(card).getByRole('link', { name: 'Lihat semua (30)' });
    expect(all.getAttribute('href')).toBe('/cases?status=reopened');
    expect(within(card).queryByRole('button', { name: 'Muat lebih banyak' })).toBeNull();
  });

  it('without a page of its own, shows the rest in place on request', async () => {
    auditDesk();
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const card = screen.getByRole('region', { name: /Usulan klarifikasi dari eskalasi/ });
    await within(card).findByRole('link', { name: 'Usulan 1' });
    expect(within(card).getAllByRole('listitem')).toHaveLength(5);
    await userEvent.click(within(card).getByRole('button', { name: 'Tampilkan semua (8)' }));
    expect(within(card).getAllByRole('listitem')).toHaveLength(8);
    // The focus goes on from the first one it brought, not from the page's start.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Usulan 6'));
    expect(within(card).getByRole('link', { name: 'Usulan 8' })).toBeTruthy();
  });

  it('overdue by agency: the ten worst agencies, every one on request, and the worklist', async () => {
    auditDesk();
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    const card = screen.getByRole('region', { name: /Lewat tenggat per instansi/ });
    await within(card).findByText('820 penugasan lewat tenggat di 40 instansi.');
    expect(within(card).getAllByRole('row').slice(1)).toHaveLength(10);
    expect(within(card).getAllByRole('row')[1]!.textContent).toMatch(/^agency-1melewati/);
    const all = within(card).getByRole('link', { name: 'Lihat semua (820)' });
    expect(all.getAttribute('href')).toBe('/assignments?overdue=1');
    await userEvent.click(
      within(card).getByRole('button', { name: 'Tampilkan semua 40 instansi' }),
    );
    expect(within(card).getAllByRole('row').slice(1)).toHaveLength(40);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('agency-11'));
  });
});

describe('the worklist’s lists on the desk, when long', () => {
  /** `n` assignments of a list (`list`: how a row's subject names it), as the worklist answers. */
  const rows = (list: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      ...overdue(1)[0]!,
      caseId: `${list}-${i}`,
      subject: `${list} ${i + 1}`,
    }));
  it('link "Lihat semua (N)" to the worklist on their own filter, as overdue by agency does', async () => {
    mockApi((call) => {
      const query = new URL(call.path, 'http://x').searchParams;
      if (call.path.startsWith('/v1/assignments?')) {
        const list = query.has('newlyOverdue')
          ? rows('Baru', 7)
          : query.has('dueWithin')
            ? rows('Segera', 8)
            : query.has('awaitingReforward')
              ? rows('Dialihkan', 9)
              : [];
        return json(200, { items: list, nextCursor: null, total: list.length });
      }
      return json(200, EMPTY);
    });
    renderWith(<Desk />, { as: { agency: 'setneg', role: 'central_officer' } });
    for (const [title, first, n, href] of [
      [/Baru lewat tenggat/, 'Baru 1', 7, '/assignments?newlyOverdue=1'],
      [/Jatuh tempo dalam 2 hari kerja/, 'Segera 1', 8, '/assignments?dueWithin=2'],
      [/Bukan kewenangan: menunggu/, 'Dialihkan 1', 9, '/assignments?awaitingReforward=1'],
    ] as const) {
      const card = await screen.findByRole('region', { name: title });
      await within(card).findByRole('link', { name: new RegExp(`^${first}`) });
      const all = within(card).getByRole('link', { name: `Lihat semua (${n})` });
      expect(all.getAttribute('href')).toBe(href);
      expect(within(card).queryByRole('button', { name: /Tampilkan semua/ })).toBeNull();
    }
  });
});
