import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { activityOf } from '../../test/fixtures';
import { ACTIVITY_AGENCY_NOT_ON_CASE } from '@pantau/core/schemas';
import type { Schemas } from '../api/client';
import { ActionResultProvider } from './action-form';
import { AgencyNamesProvider } from './agencies';
import { CaseActions } from './case-actions';

const kase = {
  id: 'C1',
  status: 'forwarded',
  assignments: [],
  activities: [],
  extensionRequests: [],
} as unknown as Schemas['Case'];

/** The agencies' names, as `GET /v1/agency-names` answers them. */
const AGENCY_NAMES = {
  items: [
    { id: 'polri', name: 'Kepolisian Negara Republik Indonesia' },
    { id: 'pln', name: 'PT PLN (Persero)' },
    { id: 'kanwil-bpn-jatim', name: 'Kantor Wilayah BPN Jawa Timur' },
  ],
};

/** The case's actions as the case page shows them: agencies by name, a page-level result line. */
const renderCase = (kase: Schemas['Case']) =>
  renderWith(
    <AgencyNamesProvider user="u1">
      <ActionResultProvider>
        <CaseActions kase={kase} onChange={() => {}} />
      </ActionResultProvider>
    </AgencyNamesProvider>,
    { as: { agency: 'setneg', role: 'central_officer' } },
  );
const posts = <C extends { method: string }>(calls: C[]) =>
  calls.filter((c) => c.method === 'POST');

