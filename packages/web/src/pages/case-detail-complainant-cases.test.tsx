import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Route } from 'wouter';
import { type Call, json, mockApi, renderWith } from '../../test/render';
import CaseDetail from './case-detail';

const NIK = '3201234567890123';
const PHONE = '+6281234567890';
const EMAIL = 'siti.aminah@contoh.id';

/** The case on the page: received from a complainant who gave all three identifiers. */
const kase = {
  id: 'c1',
  trackingCode: 'PTU-AAAA-BBBB',
  status: 'received',
  agendaNumber: null,
  letter: null,
  channel: 'email',
  receivedAt: '2026-03-20T03:00:00.000Z',
  subject: 'Bantuan sosial tidak diterima',
  description: 'Uraian',
  agencyDescription: null,
  complainant: { name: 'Siti Aminah', idNumber: NIK, phone: PHONE, email: EMAIL },
  identityHidden: false,
  confidential: false,
  respondent: null,
  location: null,
  externalRef: null,
  imported: null,
  classification: null,
  assignments: [],
  agencyIds: [],
  underMonitoring: false,
  verificationDueAt: '2026-03-25T16:59:59.999Z',
  legalLimit: null,
  replyWindowClosesAt: null,
  overdue: false,
  closure: null,
  infoRequest: null,
  rejection: null,
  extensionRequests: [],
  activities: [],
  earlierActivities: false,
  createdAt: '2026-03-20T03:00:00.000Z',
  updatedAt: '2026-03-20T03:00:00.000Z',
  version: 1,
};

const hit = (id: string, receivedAt: string, over: Record<string, unknown> = {}) => ({
  ...kase,
  id,
  status: 'forwarded',
  agendaNumber: `${id}/DUMAS/2026`,
  subject: `Pengaduan ${id}`,
  receivedAt,
  matchedBy: 'phone',
  ...over,
});

// Found by the phone over two pages (this case among them), by the e-mail (one found by the
// phone too) and by the NIK. Newest first: A, E, B, C, D. C is older than the phone's first page
// ends: it cannot be shown before the phone's second page is read (it might hold newer ones).
const A = hit('A', '2026-03-10T03:00:00.000Z');
// A shared office phone: another person, whose identity central hid from the agencies.
const B = hit('B', '2026-01-05T03:00:00.000Z', {
  complainant: { name: 'Bambang Wijaya', phone: PHONE },
  identityHidden: true,
});
const C = hit('C', '2025-11-20T03:00:00.000Z', { matchedBy: 'email', status: 'closed' });
const D = hit('D', '2025-06-01T03:00:00.000Z');
// Received late on 31 January in WIB: 1 February in Jayapura.
const E = hit('E', '2026-01-31T16:30:00.000Z', { matchedBy: 'idNumber', agendaNumber: null });
const SELF = { ...kase, matchedBy: 'phone' };

const pages: Record<string, Record<string, { items: unknown[]; nextCursor: string | null }>> = {
  [PHONE]: {
    '': { items: [SELF, A, B], nextCursor: 'p2' },
    p2: { items: [D], nextCursor: null },
  },
  [EMAIL]: { '': { items: [{ ...A, matchedBy: 'email' }, C], nextCursor: null } },
  [NIK]: { '': { items: [E], nextCursor: null } },
};

function openAs(
  theCase: unknown,
  agency = 'setneg',
  zone = 'Asia/Jakarta',
  found: typeof pages = pages,
) {
  const calls = mockApi((call) => {
    if (call.path === `/v1/agencies/${agency}`)
      return json(200, { id: agency, name: agency, timeZone: zone });
    if (call.path === '/v1/cases/c1') return json(200, theCase);
    if (call.path === '/v1/calendars/id/days')
      return json(200, { id: 'id', years: [2025, 2026], items: [] });
    if (/^\/v1\/(cases\/c1\/(timeline|attachments)|notifications)/.test(call.path))
      return json(200, { items: [], nextCursor: null });
    if (call.method === 'POST' && call.path === '/v1/search') {
      const { q, cursor } = call.body as { q: string; cursor?: string };
      return json(200, found[q]?.[cursor ?? ''] ?? { items: [], nextCursor: null });
    }
    return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
  });
  renderWith(
    <Route path="/cases/:id">
      <CaseDetail />
    </Route>,
    {
      path: '/cases/c1',
      as: { agency, role: agency === 'setneg' ? 'central_officer' : 'agency_officer' },
    },
  );
  return calls;
}

const searches = (calls: Call[]) => calls.filter((c) => c.path.includes('search'));
const HEADING = 'Pengaduan lain dari pengadu ini';

/** Each row's subject, in the order shown. */
const subjects = (section: HTMLElement) =>
  within(section)
    .queryAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('link').textContent);

