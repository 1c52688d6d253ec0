import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { AgencyNamesProvider } from '../components/agencies';
import Queue from './queue';
import Worklist from './worklist';

const unavailable = json(503, {
  type: 'about:blank',
  title: 'Service unavailable',
  status: 503,
  code: 'service_unavailable',
  detail: 'x',
  requestId: 'r1',
});

/** The list's answer (`list`), and what the page asks besides (the clock, the agency, names). */
const answering = (prefix: string, list: () => ReturnType<typeof json> | Promise<never>) =>
  mockApi((call) => {
    if (call.path.startsWith(prefix)) return list();
    if (call.path.startsWith('/v1/clock')) return json(200, { now: new Date().toISOString() });
    return json(200, { id: 'polri', name: 'Polri', timeZone: 'Asia/Jakarta', items: [] });
  });

const AGENCY = { as: { agency: 'polri', role: 'agency_officer' as const }, path: '/queue' };
const CENTRAL = {
  as: { agency: 'setneg', role: 'central_officer' as const },
  path: '/assignments',
};

describe('an empty list is said only once it is known to be empty', () => {
  it('the queue says nothing of “no data” while its first page loads', async () => {
    const calls = answering('/v1/queue', () => new Promise<never>(() => {}));
    renderWith(<Queue />, AGENCY);
    await waitFor(() => expect(calls.some((c) => c.path.startsWith('/v1/queue'))).toBe(true));
    expect(screen.queryByText('Tidak ada data.')).toBeNull();
    expect(screen.getByText('Memuat…')).toBeTruthy();
  });

  it('the queue that failed to load says why, not that it is empty', async () => {
    answering('/v1/queue', () => unavailable);
    renderWith(<Queue />, AGENCY);
    await screen.findByRole('alert');
    expect(screen.queryByText('Tidak ada data.')).toBeNull();
  });

  it('the queue answered empty says so', async () => {
    answering('/v1/queue', () => json(200, { items: [], nextCursor: null, total: 0 }));
    renderWith(<Queue />, AGENCY);
    await screen.findByText('Tidak ada data.');
  });

  it('the worklist likewise, while loading and after a failure', async () => {
    let fail = false;
    const calls = answering('/v1/assignments', () =>
      fail ? unavailable : new Promise<never>(() => {}),
    );
    const view = renderWith(<Worklist />, CENTRAL);
    await waitFor(() => expect(calls.some((c) => c.path.startsWith('/v1/assignments'))).toBe(true));
    expect(screen.queryByText('Tidak ada data.')).toBeNull();
    view.unmount();
    fail = true;
    renderWith(<Worklist />, CENTRAL);
    await screen.findByRole('alert');
    expect(screen.queryByText('Tidak ada data.')).toBeNull();
  });
});

describe('a coordinator’s “member units” choice', () => {
  /** The agencies as the API lists them: `members` under polri, none under the others. */
  const withMembers = (members: string[]) =>
    mockApi((call) => {
      if (call.path.startsWith('/v1/queue'))
        return json(200, { items: [], nextCursor: null, total: 0 });
      if (call.path.startsWith('/v1/clock')) return json(200, { now: new Date().toISOString() });
      if (call.path.startsWith('/v1/agencies?'))
        return json(200, {
          items: [
            { id: 'polri', name: 'Polri', timeZone: 'Asia/Jakarta' },
            ...members.map((id) => ({
              id,
              name: `Polda ${id}`,
              timeZone: 'Asia/Jakarta',
              focalPointId: 'polri',
            })),
          ],
          nextCursor: null,
        });
      return json(200, { id: 'polri', name: 'Polri', timeZone: 'Asia/Jakarta', items: [] });
    });
  const COORDINATOR = {
    as: { agency: 'polri', role: 'agency_coordinator' as const },
    path: '/queue',
  };

  it('is offered to the coordinator of a focal point with member units', async () => {
    withMembers(['polda-bali']);
    renderWith(<Queue />, COORDINATOR);
    await screen.findByLabelText('Termasuk unit anggota');
  });

  it('is not offered where there is no member unit (ticking it would change nothing)', async () => {
    withMembers([]);
    renderWith(<Queue />, COORDINATOR);
    await screen.findByText('Tidak ada data.');
    expect(screen.queryByLabelText('Termasuk unit anggota')).toBeNull();
  });
});

