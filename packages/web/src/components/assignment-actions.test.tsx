import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import type { Schemas } from '../api/client';
import { describeEvent } from '../timeline';
import { ActionResultProvider } from './action-form';
import { AgencyNamesProvider } from './agencies';
import { Acknowledge } from './acknowledge';
import { AssignmentActions } from './assignment-actions';

const assignment = {
  caseId: 'C1',
  agencyId: 'pemprov-bali',
  state: 'pending',
  paused: false,
  timeZone: 'Asia/Makassar',
  // Acknowledged 17 March; the answer due Friday 17 April 2026, 23.59 WITA.
  due: {
    acknowledge: '2026-03-18T15:59:00.000Z',
    followUp: '2026-04-17T15:59:00.000Z',
  },
  met: { acknowledge: '2026-03-17T02:00:00.000Z', followUp: null },
} as unknown as Schemas['Assignment'];

describe('an agency asks for more time', () => {
  it('reads which deadline it extends, and how approval counts the days', async () => {
    mockApi(() => json(200, {}));
    renderWith(
      <AssignmentActions
        caseId="C1"
        assignment={{ ...assignment, state: 'acknowledged' }}
        central={false}
        onChange={() => {}}
      />,
      { as: { agency: 'pemprov-bali', role: 'agency_officer' } },
    );
    const summary = screen.getByText('Minta perpanjangan waktu', {
      selector: 'summary, summary *',
    });
    await userEvent.click(summary);
    // It asked for "Tambahan hari kerja" without naming the deadline (the acknowledgement, met,
    // is not one) nor where approval puts it.
    expect(within(summary.closest('details')!).getByText(/^Yang diperpanjang/).textContent).toBe(
      'Yang diperpanjang: batas waktu yang belum dipenuhi (Tindak lanjut 17 Apr 2026, 23.59 WITA). Bila pusat menyetujui, setiap batas itu mundur sebanyak hari kerja yang diminta, dihitung dengan hari libur instansi Anda, dan batas yang baru tampil di sini.',
    );
  });
});

describe('central withdraws an assignment', () => {
  it('says when it is the only agency left: the case goes back to be forwarded', async () => {
    mockApi(() => json(200, {}));
    renderWith(
      <AssignmentActions
        caseId="C1"
        assignment={assignment}
        central
        lastOnCase
        onChange={() => {}}
      />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    await userEvent.click(screen.getByText('Tarik penugasan', { selector: 'summary, summary *' }));
    const form = within(
      screen.getByText('Tarik penugasan', { selector: 'summary, summary *' }).closest('details')!,
    );
    expect(form.getByText(/satu-satunya instansi/)).toBeTruthy();
  });

  it('sends the reason with a key of its own, and the history says why', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(200, { ...assignment, state: 'withdrawn' }) : json(200, {}),
    );
    let changed = 0;
    renderWith(
      <AssignmentActions
        caseId="C1"
        assignment={assignment}
        central
        onChange={() => (changed += 1)}
      />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    await userEvent.click(screen.getByText('Tarik penugasan', { selector: 'summary, summary *' }));
    const form = within(
      screen.getByText('Tarik penugasan', { selector: 'summary, summary *' }).closest('details')!,
    );
    expect(form.getByText(/instansi yang dibubarkan/)).toBeTruthy();
    await userEvent.type(
      form.getByLabelText(/^Alasan penarikan/),
      'Diteruskan ke instansi yang keliru.',
    );
    await userEvent.click(form.getByRole('button', { name: 'Tarik penugasan' }));
    // Asked first (audit s23 #4): sent on the explicit second click.
    await userEvent.click(form.getByRole('button', { name: 'Ya, tarik penugasan' }));
    await waitFor(() => expect(changed).toBe(1));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/v1/cases/C1/assignments/pemprov-bali/withdraw');
    expect(post.body).toEqual({ reason: 'Diteruskan ke instansi yang keliru.' });
    expect(post.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);

    const t = (key: string) => key;
    const event = {
      id: 'e1',
      caseId: 'C1',
      at: '2026-11-30T03:00:00.000Z',
      type: 'assignment_withdrawn',
      actor: { sub: 'o1', agency: 'setneg', role: 'central_officer' },
      agencyId: 'pemprov-bali',
      data: { reason: 'Diteruskan ke instansi yang keliru.' },
    } as unknown as Parameters<typeof describeEvent>[0];
    expect(
      describeEvent(
        event,
        t as never,
        (id) => id,
        (iso) => iso,
      ),
    ).toContain('“Diteruskan ke instansi yang keliru.”');
  });
});

describe('an agency sends its response', () => {
  it('with an Idempotency-Key, the same one when sent again after a lost answer', async () => {
    let attempt = 0;
    const calls = mockApi((call) => {
      if (call.method !== 'POST') return json(200, {});
      attempt += 1;
      if (attempt === 1) throw new TypeError('Failed to fetch');
      return json(201, { ...assignment, state: 'responded' });
    });
    let changed = 0;
    renderWith(
      <AssignmentActions
        caseId="C1"
        assignment={{ ...assignment, state: 'acknowledged' }}
        central={false}
        onChange={() => (changed += 1)}
      />,
      { as: { agency: 'pemprov-bali', role: 'agency_officer' } },
    );
    const summary = screen.getByText('Kirim tanggapan', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    await userEvent.type(form.getByLabelText(/^Isi tanggapan/), 'Sedang diperiksa di lapangan.');
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    await form.findByText(/Tidak dapat menghubungi server/);
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    await waitFor(() => expect(changed).toBe(1));
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.path)).toEqual([
      '/v1/cases/C1/assignments/pemprov-bali/responses',
      '/v1/cases/C1/assignments/pemprov-bali/responses',
    ]);
    expect(posts[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]!.headers.get('idempotency-key')).toBe(posts[0]!.headers.get('idempotency-key'));
  });
});