/** The page has read everything it reads by itself (the timeline last among them). */
async function settled(calls: Call[]) {
  await screen.findByRole('heading', { name: 'Riwayat' });
  await waitFor(() =>
    expect(calls.some((c) => c.path.startsWith('/v1/cases/c1/timeline'))).toBe(true),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("the complainant's other complaints on the case page", () => {
  it('shows central the cases found by the NIK, phone or e-mail, newest first, this one left out', async () => {
    const calls = openAs(kase, 'setneg', 'Asia/Jayapura');
    const section = await screen.findByRole('region', { name: HEADING });
    await waitFor(() =>
      expect(subjects(section)).toEqual(['Pengaduan A', 'Pengaduan E', 'Pengaduan B']),
    );
    const a = within(section).getByRole('link', { name: 'Pengaduan A' });
    expect(a.getAttribute('href')).toBe('/cases/A');
    const rowA = a.closest('tr')!;
    // One token, never broken at its slashes ("2/DUMAS/XII/20" over "26") beside long subjects.
    expect(within(rowA).getByText('A/DUMAS/2026').className).toContain('nowrap');
    expect(within(rowA).getByText('Diteruskan')).toBeTruthy();
    // The received date in the reader's zone: Jayapura's 1 February, WIB's 31 January.
    const rowE = within(section).getByRole('link', { name: 'Pengaduan E' }).closest('tr')!;
    expect(within(rowE).getByText(/1 Feb 2026/).tagName).toBe('TIME');
    // What ties each to this complainant, so central knows a shared office phone from the
    // same NIK: A by the phone and the e-mail, E by the NIK.
    const matched = (row: HTMLElement) =>
      row.querySelector('td[data-label="Cocok pada"]')?.textContent;
    expect(matched(rowA)).toBe('Telepon, Surel');
    expect(matched(rowE)).toBe('NIK');
    // And who sent each: the same person, or another at the same phone (the case page's words
    // for an identity hidden from the agencies).
    const rowB = within(section).getByRole('link', { name: 'Pengaduan B' }).closest('tr')!;
    const sender = (row: HTMLElement) => within(row).getByText(/^Pengadu:/).textContent;
    expect(sender(rowA)).toBe('Pengadu: Siti Aminah');
    expect(sender(rowB)).toBe('Pengadu: Bambang Wijaya dirahasiakan dari instansi');

    await userEvent.click(within(section).getByRole('button', { name: 'Muat lebih banyak' }));
    await waitFor(() =>
      expect(subjects(section)).toEqual([
        'Pengaduan A',
        'Pengaduan E',
        'Pengaduan B',
        'Pengaduan C',
        'Pengaduan D',
      ]),
    );
    expect(within(section).getByText('Ditutup')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Muat lebih banyak' })).toBeNull();
    expect(within(section).queryByRole('link', { name: kase.subject })).toBeNull();

    // Each identifier on its own (a query of several finds only the cases holding them all),
    // in the body of a POST: never in a URL, where access logs record it.
    expect(searches(calls).map((c) => [c.method, c.path, c.body])).toEqual(
      expect.arrayContaining([
        ['POST', '/v1/search', { q: NIK }],
        ['POST', '/v1/search', { q: PHONE }],
        ['POST', '/v1/search', { q: EMAIL }],
        ['POST', '/v1/search', { q: PHONE, cursor: 'p2' }],
      ]),
    );
    expect(searches(calls)).toHaveLength(4);
    for (const c of calls)
      for (const id of [NIK, PHONE, EMAIL, encodeURIComponent(PHONE), encodeURIComponent(EMAIL)])
        expect(c.path).not.toContain(id);
  });

  it('says so when the complainant has no other complaint', async () => {
    openAs(
      { ...kase, complainant: { name: 'Siti Aminah', phone: PHONE } },
      'setneg',
      'Asia/Jakarta',
      {
        [PHONE]: { '': { items: [SELF], nextCursor: null } },
      },
    );
    const section = await screen.findByRole('region', { name: HEADING });
    expect(await within(section).findByText('Tidak ada pengaduan lain.')).toBeTruthy();
  });

  it("is not on an agency's case page, which asks no such search", async () => {
    const forwarded = { ...kase, status: 'forwarded' };
    const calls = openAs(forwarded, 'polri');
    // The agency reads the phone (the identity is not hidden), as it is dialled.
    await screen.findByText('0812-3456-7890');
    await settled(calls);
    expect(searches(calls)).toEqual([]);
    expect(screen.queryByRole('region', { name: HEADING })).toBeNull();
  });

  it('says nothing and asks nothing for an anonymous complaint', async () => {
    for (const complainant of [null, { name: 'Anonim' }]) {
      const calls = openAs({ ...kase, complainant });
      await settled(calls);
      expect(searches(calls)).toEqual([]);
      expect(screen.queryByRole('region', { name: HEADING })).toBeNull();
      cleanup();
    }
  });
});
