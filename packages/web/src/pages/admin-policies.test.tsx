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
