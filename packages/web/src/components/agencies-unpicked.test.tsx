/**
 * An agency named in the picker by typing, never picked from its list, is not dropped: the form
 * does not send, and says at the field (naming it) to pick from the list or clear the field.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import type { Schemas } from '../api/client';
import { AgencyNamesProvider } from './agencies';
import { AssignmentActions } from './assignment-actions';

const assignment = {
  caseId: 'C1',
  agencyId: 'pemprov-bali',
  state: 'pending',
  paused: false,
  generation: 1,
  timeZone: 'Asia/Makassar',
  due: { acknowledge: '2026-03-18T15:59:00.000Z', followUp: '2026-04-17T15:59:00.000Z' },
  met: { acknowledge: null, followUp: null },
} as unknown as Schemas['Assignment'];

const names = [
  { id: 'kementerian-pu', name: 'Kementerian Pekerjaan Umum' },
  { id: 'pemprov-bali', name: 'Pemerintah Provinsi Bali' },
];

function redirectForm() {
  const calls = mockApi((call) =>
    call.path === '/v1/agency-names'
      ? json(200, { items: names })
      : call.method === 'POST'
        ? json(200, { ...assignment, state: 'redirected' })
        : json(200, {}),
  );
  renderWith(
    <AgencyNamesProvider user="u1">
      <AssignmentActions caseId="C1" assignment={assignment} central={false} onChange={() => {}} />
    </AgencyNamesProvider>,
    { as: { agency: 'pemprov-bali', role: 'agency_officer' } },
  );
  const summary = screen.getByText('Bukan kewenangan kami', { selector: 'summary, summary *' });
  return { calls, summary, form: within(summary.closest('details')!) };
}

const posts = (calls: { method: string; body: unknown }[]) =>
  calls.filter((c) => c.method === 'POST').map((c) => c.body as Record<string, unknown>);

describe('"not ours" with the authority typed but not picked', () => {
  it('is not sent; the field says to pick from the list or clear it', async () => {
    const { calls, summary, form } = redirectForm();
    await userEvent.click(summary);
    await userEvent.type(form.getByLabelText(/^Alasan/), 'Jalan nasional.');
    const picker = form.getByRole('combobox');
    await userEvent.type(picker, 'Balai Besar Jalan Nasional');
    await userEvent.tab();
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    const sentence =
      'Instansi yang berwenang: pilih instansi dari daftar, atau kosongkan kolom ini.';
    await waitFor(() => expect(form.getAllByText(sentence).length).toBeGreaterThan(0));
    expect(picker.getAttribute('aria-invalid')).toBe('true');
    expect(posts(calls)).toEqual([]);
    // Cleared: sent without a suggestion, as the officer now means.
    await userEvent.clear(picker);
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    // "Not ours" ends the assignment: sent on the confirmation's own button.
    await userEvent.click(form.getByRole('button', { name: 'Ya, kembalikan penugasan' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).not.toHaveProperty('suggestedAgencyId');
  });

  it('picked from the list: sent with that agency', async () => {
    const { calls, summary, form } = redirectForm();
    await userEvent.click(summary);
    await userEvent.type(form.getByLabelText(/^Alasan/), 'Jalan nasional.');
    await userEvent.type(form.getByRole('combobox'), 'pekerjaan');
    await userEvent.click(await form.findByRole('option', { name: /Pekerjaan Umum/ }));
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    // "Not ours" ends the assignment: sent on the confirmation's own button.
    await userEvent.click(form.getByRole('button', { name: 'Ya, kembalikan penugasan' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toMatchObject({ suggestedAgencyId: 'kementerian-pu' });
  });
});
