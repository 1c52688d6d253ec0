import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { jobOf } from '../../test/fixtures';
import Policies from './admin-policies';

const step = (name: string, offsetWorkingDays: number, relativeTo: string, action: string) => ({
  name,
  offsetWorkingDays,
  relativeTo,
  action,
  recipients: ['agency'],
  cc: [],
});
const POLICY = {
  id: 'default',
  verificationWorkingDays: 3,
  acknowledgeWorkingDays: 3,
  followUpWorkingDays: 5,
  resolutionWorkingDays: { light: 5, normative: 14, examination: 60 },
  replyWindowWorkingDays: 10,
  calendarId: 'id',
  ladder: [
    step('warning', -2, 'due', 'warning'),
    step('reminder_1', 0, 'due', 'reminder'),
    step('formal_warning', 5, 'previous', 'formal_warning'),
  ],
  reforwardClock: 'fresh',
  minimumSample: 5,
  version: 4,
  updatedAt: null,
};

describe('the escalation ladder an admin edits', () => {
  it('takes a step added at the end and named, and loses one removed', async () => {
    const calls = mockApi((call) =>
      call.method === 'PUT'
        ? json(202, { policy: POLICY, job: jobOf() })
        : call.path.startsWith('/v1/jobs/')
          ? json(200, jobOf())
          : json(200, { items: [POLICY], nextCursor: null }),
    );
    renderWith(<Policies />, { as: { agency: 'setneg', role: 'central_admin' } });
    const ladder = within(
      (await screen.findByText('Tahapan eskalasi', { selector: 'legend' })).closest('fieldset')!,
    );
    // A second formal warning, five working days after the first.
    await userEvent.click(ladder.getByRole('button', { name: 'Tambah langkah' }));
    const added = within(ladder.getByText(/^Langkah 4/).closest('fieldset')!);
    fireEvent.change(added.getByLabelText(/^Nama langkah/), {
      target: { value: 'formal_warning_2' },
    });
    await userEvent.selectOptions(added.getByLabelText(/^Tindakan/), 'formal_warning');
    // The warning before the deadline is dropped.
    await userEvent.click(ladder.getByRole('button', { name: 'Hapus langkah 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const sent = calls.find((c) => c.method === 'PUT')!.body as typeof POLICY;
    expect(sent.ladder.map((s) => [s.name, s.action, s.relativeTo, s.offsetWorkingDays])).toEqual([
      ['reminder_1', 'reminder', 'due', 0],
      ['formal_warning', 'formal_warning', 'previous', 5],
      ['formal_warning_2', 'formal_warning', 'previous', 5],
    ]);
  });
});

describe('two admins editing one policy', () => {
  it('saves on the version loaded; another admin’s save since is said, and loaded on request', async () => {
    let stored: typeof POLICY = POLICY;
    const calls = mockApi((call) =>
      call.method === 'PUT'
        ? json(409, {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'version_conflict',
            detail: 'policy default was saved since version 4 (now 5): read it again',
            requestId: 'r1',
          })
        : json(200, { items: [stored], nextCursor: null }),
    );
    renderWith(<Policies />, { as: { agency: 'setneg', role: 'central_admin' } });
    await screen.findByText('Tahapan eskalasi', { selector: 'legend' });
    // Meanwhile another admin saves the policy (version 5).
    stored = { ...POLICY, acknowledgeWorkingDays: 4, version: 5 };
    fireEvent.change(screen.getByLabelText(/^Tindak lanjut/), { target: { value: '6' } });
    await userEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({
      followUpWorkingDays: 6,
      version: 4,
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Admin lain telah menyimpan Kebijakan standar sementara Anda mengubahnya',
    );
    // Nothing reloaded behind the admin's back: their values stay until they ask.
    expect(screen.getByLabelText<HTMLInputElement>(/^Tindak lanjut/).value).toBe('6');
    await userEvent.click(screen.getByRole('button', { name: 'Muat versi terbaru' }));
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>(/^Konfirmasi penerimaan/).value).toBe('4'),
    );
    expect(screen.getByLabelText<HTMLInputElement>(/^Tindak lanjut/).value).toBe('5');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
