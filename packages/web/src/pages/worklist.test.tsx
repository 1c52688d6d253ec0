/**
 * Central's worklist (/assignments) on the desk's lists (audit: a central officer chasing forty
 * agencies): opened from a desk card on its filter (newly overdue, due within n working days,
 * awaiting a re-forward), it asks the API for that list and says which list it is; and the list
 * as filtered downloads as Excel or CSV, with the session's token, never one in the URL.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { type Call, json, mockApi, renderWith } from '../../test/render';
import Worklist from './worklist';

const CENTRAL = { agency: 'setneg', role: 'central_officer' as const };

/** One overdue assignment, as `GET /v1/assignments` lists it. */
const row = {
  caseId: 'c1',
  agencyId: 'polri',
  subject: 'Pungli di samsat',
  agendaNumber: '12/DUMAS/III/2026',
  state: 'pending',
  forwardedAt: '2026-03-02T03:00:00.000Z',
  due: {
    acknowledge: '2026-03-05T16:59:59.999Z',
    followUp: '2026-03-16T16:59:59.999Z',
    resolution: '2026-04-27T16:59:59.999Z',
  },
  met: { acknowledge: null, followUp: null, resolution: null },
  overdue: { acknowledge: true, followUp: false, resolution: false },
  escalationLevel: 1,
  timeZone: 'Asia/Jakarta',
  nextDueWorkingDaysLeft: null,
  nextDueWorkingDaysLate: 3,
};

/** The worklist's answer, and what the page asks besides (the clock, the agencies' names). */
function worklistApi(
  answer: (call: Call) => Response | ReturnType<typeof json> = () =>
    json(200, { items: [row], nextCursor: null, total: 1 }),
) {
  return mockApi((call) => {
    if (call.path.startsWith('/v1/assignments'))
      return json(200, { items: [row], nextCursor: null, total: 1 });
    if (call.path.startsWith('/v1/exports/')) return answer(call);
    if (call.path.startsWith('/v1/clock')) return json(200, { now: '2026-03-10T03:00:00.000Z' });
    return json(200, { items: [] });
  });
}

/** The query of each worklist read. */
const worklistReads = (calls: Call[]) =>
  calls
    .filter((c) => c.path.startsWith('/v1/assignments?'))
    .map((c) => Object.fromEntries(new URLSearchParams(c.path.split('?')[1])));

