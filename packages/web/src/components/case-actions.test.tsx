import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import type { Schemas } from '../api/client';
import { CaseActions } from './case-actions';

const kase = { id: 'C1', status: 'forwarded', assignments: [] } as unknown as Schemas['Case'];

describe('planning an activity', () => {
  it('clears the time on screen with the form: the next plan sends what it shows', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(201, { id: 'A1' }) : json(200, { items: [] }),
    );
    renderWith(<CaseActions kase={kase} events={[]} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    await userEvent.click(
      screen.getByText('Rencanakan kegiatan pemantauan', { selector: 'summary, summary *' }),
    );
    const form = within(
      screen
        .getByText('Rencanakan kegiatan pemantauan', { selector: 'summary, summary *' })
        .closest('details')!,
    );
    const plan = async (when?: string) => {
      await userEvent.selectOptions(form.getByLabelText(/^Jenis kegiatan/), 'clarification');
      if (when) fireEvent.change(form.getByLabelText(/^Jadwal/), { target: { value: when } });
      await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    };
    await plan('2026-08-20T09:00');
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({
      scheduledAt: '2026-08-20T09:00:00+07:00',
    });
    // Planned: the form starts afresh, and so does the time field it shows.
    await waitFor(() =>
      expect((form.getByLabelText(/^Jadwal/) as HTMLInputElement).value).toBe(''),
    );
    await plan();
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'POST')[1]!.body).not.toHaveProperty('scheduledAt');
  });
});