describe('an agency about to send its final follow-up', () => {
  it('is told to choose the attachments first, in this form: after it, none can be added', async () => {
    mockApi(() => json(200, {}));
    renderWith(
      <AssignmentActions
        caseId="C1"
        assignment={{ ...assignment, state: 'acknowledged' }}
        central={false}
        onChange={() => {}}
      />,
      { as: { agency: 'pemprov-bali', role: 'agency_officer' } },
    );
    const summary = screen.getByText('Kirim tanggapan', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    const hint =
      /^Pilih lampirannya \(surat jawaban, bukti\) di bawah sebelum menekan Kirim: sesudah tindak lanjut akhir, lampiran tidak dapat ditambahkan/;
    expect(form.queryByText(hint)).toBeNull();
    const kind = form.getByLabelText(/^Jenis tanggapan/);
    await userEvent.selectOptions(kind, 'final');
    const said = form.getByText(hint);
    // Read with the choice, by a screen reader too.
    expect(kind.getAttribute('aria-describedby')).toContain(said.id);
  });
});

describe('a response whose sending the API refused for an ended session (401)', () => {
  const render = () =>
    renderWith(
      <AssignmentActions
        caseId="C1"
        assignment={{ ...assignment, state: 'acknowledged' }}
        central={false}
        onChange={() => {}}
      />,
      { as: { agency: 'pemprov-bali', role: 'agency_officer' } },
    );
  const write = async (text: string) => {
    const summary = screen.getByText('Kirim tanggapan', { selector: 'summary, summary *' });
    if (!summary.closest('details')!.open) await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    await userEvent.type(form.getByLabelText(/^Isi tanggapan/), text);
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    return form;
  };

  it('keeps the text: the form opened again (after signing in) holds it, and says so', async () => {
    mockApi((call) =>
      call.method === 'POST'
        ? json(401, { title: 'Unauthorized', status: 401, code: 'unauthorized', detail: 'x' })
        : json(200, {}),
    );
    const first = render();
    await write('Sudah diperiksa di lapangan; laporan lengkap menyusul.');
    // The session is gone: the guard takes the page away.
    await waitFor(() => expect(screen.queryByText('Kirim tanggapan')).toBeNull());
    first.unmount();
    render();
    const summary = screen.getByText('Kirim tanggapan', { selector: 'summary, summary *' });
    const form = within(summary.closest('details')!);
    expect(summary.closest('details')!.open).toBe(true);
    expect((form.getByLabelText(/^Isi tanggapan/) as HTMLTextAreaElement).value).toBe(
      'Sudah diperiksa di lapangan; laporan lengkap menyusul.',
    );
    expect(form.getByText('Isian yang belum terkirim dipulihkan.')).toBeTruthy();
  });

  it('names the files that were chosen: they cannot come back with the text, and must be chosen again', async () => {
    mockApi((call) =>
      call.method === 'POST'
        ? json(401, { title: 'Unauthorized', status: 401, code: 'unauthorized', detail: 'x' })
        : json(200, {}),
    );
    const first = render();
    const summary = screen.getByText('Kirim tanggapan', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    await userEvent.upload(within(summary.closest('details')!).getByLabelText(/^Lampiran \(PDF/), [
      new File(['%PDF-1.7'], 'surat-jawaban.pdf', { type: 'application/pdf' }),
      new File(['\xff\xd8\xff'], 'foto-lokasi.jpg', { type: 'image/jpeg' }),
    ]);
    await write('Sudah diperiksa di lapangan.');
    await waitFor(() => expect(screen.queryByText('Kirim tanggapan')).toBeNull());
    first.unmount();
    render();
    const again = screen.getByText('Kirim tanggapan', { selector: 'summary, summary *' });
    const form = within(again.closest('details')!);
    expect((form.getByLabelText(/^Isi tanggapan/) as HTMLTextAreaElement).value).toBe(
      'Sudah diperiksa di lapangan.',
    );
    const lost = form.getByText(/^Berkas yang tadi dipilih belum terkirim/);
    expect(lost.textContent).toBe(
      'Berkas yang tadi dipilih belum terkirim dan tidak ikut dipulihkan: surat-jawaban.pdf, foto-lokasi.jpg. Pilih lagi sebelum mengirim.',
    );
    // Chosen again: the notice has done its work.
    await userEvent.upload(form.getByLabelText(/^Lampiran \(PDF/), [
      new File(['%PDF-1.7'], 'surat-jawaban.pdf', { type: 'application/pdf' }),
    ]);
    expect(form.queryByText(/^Berkas yang tadi dipilih belum terkirim/)).toBeNull();
  });

  it('forgets the text once it was sent', async () => {
    mockApi((call) =>
      call.method === 'POST' ? json(201, { ...assignment, state: 'responded' }) : json(200, {}),
    );
    const first = render();
    const form = await write('Selesai ditangani.');
    await waitFor(() =>
      expect((form.getByLabelText(/^Isi tanggapan/) as HTMLTextAreaElement).value).toBe(''),
    );
    first.unmount();
    render();
    const summary = screen.getByText('Kirim tanggapan', { selector: 'summary, summary *' });
    expect(summary.closest('details')!.open).toBe(false);
    const again = within(summary.closest('details')!);
    expect((again.getByLabelText(/^Isi tanggapan/) as HTMLTextAreaElement).value).toBe('');
  });
});

describe('central withdraws only on an explicit second click (audit s23 #4, #7)', () => {
  it('asks first, says the ladder stops; cancelling keeps the reason; then says what was withdrawn', async () => {
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, { items: [{ id: 'pemprov-bali', name: 'Pemerintah Provinsi Bali' }] });
      return call.method === 'POST'
        ? json(200, { ...assignment, state: 'withdrawn' })
        : json(200, {});
    });
    renderWith(
      <AgencyNamesProvider user="u1">
        <ActionResultProvider>
          <AssignmentActions caseId="C1" assignment={assignment} central onChange={() => {}} />
        </ActionResultProvider>
      </AgencyNamesProvider>,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    const summary = screen.getByText('Tarik penugasan', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    await userEvent.type(form.getByLabelText(/^Alasan penarikan/), 'Instansi keliru.');
    await userEvent.click(form.getByRole('button', { name: 'Tarik penugasan' }));
    const ask = form.getByRole('alertdialog');
    expect(document.activeElement).toBe(ask);
    await waitFor(() =>
      expect(ask.textContent).toMatch(/Tarik penugasan Pemerintah Provinsi Bali\?/),
    );
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await userEvent.click(within(ask).getByRole('button', { name: 'Batal' }));
    expect((form.getByLabelText(/^Alasan penarikan/) as HTMLTextAreaElement).value).toBe(
      'Instansi keliru.',
    );
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await userEvent.click(form.getByRole('button', { name: 'Tarik penugasan' }));
    await userEvent.click(form.getByRole('button', { name: 'Ya, tarik penugasan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    await waitFor(() =>
      expect(screen.getAllByRole('status')[0]!.textContent).toBe(
        'Tarik penugasan: Penugasan Pemerintah Provinsi Bali ditarik.',
      ),
    );
  });
});

describe('central decides an extension request: the result line says what was decided (audit s23 #7)', () => {
  const ext = {
    id: 'X1',
    agencyId: 'pemprov-bali',
    workingDays: 5,
    reason: 'Menunggu hasil pemeriksaan inspektorat',
    requestedAt: '2026-03-20T03:00:00.000Z',
  } as unknown as Schemas['CaseExtensionRequest'];
  const decide = async (approve: boolean) => {
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, { items: [{ id: 'pemprov-bali', name: 'Pemerintah Provinsi Bali' }] });
      if (call.method !== 'POST') return json(200, {});
      return json(200, {
        ...ext,
        caseId: 'C1',
        status: approve ? 'approved' : 'refused',
        decidedAt: '2026-03-23T03:00:00.000Z',
        note: null,
        assignment: {
          ...assignment,
          state: 'acknowledged',
          timeZone: 'Asia/Makassar',
          // Acknowledged already: only the follow-up and the resolution moved.
          due: {
            acknowledge: '2026-03-10T15:59:00.000Z',
            followUp: '2026-04-07T15:59:00.000Z',
            resolution: '2026-04-21T15:59:00.000Z',
          },
          met: { acknowledge: '2026-03-09T02:00:00.000Z', followUp: null, resolution: null },
        },
      });
    });
    renderWith(
      <AgencyNamesProvider user="u1">
        <ActionResultProvider>
          <AssignmentActions
            caseId="C1"
            assignment={{ ...assignment, state: 'acknowledged' }}
            central
            pendingExtensions={[ext]}
            onChange={() => {}}
          />
        </ActionResultProvider>
      </AgencyNamesProvider>,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    const summary = screen.getByText(/^Permintaan perpanjangan 5 hari kerja/, {
      selector: 'summary, summary *',
    });
    const form = within(summary.closest('details')!);
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), approve ? 'true' : 'false');
    await userEvent.click(form.getByRole('button', { name: 'Putuskan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    await waitFor(() => expect(screen.getAllByRole('status')[0]!.textContent).not.toBe(''));
    return screen.getAllByRole('status')[0]!.textContent;
  };

  it('says, before deciding, where the deadline would go if approved, in the agency’s zone', () => {
    mockApi(() => json(200, {}));
    renderWith(
      <AssignmentActions
        caseId="C1"
        assignment={{ ...assignment, state: 'acknowledged', timeZone: 'Asia/Makassar' }}
        central
        pendingExtensions={[
          { ...ext, proposedDueAt: '2026-03-30T15:59:59.999Z' },
          { ...ext, id: 'X2', workingDays: 3, proposedDueAt: null },
        ]}
        onChange={() => {}}
      />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    const form = (days: number) =>
      screen
        .getByText(new RegExp(`^Permintaan perpanjangan ${days} hari kerja`), {
          selector: 'summary, summary *',
        })
        .closest('details')!.textContent;
    expect(form(5)).toContain('Jika disetujui: tenggat menjadi 30 Mar 2026, 23.59 WITA');
    // Paused: no deadline runs, none to say.
    expect(form(3)).not.toContain('Jika disetujui');
  });

  it('approved: the new deadlines from the answer, in the assignment’s zone, named', async () => {
    expect(await decide(true)).toBe(
      'Permintaan perpanjangan 5 hari kerja: Menunggu hasil pemeriksaan inspektorat: ' +
        'Disetujui untuk Pemerintah Provinsi Bali. Tenggat baru: ' +
        'Tindak lanjut 7 Apr 2026, 23.59 WITA; Penyelesaian 21 Apr 2026, 23.59 WITA.',
    );
  });

  it('refused: says so, and that the deadlines stay', async () => {
    expect(await decide(false)).toBe(
      'Permintaan perpanjangan 5 hari kerja: Menunggu hasil pemeriksaan inspektorat: ' +
        'Ditolak untuk Pemerintah Provinsi Bali; tenggatnya tidak berubah.',
    );
  });
});

describe('an agency’s action typed before central forwarded the case again (audit s24 #6)', () => {
  const conflict = json(409, {
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    code: 'version_conflict',
    detail: 'the assignment of pemprov-bali on case C1 was forwarded again since generation 1',
    requestId: 'r1',
  });
  const firstForwarding = {
    ...assignment,
    state: 'acknowledged',
    generation: 1,
  } as Schemas['Assignment'];
  const open = (title: string) => {
    const summary = screen.getByText(title, { selector: 'summary, summary *' });
    return { summary, form: within(summary.closest('details')!) };
  };

  it('names the forwarding each action was written for', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(200, firstForwarding) : json(200, {}),
    );
    renderWith(
      <AssignmentActions
        caseId="C1"
        assignment={firstForwarding}
        central={false}
        onChange={() => {}}
      />,
      { as: { agency: 'pemprov-bali', role: 'agency_officer' } },
    );
    const response = open('Kirim tanggapan');
    await userEvent.click(response.summary);
    await userEvent.type(response.form.getByLabelText(/^Isi tanggapan/), 'Sedang diperiksa.');
    await userEvent.click(response.form.getByRole('button', { name: 'Kirim' }));
    const redirect = open('Bukan kewenangan kami');
    await userEvent.click(redirect.summary);
    await userEvent.type(redirect.form.getByLabelText(/^Alasan/), 'Bukan kami.');
    await userEvent.click(redirect.form.getByRole('button', { name: 'Kirim' }));
    await userEvent.click(redirect.form.getByRole('button', { name: 'Ya, kembalikan penugasan' }));
    const extension = open('Minta perpanjangan waktu');
    await userEvent.click(extension.summary);
    await userEvent.type(extension.form.getByLabelText(/^Tambahan hari kerja/), '5');
    await userEvent.type(extension.form.getByLabelText(/^Alasan/), 'Menunggu data.');
    await userEvent.click(extension.form.getByRole('button', { name: 'Kirim' }));
    const pause = open('Hentikan tenggat sementara');
    await userEvent.click(pause.summary);
    await userEvent.type(pause.form.getByLabelText(/^Alasan/), 'Menunggu pengadu.');
    await userEvent.click(pause.form.getByRole('button', { name: 'Hentikan tenggat sementara' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(4));
    expect(
      calls
        .filter((c) => c.method === 'POST')
        .map((c) => [c.path.split('/').at(-1), (c.body as { generation?: number }).generation]),
    ).toEqual([
      ['responses', 1],
      ['redirect', 1],
      ['extension-requests', 1],
      ['pause', 1],
    ]);
  });

  it('refused as forwarded again since: says so, keeps the answer typed, offers the latest', async () => {
    mockApi((call) => (call.method === 'POST' ? conflict : json(200, {})));
    let reloaded = 0;
    renderWith(
      <AssignmentActions
        caseId="C1"
        assignment={firstForwarding}
        central={false}
        onChange={() => (reloaded += 1)}
      />,
      { as: { agency: 'pemprov-bali', role: 'agency_officer' } },
    );
    const { summary, form } = open('Kirim tanggapan');
    await userEvent.click(summary);
    const message = form.getByLabelText(/^Isi tanggapan/) as HTMLTextAreaElement;
    await userEvent.type(message, 'Sudah ditangani Polsek Menteng.');
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    expect((await form.findByRole('alert')).textContent).toContain(
      'Instansi Anda baru saja menerima penerusan baru pengaduan ini dari pusat',
    );
    expect(message.value).toBe('Sudah ditangani Polsek Menteng.');
    await userEvent.click(form.getByRole('button', { name: 'Muat versi terbaru' }));
    expect(reloaded).toBe(1);
  });
});

describe('an agency ends its assignment only on an explicit second click', () => {
  const names = [
    { id: 'kementerian-pu', name: 'Kementerian Pekerjaan Umum' },
    { id: 'pemprov-bali', name: 'Pemerintah Provinsi Bali' },
  ];
  const agencyForm = (title: string) => {
    const calls = mockApi((call) =>
      call.path === '/v1/agency-names'
        ? json(200, { items: names })
        : call.method === 'POST'
          ? json(200, { ...assignment, state: 'completed' })
          : json(200, {}),
    );
    let changed = 0;
    renderWith(
      <AgencyNamesProvider user="u1">
        <AssignmentActions
          caseId="C1"
          assignment={{ ...assignment, state: 'acknowledged', generation: 1 }}
          central={false}
          onChange={() => (changed += 1)}
        />
      </AgencyNamesProvider>,
      { as: { agency: 'pemprov-bali', role: 'agency_officer' } },
    );
    const summary = screen.getByText(title, { selector: 'summary, summary *' });
    return {
      summary,
      form: within(summary.closest('details')!),
      posts: () => calls.filter((c) => c.method === 'POST'),
      changed: () => changed,
    };
  };

  it('"not ours": says the assignment ends and goes back to central; Batal sends nothing; the yes sends once', async () => {
    const { summary, form, posts, changed } = agencyForm('Bukan kewenangan kami');
    await userEvent.click(summary);
    await userEvent.type(form.getByLabelText(/^Alasan/), 'Jalan nasional.');
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    const ask = form.getByRole('alertdialog');
    expect(document.activeElement).toBe(ask);
    expect(ask.textContent).toContain(
      'Penugasan ini akan diakhiri dan dikembalikan ke Asdep Pengaduan Masyarakat',
    );
    expect(ask.textContent).toContain('tidak dapat dibatalkan');
    expect(posts()).toHaveLength(0);
    await userEvent.click(within(ask).getByRole('button', { name: 'Batal' }));
    expect(form.queryByRole('alertdialog')).toBeNull();
    expect((form.getByLabelText(/^Alasan/) as HTMLTextAreaElement).value).toBe('Jalan nasional.');
    expect(posts()).toHaveLength(0);
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    await userEvent.click(form.getByRole('button', { name: 'Ya, kembalikan penugasan' }));
    await waitFor(() => expect(changed()).toBe(1));
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.path).toBe('/v1/cases/C1/assignments/pemprov-bali/redirect');
    expect(posts()[0]!.body).toEqual({ reason: 'Jalan nasional.', generation: 1 });
  });

  it('the final follow-up: says no answer or attachment can follow; Batal sends nothing; the yes sends once', async () => {
    const { summary, form, posts, changed } = agencyForm('Kirim tanggapan');
    await userEvent.click(summary);
    await userEvent.selectOptions(form.getByLabelText(/^Jenis tanggapan/), 'final');
    await userEvent.type(form.getByLabelText(/^Isi tanggapan/), 'Jalan sudah diperbaiki.');
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    const ask = form.getByRole('alertdialog');
    expect(ask.textContent).toContain('tidak dapat ditambah jawaban atau lampiran lagi');
    expect(posts()).toHaveLength(0);
    await userEvent.click(within(ask).getByRole('button', { name: 'Batal' }));
    expect(posts()).toHaveLength(0);
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    await userEvent.click(form.getByRole('button', { name: 'Ya, kirim tindak lanjut akhir' }));
    await waitFor(() => expect(changed()).toBe(1));
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.body).toEqual({
      kind: 'final',
      message: 'Jalan sudah diperbaiki.',
      generation: 1,
    });
  });

  it('a progress update is sent at once, without asking', async () => {
    const { summary, form, posts, changed } = agencyForm('Kirim tanggapan');
    await userEvent.click(summary);
    await userEvent.type(form.getByLabelText(/^Isi tanggapan/), 'Sedang diperiksa.');
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    await waitFor(() => expect(changed()).toBe(1));
    expect(form.queryByRole('alertdialog')).toBeNull();
    expect(posts()).toHaveLength(1);
  });

  it('"not ours" with the authority typed but not picked: the field says so, and nothing asks', async () => {
    const { summary, form, posts } = agencyForm('Bukan kewenangan kami');
    await userEvent.click(summary);
    await userEvent.type(form.getByLabelText(/^Alasan/), 'Jalan nasional.');
    await userEvent.type(form.getByRole('combobox'), 'Balai Besar Jalan Nasional');
    await userEvent.tab();
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    await waitFor(() =>
      expect(
        form.getAllByText(
          'Instansi yang berwenang: pilih instansi dari daftar, atau kosongkan kolom ini.',
        ).length,
      ).toBeGreaterThan(0),
    );
    expect(form.queryByRole('alertdialog')).toBeNull();
    expect(posts()).toHaveLength(0);
  });
});

describe('an agency pauses its deadlines waiting for the complainant', () => {
  const pauseAs = async (reason: string, ask: string) => {
    const calls = mockApi(() => json(200, { ...assignment, paused: true }));
    renderWith(
      <AssignmentActions caseId="C1" assignment={assignment} central={false} onChange={() => {}} />,
      { as: { agency: 'pemprov-bali', role: 'agency_officer' } },
    );
    const summary = screen.getByText('Hentikan tenggat sementara', {
      selector: 'summary, summary *',
    });
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    await userEvent.type(form.getByLabelText(/^Alasan/), reason);
    if (ask) await userEvent.type(form.getByLabelText(/^Yang diminta dari pengadu/), ask);
    await userEvent.click(form.getByRole('button', { name: 'Hentikan tenggat sementara' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    return { form, body: calls.find((c) => c.method === 'POST')!.body };
  };

  it('sends what the complainant is asked for, the field saying that they read it and the reason not', async () => {
    const { form, body } = await pauseAs('Menunggu data pengadu.', 'Fotokopi surat tanda lapor');
    expect(body).toMatchObject({
      reason: 'Menunggu data pengadu.',
      askComplainant: 'Fotokopi surat tanda lapor',
    });
    expect(form.getByText(/Ditampilkan kepada pengadu di halaman lacak/)).toBeTruthy();
    expect(form.getByText(/Alasan di atas tidak ditampilkan/)).toBeTruthy();
  });

  it('sends no request of the complainant when the field is left empty (a pause for its own reasons)', async () => {
    const { body } = await pauseAs('Menunggu hasil survei lapangan.', '');
    expect(body).not.toHaveProperty('askComplainant');
  });

  it('the history says what the complainant was asked, after the reason', () => {
    const t = (key: string, vars?: Record<string, unknown>) =>
      `${key}${vars ? JSON.stringify(vars) : ''}`;
    const event = {
      type: 'assignment_paused',
      agencyId: 'pemprov-bali',
      data: { reason: 'Menunggu data pengadu.', asked: 'Fotokopi surat tanda lapor' },
    } as unknown as Parameters<typeof describeEvent>[0];
    expect(
      describeEvent(
        event,
        t as never,
        (id) => id,
        (iso) => iso,
      ),
    ).toEqual([
      '“Menunggu data pengadu.”',
      'timeline.askedComplainant{"asked":"Fotokopi surat tanda lapor"}',
    ]);
  });
});

describe('an agency’s form whose action the assignment, read again, no longer allows', () => {
  /** The actions as the case page hosts them, and the assignment read again as `next`. */
  const renderReading = () => {
    let show: (next: Schemas['Assignment']) => void = () => {};
    function Page() {
      const [shown, setShown] = useState(assignment);
      show = setShown;
      return (
        <AssignmentActions caseId="C1" assignment={shown} central={false} onChange={() => {}} />
      );
    }
    renderWith(<Page />, { as: { agency: 'pemprov-bali', role: 'agency_officer' } });
    return (next: Schemas['Assignment']) =>
      act(async () => {
        show(next);
      });
  };
  const details = (title: string) =>
    screen.queryByText(title, { selector: 'summary, summary *' })?.closest('details') ?? null;

  it('a pause typed while a colleague paused the deadlines stays with its text, saying so, beside "resume"', async () => {
    mockApi(() => json(200, {}));
    const readAgain = renderReading();
    await userEvent.click(
      screen.getByText('Hentikan tenggat sementara', { selector: 'summary, summary *' }),
    );
    await userEvent.type(
      within(details('Hentikan tenggat sementara')!).getByLabelText(/^Alasan/),
      'Menunggu data pengadu.',
    );
    await readAgain({ ...assignment, paused: true });
    const gone = details('Hentikan tenggat sementara')!;
    expect(within(gone).getByRole('alert').textContent).toContain('sudah dihentikan sementara');
    expect(within(gone).getByLabelText<HTMLInputElement>(/^Alasan/).value).toBe(
      'Menunggu data pengadu.',
    );
    expect(details('Lanjutkan tenggat')).toBeTruthy();
    await userEvent.click(within(gone).getByRole('button', { name: 'Buang isian' }));
    await waitFor(() => expect(details('Hentikan tenggat sementara')).toBeNull());
  });

  it('ended (withdrawn): the forms holding text stay, locked, saying so; the others go', async () => {
    mockApi(() => json(200, {}));
    const readAgain = renderReading();
    await userEvent.click(
      screen.getByText('Bukan kewenangan kami', { selector: 'summary, summary *' }),
    );
    await userEvent.type(
      within(details('Bukan kewenangan kami')!).getByLabelText(/^Alasan/),
      'Jalan nasional, bukan provinsi.',
    );
    await readAgain({ ...assignment, state: 'withdrawn' });
    const gone = details('Bukan kewenangan kami')!;
    expect(within(gone).getByRole('alert').textContent).toContain('sudah berstatus “Ditarik”');
    expect(within(gone).getByLabelText<HTMLTextAreaElement>(/^Alasan/).value).toBe(
      'Jalan nasional, bukan provinsi.',
    );
    expect(details('Kirim tanggapan')).toBeNull();
    expect(details('Hentikan tenggat sementara')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Konfirmasi penerimaan' })).toBeNull();
  });

  it('an answer holding only its chosen files stays too: the files are unsent work', async () => {
    mockApi(() => json(200, {}));
    const readAgain = renderReading();
    await userEvent.click(screen.getByText('Kirim tanggapan', { selector: 'summary, summary *' }));
    await userEvent.upload(within(details('Kirim tanggapan')!).getByLabelText(/^Lampiran \(PDF/), [
      new File(['%PDF-1.7'], 'berita-acara.pdf', { type: 'application/pdf' }),
    ]);
    await readAgain({ ...assignment, state: 'withdrawn' });
    const gone = details('Kirim tanggapan')!;
    expect(gone).toBeTruthy();
    expect(within(gone).getByRole('alert').textContent).toContain('sudah berstatus “Ditarik”');
    expect(gone.textContent).toContain('berita-acara.pdf');
    // Let go: the form goes, files and all.
    await userEvent.click(within(gone).getByRole('button', { name: 'Buang isian' }));
    await waitFor(() => expect(details('Kirim tanggapan')).toBeNull());
  });
});

describe('central typing its decision on an extension request that lapses meanwhile', () => {
  const ext = {
    id: 'X1',
    agencyId: 'pemprov-bali',
    workingDays: 5,
    reason: 'Menunggu hasil pemeriksaan inspektorat',
    requestedAt: '2026-03-20T03:00:00.000Z',
  } as unknown as Schemas['CaseExtensionRequest'];
  const acknowledged = { ...assignment, state: 'acknowledged' } as Schemas['Assignment'];
  /** Central's actions as the case page hosts them; `readAgain` shows the case read again. */
  const renderCentral = () => {
    let show: (next: {
      a: Schemas['Assignment'];
      pending: Schemas['CaseExtensionRequest'][];
    }) => void = () => {};
    function Page() {
      const [shown, setShown] = useState({ a: acknowledged, pending: [ext] });
      show = setShown;
      return (
        <AssignmentActions
          caseId="C1"
          assignment={shown.a}
          central
          pendingExtensions={shown.pending}
          onChange={() => {}}
        />
      );
    }
    mockApi(() => json(200, {}));
    renderWith(<Page />, { as: { agency: 'setneg', role: 'central_officer' } });
    return (a: Schemas['Assignment'], pending: Schemas['CaseExtensionRequest'][]) =>
      act(async () => {
        show({ a, pending });
      });
  };
  const decision = () =>
    screen
      .queryByText(/^Permintaan perpanjangan 5 hari kerja/, { selector: 'summary, summary *' })
      ?.closest('details') ?? null;
  const typeNote = async () => {
    const form = within(decision()!);
    await userEvent.selectOptions(form.getByLabelText(/^Keputusan/), 'false');
    await userEvent.type(form.getByLabelText(/^Catatan/), 'Lampirkan jadwal pemeriksaan.');
  };

  it('the assignment ended (its request lapsed): the note stays, locked, saying why, until “Buang isian”', async () => {
    const readAgain = renderCentral();
    await typeNote();
    await readAgain({ ...acknowledged, state: 'completed' }, []);
    const gone = decision()!;
    expect(gone).toBeTruthy();
    const said = within(gone).getByRole('alert').textContent;
    expect(said).toContain('gugur');
    expect(said).toContain('“Tuntas”');
    expect(within(gone).getByLabelText<HTMLTextAreaElement>(/^Catatan/).value).toBe(
      'Lampirkan jadwal pemeriksaan.',
    );
    expect(within(gone).queryByRole('button', { name: 'Putuskan' })).toBeNull();
    await userEvent.click(within(gone).getByRole('button', { name: 'Buang isian' }));
    await waitFor(() => expect(decision()).toBeNull());
  });

  it('decided by a colleague meanwhile (no longer pending, the assignment open): says so, the note kept', async () => {
    const readAgain = renderCentral();
    await typeNote();
    await readAgain(acknowledged, []);
    const gone = decision()!;
    expect(gone).toBeTruthy();
    expect(within(gone).getByRole('alert').textContent).toContain('tidak lagi menunggu keputusan');
    expect(within(gone).getByLabelText<HTMLTextAreaElement>(/^Catatan/).value).toBe(
      'Lampirkan jadwal pemeriksaan.',
    );
  });

  it('untouched: it just goes', async () => {
    const readAgain = renderCentral();
    expect(decision()).toBeTruthy();
    await readAgain({ ...acknowledged, state: 'completed' }, []);
    expect(decision()).toBeNull();
  });
});

describe('a coordinator answering an assignment one of its member units holds', () => {
  const names = () =>
    mockApi((call) =>
      call.path === '/v1/agency-names'
        ? json(200, {
            items: [
              { id: 'atr-bpn', name: 'Kementerian ATR/BPN' },
              { id: 'kantah-7', name: 'Kantor Pertanahan Kota Kupang' },
            ],
          })
        : json(200, { items: [] }),
    );
  const held = (state: string, delegatedTo: string | null = 'kantah-7') =>
    ({
      ...assignment,
      agencyId: 'atr-bpn',
      state,
      delegatedTo,
    }) as unknown as Schemas['Assignment'];
  const sentence =
    'Pengaduan ini sedang dipegang Kantor Pertanahan Kota Kupang, yang mungkin sedang menulis tanggapannya sendiri. Konfirmasi atau tanggapan yang Anda kirim menjadi milik Kementerian ATR/BPN; Kantor Pertanahan Kota Kupang akan melihatnya.';

  it('is told, above the acknowledgement and the forms, that the unit holds it and will see the answer', async () => {
    names();
    renderWith(
      <AgencyNamesProvider user="u1">
        {/* As the case page has them: the acknowledgement first, the forms below. */}
        <Acknowledge caseId="C1" assignment={held('pending')} onChange={() => {}} />
        <AssignmentActions
          caseId="C1"
          assignment={held('pending')}
          central={false}
          onChange={() => {}}
        />
      </AgencyNamesProvider>,
      { as: { agency: 'atr-bpn', role: 'agency_coordinator' } },
    );
    const said = await screen.findByText(sentence);
    // Before what it says it about: the acknowledgement and "Kirim tanggapan".
    const ack = screen.getByRole('button', { name: 'Konfirmasi penerimaan' });
    const respond = screen.getByText('Kirim tanggapan', { selector: 'summary, summary *' });
    expect(said.compareDocumentPosition(ack) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(said.compareDocumentPosition(respond) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('is not said to the unit holding it, nor when no unit holds it, nor once it has ended', async () => {
    names();
    const unitView = renderWith(
      <AgencyNamesProvider user="u1">
        <AssignmentActions
          caseId="C1"
          assignment={held('acknowledged')}
          central={false}
          onChange={() => {}}
        />
      </AgencyNamesProvider>,
      { as: { agency: 'kantah-7', role: 'agency_officer' } },
    );
    await screen.findByText('Kirim tanggapan', { selector: 'summary, summary *' });
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(screen.queryByText(/sedang dipegang/)).toBeNull();
    unitView.unmount();
    const own = renderWith(
      <AgencyNamesProvider user="u1">
        <AssignmentActions
          caseId="C1"
          assignment={held('acknowledged', null)}
          central={false}
          onChange={() => {}}
        />
      </AgencyNamesProvider>,
      { as: { agency: 'atr-bpn', role: 'agency_coordinator' } },
    );
    await screen.findByText('Kirim tanggapan', { selector: 'summary, summary *' });
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(screen.queryByText(/sedang dipegang/)).toBeNull();
    own.unmount();
    renderWith(
      <AgencyNamesProvider user="u1">
        <AssignmentActions
          caseId="C1"
          assignment={held('completed')}
          central={false}
          onChange={() => {}}
        />
      </AgencyNamesProvider>,
      { as: { agency: 'atr-bpn', role: 'agency_coordinator' } },
    );
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(screen.queryByText(/sedang dipegang/)).toBeNull();
  });
});

describe('an agency’s answer carries its files: one "Kirim" stores them, then sends the answer', () => {
  const stored = (id: string, name: string, status = 'available') => ({
    id,
    caseId: 'C1',
    name,
    size: 9,
    contentType: status === 'uploading' ? null : 'application/pdf',
    sha256: null,
    status,
    refusal: null,
    scan: null,
    visibility: 'agencies',
    attachedTo: { kind: 'response', agencyId: 'pemprov-bali', activityId: null },
    uploadedBy: { sub: 'u1', agency: 'pemprov-bali' },
    uploadedAt: '2026-03-16T03:00:00.000Z',
    completedAt: status === 'uploading' ? null : '2026-03-16T03:00:00.000Z',
    version: 1,
  });
  /**
   * The API and storage: each start answers an attachment named after the file (`A-<name>`) and
   * a form to `/bucket/<name>`; `storage` and `completion` may refuse one file.
   */
  const answerForm = (
    options: {
      storage?: (name: string, tries: number) => Response | undefined;
      completion?: (name: string) => ReturnType<typeof json> | undefined;
      assignmentState?: string;
      start?: (name: string) => ReturnType<typeof json> | undefined;
    } = {},
  ) => {
    const tries = new Map<string, number>();
    const calls = mockApi((call) => {
      if (call.method !== 'POST') return json(200, {});
      if (call.path === '/v1/cases/C1/attachments') {
        const name = (call.body as { name: string }).name;
        return (
          options.start?.(name) ??
          json(201, {
            attachment: stored(`A-${name}`, name, 'uploading'),
            upload: {
              url: `https://uploads.example/bucket/${name}`,
              fields: { key: `cases/C1/A-${name}` },
              maxBytes: 20_971_520,
              expiresAt: '2026-03-16T03:15:00.000Z',
            },
          })
        );
      }
      if (call.path.startsWith('/bucket/')) {
        const name = call.path.slice('/bucket/'.length);
        tries.set(name, (tries.get(name) ?? 0) + 1);
        return options.storage?.(name, tries.get(name)!) ?? new Response(null, { status: 204 });
      }
      if (call.path.endsWith('/complete')) {
        const name = call.path.split('/').at(-2)!.slice('A-'.length);
        return options.completion?.(name) ?? json(200, stored(`A-${name}`, name));
      }
      return json(201, { ...assignment, state: 'completed' });
    });
    let changed = 0;
    let filed = 0;
    renderWith(
      <AssignmentActions
        caseId="C1"
        assignment={
          {
            ...assignment,
            state: options.assignmentState ?? 'acknowledged',
            generation: 1,
          } as Schemas['Assignment']
        }
        central={false}
        onFiled={() => (filed += 1)}
        onChange={() => (changed += 1)}
      />,
      { as: { agency: 'pemprov-bali', role: 'agency_officer' } },
    );
    const summary = screen.getByText('Kirim tanggapan', { selector: 'summary, summary *' });
    const form = within(summary.closest('details')!);
    /** What was sent, in order: `start <name>`, `storage <name>`, `complete <name>`, `response`. */
    const sent = () =>
      calls
        .filter((c) => c.method === 'POST')
        .map((c) =>
          c.path === '/v1/cases/C1/attachments'
            ? `start ${(c.body as { name: string }).name}`
            : c.path.startsWith('/bucket/')
              ? `storage ${c.path.slice('/bucket/'.length)}`
              : c.path.endsWith('/complete')
                ? `complete ${c.path.split('/').at(-2)!.slice('A-'.length)}`
                : c.path.endsWith('/responses')
                  ? 'response'
                  : c.path,
        );
    return {
      summary,
      form,
      calls,
      sent,
      changed: () => changed,
      filed: () => filed,
    };
  };
  const pdf = (name: string) => new File(['%PDF-1.7'], name, { type: 'application/pdf' });
  const jpeg = (name: string) => new File(['\xff\xd8\xff'], name, { type: 'image/jpeg' });

  it('final: the question names the files; on the yes each file is stored with the answer, then the answer is sent', async () => {
    const { summary, form, calls, sent, changed, filed } = answerForm();
    await userEvent.click(summary);
    await userEvent.upload(form.getByLabelText(/^Lampiran \(PDF/), [
      pdf('surat-jawaban.pdf'),
      jpeg('foto-lokasi.jpg'),
    ]);
    // Chosen, listed with the answer: nothing sent yet.
    expect(form.getByText('surat-jawaban.pdf')).toBeTruthy();
    expect(form.getByText('foto-lokasi.jpg')).toBeTruthy();
    await userEvent.selectOptions(form.getByLabelText(/^Jenis tanggapan/), 'final');
    await userEvent.type(form.getByLabelText(/^Isi tanggapan/), 'Jalan sudah diperbaiki.');
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    const ask = form.getByRole('alertdialog');
    expect(ask.textContent).toContain('surat-jawaban.pdf');
    expect(ask.textContent).toContain('foto-lokasi.jpg');
    expect(sent()).toEqual([]);
    await userEvent.click(
      within(ask).getByRole('button', { name: 'Ya, kirim tindak lanjut akhir' }),
    );
    await waitFor(() => expect(changed()).toBe(1));
    // Files first: after a final answer the API takes none.
    expect(sent()).toEqual([
      'start surat-jawaban.pdf',
      'storage surat-jawaban.pdf',
      'complete surat-jawaban.pdf',
      'start foto-lokasi.jpg',
      'storage foto-lokasi.jpg',
      'complete foto-lokasi.jpg',
      'response',
    ]);
    const starts = calls.filter((c) => c.path === '/v1/cases/C1/attachments');
    for (const start of starts)
      expect(start.body).toMatchObject({
        attachedTo: { kind: 'response', agencyId: 'pemprov-bali' },
      });
    expect(calls.find((c) => c.path.endsWith('/responses'))!.body).toEqual({
      kind: 'final',
      message: 'Jalan sudah diperbaiki.',
      generation: 1,
    });
    // The case's attachments card reads its files again.
    expect(filed()).toBeGreaterThan(0);
    expect(form.queryByText('surat-jawaban.pdf')).toBeNull();
  });

  it('a final answer with no file chosen: the question says none goes with it', async () => {
    const { summary, form } = answerForm();
    await userEvent.click(summary);
    await userEvent.selectOptions(form.getByLabelText(/^Jenis tanggapan/), 'final');
    await userEvent.type(form.getByLabelText(/^Isi tanggapan/), 'Jalan sudah diperbaiki.');
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    expect(form.getByRole('alertdialog').textContent).toContain('Tanpa lampiran');
  });

  it('a file that does not reach storage: the answer is not sent, the file and why said; the retry stores only what was not', async () => {
    const { summary, form, sent, changed } = answerForm({
      storage: (name, tries) => {
        if (name === 'foto-lokasi.jpg' && tries === 1) throw new TypeError('Failed to fetch');
        return undefined;
      },
    });
    await userEvent.click(summary);
    await userEvent.upload(form.getByLabelText(/^Lampiran \(PDF/), [
      pdf('surat-jawaban.pdf'),
      jpeg('foto-lokasi.jpg'),
    ]);
    await userEvent.type(form.getByLabelText(/^Isi tanggapan/), 'Sedang diperbaiki.');
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    const alert = await form.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('foto-lokasi.jpg'));
    expect(alert.textContent).toContain('Tanggapan belum dikirim');
    expect(alert.textContent).toContain('Tidak dapat menghubungi server');
    expect(sent()).not.toContain('response');
    // The text and both files stay; the one stored says so, and cannot be taken off any more.
    expect((form.getByLabelText(/^Isi tanggapan/) as HTMLTextAreaElement).value).toBe(
      'Sedang diperbaiki.',
    );
    const stored = form.getByText('surat-jawaban.pdf').closest('li')!;
    expect(within(stored).getByText(/tersimpan/)).toBeTruthy();
    expect(within(stored).queryByRole('button')).toBeNull();
    expect(form.getByText('foto-lokasi.jpg')).toBeTruthy();
    const before = sent().length;
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    await waitFor(() => expect(changed()).toBe(1));
    expect(sent().slice(before)).toEqual([
      'start foto-lokasi.jpg',
      'storage foto-lokasi.jpg',
      'complete foto-lokasi.jpg',
      'response',
    ]);
  });

  it('a file refused for its type: said with its name; taken off, the answer goes', async () => {
    const { summary, form, sent, changed } = answerForm({
      completion: (name) =>
        name === 'foto-lokasi.jpg'
          ? json(415, {
              title: 'Unsupported Media Type',
              status: 415,
              code: 'unsupported_media_type',
              detail: 'foto-lokasi.jpg: the content is application/x-msdownload',
              requestId: 'r',
            })
          : undefined,
    });
    await userEvent.click(summary);
    await userEvent.upload(form.getByLabelText(/^Lampiran \(PDF/), [
      jpeg('foto-lokasi.jpg'),
      pdf('surat-jawaban.pdf'),
    ]);
    await userEvent.type(form.getByLabelText(/^Isi tanggapan/), 'Sedang diperbaiki.');
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    const alert = await form.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('foto-lokasi.jpg'));
    expect(alert.textContent).toContain('Jenis berkas ini tidak diterima');
    expect(sent()).toEqual([
      'start foto-lokasi.jpg',
      'storage foto-lokasi.jpg',
      'complete foto-lokasi.jpg',
    ]);
    await userEvent.click(form.getByRole('button', { name: 'Hapus foto-lokasi.jpg' }));
    expect(form.queryByText('foto-lokasi.jpg')).toBeNull();
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    await waitFor(() => expect(changed()).toBe(1));
    expect(sent().slice(3)).toEqual([
      'start surat-jawaban.pdf',
      'storage surat-jawaban.pdf',
      'complete surat-jawaban.pdf',
      'response',
    ]);
  });

  it('a file over 20 MB is refused at the field, by its name, and never sent', async () => {
    const { summary, form } = answerForm();
    await userEvent.click(summary);
    const big = pdf('pindaian-besar.pdf');
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });
    const input = form.getByLabelText(/^Lampiran \(PDF/);
    await userEvent.upload(input, [big, pdf('surat-jawaban.pdf')]);
    const error = form.getByText(/pindaian-besar\.pdf.*20 MB/);
    expect(error.getAttribute('role')).toBe('alert');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    expect(form.queryByRole('button', { name: 'Hapus pindaian-besar.pdf' })).toBeNull();
    expect(form.getByRole('button', { name: 'Hapus surat-jawaban.pdf' })).toBeTruthy();
  });

  it('an assignment ended meanwhile: says files can no longer be added and why, not "reload the page"', async () => {
    const { summary, form, sent } = answerForm({
      start: () =>
        json(409, {
          title: 'Conflict',
          status: 409,
          code: 'invalid_transition',
          detail: 'an assignment that is completed takes no more files',
          requestId: 'r',
        }),
    });
    await userEvent.click(summary);
    await userEvent.upload(form.getByLabelText(/^Lampiran \(PDF/), [pdf('surat-jawaban.pdf')]);
    await userEvent.type(form.getByLabelText(/^Isi tanggapan/), 'Sedang diperbaiki.');
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    const alert = await form.findByRole('alert');
    await waitFor(() =>
      expect(alert.textContent).toContain(
        'Lampiran tidak dapat ditambahkan: penugasan ini sudah selesai',
      ),
    );
    expect(alert.textContent).not.toMatch(/Muat ulang/);
    expect(sent()).toEqual(['start surat-jawaban.pdf']);
  });
});
