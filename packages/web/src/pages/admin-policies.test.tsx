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
  it('names each step as people read it, by its action and number, never by its code', async () => {
    mockApi(() => json(200, { items: [POLICY], nextCursor: null }));
    renderWith(<Policies />, { as: { agency: 'setneg', role: 'central_admin' } });
    const fieldset = (await screen.findByText('Tahapan eskalasi', { selector: 'legend' })).closest(
      'fieldset',
    )!;
    const ladder = within(fieldset);
    const titles = () =>
      ladder.getAllByText(/^Langkah \d/, { selector: 'legend' }).map((l) => l.textContent);
    expect(titles()).toEqual([
      'Langkah 1 — Peringatan dini',
      'Langkah 2 — Surat pengingat I',
      'Langkah 3 — Surat penegasan',
    ]);
    // The identifiers the API keeps are nowhere to read: not as text, not in a field.
    for (const code of ['warning', 'reminder_1', 'formal_warning']) {
      expect(fieldset.textContent).not.toContain(code);
      expect(ladder.queryByDisplayValue(code)).toBeNull();
    }
    expect(ladder.queryByLabelText(/^Nama langkah/)).toBeNull();
    // A step added is titled by what it does, and follows its action as it changes.
    await userEvent.click(ladder.getByRole('button', { name: 'Tambah langkah' }));
    expect(titles()[3]).toBe('Langkah 4 — Surat pengingat II');
    const added = within(ladder.getByText(/^Langkah 4/).closest('fieldset')!);
    await userEvent.selectOptions(added.getByLabelText(/^Tindakan/), 'formal_warning');
    expect(titles()[3]).toBe('Langkah 4 — Surat penegasan 2');
  });

  it('names a step added after its action and place, unique, and keeps the names saved', async () => {
    // A policy saved with a name that is not its action's (a reminder renamed by hand once).
    const saved = {
      ...POLICY,
      ladder: [
        step('reminder_1', 0, 'due', 'reminder'),
        step('reminder_2', 5, 'previous', 'formal_warning'),
      ],
    };
    const calls = mockApi((call) =>
      call.method === 'PUT'
        ? json(202, { policy: saved, job: jobOf() })
        : call.path.startsWith('/v1/jobs/')
          ? json(200, jobOf())
          : json(200, { items: [saved], nextCursor: null }),
    );
    renderWith(<Policies />, { as: { agency: 'setneg', role: 'central_admin' } });
    const ladder = within(
      (await screen.findByText('Tahapan eskalasi', { selector: 'legend' })).closest('fieldset')!,
    );
    await userEvent.click(ladder.getByRole('button', { name: 'Tambah langkah' }));
    await userEvent.click(ladder.getByRole('button', { name: 'Tambah langkah' }));
    const fourth = within(ladder.getByText(/^Langkah 4/).closest('fieldset')!);
    await userEvent.selectOptions(fourth.getByLabelText(/^Tindakan/), 'central_intervention');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const sent = calls.find((c) => c.method === 'PUT')!.body as typeof POLICY;
    expect(sent.ladder.map((s) => [s.name, s.action])).toEqual([
      ['reminder_1', 'reminder'],
      ['reminder_2', 'formal_warning'],
      // The second reminder's name is taken by the saved step: the next one free.
      ['reminder_3', 'reminder'],
      ['central_intervention', 'central_intervention'],
    ]);
  });

  it('keeps what a saved step does, and says how to have another action', async () => {
    // The ladder writes a step once per episode by its name: a saved reminder turned into a
    // warning under its name would not be sent where the reminder was (the API refuses it).
    mockApi(() => json(200, { items: [POLICY], nextCursor: null }));
    renderWith(<Policies />, { as: { agency: 'setneg', role: 'central_admin' } });
    const ladder = within(
      (await screen.findByText('Tahapan eskalasi', { selector: 'legend' })).closest('fieldset')!,
    );
    const actionOf = (n: number) =>
      within(
        ladder.getByText(new RegExp(`^Langkah ${n}`)).closest('fieldset')!,
      ).getByLabelText<HTMLSelectElement>(/^Tindakan/);
    const described = (control: HTMLElement) =>
      (control.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' ');
    expect(actionOf(2).disabled).toBe(true);
    expect(described(actionOf(2))).toBe(
      'Langkah yang sudah disimpan tetap melakukan tindakan ini. Untuk tindakan lain, hapus langkah ini lalu tambahkan langkah baru.',
    );
    // A step added is the admin's to choose until it is saved.
    await userEvent.click(ladder.getByRole('button', { name: 'Tambah langkah' }));
    expect(actionOf(4).disabled).toBe(false);
    await userEvent.selectOptions(actionOf(4), 'formal_warning');
    expect(actionOf(4).value).toBe('formal_warning');
  });

  it('takes a step added at the end, and loses one removed', async () => {
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