describe('a coordinator’s queue by the member unit holding each case', () => {
  /** Polri's units as the API lists them, by code; by name, Polda Bali comes first. */
  const units = [
    { id: 'polda-a', name: 'Polda Sumatera Utara' },
    { id: 'polda-b', name: 'Polda Bali' },
  ];
  const api = (members: typeof units) =>
    mockApi((call) => {
      if (call.path.startsWith('/v1/queue'))
        return json(200, { items: [], nextCursor: null, total: 0 });
      if (call.path.startsWith('/v1/clock')) return json(200, { now: new Date().toISOString() });
      if (call.path === '/v1/agency-names')
        return json(200, { items: [{ id: 'polri', name: 'Polri' }, ...members] });
      if (call.path.startsWith('/v1/agencies?'))
        return json(200, {
          items: [
            { id: 'polri', name: 'Polri', timeZone: 'Asia/Jakarta' },
            ...members.map((m) => ({ ...m, timeZone: 'Asia/Jakarta', focalPointId: 'polri' })),
          ],
          nextCursor: null,
        });
      return json(200, { id: 'polri', name: 'Polri', timeZone: 'Asia/Jakarta', items: [] });
    });
  const render = (role: 'agency_coordinator' | 'agency_officer' = 'agency_coordinator') =>
    renderWith(
      <AgencyNamesProvider user="u1">
        <Queue />
      </AgencyNamesProvider>,
      { as: { agency: 'polri', role }, path: '/queue' },
    );
  const queueCalls = (calls: { path: string }[]) =>
    calls.filter((c) => c.path.startsWith('/v1/queue')).map((c) => new URL(c.path, 'http://x'));

  it('offers all, none yet, and each unit by name; the choice is the query and the URL', async () => {
    const calls = api(units);
    const view = render();
    const select = await screen.findByLabelText('Dipegang unit');
    await within(select).findByRole('option', { name: 'Polda Bali' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Semua', 'Belum didelegasikan', 'Polda Bali', 'Polda Sumatera Utara']);
    expect(queueCalls(calls).every((u) => !u.searchParams.has('delegatedTo'))).toBe(true);

    await userEvent.selectOptions(select, 'Belum didelegasikan');
    await waitFor(() =>
      expect(queueCalls(calls).at(-1)!.searchParams.get('delegatedTo')).toBe('none'),
    );
    expect(view.location()).toContain('delegatedTo=none');

    await userEvent.selectOptions(select, 'Polda Bali');
    await waitFor(() =>
      expect(queueCalls(calls).at(-1)!.searchParams.get('delegatedTo')).toBe('polda-b'),
    );
    // The focal point's own queue: its member units' own cases are held by no one it chose.
    expect(queueCalls(calls).at(-1)!.searchParams.get('scope')).toBe('own');
    expect(screen.queryByLabelText('Termasuk unit anggota')).toBeNull();

    await userEvent.selectOptions(select, 'Semua');
    await waitFor(() =>
      expect(queueCalls(calls).at(-1)!.searchParams.has('delegatedTo')).toBe(false),
    );
    await screen.findByLabelText('Termasuk unit anggota');
  });

  it('is not offered without member units, nor to an officer', async () => {
    api([]);
    const view = render();
    await screen.findByText('Tidak ada data.');
    expect(screen.queryByLabelText('Dipegang unit')).toBeNull();
    view.unmount();
    api(units);
    render('agency_officer');
    await screen.findByText('Tidak ada data.');
    expect(screen.queryByLabelText('Dipegang unit')).toBeNull();
  });
});

describe('a row whose case was closed or reopened', () => {
  const assignment = (caseId: string, state: string, caseNotice: unknown) => ({
    caseId,
    agencyId: 'pemprov-bali',
    subject: `Pengaduan ${caseId}`,
    state,
    instructions: null,
    forwardedAt: '2026-05-04T03:00:00.000Z',
    clock: { basis: 'fresh', from: '2026-05-04T03:00:00.000Z', inheritedFrom: null },
    timeZone: 'Asia/Makassar',
    delegatedTo: null,
    due: {
      acknowledge: '2026-05-07T15:59:59.999Z',
      followUp: '2026-05-11T15:59:59.999Z',
      resolution: '2026-05-22T15:59:59.999Z',
    },
    met: { acknowledge: null, followUp: null, resolution: null },
    overdue: { acknowledge: false, followUp: false, resolution: false },
    nextDueAt: state === 'pending' ? '2026-05-07T15:59:59.999Z' : null,
    escalationLevel: 0,
    monitoring: false,
    paused: false,
    pausedSince: null,
    generation: state === 'pending' ? 2 : 1,
    redirect: null,
    calendarWarnings: [],
    createdAt: '2026-05-04T03:00:00.000Z',
    updatedAt: '2026-05-10T16:30:00.000Z',
    version: 3,
    caseNotice,
  });
  // 16.30 UTC on 10 May: 11 May 00.30 in WITA, the reader's zone (still 10 May in WIB).
  const AT = '2026-05-10T16:30:00.000Z';
  const BALI = { as: { agency: 'pemprov-bali', role: 'agency_officer' as const }, path: '/queue' };

  it('says who closed it, when (the reader’s zone) and how, or that the complainant reopened it', async () => {
    mockApi((call) => {
      if (call.path.startsWith('/v1/queue'))
        return json(200, {
          items: [
            assignment('c-again', 'pending', {
              code: 'reopened_unsatisfied',
              at: AT,
              outcome: null,
            }),
            assignment('c-closed', 'withdrawn', {
              code: 'closed_by_central',
              at: AT,
              outcome: 'unresolved',
            }),
            assignment('c-satisfied', 'completed', {
              code: 'closed_satisfied',
              at: AT,
              outcome: 'resolved',
            }),
            assignment('c-silent', 'completed', {
              code: 'closed_unanswered',
              at: AT,
              outcome: 'resolved',
            }),
            assignment('c-plain', 'acknowledged', null),
          ],
          nextCursor: null,
          total: 5,
        });
      if (call.path.startsWith('/v1/clock')) return json(200, { now: '2026-05-12T03:00:00.000Z' });
      return json(200, {
        id: 'pemprov-bali',
        name: 'Pemprov Bali',
        timeZone: 'Asia/Makassar',
        items: [],
      });
    });
    renderWith(<Queue />, BALI);
    // (Polled: the reader's zone comes with its agency, read beside the queue.)
    const row = (subject: string) =>
      screen.queryByRole('link', { name: subject })?.closest('tr')?.textContent ?? '';
    await expect
      .poll(() => row('Pengaduan c-closed'))
      .toContain(
        'Ditutup oleh Asdep Pengaduan Masyarakat pada 11 Mei 2026, 00.30 WITA sebagai “Tidak terselesaikan”',
      );
    expect(row('Pengaduan c-again')).toContain(
      'Dibuka kembali pada 11 Mei 2026, 00.30 WITA: pengadu belum puas',
    );
    expect(row('Pengaduan c-satisfied')).toContain(
      'Ditutup pada 11 Mei 2026, 00.30 WITA: pengadu menyatakan puas',
    );
    expect(row('Pengaduan c-silent')).toContain(
      'Ditutup pada 11 Mei 2026, 00.30 WITA: pengadu tidak menanggapi sampai batas tanggapannya berakhir',
    );
    const plain = row('Pengaduan c-plain');
    expect(plain).not.toContain('Ditutup');
    expect(plain).not.toContain('Dibuka kembali');
  });

  it('offers the ended ones, withdrawn by a close too, behind the toggle', async () => {
    answering('/v1/queue', () => json(200, { items: [], nextCursor: null, total: 0 }));
    renderWith(<Queue />, AGENCY);
    await screen.findByLabelText('Termasuk yang tuntas, dialihkan dan ditarik');
  });
});
