import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jobOf } from '../../test/fixtures';
import { mockApi, renderWith } from '../../test/render';
import { JobProgress } from './job-progress';

const AS = { as: { agency: 'setneg', role: 'central_admin' as const }, path: '/admin/calendar' };
const at = '2026-03-16T03:00:00.000Z';
const job = jobOf;

describe('the progress of a re-arming job', () => {
  it('follows the job until it ends, then stops asking', async () => {
    const answers = [
      job({ state: 'running', total: 240, done: 100 }),
      job({
        state: 'completed',
        total: 240,
        done: 239,
        failed: 1,
        moved: 200,
        finishedAt: at,
        failures: [{ caseId: 'C1', agencyId: 'polri', code: 'internal', message: 'x', at }],
      }),
    ];
    const calls = mockApi((call) =>
      call.path === '/v1/clock'
        ? { status: 200, body: { now: new Date().toISOString() } }
        : { status: 200, body: answers.shift() ?? answers.at(-1) },
    );
    renderWith(<JobProgress job={job({})} />, AS);
    expect(screen.getByRole('status').textContent).toMatch(/Mendata penugasan/);
    expect(
      await screen.findByText(
        'Selesai: 240 penugasan diproses, 200 bergeser tenggatnya, 1 gagal.',
        {},
        { timeout: 3000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText('1 penugasan gagal dihitung ulang')).toBeTruthy();
    // Which one, by a link and the agency (by name where the directory has it), why in a
    // sentence: never the case's internal id before the reader.
    const failure = screen.getByText('1 penugasan gagal dihitung ulang').closest('details')!;
    const item = failure.querySelector('li')!;
    expect(item.querySelector('a')?.getAttribute('href')).toBe('/cases/C1');
    expect(item.querySelector('a')?.textContent).toBe('Buka pengaduan');
    expect(item.textContent).toContain('polri · Buka pengaduan: tenggatnya belum dihitung ulang;');
    expect(item.textContent).not.toMatch(/^C1|C1 ·/);
    const polls = () => calls.filter((c) => c.path.startsWith('/v1/jobs/'));
    const asked = polls().length;
    expect(polls().every((c) => c.path === '/v1/jobs/01JQ0000000000000000000000')).toBe(true);
    await new Promise((done) => setTimeout(done, 1500));
    expect(polls().length).toBe(asked);
  });

  it('says the list of failures is only the first of them when more failed', async () => {
    mockApi(() => ({ status: 500, body: {} }));
    // The API keeps the first 100 failures; `failed` counts them all.
    const failures = Array.from({ length: 100 }, (_, i) => ({
      caseId: `C${i}`,
      agencyId: 'polri',
      code: 'internal',
      message: 'x',
      at,
    }));
    renderWith(
      <JobProgress
        job={job({ state: 'failed', total: 400, done: 150, failed: 250, finishedAt: at, failures })}
      />,
      AS,
    );
    const list = screen.getByText('250 penugasan gagal dihitung ulang').closest('details')!;
    expect(list.querySelectorAll(':scope > ul > li')).toHaveLength(100);
    expect(list.textContent).toContain('Ditampilkan 100 pertama dari 250.');
  });

  it('says nothing of the kind when every failure is listed', () => {
    mockApi(() => ({ status: 500, body: {} }));
    const failures = [{ caseId: 'C1', agencyId: 'polri', code: 'internal', message: 'x', at }];
    renderWith(
      <JobProgress
        job={job({ state: 'completed', total: 10, done: 9, failed: 1, finishedAt: at, failures })}
      />,
      AS,
    );
    const list = screen.getByText('1 penugasan gagal dihitung ulang').closest('details')!;
    expect(list.textContent).not.toContain('Ditampilkan');
  });

  it('tells a moved unit’s give-backs as such, not as deadlines recomputed', () => {
    mockApi(() => ({ status: 500, body: {} }));
    const scope = { kind: 'member' as const, memberId: 'kanwil-ntb', focalPointId: null };
    const failures = [{ caseId: 'C1', agencyId: 'atr-bpn', code: 'internal', message: 'x', at }];
    renderWith(
      <JobProgress
        job={job({
          kind: 'member',
          scope,
          state: 'completed',
          total: 40,
          done: 39,
          failed: 1,
          moved: 39,
          finishedAt: at,
          failures,
        })}
      />,
      AS,
    );
    expect(screen.getByRole('status').textContent).toBe(
      'Selesai: 39 penugasan dikembalikan ke instansi koordinator yang ditinggalkan, 1 gagal.',
    );
    const list = screen.getByText('1 penugasan gagal dikembalikan').closest('details')!;
    expect(list.textContent).toContain('belum dikembalikan ke instansi koordinator');
    expect(list.textContent).not.toMatch(/tenggat/);
  });

  it('carries on a job that stopped, and follows the one that carries it on to its end', async () => {
    const stopped = job({ state: 'failed', total: 300, done: 120, finishedAt: at });
    const carrying = job({ id: '01JQ0000000000000000000001', state: 'running', total: 300 });
    const done = { ...carrying, state: 'completed' as const, done: 300, moved: 180 };
    const calls = mockApi((call) =>
      call.path === '/v1/clock'
        ? { status: 200, body: { now: new Date().toISOString() } }
        : call.method === 'POST'
          ? { status: 202, body: carrying }
          : { status: 200, body: call.path.endsWith('01') ? done : stopped },
    );
    renderWith(<JobProgress job={stopped} />, AS);
    expect(screen.getByRole('status').textContent).toBe(
      'Terhenti setelah 120 dari 300 penugasan (0 gagal). Tekan “Lanjutkan” untuk meneruskannya.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Lanjutkan' }));
    expect(calls.find((c) => c.method === 'POST')?.path).toBe(
      '/v1/jobs/01JQ0000000000000000000000/retry',
    );
    expect(
      await screen.findByText(
        'Selesai: 300 penugasan diproses, 180 bergeser tenggatnya, 0 gagal.',
        {},
        { timeout: 3000 },
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lanjutkan' })).toBeNull();
  });

  it('offers to process again what a completed job could not re-arm', async () => {
    const again = job({ id: '01JQ0000000000000000000001', state: 'completed', total: 10 });
    const calls = mockApi((call) =>
      call.path === '/v1/clock'
        ? { status: 200, body: { now: new Date().toISOString() } }
        : { status: 202, body: { ...again, done: 10, moved: 1 } },
    );
    const failures = [{ caseId: 'C1', agencyId: 'polri', code: 'internal', message: 'x', at }];
    renderWith(
      <JobProgress
        job={job({ state: 'completed', total: 10, done: 9, failed: 1, finishedAt: at, failures })}
      />,
      AS,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Proses ulang yang gagal' }));
    expect(
      await screen.findByText('Selesai: 10 penugasan diproses, 1 bergeser tenggatnya, 0 gagal.'),
    ).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('offers to carry on a job whose record has not moved for a quarter of an hour', async () => {
    // The API's clock: 20 minutes after the job's last move.
    const last = '2026-03-16T03:00:00.000Z';
    const stuck = job({ state: 'running', total: 300, done: 120, updatedAt: last });
    const carrying = job({ id: '01JQ0000000000000000000001', state: 'listing' });
    const calls = mockApi((call) =>
      call.path === '/v1/clock'
        ? { status: 200, body: { now: '2026-03-16T03:20:00.000Z' } }
        : call.method === 'POST'
          ? { status: 202, body: carrying }
          : { status: 200, body: call.path.endsWith('01') ? carrying : stuck },
    );
    renderWith(<JobProgress job={stuck} />, AS);
    expect(
      await screen.findByText(/^Tidak ada kemajuan sejak 16 Mar 2026, 10\.00 WIB/),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Lanjutkan' }));
    expect(calls.find((c) => c.method === 'POST')?.path).toBe(
      '/v1/jobs/01JQ0000000000000000000000/retry',
    );
    expect(await screen.findByText(/^Mendata penugasan/)).toBeTruthy();
  });
});