describe('the worklist opened on a desk card’s list', () => {
  it('asks for the newly overdue, says so, and shows every assignment once cleared', async () => {
    const calls = worklistApi();
    const view = renderWith(<Worklist />, { as: CENTRAL, path: '/assignments?newlyOverdue=1' });
    await waitFor(() => expect(worklistReads(calls)).toHaveLength(1));
    expect(worklistReads(calls)[0]).toMatchObject({ newlyOverdue: 'true' });
    const said = await screen.findByText('Lewat tenggat sejak hari kerja sebelumnya.');
    expect(said.closest('[role="status"]')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tampilkan semua penugasan' }));
    await waitFor(() => expect(worklistReads(calls)).toHaveLength(2));
    expect(worklistReads(calls)[1]).not.toHaveProperty('newlyOverdue');
    expect(screen.queryByText('Lewat tenggat sejak hari kerja sebelumnya.')).toBeNull();
    expect(view.location()).not.toContain('newlyOverdue');
  });

  it('asks for those due within two working days, and for the redirected awaiting a re-forward', async () => {
    const calls = worklistApi();
    const first = renderWith(<Worklist />, { as: CENTRAL, path: '/assignments?dueWithin=2' });
    await screen.findByText('Tenggat dalam 2 hari kerja, belum lewat.');
    expect(worklistReads(calls)[0]).toMatchObject({ dueWithin: '2' });
    first.unmount();
    renderWith(<Worklist />, { as: CENTRAL, path: '/assignments?awaitingReforward=1' });
    await screen.findByText('Bukan kewenangan, menunggu penerusan ulang.');
    expect(worklistReads(calls).at(-1)).toMatchObject({ awaitingReforward: 'true' });
  });

  it('says newly overdue on one target as one list, as the API filters it and the file says it', async () => {
    const calls = worklistApi();
    renderWith(<Worklist />, {
      as: CENTRAL,
      path: '/assignments?newlyOverdue=1&target=acknowledge',
    });
    await screen.findByText('Lewat tenggat konfirmasi penerimaan sejak hari kerja sebelumnya.');
    expect(worklistReads(calls)[0]).toMatchObject({
      newlyOverdue: 'true',
      target: 'acknowledge',
      overdue: 'true',
    });
    expect(screen.queryByText('Lewat tenggat sejak hari kerja sebelumnya.')).toBeNull();
  });

  it('drops the desk’s list that a filter then chosen contradicts, and stops saying it', async () => {
    const calls = worklistApi();
    const view = renderWith(<Worklist />, { as: CENTRAL, path: '/assignments?dueWithin=2' });
    await screen.findByText('Tenggat dalam 2 hari kerja, belum lewat.');
    // "Overdue only" and "due within 2 working days, not yet overdue" hold no assignment
    // together (the API refuses the pair): the officer's new choice is the list.
    await userEvent.click(screen.getByLabelText('Hanya yang lewat tenggat'));
    await waitFor(() => expect(worklistReads(calls)).toHaveLength(2));
    expect(worklistReads(calls)[1]).toEqual({ overdue: 'true', total: 'true' });
    expect(screen.queryByText('Tenggat dalam 2 hari kerja, belum lewat.')).toBeNull();
    expect(view.location()).not.toContain('dueWithin');
  });

  it('keeps the desk’s list beside a filter that narrows it', async () => {
    const calls = worklistApi();
    renderWith(<Worklist />, { as: CENTRAL, path: '/assignments?newlyOverdue=1' });
    await screen.findByText('Lewat tenggat sejak hari kerja sebelumnya.');
    await userEvent.click(screen.getByLabelText('Hanya yang lewat tenggat'));
    await waitFor(() => expect(worklistReads(calls)).toHaveLength(2));
    expect(worklistReads(calls)[1]).toMatchObject({ newlyOverdue: 'true', overdue: 'true' });
    expect(screen.getByText('Lewat tenggat sejak hari kerja sebelumnya.')).toBeTruthy();
  });

  it('ignores a filter the URL gets wrong rather than asking for it', async () => {
    const calls = worklistApi();
    renderWith(<Worklist />, { as: CENTRAL, path: '/assignments?dueWithin=abc' });
    await waitFor(() => expect(worklistReads(calls)).toHaveLength(1));
    expect(worklistReads(calls)[0]).not.toHaveProperty('dueWithin');
  });
});

describe('the worklist downloaded', () => {
  it('downloads the list as filtered, as Excel or CSV, with the token in a header', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    const calls = worklistApi(
      () =>
        new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
          headers: {
            'content-disposition':
              'attachment; filename="penugasan-polri-lewat-tenggat-baru-2026-03-10.xlsx"',
          },
        }),
    );
    renderWith(<Worklist />, {
      as: CENTRAL,
      path: '/assignments?agency=polri&overdue=1&newlyOverdue=1',
    });
    await screen.findByText('Pungli di samsat');
    await userEvent.click(screen.getByRole('button', { name: 'Unduh Excel' }));
    await waitFor(() =>
      expect(saved).toEqual(['penugasan-polri-lewat-tenggat-baru-2026-03-10.xlsx']),
    );
    const asked = calls.find((c) => c.path.startsWith('/v1/exports/assignments.xlsx?'))!;
    const query = Object.fromEntries(new URLSearchParams(asked.path.split('?')[1]));
    // The list's own filters, all pages: no cursor, no page size, no token.
    expect(query).toEqual({ agencyId: 'polri', overdue: 'true', newlyOverdue: 'true' });
    expect(asked.headers.get('authorization')).toMatch(/^Bearer /);

    await userEvent.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    await waitFor(() =>
      expect(calls.some((c) => c.path.startsWith('/v1/exports/assignments.csv?'))).toBe(true),
    );
    const csv = calls.find((c) => c.path.startsWith('/v1/exports/assignments.csv?'))!;
    expect(Object.fromEntries(new URLSearchParams(csv.path.split('?')[1]))).toEqual(query);
    click.mockRestore();
  });

  it('says what to do when the list is too long for one file', async () => {
    worklistApi(() =>
      json(422, {
        type: 'about:blank',
        title: 'Unprocessable Content',
        status: 422,
        code: 'limit_exceeded',
        detail: 'the worklist holds more assignments than one file can carry',
        requestId: 'r-1',
      }),
    );
    renderWith(<Worklist />, { as: CENTRAL, path: '/assignments' });
    await screen.findByText('Pungli di samsat');
    await userEvent.click(screen.getByRole('button', { name: 'Unduh Excel' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Daftar ini memuat terlalu banyak penugasan untuk satu berkas.',
    );
  });
});
