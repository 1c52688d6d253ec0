/**
 * The queue's bulk acknowledgement by keyboard and on a phone (audit s24, F3 and F4): focus goes
 * to what the run did, never to <body>; "select all" is a visible control beside the button,
 * not a checkbox in the table's header (clipped away on a phone, yet focusable).
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../api/client';
import { json, mockApi, renderWith } from '../../test/render';
import Queue from '../pages/queue';

afterEach(() => vi.restoreAllMocks());

const pending = (i: number): Schemas['Assignment'] => ({
  caseId: `c${i}`,
  agencyId: 'polri',
  subject: `Pungutan liar pembuatan SIM ${i}`,
  state: 'pending',
  instructions: null,
  forwardedAt: '2026-03-16T03:00:00.000Z',
  clock: { basis: 'fresh', from: '2026-03-16T03:00:00.000Z', inheritedFrom: null },
  timeZone: 'Asia/Jakarta',
  delegatedTo: null,
  delegatedAt: null,
  due: {
    acknowledge: '2099-03-23T16:59:59.999Z',
    followUp: '2099-03-30T16:59:59.999Z',
    resolution: '2099-04-20T16:59:59.999Z',
  },
  met: { acknowledge: null, followUp: null, resolution: null },
  acknowledgedBy: null,
  overdue: { acknowledge: false, followUp: false, resolution: false },
  nextDueAt: '2099-03-23T16:59:59.999Z',
  escalationLevel: 0,
  monitoring: false,
  paused: false,
  pausedSince: null,
  generation: 1,
  redirect: null,
  calendarWarnings: [],
  createdAt: '2026-03-16T03:00:00.000Z',
  updatedAt: '2026-03-16T03:00:00.000Z',
  version: 1,
});

/** The queue with `n` pending rows; `acknowledge` answers each row's request. */
function queueOf(n: number, acknowledge: (caseId: string) => ReturnType<typeof json>) {
  const acked = new Set<string>();
  mockApi((call) => {
    if (call.path.startsWith('/v1/queue'))
      return json(200, {
        items: Array.from({ length: n }, (_, i) => pending(i + 1)).map((a) =>
          acked.has(a.caseId) ? { ...a, state: 'acknowledged' } : a,
        ),
        nextCursor: null,
        total: n,
      });
    const ack = /\/v1\/cases\/(\w+)\/assignments\/polri\/acknowledge/.exec(call.path);
    if (ack) {
      const answer = acknowledge(ack[1]!);
      if (answer.status === 200) acked.add(ack[1]!);
      return answer;
    }
    if (call.path.startsWith('/v1/clock')) return json(200, { now: new Date().toISOString() });
    return json(200, { id: 'polri', name: 'Polri', timeZone: 'Asia/Jakarta', items: [] });
  });
  renderWith(<Queue />, { as: { agency: 'polri', role: 'agency_officer' }, path: '/queue' });
}

const selectAll = 'Pilih semua yang ditampilkan dan menunggu konfirmasi penerimaan';

describe('after a run of “Konfirmasi penerimaan yang dipilih”', () => {
  it('focus is on what was done, not on <body>, though the button is gone', async () => {
    queueOf(1, () => json(200, {}));
    await userEvent.click(await screen.findByLabelText('Pilih: Pungutan liar pembuatan SIM 1'));
    screen.getByRole('button', { name: 'Konfirmasi penerimaan yang dipilih (1)' }).focus();
    await userEvent.keyboard('{Enter}');
    const done = await screen.findByText('1 penugasan dikonfirmasi diterima.');
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /Konfirmasi penerimaan/ })).toBeNull(),
    );
    const active = document.activeElement!;
    expect(active).not.toBe(document.body);
    expect(active.contains(done)).toBe(true);
  });

  it('focus is on the alert naming what failed when something did', async () => {
    queueOf(2, (id) =>
      id === 'c2'
        ? json(503, { type: 'about:blank', title: 'Unavailable', status: 503 })
        : json(200, {}),
    );
    await userEvent.click(await screen.findByLabelText(selectAll));
    screen.getByRole('button', { name: 'Konfirmasi penerimaan yang dipilih (2)' }).focus();
    await userEvent.keyboard('{Enter}');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/Pungutan liar pembuatan SIM 2/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(alert));
  });
});

describe('“select all” on the queue', () => {
  it('is a labelled checkbox beside the button, outside the table (whose header a phone hides)', async () => {
    queueOf(3, () => json(200, {}));
    const all = await screen.findByLabelText(selectAll);
    expect(all.closest('table')).toBeNull();
    expect(all.closest('.bulk-actions')).not.toBeNull();
    // Its words are on the screen, not only in an aria-label.
    expect(all.closest('label')?.textContent).toContain('Pilih semua');
    await userEvent.click(all);
    for (const i of [1, 2, 3])
      expect(
        (screen.getByLabelText(`Pilih: Pungutan liar pembuatan SIM ${i}`) as HTMLInputElement)
          .checked,
      ).toBe(true);
    expect(
      screen.getByRole('button', { name: 'Konfirmasi penerimaan yang dipilih (3)' }),
    ).toBeTruthy();
    await userEvent.click(all);
    expect(
      screen.getByRole('button', { name: 'Konfirmasi penerimaan yang dipilih (0)' }),
    ).toBeTruthy();
    // No second, hidden copy in the table's header.
    expect(screen.getAllByLabelText(selectAll)).toHaveLength(1);
  });
});