describe('planning an activity', () => {
  it('clears the time on screen with the form: the next plan sends what it shows', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(201, { id: 'A1' }) : json(200, { items: [] }),
    );
    renderWith(<CaseActions kase={kase} onChange={() => {}} />, {
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

  it('says the time typed in words, in the zone it is sent in: 03/04 is not left to the browser’s order', async () => {
    mockApi((call) =>
      call.path === '/v1/agencies/setneg'
        ? json(200, { id: 'setneg', name: 'Setneg', timeZone: 'Asia/Makassar' })
        : json(200, { items: [] }),
    );
    renderCase(kase);
    const summary = screen.getByText('Rencanakan kegiatan pemantauan', {
      selector: 'summary, summary *',
    });
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    const when = await form.findByLabelText(/^Jadwal \(WITA\)/);
    fireEvent.change(when, { target: { value: '2026-04-03T10:00' } });
    const words = form.getByText('Jumat, 3 April 2026, pukul 10.00 WITA');
    expect(when.getAttribute('aria-describedby')).toBe(words.id);
  });
});

describe('an activity on a case whose complainant’s identity is hidden', () => {
  it('reminds central the agencies taking part read its participants and plan', async () => {
    mockApi(() => json(200, { items: [] }));
    const open = (hidden: boolean) => {
      const view = renderWith(
        <CaseActions
          kase={{ ...kase, identityHidden: hidden } as Schemas['Case']}
          onChange={() => {}}
        />,
        { as: { agency: 'setneg', role: 'central_officer' } },
      );
      return within(
        view
          .getByText('Rencanakan kegiatan pemantauan', { selector: 'summary, summary *' })
          .closest('details')!,
      );
    };
    expect(open(true).getByRole('note').textContent).toContain('Jangan tuliskan nama');
    cleanup();
    expect(open(false).queryByRole('note')).toBeNull();
  });
});

describe('reporting an activity', () => {
  it('a missing time is named in the error summary, which links to its field', async () => {
    const calls = mockApi(() => json(200, { items: [] }));
    const planned = {
      id: 'A1',
      kind: 'clarification',
      status: 'planned',
      scheduledAt: null,
      agencyIds: [],
      participants: [],
      plan: null,
    } as unknown as Schemas['Activity'];
    renderWith(<CaseActions kase={{ ...kase, activities: [planned] }} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    const summary = screen.getByText('Laporkan: Klarifikasi', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    await userEvent.type(form.getByLabelText(/^Hasil/), 'Disepakati perbaikan jalan.');
    await userEvent.type(form.getByLabelText(/^Ringkasan/), 'Hadir Dinas PU dan warga.');
    await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    const time = form.getByLabelText(/^Dilaksanakan pada/);
    expect(time.getAttribute('aria-invalid')).toBe('true');
    // Named by its label, and a link to it, as every other field's error.
    const link = form.getByRole('link', { name: 'Dilaksanakan pada wajib diisi.' });
    expect(link.getAttribute('href')).toBe(`#${time.id}`);
    // The sentence at the field is tied to it.
    expect(document.getElementById(time.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Dilaksanakan pada wajib diisi.',
    );
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});

describe('verifying an e-mail whose complainant asked to stay unnamed', () => {
  it('hides the identity from the agencies when central ticks it, and has the mail restated for them before saving', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(200, { id: 'C1' }) : json(200, { items: [] }),
    );
    const received = {
      ...kase,
      status: 'received',
      channel: 'email',
      description: 'Petugas meminta uang tambahan. Hormat saya, Dewi Lestari, 0812 3456 7890',
      agencyDescription: null,
      identityHidden: false,
    } as unknown as Schemas['Case'];
    renderWith(<CaseActions kase={received} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'accept');
    await userEvent.selectOptions(form.getByLabelText(/^Jenis/), 'normative');
    const hide = form.getByLabelText(/Rahasiakan identitas pengadu dari instansi/);
    expect((hide as HTMLInputElement).checked).toBe(false);
    expect(form.queryByLabelText(/^Uraian untuk instansi/)).toBeNull();
    await userEvent.click(hide);
    // The mail's text, signature and all, is what the agencies would read: restate it first.
    const text = form.getByLabelText(/^Uraian untuk instansi/) as HTMLTextAreaElement;
    expect(text.value).toContain('Dewi Lestari');
    await userEvent.click(form.getByRole('button', { name: 'Terima' }));
    expect(
      await form.findAllByText(/Rumuskan uraian untuk instansi tanpa identitas pengadu/),
    ).not.toHaveLength(0);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await userEvent.clear(text);
    await userEvent.type(text, 'Petugas meminta uang tambahan.');
    await userEvent.click(form.getByRole('button', { name: 'Terima' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      decision: 'accept',
      type: 'normative',
      identityHidden: true,
      description: 'Petugas meminta uang tambahan.',
    });
  });

  it('offers no way to show an identity already hidden, and sends nothing about it unticked', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(200, { id: 'C1' }) : json(200, { items: [] }),
    );
    const hidden = {
      ...kase,
      status: 'received',
      identityHidden: true,
    } as unknown as Schemas['Case'];
    renderWith(<CaseActions kase={hidden} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    expect(form.queryByLabelText(/Rahasiakan identitas pengadu/)).toBeNull();
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'accept');
    await userEvent.selectOptions(form.getByLabelText(/^Jenis/), 'light');
    await userEvent.click(form.getByRole('button', { name: 'Terima' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')!.body).not.toHaveProperty('identityHidden');
  });
});

describe('a redirect the other agencies settle', () => {
  it('is offered to central as needing no re-forward, and settled through the withdraw request', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(200, { agencyId: 'pln' }) : json(200, { items: [] }),
    );
    const assignment = (agencyId: string, over: Record<string, unknown>) => ({
      agencyId,
      forwardedAt: '2026-05-04T03:00:00.000Z',
      redirect: null,
      ...over,
    });
    const shared = {
      ...kase,
      status: 'in_follow_up',
      assignments: [
        assignment('polri', { state: 'completed' }),
        assignment('pln', {
          state: 'redirected',
          redirect: {
            reason: 'Bukan wewenang PLN',
            suggestedAgencyId: null,
            at: '2026-05-05T03:00:00.000Z',
            settled: null,
          },
        }),
      ],
    } as unknown as Schemas['Case'];
    renderWith(<CaseActions kase={shared} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    const summary = screen.getByText(/Tidak perlu diteruskan ulang: /, {
      selector: 'summary, summary *',
    });
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    await userEvent.type(form.getByLabelText(/^Alasan/), 'Sudah diselesaikan Polri.');
    await userEvent.click(form.getByRole('button', { name: 'Tidak perlu diteruskan ulang' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/v1/cases/C1/assignments/pln/withdraw');
    expect(post.body).toEqual({ reason: 'Sudah diselesaikan Polri.' });
  });

  it('is not offered when no other agency has the case: it needs a forward', async () => {
    mockApi(() => json(200, { items: [] }));
    const alone = {
      ...kase,
      status: 'forwarded',
      assignments: [
        {
          agencyId: 'pln',
          forwardedAt: '2026-05-04T03:00:00.000Z',
          state: 'redirected',
          redirect: {
            reason: 'Bukan wewenang PLN',
            suggestedAgencyId: null,
            at: '2026-05-05T03:00:00.000Z',
            settled: null,
          },
        },
        // Withdrawn earlier: no longer on the case.
        {
          agencyId: 'polri',
          forwardedAt: '2026-05-04T03:00:00.000Z',
          state: 'withdrawn',
          redirect: null,
        },
      ],
    } as unknown as Schemas['Case'];
    renderWith(<CaseActions kase={alone} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    await screen.findByRole('region', { name: 'Tindakan pusat' });
    expect(screen.queryByText(/Tidak perlu diteruskan ulang: /)).toBeNull();
    expect(
      screen.getByText(
        /Tidak ada instansi lain pada pengaduan ini: teruskan ke instansi yang berwenang/,
      ),
    ).toBeTruthy();
  });
});

describe('planning an activity with the agencies taking part', () => {
  const NAMES = {
    items: [
      { id: 'polri', name: 'Kepolisian Negara Republik Indonesia' },
      { id: 'pln', name: 'PT PLN (Persero)' },
      { id: 'kanwil-bpn-jatim', name: 'Kantor Wilayah BPN Jawa Timur' },
      { id: 'setneg', name: 'Kementerian Sekretariat Negara' },
    ],
  };
  const assignment = (agencyId: string, state: string) => ({
    agencyId,
    state,
    forwardedAt: '2026-05-04T03:00:00.000Z',
    redirect: null,
  });
  const followed = {
    ...kase,
    status: 'in_follow_up',
    assignments: [
      assignment('polri', 'acknowledged'),
      assignment('pln', 'completed'),
      assignment('kanwil-bpn-jatim', 'pending'),
    ],
  } as unknown as Schemas['Case'];

  /** The case's actions with the agencies' names, the plan form opened: its fields. */
  const openPlan = async () => {
    renderWith(
      <AgencyNamesProvider user="u1">
        <CaseActions kase={followed} onChange={() => {}} />
      </AgencyNamesProvider>,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    const summary = screen.getByText('Rencanakan kegiatan pemantauan', {
      selector: 'summary, summary *',
    });
    await userEvent.click(summary);
    return within(summary.closest('details')!);
  };

  it('names the agencies with open assignments by default, lets central change them, and sends them with the participants', async () => {
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, NAMES);
      return call.method === 'POST' ? json(201, { id: 'A1' }) : json(200, { items: [] });
    });
    const form = await openPlan();
    // The agencies still working on it, by name: not the one whose assignment completed.
    const chosen = await form.findByRole('list', { name: 'Instansi yang terlibat' });
    await waitFor(() =>
      expect(
        within(chosen)
          .getAllByRole('listitem')
          .map((li) => li.querySelector('strong')!.textContent),
      ).toEqual(['Kepolisian Negara Republik Indonesia', 'Kantor Wilayah BPN Jawa Timur']),
    );
    await userEvent.click(
      form.getByRole('button', { name: 'Hapus Kantor Wilayah BPN Jawa Timur' }),
    );
    await userEvent.type(form.getByRole('combobox', { name: /Tambah instansi/ }), 'PLN');
    // The case's agencies come first, marked: PLN has the complaint (its assignment completed).
    const pln = form.getByRole('option', { name: /^PT PLN \(Persero\)/ });
    expect(pln.textContent).toBe('PT PLN (Persero)Menangani pengaduan ini');
    await userEvent.click(pln);
    await userEvent.selectOptions(form.getByLabelText(/^Jenis kegiatan/), 'mediation');
    await userEvent.type(
      form.getByLabelText(/^Peserta/),
      'Kapolres Jember{enter}  {enter}Kepala Desa Sukamaju {enter}',
    );
    await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      kind: 'mediation',
      agencyIds: ['polri', 'pln'],
      participants: ['Kapolres Jember', 'Kepala Desa Sukamaju'],
    });
  });

  it('names a participant too long by its line, and sends nothing', async () => {
    const calls = mockApi((call) =>
      call.path === '/v1/agency-names' ? json(200, NAMES) : json(200, { items: [] }),
    );
    const form = await openPlan();
    await userEvent.selectOptions(form.getByLabelText(/^Jenis kegiatan/), 'clarification');
    const field = form.getByLabelText(/^Peserta/);
    fireEvent.change(field, { target: { value: `Kapolres Jember\n${'x'.repeat(201)}` } });
    await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(form.getByRole('link', { name: /^Peserta ke-2/ }).getAttribute('href')).toBe(
      `#${field.id}`,
    );
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('says in a sentence, at the agency, why one that does not have the complaint is refused', async () => {
    mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, NAMES);
      if (call.method !== 'POST') return json(200, { items: [] });
      return json(400, {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'validation_failed',
        detail: 'the request is not valid',
        requestId: 'r1',
        errors: [{ path: 'agencyIds.0', message: ACTIVITY_AGENCY_NOT_ON_CASE }],
      });
    });
    const form = await openPlan();
    await userEvent.selectOptions(form.getByLabelText(/^Jenis kegiatan/), 'mediation');
    await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    const said = await form.findAllByText(/Instansi ini tidak menangani pengaduan ini/);
    expect(said.length).toBeGreaterThan(0);
    expect(form.queryByText(/not on this case/)).toBeNull();
  });
});

describe('restating the subject while verifying', () => {
  const received = {
    ...kase,
    status: 'received',
    subject: 'Budi Santoso: jalan desa rusak',
    identityHidden: false,
  } as unknown as Schemas['Case'];
  const verify = async (subject?: string) => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(200, { id: 'C1' }) : json(200, { items: [] }),
    );
    renderWith(<CaseActions kase={received} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    const field = form.getByLabelText(/^Perihal \(dirumuskan ulang\)/) as HTMLInputElement;
    // Prefilled with the subject as it is, said to be what the agencies read.
    expect(field.value).toBe('Budi Santoso: jalan desa rusak');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)!.textContent).toMatch(
      /instansi/i,
    );
    if (subject !== undefined) {
      await userEvent.clear(field);
      await userEvent.type(field, subject);
    }
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'accept');
    await userEvent.selectOptions(form.getByLabelText(/^Jenis/), 'light');
    await userEvent.click(form.getByRole('button', { name: 'Terima' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    return calls.find((c) => c.method === 'POST')!.body;
  };

  it('sends the subject central restated (the complainant’s name taken out)', async () => {
    expect(await verify('Jalan desa rusak')).toMatchObject({
      decision: 'accept',
      subject: 'Jalan desa rusak',
    });
  });

  it('sends no subject when it was left as it was', async () => {
    expect(await verify()).not.toHaveProperty('subject');
  });
});

describe('asking the complainant for what is missing', () => {
  /** The hint under "what is missing", and any warning shown with it, once needs_info is chosen. */
  const asked = async (over: Record<string, unknown>) => {
    mockApi(() => json(200, { items: [] }));
    const received = {
      ...kase,
      status: 'received',
      subject: 'Pungutan liar',
      identityHidden: false,
      confidential: false,
      // The phone as the API stores it (E.164).
      complainant: { name: 'Siti Rahmawati', phone: '+6281234567890', email: 'siti@contoh.id' },
      ...over,
    } as unknown as Schemas['Case'];
    renderWith(<CaseActions kase={received} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'needs_info');
    const field = form.getByLabelText(/^Yang perlu dilengkapi pengadu/);
    const hint = field
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)!.textContent)
      .join(' ');
    const warnings = form.queryAllByText(/tidak ada yang dapat memberi tahu pengadu/i);
    return { hint, warnings };
  };

  it('says the request is shown on the tracking page when the report is not confidential', async () => {
    const { hint, warnings } = await asked({});
    expect(hint).toMatch(/Ditampilkan kepada pengadu di halaman lacak/);
    expect(warnings).toHaveLength(0);
  });

  it('on a confidential report, says the tracking page does not show it, and gives the complainant’s contact to reach them by', async () => {
    const { hint, warnings } = await asked({ confidential: true });
    expect(hint).not.toMatch(/Ditampilkan kepada pengadu/);
    expect(hint).toMatch(/TIDAK ditampilkan di halaman lacak/);
    expect(hint).toContain('siti@contoh.id');
    // As an Indonesian officer dials it, not as stored.
    expect(hint).toContain('0812-3456-7890');
    expect(warnings).toHaveLength(0);
  });

  it('on a confidential anonymous report, warns that nobody can tell the complainant: accept or reject instead', async () => {
    const { hint, warnings } = await asked({ confidential: true, complainant: null });
    expect(hint).not.toMatch(/Ditampilkan kepada pengadu/);
    expect(hint).toMatch(/TIDAK ditampilkan di halaman lacak/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.textContent).toMatch(/[Tt]erima atau tolak/);
  });
});

describe('a closed case with an activity held and not yet reported', () => {
  it('still offers its report, and nothing else', async () => {
    mockApi(() => json(200, { items: [] }));
    const closedCase = {
      ...kase,
      status: 'closed',
      assignments: [],
      activities: [
        {
          id: 'A1',
          caseId: 'C1',
          kind: 'clarification',
          status: 'planned',
          scheduledAt: '2026-05-12T03:00:00.000Z',
          agencyIds: [],
          participants: [],
          plan: null,
          overdueToReport: true,
        },
      ],
    } as unknown as Schemas['Case'];
    renderWith(<CaseActions kase={closedCase} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    expect(screen.getByText(/^Laporkan:/, { selector: 'summary, summary *' })).toBeTruthy();
    expect(screen.queryByText(/^Tutup pengaduan/, { selector: 'summary, summary *' })).toBeNull();
    // Held already: no new date (a planned activity on a closed case would stay for ever).
    expect(
      screen.queryByText(/^(Jadwalkan|Ubah jadwal)/, { selector: 'summary, summary *' }),
    ).toBeNull();
    expect(screen.queryByText(/^Rencanakan/, { selector: 'summary, summary *' })).toBeNull();
  });
});

describe('moving a planned activity', () => {
  const planned = {
    id: 'A1',
    caseId: 'C1',
    kind: 'mediation',
    status: 'planned',
    scheduledAt: '2026-03-27T03:00:00.000Z',
    agencyIds: [],
    participants: ['Kapolres Jember', 'Kepala Desa Sukamaju'],
    plan: 'Tempat: Aula Kantor Bupati Jember.',
    overdueToReport: false,
  } as unknown as Schemas['Activity'];
  const openForm = async (zone = 'Asia/Jakarta') => {
    const calls = mockApi((call) => {
      if (call.path === '/v1/agencies/setneg')
        return json(200, { id: 'setneg', name: 'Setneg', timeZone: zone });
      return call.method === 'POST' ? json(200, planned) : json(200, { items: [] });
    });
    renderWith(<CaseActions kase={{ ...kase, activities: [planned] }} onChange={() => {}} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    const summary = screen.getByText('Ubah jadwal: Mediasi', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    return { calls, form: within(summary.closest('details')!) };
  };

  it('starts from its time in the reader’s zone, its participants and its plan, and sends them as changed', async () => {
    const { calls, form } = await openForm();
    const time = form.getByLabelText(/^Jadwal/) as HTMLInputElement;
    expect(time.value).toBe('2026-03-27T10:00');
    const people = form.getByLabelText(/^Peserta/) as HTMLTextAreaElement;
    expect(people.value).toBe('Kapolres Jember\nKepala Desa Sukamaju');
    expect((form.getByLabelText(/^Rencana/) as HTMLTextAreaElement).value).toBe(
      'Tempat: Aula Kantor Bupati Jember.',
    );
    fireEvent.change(time, { target: { value: '2026-03-30T13:00' } });
    fireEvent.change(people, { target: { value: 'Kapolres Jember\nCamat Sukamaju' } });
    await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/v1/cases/C1/activities/A1/schedule');
    expect(post.body).toEqual({
      scheduledAt: '2026-03-30T13:00:00+07:00',
      participants: ['Kapolres Jember', 'Camat Sukamaju'],
      plan: 'Tempat: Aula Kantor Bupati Jember.',
    });
  });

  it('sends no participants left when central removed them all', async () => {
    const { calls, form } = await openForm();
    fireEvent.change(form.getByLabelText(/^Peserta/), { target: { value: '' } });
    await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ participants: [] });
  });

  it('shows its time in WITA to a reader there', async () => {
    const { form } = await openForm('Asia/Makassar');
    await waitFor(() => expect(form.getByLabelText(/^Jadwal \(WITA\)/)).toBeTruthy());
    expect((form.getByLabelText(/^Jadwal/) as HTMLInputElement).value).toBe('2026-03-27T11:00');
  });
});

describe('closing a case with activities not yet held', () => {
  const NAMES = { items: [{ id: 'polri', name: 'Kepolisian Negara Republik Indonesia' }] };
  const activity = (over: Record<string, unknown>) =>
    ({
      caseId: 'C1',
      status: 'planned',
      scheduledAt: null,
      agencyIds: [],
      participants: [],
      plan: null,
      overdueToReport: false,
      ...over,
    }) as unknown as Schemas['Activity'];
  const closeForm = async (activities: Schemas['Activity'][]) => {
    mockApi((call) =>
      call.path === '/v1/agency-names' ? json(200, NAMES) : json(200, { items: [] }),
    );
    renderWith(
      <AgencyNamesProvider user="u1">
        <CaseActions kase={{ ...kase, activities }} onChange={() => {}} />
      </AgencyNamesProvider>,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    const summary = screen.getByText('Tutup pengaduan', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    return within(summary.closest('details')!);
  };

  it('names each one the close calls off, an undated plan too, and asks for a report of any held first', async () => {
    const form = await closeForm([
      // Proposed by the ladder: called off.
      activity({ id: 'A1', kind: 'clarification', status: 'proposed', agencyIds: ['polri'] }),
      // Held by phone, never given a date: called off (cancelled, no longer reportable).
      activity({ id: 'A2', kind: 'confirmation' }),
      // Still to come: called off.
      activity({ id: 'A3', kind: 'mediation', scheduledAt: '2026-04-02T02:00:00.000Z' }),
      // Its time has passed: held, it stays to be reported.
      activity({
        id: 'A4',
        kind: 'coordination',
        scheduledAt: '2026-03-02T02:00:00.000Z',
        overdueToReport: true,
      }),
      activity({ id: 'A5', kind: 'investigation', status: 'done' }),
      activity({ id: 'A6', kind: 'case_conference', status: 'cancelled' }),
    ]);
    const list = form.getByRole('list', { name: /dibatalkan/ });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual([
        'Klarifikasi dengan Kepolisian Negara Republik Indonesia · tanpa jadwal',
        'Konfirmasi · tanpa jadwal',
        'Mediasi · 2 Apr 2026, 09.00 WIB',
      ]),
    );
    const note = list.closest('[role="note"]')!;
    expect(note.textContent).toMatch(/sudah dilaksanakan.*laporkan/i);
    expect(note.textContent).toMatch(/tidak dapat (lagi )?dilaporkan/);
  });

  it('says the agencies invited by letter to one still to come get a letter calling it off', async () => {
    const form = await closeForm([
      activity({
        id: 'A3',
        kind: 'mediation',
        scheduledAt: '2026-04-02T02:00:00.000Z',
        agencyIds: ['polri'],
      }),
    ]);
    const note = form.getByRole('list', { name: /dibatalkan/ }).closest('[role="note"]')!;
    expect(note.textContent).toContain(
      'Instansi yang telah menerima surat undangan untuk kegiatan tersebut akan menerima surat pembatalan.',
    );
  });

  it('promises no letter when none of them was given a date with agencies', async () => {
    const form = await closeForm([
      activity({ id: 'A1', kind: 'clarification', status: 'proposed', agencyIds: ['polri'] }),
      activity({ id: 'A3', kind: 'mediation', scheduledAt: '2026-04-02T02:00:00.000Z' }),
    ]);
    const note = form.getByRole('list', { name: /dibatalkan/ }).closest('[role="note"]')!;
    expect(note.textContent).not.toContain('surat pembatalan');
  });

  it('says nothing of the kind when none would be called off', async () => {
    const form = await closeForm([
      activity({
        id: 'A4',
        kind: 'coordination',
        scheduledAt: '2026-03-02T02:00:00.000Z',
        overdueToReport: true,
      }),
      activity({ id: 'A5', kind: 'investigation', status: 'done' }),
    ]);
    expect(form.getByLabelText(/^Hasil akhir/)).toBeTruthy();
    expect(form.queryByRole('note')).toBeNull();
  });
});

describe('closing a case with agencies still working on it (audit s23 #1)', () => {
  const assignment = (agencyId: string, state: string, over: Record<string, unknown> = {}) => ({
    agencyId,
    state,
    forwardedAt: '2026-05-04T03:00:00.000Z',
    redirect: null,
    ...over,
  });
  const followed = {
    ...kase,
    status: 'in_follow_up',
    assignments: [
      assignment('polri', 'acknowledged'),
      assignment('kanwil-bpn-jatim', 'completed'),
      assignment('pln', 'pending'),
    ],
    extensionRequests: [
      {
        id: 'X1',
        agencyId: 'polri',
        workingDays: 5,
        reason: 'Menunggu hasil pemeriksaan Propam',
        requestedAt: '2026-05-06T03:00:00.000Z',
      },
    ],
  } as unknown as Schemas['Case'];
  const openClose = async (c: Schemas['Case'] = followed) => {
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, AGENCY_NAMES);
      return call.method === 'POST' ? json(200, { ...c, status: 'closed' }) : json(200, {});
    });
    renderCase(c);
    const summary = screen.getByText('Tutup pengaduan', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    return { calls, form: within(summary.closest('details')!) };
  };

  it('names, by agency, the open assignments the close withdraws and the extension request that lapses', async () => {
    const { form } = await openClose();
    const list = form.getByRole('list', { name: 'Penugasan yang akan ditarik' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual([
        'Kepolisian Negara Republik Indonesia: akan ditarik; pengingatnya berhenti. Permintaan perpanjangan 5 hari kerja gugur tanpa keputusan.',
        'PT PLN (Persero): akan ditarik; pengingatnya berhenti.',
      ]),
    );
    // Never an id; the agency that completed is not withdrawn.
    expect(list.textContent).not.toMatch(/polri|BPN/);
  });

  it('closing as resolved, says the agencies still open have not given a final answer', async () => {
    const { form } = await openClose();
    const noFinal =
      /Belum ada jawaban akhir dari Kepolisian Negara Republik Indonesia, PT PLN \(Persero\)/;
    expect(form.queryByText(noFinal)).toBeNull();
    await userEvent.selectOptions(form.getByLabelText(/^Hasil akhir/), 'resolved');
    await waitFor(() => expect(form.getByText(noFinal)).toBeTruthy());
    await userEvent.selectOptions(form.getByLabelText(/^Hasil akhir/), 'unresolved');
    expect(form.queryByText(noFinal)).toBeNull();
  });

  it('names a redirect still awaiting its re-forward, settled by the close', async () => {
    const { form } = await openClose({
      ...followed,
      assignments: [
        assignment('polri', 'acknowledged'),
        assignment('pln', 'redirected', {
          redirect: {
            reason: 'Bukan wewenang PLN',
            suggestedAgencyId: null,
            at: '2026-05-05T03:00:00.000Z',
            settled: null,
          },
        }),
      ],
    } as unknown as Schemas['Case']);
    await waitFor(() =>
      expect(
        form.getByText(/PT PLN \(Persero\): “bukan kewenangan kami” dianggap selesai/),
      ).toBeTruthy(),
    );
  });

  it('says nothing of withdrawals when no assignment is open', async () => {
    const { form } = await openClose({
      ...followed,
      assignments: [assignment('kanwil-bpn-jatim', 'completed')],
      extensionRequests: [],
    } as unknown as Schemas['Case']);
    expect(form.queryByRole('list', { name: 'Penugasan yang akan ditarik' })).toBeNull();
    expect(form.queryByText(/akan ditarik/)).toBeNull();
  });
});

describe('closing a resolved case while the complainant may still reply', () => {
  // Every agency answered: the complainant may rate the answers until 11 January, 23.59 WIB.
  const resolved = (replyWindowClosesAt: string | null) =>
    ({
      ...kase,
      status: 'resolved',
      replyWindowClosesAt,
      assignments: [
        {
          agencyId: 'polri',
          state: 'completed',
          forwardedAt: '2026-05-04T03:00:00.000Z',
          redirect: null,
        },
      ],
    }) as unknown as Schemas['Case'];
  const openClose = async (c: Schemas['Case']) => {
    mockApi((call) => (call.path === '/v1/agency-names' ? json(200, AGENCY_NAMES) : json(200, {})));
    renderCase(c);
    const summary = screen.getByText('Tutup pengaduan', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    return within(summary.closest('details')!);
  };

  it('says until when the complainant may reply, that closing ends it, and asks again saying so', async () => {
    const form = await openClose(resolved('2027-01-11T16:59:59.999Z'));
    const note = form.getByText(/Pengadu masih dapat menanggapi/);
    expect(note.textContent).toContain('11 Jan 2027, 23.59 WIB');
    expect(note.textContent).toContain('tidak dapat lagi menyatakan puas atau tidak puas');
    await userEvent.selectOptions(form.getByLabelText(/^Hasil akhir/), 'resolved');
    await userEvent.click(form.getByRole('button', { name: 'Tutup pengaduan' }));
    const confirm = form.getByRole('alertdialog');
    expect(confirm.textContent).toContain('masa tanggapan pengadu');
  });

  it('says nothing of it once the window has ended (or on a case not yet resolved)', async () => {
    const form = await openClose(resolved(null));
    expect(form.queryByText(/Pengadu masih dapat menanggapi/)).toBeNull();
    await userEvent.selectOptions(form.getByLabelText(/^Hasil akhir/), 'resolved');
    await userEvent.click(form.getByRole('button', { name: 'Tutup pengaduan' }));
    expect(form.getByRole('alertdialog').textContent).not.toContain('masa tanggapan pengadu');
  });
});

describe('irreversible actions ask first (audit s23 #4)', () => {
  const received = {
    ...kase,
    status: 'received',
    subject: 'Pungutan liar',
    identityHidden: false,
    confidential: false,
  } as unknown as Schemas['Case'];

  it('names the verification button after the decision chosen', async () => {
    mockApi(() => json(200, {}));
    renderCase(received);
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    const decision = form.getByLabelText(/^Keputusan/);
    await userEvent.selectOptions(decision, 'accept');
    expect(form.getByRole('button', { name: 'Terima' })).toBeTruthy();
    await userEvent.selectOptions(decision, 'needs_info');
    expect(form.getByRole('button', { name: 'Minta kelengkapan' })).toBeTruthy();
    await userEvent.selectOptions(decision, 'reject');
    expect(form.getByRole('button', { name: 'Tolak pengaduan' })).toBeTruthy();
  });

  it('rejecting sends nothing until the confirmation is clicked; cancelling keeps the text', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(200, { ...received, status: 'rejected' }) : json(200, {}),
    );
    renderCase(received);
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'reject');
    await userEvent.type(form.getByLabelText(/^Alasan untuk pengadu/), 'Bukan pelayanan publik.');
    await userEvent.click(form.getByRole('button', { name: 'Tolak pengaduan' }));
    const ask = form.getByRole('alertdialog');
    expect(ask.textContent).toMatch(/tidak dapat dibatalkan/);
    expect(document.activeElement).toBe(ask);
    expect(posts(calls)).toHaveLength(0);
    await userEvent.click(within(ask).getByRole('button', { name: 'Batal' }));
    expect(form.queryByRole('alertdialog')).toBeNull();
    expect((form.getByLabelText(/^Alasan untuk pengadu/) as HTMLTextAreaElement).value).toBe(
      'Bukan pelayanan publik.',
    );
    expect(posts(calls)).toHaveLength(0);
    await userEvent.click(form.getByRole('button', { name: 'Tolak pengaduan' }));
    await userEvent.click(form.getByRole('button', { name: 'Ya, tolak pengaduan' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toMatchObject({
      decision: 'reject',
      reason: 'Bukan pelayanan publik.',
    });
  });

  it('a rejection says why: without a reason nothing is asked or sent, the field says so', async () => {
    // The complainant reads the reason on the tracking page; a rejection is final.
    const calls = mockApi(() => json(200, {}));
    renderCase(received);
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'reject');
    await userEvent.click(form.getByRole('button', { name: 'Tolak pengaduan' }));
    expect(form.queryByRole('alertdialog')).toBeNull();
    const reason = form.getByLabelText(/^Alasan untuk pengadu/);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(form.getAllByText('Tuliskan alasan penolakan untuk pengadu.').length).toBeGreaterThan(0);
    expect(posts(calls)).toHaveLength(0);
    // Asking for what is missing without saying what: the field says what to write too.
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'needs_info');
    await userEvent.click(form.getByRole('button', { name: 'Minta kelengkapan' }));
    expect(form.getAllByText('Tuliskan apa yang perlu dikirim pengadu.').length).toBeGreaterThan(0);
    expect(form.queryByText(/tidak dapat diterima/)).toBeNull();
    expect(posts(calls)).toHaveLength(0);
  });

  it('accepting needs no confirmation', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(200, { ...received, status: 'verified' }) : json(200, {}),
    );
    renderCase(received);
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'accept');
    await userEvent.selectOptions(form.getByLabelText(/^Jenis/), 'light');
    await userEvent.click(form.getByRole('button', { name: 'Terima' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(form.queryByRole('alertdialog')).toBeNull();
  });

  it('closing sends nothing until the confirmation, which names the agencies withdrawn', async () => {
    const open = {
      ...kase,
      status: 'in_follow_up',
      assignments: [
        {
          agencyId: 'polri',
          state: 'acknowledged',
          forwardedAt: '2026-05-04T03:00:00.000Z',
          redirect: null,
        },
      ],
    } as unknown as Schemas['Case'];
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, AGENCY_NAMES);
      return call.method === 'POST'
        ? json(200, {
            ...open,
            status: 'closed',
            assignments: [{ ...open.assignments[0], state: 'withdrawn' }],
          })
        : json(200, {});
    });
    renderCase(open);
    const summary = screen.getByText('Tutup pengaduan', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    await userEvent.selectOptions(form.getByLabelText(/^Hasil akhir/), 'unresolved');
    await userEvent.click(form.getByRole('button', { name: 'Tutup pengaduan' }));
    const ask = form.getByRole('alertdialog');
    expect(ask.textContent).toMatch(/Tidak terselesaikan.*Kepolisian Negara Republik Indonesia/);
    expect(posts(calls)).toHaveLength(0);
    await userEvent.click(within(ask).getByRole('button', { name: 'Ya, tutup pengaduan' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.path).toBe('/v1/cases/C1/close');
    // What was done, said (audit s23 #7).
    await waitFor(() =>
      expect(screen.getAllByRole('status')[0]!.textContent).toMatch(
        /Ditutup sebagai “Tidak terselesaikan”; penugasan Kepolisian Negara Republik Indonesia ditarik/,
      ),
    );
  });
});

describe('the result line says what was decided (audit s23 #7)', () => {
  const received = {
    ...kase,
    status: 'received',
    subject: 'Pungutan liar',
    identityHidden: false,
    confidential: false,
  } as unknown as Schemas['Case'];
  const status = () => screen.getAllByRole('status')[0]!.textContent;

  it('after a verification: the decision', async () => {
    mockApi((call) =>
      call.method === 'POST' ? json(200, { ...received, status: 'needs_info' }) : json(200, {}),
    );
    renderCase(received);
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'needs_info');
    await userEvent.type(form.getByLabelText(/^Yang perlu dilengkapi/), 'Salinan KTP.');
    await userEvent.click(form.getByRole('button', { name: 'Minta kelengkapan' }));
    await waitFor(() =>
      expect(status()).toBe('Verifikasi dan klasifikasi: Pengadu diminta melengkapi pengaduannya.'),
    );
  });

  it('after a forward: the agencies, by name', async () => {
    const verified = { ...kase, status: 'verified' } as unknown as Schemas['Case'];
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, AGENCY_NAMES);
      return call.method === 'POST' ? json(201, { items: [] }) : json(200, {});
    });
    renderCase(verified);
    const summary = screen.getByText('Teruskan ke instansi', { selector: 'summary, summary *' });
    const form = within(summary.closest('details')!);
    for (const name of ['Kepolisian', 'PLN']) {
      await userEvent.type(form.getByRole('combobox', { name: /Cari dan tambah instansi/ }), name);
      await userEvent.click(await form.findByRole('option', { name: new RegExp(name) }));
    }
    await userEvent.click(form.getByRole('button', { name: 'Teruskan' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    await waitFor(() =>
      expect(status()).toBe(
        'Teruskan ke instansi: Diteruskan ke Kepolisian Negara Republik Indonesia, PT PLN (Persero).',
      ),
    );
  });
});

describe('central’s long texts survive an expired session (audit s23 #3)', () => {
  const expired = () =>
    mockApi((call) =>
      call.method === 'POST'
        ? json(401, { title: 'Unauthorized', status: 401, code: 'unauthorized', detail: 'x' })
        : json(200, {}),
    );
  const open = {
    ...kase,
    status: 'in_follow_up',
    assignments: [],
  } as unknown as Schemas['Case'];

  it('keeps the close note: the form opened again (after signing in) holds it, and says so', async () => {
    expired();
    const first = renderCase(open);
    const summary = screen.getByText('Tutup pengaduan', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    await userEvent.selectOptions(form.getByLabelText(/^Hasil akhir/), 'unresolved');
    await userEvent.type(
      form.getByLabelText(/^Catatan/),
      'Instansi tidak menanggapi surat ketiga.',
    );
    await userEvent.click(form.getByRole('button', { name: 'Tutup pengaduan' }));
    const confirmed = form.queryByRole('button', { name: 'Ya, tutup pengaduan' });
    if (confirmed) await userEvent.click(confirmed);
    await waitFor(() => expect(screen.queryByText('Tutup pengaduan')).toBeNull());
    first.unmount();
    renderCase(open);
    const again = screen.getByText('Tutup pengaduan', { selector: 'summary, summary *' });
    expect(again.closest('details')!.open).toBe(true);
    const restored = within(again.closest('details')!);
    expect((restored.getByLabelText(/^Catatan/) as HTMLTextAreaElement).value).toBe(
      'Instansi tidak menanggapi surat ketiga.',
    );
    expect(restored.getByText('Isian yang belum terkirim dipulihkan.')).toBeTruthy();
  });

  it('keeps the reason typed while rejecting, and the forward’s instructions', async () => {
    expired();
    const received = {
      ...kase,
      status: 'received',
      subject: 'Pungutan liar',
    } as unknown as Schemas['Case'];
    const first = renderCase(received);
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'reject');
    await userEvent.type(form.getByLabelText(/^Alasan untuk pengadu/), 'Bukan pelayanan publik.');
    first.unmount();
    renderCase(received);
    const again = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    expect((again.getByLabelText(/^Alasan untuk pengadu/) as HTMLTextAreaElement).value).toBe(
      'Bukan pelayanan publik.',
    );
    cleanup();

    const verified = { ...kase, status: 'verified' } as unknown as Schemas['Case'];
    mockApi((call) => (call.path === '/v1/agency-names' ? json(200, AGENCY_NAMES) : json(200, {})));
    const second = renderCase(verified);
    const forward = within(
      screen
        .getByText('Teruskan ke instansi', { selector: 'summary, summary *' })
        .closest('details')!,
    );
    await userEvent.type(
      forward.getByRole('combobox', { name: /Cari dan tambah instansi/ }),
      'PLN',
    );
    await userEvent.click(await forward.findByRole('option', { name: /PLN/ }));
    await userEvent.type(
      forward.getByLabelText(/^Arahan untuk PT PLN/),
      'Periksa gardu di Desa Sukamaju.',
    );
    second.unmount();
    renderCase(verified);
    const back = within(
      screen
        .getByText('Teruskan ke instansi', { selector: 'summary, summary *' })
        .closest('details')!,
    );
    await waitFor(() =>
      expect((back.getByLabelText(/^Arahan untuk PT PLN/) as HTMLTextAreaElement).value).toBe(
        'Periksa gardu di Desa Sukamaju.',
      ),
    );
  });
});

describe('a page left open while a colleague acted (audit s24)', () => {
  const conflict = json(409, {
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    code: 'version_conflict',
    detail: 'case C1 was saved since version 7 (now 8): read it again',
    requestId: 'r1',
  });
  const assignment = (agencyId: string, state: string) => ({
    agencyId,
    state,
    forwardedAt: '2026-05-04T03:00:00.000Z',
    redirect: null,
  });
  /** The page: forwarded to Polri alone, at version 7. */
  const stale = {
    ...kase,
    version: 7,
    assignments: [assignment('polri', 'acknowledged')],
  } as unknown as Schemas['Case'];
  const received = {
    ...kase,
    status: 'received',
    version: 3,
    channel: 'letter',
    subject: 'Pungutan liar',
    description: 'x',
    identityHidden: false,
    confidential: false,
    complainant: { name: 'A' },
  } as unknown as Schemas['Case'];
  const closeAs = async (outcome: string) => {
    const summary = screen.getByText('Tutup pengaduan', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    await userEvent.selectOptions(form.getByLabelText(/^Hasil akhir/), outcome);
    await userEvent.type(form.getByLabelText(/^Catatan/), 'Tidak ada tanggapan.');
    await userEvent.click(form.getByRole('button', { name: 'Tutup pengaduan' }));
    await userEvent.click(
      within(form.getByRole('alertdialog')).getByRole('button', { name: 'Ya, tutup pengaduan' }),
    );
    return form;
  };

  it('finding 1: the close is sent on the version its confirmation was shown for', async () => {
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, AGENCY_NAMES);
      return call.method === 'POST'
        ? json(200, { ...stale, status: 'closed', assignments: [assignment('polri', 'withdrawn')] })
        : json(200, {});
    });
    renderCase(stale);
    await closeAs('unresolved');
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toEqual({
      outcome: 'unresolved',
      note: 'Tidak ada tanggapan.',
      version: 7,
    });
  });

  it('finding 1: the result line names every assignment the answer says it withdrew', async () => {
    // The API's answer: PLN had been forwarded meanwhile (an older API, or a close sent again),
    // and the close withdrew it too: said from the answer, not the page.
    mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, AGENCY_NAMES);
      return call.method === 'POST'
        ? json(200, {
            ...stale,
            status: 'closed',
            version: 10,
            assignments: [assignment('polri', 'withdrawn'), assignment('pln', 'withdrawn')],
          })
        : json(200, {});
    });
    renderCase(stale);
    await closeAs('unresolved');
    await waitFor(() =>
      expect(screen.getAllByRole('status')[0]!.textContent).toBe(
        'Tutup pengaduan: Ditutup sebagai “Tidak terselesaikan”; penugasan Kepolisian Negara Republik Indonesia, PT PLN (Persero) ditarik.',
      ),
    );
  });

  it('finding 1: refused as changed since, it says so, keeps the note and offers the latest', async () => {
    let reloaded = 0;
    mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, AGENCY_NAMES);
      return call.method === 'POST' ? conflict : json(200, {});
    });
    renderWith(
      <AgencyNamesProvider user="u1">
        <ActionResultProvider>
          <CaseActions kase={stale} onChange={() => (reloaded += 1)} />
        </ActionResultProvider>
      </AgencyNamesProvider>,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    const form = await closeAs('unresolved');
    expect((await form.findByRole('alert')).textContent).toContain(
      'Pengaduan ini baru saja diubah petugas lain (diteruskan atau dijawab instansi), jadi belum ditutup.',
    );
    expect((form.getByLabelText(/^Catatan/) as HTMLTextAreaElement).value).toBe(
      'Tidak ada tanggapan.',
    );
    await userEvent.click(form.getByRole('button', { name: 'Muat versi terbaru' }));
    expect(reloaded).toBe(1);
  });

  it('a close refused because the complainant said “not satisfied” since says so, not that a colleague changed it', async () => {
    // The page: every agency answered (resolved), the complainant's window still open.
    const resolved = {
      ...stale,
      status: 'resolved',
      replyWindowClosesAt: '2027-01-11T16:59:59.999Z',
      assignments: [assignment('polri', 'completed')],
    } as unknown as Schemas['Case'];
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, AGENCY_NAMES);
      if (call.method === 'POST') return conflict;
      // The case as it is now: reopened by the complainant's reply.
      if (call.path === '/v1/cases/C1')
        return json(200, { ...resolved, status: 'reopened', version: 8 });
      return json(200, {});
    });
    renderCase(resolved);
    const form = await closeAs('unresolved');
    const said = (await form.findByRole('alert')).textContent;
    expect(said).toContain('Pengadu menyatakan belum puas sejak halaman ini dimuat');
    expect(said).not.toContain('petugas lain');
    expect((form.getByLabelText(/^Catatan/) as HTMLTextAreaElement).value).toBe(
      'Tidak ada tanggapan.',
    );
    expect(form.getByRole('button', { name: 'Muat versi terbaru' })).toBeTruthy();
    expect(posts(calls)).toHaveLength(1);
  });

  it('a close refused on a resolved case a colleague changed (still resolved) says a colleague did', async () => {
    const resolved = {
      ...stale,
      status: 'resolved',
      replyWindowClosesAt: '2027-01-11T16:59:59.999Z',
      assignments: [assignment('polri', 'completed')],
    } as unknown as Schemas['Case'];
    mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, AGENCY_NAMES);
      if (call.method === 'POST') return conflict;
      if (call.path === '/v1/cases/C1') return json(200, { ...resolved, version: 8 });
      return json(200, {});
    });
    renderCase(resolved);
    const form = await closeAs('unresolved');
    expect((await form.findByRole('alert')).textContent).toContain('diubah petugas lain');
  });

  it('findings 2 and 3: the verification is sent on the version the page showed', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(200, { ...received, status: 'verified' }) : json(200, {}),
    );
    renderCase(received);
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'accept');
    await userEvent.selectOptions(form.getByLabelText(/^Jenis pengaduan/), 'light');
    await userEvent.click(form.getByRole('button', { name: 'Terima' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toMatchObject({ decision: 'accept', version: 3 });
  });

  it('findings 2 and 3: a colleague’s decision since is said, what was typed kept, the latest offered', async () => {
    let reloaded = 0;
    mockApi((call) => (call.method === 'POST' ? conflict : json(200, {})));
    renderWith(<CaseActions kase={received} onChange={() => (reloaded += 1)} />, {
      as: { agency: 'setneg', role: 'central_officer' },
    });
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'needs_info');
    const missing = form.getByLabelText(/^Yang perlu dilengkapi/) as HTMLTextAreaElement;
    await userEvent.type(missing, 'Nomor berkas permohonan.');
    await userEvent.click(form.getByRole('button', { name: 'Minta kelengkapan' }));
    expect((await form.findByRole('alert')).textContent).toContain(
      'Petugas lain baru saja memutuskan atau mengubah pengaduan ini',
    );
    expect(missing.value).toBe('Nomor berkas permohonan.');
    await userEvent.click(form.getByRole('button', { name: 'Muat versi terbaru' }));
    expect(reloaded).toBe(1);
  });
});

