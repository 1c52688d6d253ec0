/**
 * Central's activity forms on a page left open while a colleague acted (audit "activities"): a
 * new date, a report or a cancellation is sent on the activity's `version` the page showed, and
 * the API's refusals are said for the activity, not the complaint's status. And the plan's
 * picker does not offer an agency whose part in the case ended as one handling it.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { activityOf } from '../../test/fixtures';
import { ACTIVITY_AGENCY_PART_ENDED } from '@pantau/core/schemas';
import type { Schemas } from '../api/client';
import { AgencyNamesProvider } from './agencies';
import { CaseActions } from './case-actions';

const NAMES = {
  items: [
    { id: 'polri', name: 'Kepolisian Negara Republik Indonesia' },
    { id: 'pln', name: 'PT PLN (Persero)' },
  ],
};
const assignment = (agencyId: string, state: string) => ({
  agencyId,
  state,
  forwardedAt: '2026-05-04T03:00:00.000Z',
  redirect: null,
});
const kase = {
  id: 'C1',
  status: 'in_follow_up',
  identityHidden: false,
  // Polri was withdrawn (its part ended); PLN works on it.
  assignments: [assignment('polri', 'withdrawn'), assignment('pln', 'acknowledged')],
  extensionRequests: [],
  activities: [
    activityOf({
      id: 'A1',
      caseId: 'C1',
      kind: 'case_conference',
      scheduledAt: '2026-03-25T03:00:00.000Z',
      participants: ['Kabid Propam'],
      version: 4,
    }),
  ],
} as unknown as Schemas['Case'];

const problem = (code: string) =>
  json(409, { type: 'about:blank', title: 'Conflict', status: 409, code, detail: 'x' });

const render = (onChange = () => {}) =>
  renderWith(
    <AgencyNamesProvider user="u1">
      <CaseActions kase={kase} onChange={onChange} />
    </AgencyNamesProvider>,
    { as: { agency: 'setneg', role: 'central_officer' } },
  );

const formOf = async (title: string) => {
  const summary = await screen.findByText(title, { selector: 'summary, summary *' });
  const details = summary.closest('details')!;
  if (!details.open) await userEvent.click(summary);
  return within(details);
};

const answer = (post: (path: string) => ReturnType<typeof json>) =>
  mockApi((call) =>
    call.path === '/v1/agency-names'
      ? json(200, NAMES)
      : call.method === 'POST'
        ? post(call.path)
        : json(200, { items: [], nextCursor: null }),
  );

describe('an activity changed by a colleague since the page was shown', () => {
  it('a new date goes on the version shown; refused (409), it says so and loads the latest', async () => {
    const calls = answer(() => problem('version_conflict'));
    const onChange = vi.fn();
    render(onChange);
    const form = await formOf('Ubah jadwal: Gelar kasus');
    await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    await form.findByText(/Petugas lain baru saja mengubah kegiatan ini/);
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ version: 4 });
    await userEvent.click(form.getByRole('button', { name: 'Muat versi terbaru' }));
    expect(onChange).toHaveBeenCalled();
  });

  it('a report and a cancellation go on the version shown, and say the same when refused', async () => {
    const calls = answer(() => problem('version_conflict'));
    render();
    const report = await formOf('Laporkan: Gelar kasus');
    fireEvent.change(report.getByLabelText(/^Dilaksanakan pada/), {
      target: { value: '2026-03-02T10:00' },
    });
    await userEvent.type(report.getByLabelText(/^Hasil/), 'Sepakat');
    await userEvent.type(report.getByLabelText(/^Ringkasan/), 'Para pihak hadir.');
    await userEvent.click(report.getByRole('button', { name: 'Simpan' }));
    await report.findByText(/Petugas lain baru saja mengubah kegiatan ini/);
    const cancel = await formOf('Batalkan: Gelar kasus');
    await userEvent.type(cancel.getByLabelText(/^Alasan pembatalan/), 'Dijadwalkan dua kali');
    await userEvent.click(cancel.getByRole('button', { name: 'Batalkan kegiatan' }));
    await cancel.findByText(/Petugas lain baru saja mengubah kegiatan ini/);
    expect(
      calls.filter((c) => c.method === 'POST').map((c) => (c.body as { version?: number }).version),
    ).toEqual([4, 4]);
  });

  it('a cancellation without its reason is refused at the field, in words, and sends nothing', async () => {
    const calls = answer(() => json(200, {}));
    render();
    const cancel = await formOf('Batalkan: Gelar kasus');
    await userEvent.click(cancel.getByRole('button', { name: 'Batalkan kegiatan' }));
    expect((await cancel.findAllByText('Alasan pembatalan wajib diisi.')).length).toBeGreaterThan(
      0,
    );
    expect(cancel.getByLabelText(/^Alasan pembatalan/).getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('already reported or cancelled (409 invalid_transition): said of the activity, not the complaint’s status', async () => {
    answer(() => problem('invalid_transition'));
    render();
    const cancel = await formOf('Batalkan: Gelar kasus');
    await userEvent.type(cancel.getByLabelText(/^Alasan pembatalan/), 'Dijadwalkan dua kali');
    await userEvent.click(cancel.getByRole('button', { name: 'Batalkan kegiatan' }));
    await cancel.findByText(/Kegiatan ini sudah dilaporkan atau dibatalkan petugas lain/);
    expect(cancel.queryByText(/status pengaduan sekarang/)).toBeNull();
  });
});

describe('planning with an agency whose part in the case ended', () => {
  it('is not offered as handling the complaint; refused, the sentence says why', async () => {
    answer(() =>
      json(400, {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'validation_failed',
        detail: 'the request is not valid',
        errors: [{ path: 'agencyIds.1', message: ACTIVITY_AGENCY_PART_ENDED }],
      }),
    );
    render();
    const form = await formOf('Rencanakan kegiatan pemantauan');
    await userEvent.type(form.getByRole('combobox', { name: /Tambah instansi/ }), 'Kepolisian');
    const polri = await form.findByRole('option', { name: /^Kepolisian Negara/ });
    expect(polri.textContent).toBe('Kepolisian Negara Republik Indonesia');
    await userEvent.click(polri);
    await userEvent.selectOptions(form.getByLabelText(/^Jenis kegiatan/), 'mediation');
    await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    const said = await form.findAllByText(/tidak lagi menangani pengaduan ini/);
    expect(said.length).toBeGreaterThan(0);
    await waitFor(() => expect(form.queryByText(/its part in this case/)).toBeNull());
  });
});