describe('picked rows a colleague or central moved on meanwhile', () => {
  it('the queue is read again; how many were acknowledged, and which could not be and why, by subject, in sentences', async () => {
    // c1 still pending; c2 acknowledged by a colleague since (the API answers 200 again: it is
    // acknowledged); c3 withdrawn by central since (409 invalid_transition).
    const state: Record<string, Schemas['Assignment']['state']> = {
      c1: 'pending',
      c2: 'acknowledged',
      c3: 'withdrawn',
    };
    let shownBefore = true;
    const calls = mockApi((call) => {
      if (call.path.startsWith('/v1/queue'))
        return json(200, {
          items: [1, 2, 3].map((i) => ({
            ...pending(i),
            state: shownBefore ? 'pending' : state[`c${i}`],
          })),
          nextCursor: null,
          total: 3,
        });
      const ack = /\/v1\/cases\/(\w+)\/assignments\/polri\/acknowledge/.exec(call.path);
      if (ack) {
        shownBefore = false;
        if (state[ack[1]!] === 'withdrawn')
          return json(409, {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'invalid_transition',
            detail: 'an assignment that is withdrawn cannot be acknowledged',
            requestId: 'r3',
          });
        state[ack[1]!] = 'acknowledged';
        return json(200, {});
      }
      if (call.path.startsWith('/v1/clock')) return json(200, { now: new Date().toISOString() });
      return json(200, { id: 'polri', name: 'Polri', timeZone: 'Asia/Jakarta', items: [] });
    });
    renderWith(<Queue />, { as: { agency: 'polri', role: 'agency_officer' }, path: '/queue' });
    await userEvent.click(await screen.findByLabelText(selectAll));
    await userEvent.click(
      screen.getByRole('button', { name: 'Konfirmasi penerimaan yang dipilih (3)' }),
    );
    await screen.findByText('2 penugasan dikonfirmasi diterima.');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('1 penugasan tidak dikonfirmasi');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Pungutan liar pembuatan SIM 3: tidak dapat dikonfirmasi lagi karena penugasan ini sudah ditarik atau dialihkan.',
    ]);
    expect(alert.textContent).not.toMatch(/invalid_transition|c3|Muat ulang/);
    // Read again: nothing left waiting, no checkbox on a row that cannot be acknowledged.
    await waitFor(() =>
      expect(calls.filter((c) => c.path.startsWith('/v1/queue')).length).toBeGreaterThan(1),
    );
    await waitFor(() => expect(screen.queryByLabelText(/^Pilih: /)).toBeNull());
    expect(within(screen.getByRole('table')).getByText('Ditarik')).toBeTruthy();
  });
});

describe('a refused row named as the queue names its case', () => {
  it('by agenda number and subject (one without a subject by its agenda number), and a 404 worded for the officer, not the tenancy sentence', async () => {
    // c1 withdrawn since (409); c2, without a subject, re-forwarded to another agency since: no
    // longer this agency's, the API's 404.
    const rows = [
      { ...pending(1), agendaNumber: '0012/DUMAS/III/2026' },
      { ...pending(2), subject: null, agendaNumber: '0013/DUMAS/III/2026' },
    ];
    mockApi((call) => {
      if (call.path.startsWith('/v1/queue'))
        return json(200, { items: rows, nextCursor: null, total: 2 });
      const ack = /\/v1\/cases\/(\w+)\/assignments\/polri\/acknowledge/.exec(call.path);
      if (ack?.[1] === 'c1')
        return json(409, {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'invalid_transition',
          detail: 'an assignment that is withdrawn cannot be acknowledged',
          requestId: 'r3',
        });
      if (ack)
        return json(404, {
          type: 'about:blank',
          title: 'Not Found',
          status: 404,
          code: 'not_found',
          detail: 'case c2 not found',
          requestId: 'r4',
        });
      if (call.path.startsWith('/v1/clock')) return json(200, { now: new Date().toISOString() });
      return json(200, { id: 'polri', name: 'Polri', timeZone: 'Asia/Jakarta', items: [] });
    });
    renderWith(<Queue />, { as: { agency: 'polri', role: 'agency_officer' }, path: '/queue' });
    await userEvent.click(await screen.findByLabelText(selectAll));
    await userEvent.click(
      screen.getByRole('button', { name: 'Konfirmasi penerimaan yang dipilih (2)' }),
    );
    const alert = await screen.findByRole('alert');
    const items = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(items[0]).toBe(
      'Nomor agenda 0012/DUMAS/III/2026, “Pungutan liar pembuatan SIM 1”: tidak dapat dikonfirmasi lagi karena penugasan ini sudah ditarik atau dialihkan.',
    );
    expect(items[1]).toMatch(/^Pengaduan nomor agenda 0013\/DUMAS\/III\/2026 \(tanpa perihal\): /);
    expect(items[1]).toContain('sudah tidak ada pada instansi Anda');
    expect(alert.textContent).not.toMatch(/bukan milik instansi Anda|Pengaduan tanpa perihal/);
    // Neither stays chosen: neither can be acknowledged by trying again.
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Konfirmasi penerimaan yang dipilih (0)' }),
      ).toBeTruthy(),
    );
  });
});