describe('a form opened while the case reloads (the page reads the case again after an action)', () => {
  const assignment = (agencyId: string, state: string) => ({
    agencyId,
    state,
    forwardedAt: '2026-05-04T03:00:00.000Z',
    redirect: null,
  });
  /**
   * The case's actions as the case page hosts them, and `reload`: the same case read again, as
   * the page does after an action (its own, or one of the officer's other forms).
   */
  const renderReloading = (first: Schemas['Case'], readAgain?: () => Schemas['Case']) => {
    let show: (next: Schemas['Case']) => void = () => {};
    function Page() {
      const [shown, setShown] = useState(first);
      show = setShown;
      // The page's reload: the case as `readAgain` answers it now (none: the page does not).
      return (
        <CaseActions kase={shown} onChange={() => (readAgain ? setShown(readAgain()) : null)} />
      );
    }
    renderWith(
      <AgencyNamesProvider user="u1">
        <ActionResultProvider>
          <Page />
        </ActionResultProvider>
      </AgencyNamesProvider>,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    return (next: Schemas['Case']) =>
      act(async () => {
        show(next);
      });
  };
  const details = (title: string) =>
    screen.queryByText(title, { selector: 'summary, summary *' })?.closest('details') ?? null;
  const chosenIn = (form: ReturnType<typeof within>) =>
    within(form.getByRole('list', { name: 'Instansi yang terlibat' }))
      .getAllByRole('listitem')
      .map((li) => li.querySelector('strong')!.textContent);

  it('the plan’s form stays open, with what was typed, when the working agencies change; an untouched list follows them', async () => {
    mockApi((call) => (call.path === '/v1/agency-names' ? json(200, AGENCY_NAMES) : json(200, {})));
    const followed = {
      ...kase,
      status: 'in_follow_up',
      version: 7,
      assignments: [assignment('polri', 'acknowledged'), assignment('pln', 'completed')],
    } as unknown as Schemas['Case'];
    const reload = renderReloading(followed);
    await userEvent.click(
      screen.getByText('Rencanakan kegiatan pemantauan', { selector: 'summary, summary *' }),
    );
    const form = within(details('Rencanakan kegiatan pemantauan')!);
    await waitFor(() => expect(chosenIn(form)).toEqual(['Kepolisian Negara Republik Indonesia']));
    // Opened within the second the page reads the case again after the forward to PLN.
    await reload({
      ...followed,
      version: 8,
      assignments: [...followed.assignments, assignment('pln', 'pending')],
    } as unknown as Schemas['Case']);
    expect(details('Rencanakan kegiatan pemantauan')!.open).toBe(true);
    const after = within(details('Rencanakan kegiatan pemantauan')!);
    // Left as it was: the agencies taking part follow the case's working agencies.
    expect(chosenIn(after)).toEqual(['Kepolisian Negara Republik Indonesia', 'PT PLN (Persero)']);
    await userEvent.selectOptions(after.getByLabelText(/^Jenis kegiatan/), 'mediation');
    await userEvent.type(after.getByLabelText(/^Rencana/), 'Mediasi di kantor desa.');
    await userEvent.click(after.getByRole('button', { name: 'Hapus PT PLN (Persero)' }));
    // Read again (another action): PLN's part ended. The officer's own choice stays.
    await reload({
      ...followed,
      version: 9,
      assignments: [assignment('polri', 'acknowledged'), assignment('pln', 'withdrawn')],
    } as unknown as Schemas['Case']);
    const last = within(details('Rencanakan kegiatan pemantauan')!);
    expect(details('Rencanakan kegiatan pemantauan')!.open).toBe(true);
    expect((last.getByLabelText(/^Rencana/) as HTMLTextAreaElement).value).toBe(
      'Mediasi di kantor desa.',
    );
    expect((last.getByLabelText(/^Jenis kegiatan/) as HTMLSelectElement).value).toBe('mediation');
    expect(chosenIn(last)).toEqual(['Kepolisian Negara Republik Indonesia']);
    // Never "restored": nothing was taken away.
    expect(last.queryByText('Isian yang belum terkirim dipulihkan.')).toBeNull();
  });

  it('the forward form stays open with the instructions typed when the case moves on meanwhile', async () => {
    mockApi((call) => (call.path === '/v1/agency-names' ? json(200, AGENCY_NAMES) : json(200, {})));
    const reopened = {
      ...kase,
      status: 'reopened',
      version: 7,
      assignments: [assignment('polri', 'completed')],
    } as unknown as Schemas['Case'];
    const reload = renderReloading(reopened);
    const form = within(details('Teruskan (ulang) ke instansi')!);
    await userEvent.type(form.getByRole('combobox', { name: /Cari dan tambah instansi/ }), 'PLN');
    await userEvent.click(await form.findByRole('option', { name: /PLN/ }));
    await userEvent.type(form.getByLabelText(/^Arahan untuk PT PLN/), 'Periksa gardu desa.');
    // A colleague forwarded it to Kanwil BPN meanwhile: no longer `reopened`, still forwardable.
    await reload({
      ...reopened,
      status: 'forwarded',
      version: 8,
      assignments: [...reopened.assignments, assignment('kanwil-bpn-jatim', 'pending')],
    } as unknown as Schemas['Case']);
    expect(details('Teruskan (ulang) ke instansi')!.open).toBe(true);
    expect((form.getByLabelText(/^Arahan untuk PT PLN/) as HTMLTextAreaElement).value).toBe(
      'Periksa gardu desa.',
    );
  });

  it('the verification keeps what was typed, and a subject restated meanwhile is not sent back', async () => {
    const calls = mockApi((call) => (call.method === 'POST' ? json(200, {}) : json(200, {})));
    const asked = {
      ...kase,
      status: 'needs_info',
      version: 3,
      channel: 'letter',
      subject: 'Budi Santoso: pungutan liar',
      description: 'x',
      identityHidden: false,
      confidential: false,
      complainant: { name: 'A' },
    } as unknown as Schemas['Case'];
    const reload = renderReloading(asked);
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'accept');
    await userEvent.selectOptions(form.getByLabelText(/^Jenis pengaduan/), 'light');
    await userEvent.type(form.getByLabelText(/^Kategori/), 'Pungli');
    // A colleague restated the subject meanwhile (version 4).
    await reload({ ...asked, subject: 'Pungutan liar', version: 4 } as unknown as Schemas['Case']);
    expect((form.getByLabelText(/^Kategori/) as HTMLInputElement).value).toBe('Pungli');
    expect((form.getByLabelText(/^Perihal/) as HTMLInputElement).value).toBe('Pungutan liar');
    await userEvent.click(form.getByRole('button', { name: 'Terima' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toEqual({
      decision: 'accept',
      type: 'light',
      category: 'Pungli',
      version: 4,
    });
  });

  it('another case opened on the same page (the complainant’s other case) starts its forms afresh', async () => {
    mockApi((call) => (call.path === '/v1/agency-names' ? json(200, AGENCY_NAMES) : json(200, {})));
    const followed = {
      ...kase,
      status: 'in_follow_up',
      version: 7,
      assignments: [assignment('polri', 'acknowledged')],
    } as unknown as Schemas['Case'];
    const reload = renderReloading(followed);
    await userEvent.click(screen.getByText('Tutup pengaduan', { selector: 'summary, summary *' }));
    await userEvent.type(
      within(details('Tutup pengaduan')!).getByLabelText(/^Catatan/),
      'Instansi tidak menanggapi.',
    );
    await reload({ ...followed, id: 'C2', version: 2 } as unknown as Schemas['Case']);
    const other = details('Tutup pengaduan')!;
    expect(other.open).toBe(false);
    expect((within(other).getByLabelText(/^Catatan/) as HTMLTextAreaElement).value).toBe('');
  });

  it('a form whose action is gone says so and keeps the text until discarded; one untouched just goes', async () => {
    mockApi((call) => (call.path === '/v1/agency-names' ? json(200, AGENCY_NAMES) : json(200, {})));
    const followed = {
      ...kase,
      status: 'in_follow_up',
      version: 7,
      assignments: [assignment('polri', 'acknowledged')],
    } as unknown as Schemas['Case'];
    const reload = renderReloading(followed);
    await userEvent.click(
      screen.getByText('Rencanakan kegiatan pemantauan', { selector: 'summary, summary *' }),
    );
    await userEvent.click(screen.getByText('Tutup pengaduan', { selector: 'summary, summary *' }));
    const form = within(details('Tutup pengaduan')!);
    await userEvent.selectOptions(form.getByLabelText(/^Hasil akhir/), 'unresolved');
    await userEvent.type(form.getByLabelText(/^Catatan/), 'Instansi tidak menanggapi.');
    // Closed meanwhile (by a colleague): nothing left for central to do on it.
    await reload({
      ...followed,
      status: 'closed',
      version: 8,
      assignments: [assignment('polri', 'withdrawn')],
      closure: { outcome: 'resolved', at: '2026-05-08T03:00:00.000Z', note: null },
    } as unknown as Schemas['Case']);
    // The plan's form, opened but untouched, holds nothing to lose: it goes.
    expect(details('Rencanakan kegiatan pemantauan')).toBeNull();
    const gone = details('Tutup pengaduan')!;
    expect(gone.open).toBe(true);
    expect(within(gone).getByText(/sudah berstatus “Ditutup”/).textContent).toContain(
      'belum terkirim',
    );
    expect((within(gone).getByLabelText(/^Catatan/) as HTMLTextAreaElement).value).toBe(
      'Instansi tidak menanggapi.',
    );
    expect(within(gone).queryByRole('button', { name: 'Tutup pengaduan' })).toBeNull();
    await userEvent.click(within(gone).getByRole('button', { name: 'Buang isian' }));
    await waitFor(() => expect(details('Tutup pengaduan')).toBeNull());
    expect(screen.queryByRole('region', { name: 'Tindakan pusat' })).toBeNull();
  });

  describe('refused because the case moved on, unseen by the page (another officer closed it)', () => {
    const refused = json(409, {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'invalid_transition',
      detail: 'case C1 is closed',
      requestId: 'r9',
    });
    const followed = {
      ...kase,
      status: 'in_follow_up',
      version: 7,
      identityHidden: false,
      assignments: [assignment('polri', 'acknowledged')],
    } as unknown as Schemas['Case'];
    const closedSince = {
      ...followed,
      status: 'closed',
      version: 8,
      assignments: [assignment('polri', 'withdrawn')],
      closure: { outcome: 'resolved', at: '2026-05-08T03:00:00.000Z', note: null },
    } as unknown as Schemas['Case'];

    it('the plan’s form: the page reads the case again, and the form stays locked with the text, to discard, not a red error', async () => {
      const calls = mockApi((call) =>
        call.path === '/v1/agency-names'
          ? json(200, AGENCY_NAMES)
          : call.method === 'POST'
            ? refused
            : json(200, {}),
      );
      let reads = 0;
      renderReloading(followed, () => {
        reads += 1;
        return closedSince;
      });
      await userEvent.click(
        screen.getByText('Rencanakan kegiatan pemantauan', { selector: 'summary, summary *' }),
      );
      const form = within(details('Rencanakan kegiatan pemantauan')!);
      await userEvent.selectOptions(form.getByLabelText(/^Jenis kegiatan/), 'clarification');
      await userEvent.type(form.getByLabelText(/^Rencana/), 'Klarifikasi di kantor Polda.');
      await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
      await waitFor(() => expect(posts(calls)).toHaveLength(1));
      await waitFor(() => expect(reads).toBe(1));
      const gone = details('Rencanakan kegiatan pemantauan')!;
      expect(gone.open).toBe(true);
      expect(within(gone).getByRole('alert').textContent).toContain('sudah berstatus “Ditutup”');
      expect(within(gone).getByLabelText<HTMLTextAreaElement>(/^Rencana/).value).toBe(
        'Klarifikasi di kantor Polda.',
      );
      expect(within(gone).queryByText(/Muat ulang halaman/)).toBeNull();
      expect(within(gone).queryByRole('button', { name: 'Simpan' })).toBeNull();
      await userEvent.click(within(gone).getByRole('button', { name: 'Buang isian' }));
      await waitFor(() => expect(details('Rencanakan kegiatan pemantauan')).toBeNull());
    });

    it('one still possible on the case read again stays usable, with the text', async () => {
      mockApi((call) =>
        call.path === '/v1/agency-names'
          ? json(200, AGENCY_NAMES)
          : call.method === 'POST'
            ? refused
            : json(200, {}),
      );
      let reads = 0;
      renderReloading(followed, () => {
        reads += 1;
        return { ...followed, version: 8 } as Schemas['Case'];
      });
      await userEvent.click(
        screen.getByText('Tutup pengaduan', { selector: 'summary, summary *' }),
      );
      const form = within(details('Tutup pengaduan')!);
      await userEvent.selectOptions(form.getByLabelText(/^Hasil akhir/), 'unresolved');
      await userEvent.type(form.getByLabelText(/^Catatan/), 'Instansi tidak menanggapi.');
      await userEvent.click(form.getByRole('button', { name: 'Tutup pengaduan' }));
      await userEvent.click(
        within(form.getByRole('alertdialog')).getByRole('button', { name: 'Ya, tutup pengaduan' }),
      );
      await waitFor(() => expect(reads).toBe(1));
      expect(form.getByLabelText<HTMLTextAreaElement>(/^Catatan/).value).toBe(
        'Instansi tidak menanggapi.',
      );
      expect(form.queryByRole('button', { name: 'Buang isian' })).toBeNull();
      expect(form.getByRole('button', { name: 'Tutup pengaduan' })).toBeTruthy();
      // Said as it is now: read again already, to check and send again (not "reload the page",
      // which the page has just done, and which would lose the text).
      expect(form.queryByText(/Muat ulang halaman/)).toBeNull();
      expect((await form.findByText(/sudah dimuat ulang/)).textContent).toBe(
        'Pengaduan ini berubah sejak halaman dimuat, dan sudah dimuat ulang. Periksa isian Anda terhadap keadaannya sekarang, lalu kirim lagi.',
      );
    });

    it('an activity’s report: the page reads the case again, and the form says the activity was called off, the text kept', async () => {
      const planned = activityOf({
        id: 'A1',
        caseId: 'C1',
        scheduledAt: '2026-03-02T03:00:00.000Z',
        participants: ['Kabid Propam'],
        version: 4,
      });
      const calls = mockApi((call) =>
        call.path === '/v1/agency-names'
          ? json(200, AGENCY_NAMES)
          : call.method === 'POST'
            ? refused
            : json(200, {}),
      );
      let reads = 0;
      renderReloading({ ...followed, activities: [planned] } as Schemas['Case'], () => {
        reads += 1;
        return {
          ...closedSince,
          activities: [
            {
              ...planned,
              status: 'cancelled',
              version: 5,
              cancellation: { reason: 'Pengaduan ditutup.', at: '2026-05-08T03:00:00.000Z' },
            },
          ],
        } as unknown as Schemas['Case'];
      });
      await userEvent.click(
        screen.getByText('Laporkan: Klarifikasi', { selector: 'summary, summary *' }),
      );
      const report = within(details('Laporkan: Klarifikasi')!);
      fireEvent.change(report.getByLabelText(/^Dilaksanakan pada/), {
        target: { value: '2026-03-02T10:00' },
      });
      await userEvent.type(report.getByLabelText(/^Hasil/), 'Disepakati perbaikan.');
      await userEvent.type(report.getByLabelText(/^Ringkasan/), 'Para pihak hadir.');
      await userEvent.click(report.getByRole('button', { name: 'Simpan' }));
      await waitFor(() => expect(posts(calls)).toHaveLength(1));
      await waitFor(() => expect(reads).toBe(1));
      const gone = details('Laporkan: Klarifikasi')!;
      expect(gone.open).toBe(true);
      expect(within(gone).getByRole('alert').textContent).toMatch(
        /Kegiatan ini sudah dibatalkan.*Pengaduan ditutup\./,
      );
      expect(within(gone).getByLabelText<HTMLTextAreaElement>(/^Ringkasan/).value).toBe(
        'Para pihak hadir.',
      );
      expect(within(gone).getAllByRole('alert')).toHaveLength(1);
      expect(within(gone).getByRole('button', { name: 'Buang isian' })).toBeTruthy();
    });
  });

  /** The sentences a screen reader reads with a control: its hint, error, and any notice. */
  const describedBy = (control: HTMLElement) =>
    (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');

  it('the verification: a subject a colleague restated otherwise meanwhile is said at the field, with theirs to take, and nothing is sent until the officer decides', async () => {
    const calls = mockApi(() => json(200, {}));
    const asked = {
      ...kase,
      status: 'needs_info',
      version: 3,
      channel: 'letter',
      subject: 'Budi Santoso: pungutan liar',
      description: 'x',
      identityHidden: false,
      confidential: false,
      complainant: { name: 'A' },
    } as unknown as Schemas['Case'];
    const reload = renderReloading(asked);
    const form = within(screen.getByRole('region', { name: 'Tindakan pusat' }));
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'accept');
    await userEvent.selectOptions(form.getByLabelText(/^Jenis pengaduan/), 'light');
    const subject = form.getByLabelText<HTMLInputElement>(/^Perihal/);
    await userEvent.clear(subject);
    await userEvent.type(subject, 'Pungli di kelurahan');
    // A colleague restated the same subject meanwhile (version 4).
    await reload({
      ...asked,
      subject: 'Pungutan liar oleh petugas kelurahan',
      version: 4,
    } as unknown as Schemas['Case']);
    // The officer's text stays; the colleague's is said at the field, and read with it.
    expect(subject.value).toBe('Pungli di kelurahan');
    expect(describedBy(subject)).toMatch(/rekan Anda mengubah/i);
    expect(describedBy(subject)).toContain('Pungutan liar oleh petugas kelurahan');
    // Sent now, it would overwrite the colleague's subject without a word: refused, said why.
    await userEvent.click(form.getByRole('button', { name: 'Terima' }));
    expect(
      (await form.findAllByText(/Perihal \(dirumuskan ulang\) diubah rekan Anda/)).length,
    ).toBeGreaterThan(0);
    expect(posts(calls)).toHaveLength(0);
    await userEvent.click(form.getByRole('button', { name: /^Pakai isian rekan/ }));
    expect(subject.value).toBe('Pungutan liar oleh petugas kelurahan');
    expect(describedBy(subject)).not.toMatch(/rekan Anda mengubah/i);
    await userEvent.click(form.getByRole('button', { name: 'Terima' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    // The colleague's subject is the case's: nothing to restate.
    expect(posts(calls)[0]!.body).toEqual({ decision: 'accept', type: 'light', version: 4 });
  });

  describe('an activity’s forms', () => {
    const planned = activityOf({
      id: 'A1',
      caseId: 'C1',
      scheduledAt: '2026-03-02T03:00:00.000Z',
      participants: ['Kabid Propam'],
      version: 4,
    });
    const followed = {
      ...kase,
      status: 'in_follow_up',
      version: 7,
      identityHidden: false,
      assignments: [assignment('polri', 'acknowledged')],
      activities: [planned],
    } as unknown as Schemas['Case'];
    const open = async (title: string) => {
      await userEvent.click(screen.getByText(title, { selector: 'summary, summary *' }));
      return within(details(title)!);
    };

    it('one a colleague reported meanwhile stays with the text, says so, and goes once discarded', async () => {
      mockApi((call) =>
        call.path === '/v1/agency-names' ? json(200, AGENCY_NAMES) : json(200, {}),
      );
      const reload = renderReloading(followed);
      const cancel = await open('Batalkan: Klarifikasi');
      await userEvent.type(cancel.getByLabelText(/^Alasan pembatalan/), 'Instansi sudah menjawab.');
      await open('Laporkan: Klarifikasi');
      await reload({
        ...followed,
        version: 8,
        activities: [{ ...planned, status: 'done', version: 5, outcome: 'Sepakat' }],
      } as unknown as Schemas['Case']);
      // The report's form, opened but untouched, holds nothing to lose: it goes.
      expect(details('Laporkan: Klarifikasi')).toBeNull();
      const gone = details('Batalkan: Klarifikasi')!;
      expect(gone.open).toBe(true);
      expect(within(gone).getByRole('alert').textContent).toContain(
        'Kegiatan ini sudah dilaporkan oleh rekan Anda',
      );
      expect(within(gone).getByLabelText<HTMLTextAreaElement>(/^Alasan pembatalan/).value).toBe(
        'Instansi sudah menjawab.',
      );
      expect(within(gone).queryByRole('button', { name: 'Batalkan kegiatan' })).toBeNull();
      await userEvent.click(within(gone).getByRole('button', { name: 'Buang isian' }));
      await waitFor(() => expect(details('Batalkan: Klarifikasi')).toBeNull());
    });

    it('one called off meanwhile (the case closed) stays with the report typed, and says it was cancelled', async () => {
      mockApi((call) =>
        call.path === '/v1/agency-names' ? json(200, AGENCY_NAMES) : json(200, {}),
      );
      const reload = renderReloading(followed);
      const report = await open('Laporkan: Klarifikasi');
      await userEvent.type(report.getByLabelText(/^Ringkasan/), 'Para pihak hadir.');
      await reload({
        ...followed,
        status: 'closed',
        version: 8,
        assignments: [assignment('polri', 'withdrawn')],
        closure: { outcome: 'resolved', at: '2026-05-08T03:00:00.000Z', note: null },
        activities: [
          {
            ...planned,
            status: 'cancelled',
            version: 5,
            cancellation: { reason: 'Pengaduan ditutup.', at: '2026-05-08T03:00:00.000Z' },
          },
        ],
      } as unknown as Schemas['Case']);
      const gone = details('Laporkan: Klarifikasi')!;
      expect(gone.open).toBe(true);
      expect(within(gone).getByRole('alert').textContent).toMatch(
        /Kegiatan ini sudah dibatalkan.*Pengaduan ditutup\./,
      );
      expect(within(gone).getByLabelText<HTMLTextAreaElement>(/^Ringkasan/).value).toBe(
        'Para pihak hadir.',
      );
    });

    it('a new date keeps what was typed when a colleague moved the activity meanwhile: the date follows, a change to the same field is said there', async () => {
      mockApi((call) =>
        call.path === '/v1/agency-names' ? json(200, AGENCY_NAMES) : json(200, {}),
      );
      const reload = renderReloading(followed);
      const schedule = await open('Ubah jadwal: Klarifikasi');
      await userEvent.type(schedule.getByLabelText(/^Rencana/), 'Di kantor Polda.');
      const people = schedule.getByLabelText<HTMLTextAreaElement>(/^Peserta/);
      await userEvent.type(people, '\nKapolsek');
      await reload({
        ...followed,
        version: 8,
        activities: [
          {
            ...planned,
            version: 5,
            scheduledAt: '2026-03-03T03:00:00.000Z',
            participants: ['Kabid Propam', 'Wakapolda'],
          },
        ],
      } as unknown as Schemas['Case']);
      const form = details('Ubah jadwal: Klarifikasi')!;
      expect(form.open).toBe(true);
      const after = within(form);
      expect(after.getByLabelText<HTMLTextAreaElement>(/^Rencana/).value).toBe('Di kantor Polda.');
      // Left as it was: the date follows the colleague's.
      expect(after.getByLabelText<HTMLInputElement>(/^Jadwal/).value).toBe('2026-03-03T10:00');
      // Changed on both sides: the officer's stays, the colleague's said at the field.
      const peopleNow = after.getByLabelText<HTMLTextAreaElement>(/^Peserta/);
      expect(peopleNow.value).toBe('Kabid Propam\nKapolsek');
      expect(describedBy(peopleNow)).toMatch(/rekan Anda mengubah/i);
      expect(describedBy(peopleNow)).toContain('Wakapolda');
    });
  });
});
