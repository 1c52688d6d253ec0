import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
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
