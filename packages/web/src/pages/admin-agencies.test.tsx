import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AGENCY_ID_TAKEN, AGENCY_NAME_TAKEN } from '@pantau/core/schemas';
import { describe, expect, it } from 'vitest';
import { jobOf } from '../../test/fixtures';
import { json, mockApi, renderWith } from '../../test/render';
import { AgencyNamesProvider } from '../components/agencies';
import Agencies from './admin-agencies';

const AS = { as: { agency: 'setneg', role: 'central_admin' as const }, path: '/admin/agencies' };
const at = '2026-01-05T00:00:00.000Z';
const polri = {
  id: 'polri',
  name: 'Kepolisian Negara Republik Indonesia',
  kind: 'agency',
  focalPointId: null,
  timeZone: 'Asia/Jakarta',
  contacts: [{ name: 'Divisi Propam Polri', email: 'dumas@polri.example.go.id', kind: 'liaison' }],
  createdAt: at,
  updatedAt: at,
  version: 1,
};
const page = { status: 200, body: { items: [polri], nextCursor: null } };

describe('agency contacts and their kinds', () => {
  it('names the kinds of contact in the reader’s language alone', async () => {
    mockApi(() => page);
    renderWith(<Agencies />, AS);
    const row = await screen.findByRole('row', { name: /polri/ });
    // The contact as listed: its kind in one Indonesian word, no English after it.
    expect(within(row).getByText(/^Divisi Propam Polri/).textContent).toBe(
      'Divisi Propam Polri <dumas@polri.example.go.id> — Penghubung',
    );
    await userEvent.click(within(row).getByText(/^Ubah kontak/));
    const kind = within(row).getByLabelText<HTMLSelectElement>(/^Jenis kontak/);
    expect(Array.from(kind.options, (o) => o.text)).toEqual(['Penghubung', 'Pimpinan']);
  });

  it('names them in English in the English console', async () => {
    mockApi(() => page);
    renderWith(<Agencies />, { ...AS, lang: 'en' });
    const row = await screen.findByRole('row', { name: /polri/ });
    await userEvent.click(within(row).getByText(/^Edit the contacts/));
    const kind = within(row).getByLabelText<HTMLSelectElement>(/^Contact kind/);
    expect(Array.from(kind.options, (o) => o.text)).toEqual(['Liaison', 'Head']);
  });

  it('registers an agency with a liaison and a head', async () => {
    const calls = mockApi((call) => (call.method === 'POST' ? json(201, polri) : page));
    renderWith(<Agencies />, AS);
    const add = (await screen.findByText('Tambah instansi')).closest('details')!;
    await userEvent.click(within(add).getByText('Tambah instansi'));
    const form = within(add);
    await userEvent.type(form.getByLabelText(/^Kode/), 'kanwil-bpn-ntt');
    await userEvent.type(form.getByLabelText(/^Nama \*/), 'Kantor Wilayah BPN Provinsi NTT');
    await userEvent.type(form.getByLabelText(/^Nama kontak/), 'Bagian Umum');
    await userEvent.type(form.getByLabelText(/^Surel kontak/), 'umum@kanwil-ntt.example.go.id');
    expect(form.getByLabelText<HTMLSelectElement>(/^Jenis kontak/).value).toBe('liaison');
    await userEvent.click(form.getByRole('button', { name: 'Tambah kontak' }));
    const second = within(form.getByRole('group', { name: 'Kontak 2' }));
    await userEvent.type(second.getByLabelText(/^Nama kontak/), 'Kepala Kanwil');
    await userEvent.type(
      second.getByLabelText(/^Surel kontak/),
      'kakanwil@kanwil-ntt.example.go.id',
    );
    await userEvent.selectOptions(second.getByLabelText(/^Jenis kontak/), 'Pimpinan');
    await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      id: 'kanwil-bpn-ntt',
      contacts: [
        { name: 'Bagian Umum', email: 'umum@kanwil-ntt.example.go.id', kind: 'liaison' },
        { name: 'Kepala Kanwil', email: 'kakanwil@kanwil-ntt.example.go.id', kind: 'head' },
      ],
    });
    // One key per submission: a retry after a lost answer cannot register it twice.
    expect(calls.find((c) => c.method === 'POST')!.headers.get('idempotency-key')).toMatch(
      /^[0-9a-f-]{36}$/,
    );
  });

  it('says at the name, in Indonesian, that another agency has it, and keeps what was typed', async () => {
    mockApi((call) =>
      call.method === 'POST'
        ? new Response(
            JSON.stringify({
              type: 'urn:pantau:problem:validation_failed',
              title: 'Bad Request',
              status: 400,
              code: 'validation_failed',
              detail: `name: ${AGENCY_NAME_TAKEN}`,
              requestId: 'r1',
              errors: [{ path: 'name', message: AGENCY_NAME_TAKEN }],
            }),
            { status: 400, headers: { 'content-type': 'application/problem+json' } },
          )
        : page,
    );
    renderWith(<Agencies />, AS);
    const add = (await screen.findByText('Tambah instansi')).closest('details')!;
    await userEvent.click(within(add).getByText('Tambah instansi'));
    const form = within(add);
    await userEvent.type(form.getByLabelText(/^Kode/), 'kanwil-bpn-ntt');
    await userEvent.type(form.getByLabelText(/^Nama \*/), 'Kepolisian Negara Republik Indonesia');
    await userEvent.type(form.getByLabelText(/^Nama kontak/), 'Bagian Umum');
    await userEvent.type(form.getByLabelText(/^Surel kontak/), 'umum@kanwil-ntt.example.go.id');
    await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    const name = form.getByLabelText<HTMLInputElement>(/^Nama \*/);
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    const said = add.textContent ?? '';
    expect(said).toContain('Nama sudah dipakai instansi lain');
    expect(said).not.toContain(AGENCY_NAME_TAKEN);
    expect(name.value).toBe('Kepolisian Negara Republik Indonesia');
    expect(form.getByLabelText<HTMLInputElement>(/^Kode/).value).toBe('kanwil-bpn-ntt');
  });

  it('says at the code that another agency has it (the API’s 409), and keeps what was typed', async () => {
    mockApi((call) =>
      call.method === 'POST'
        ? new Response(
            JSON.stringify({
              type: 'urn:pantau:problem:already_exists',
              title: 'Conflict',
              status: 409,
              code: 'already_exists',
              detail: 'agency polri already exists',
              requestId: 'r1',
              errors: [{ path: 'id', message: AGENCY_ID_TAKEN }],
            }),
            { status: 409, headers: { 'content-type': 'application/problem+json' } },
          )
        : page,
    );
    renderWith(<Agencies />, AS);
    const add = (await screen.findByText('Tambah instansi')).closest('details')!;
    await userEvent.click(within(add).getByText('Tambah instansi'));
    const form = within(add);
    await userEvent.type(form.getByLabelText(/^Kode/), 'polri');
    await userEvent.type(form.getByLabelText(/^Nama \*/), 'Polda Nusa Tenggara Timur');
    await userEvent.type(form.getByLabelText(/^Nama kontak/), 'Bagian Umum');
    await userEvent.type(form.getByLabelText(/^Surel kontak/), 'umum@polda-ntt.example.go.id');
    await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    const code = form.getByLabelText<HTMLInputElement>(/^Kode/);
    // Before: "Data ini sudah ada, atau permintaan serupa masih menunggu keputusan.", no field.
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(add.textContent).toContain('sudah dipakai instansi lain; pilih kode lain.');
    expect(add.textContent).not.toContain(AGENCY_ID_TAKEN);
    expect(code.value).toBe('polri');
  });

  it('edits an agency’s contacts with PATCH, and refuses heads only before sending', async () => {
    const calls = mockApi((call) =>
      call.method === 'PATCH' ? json(200, { ...polri, version: 2 }) : page,
    );
    renderWith(<Agencies />, AS);
    const row = await screen.findByRole('row', { name: /polri/ });
    expect(row.textContent).toContain('Penghubung');
    await userEvent.click(within(row).getByText(/^Ubah kontak/));
    const edit = within(
      within(row)
        .getByText(/^Ubah kontak/)
        .closest('details')!,
    );
    await userEvent.selectOptions(edit.getByLabelText(/^Jenis kontak/), 'Pimpinan');
    await userEvent.click(edit.getByRole('button', { name: 'Simpan' }));
    expect(await edit.findByText(/penghubung|liaison/i, { selector: '.error' })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);

    await userEvent.click(edit.getByRole('button', { name: 'Tambah kontak' }));
    const second = within(edit.getByRole('group', { name: 'Kontak 2' }));
    await userEvent.type(second.getByLabelText(/^Nama kontak/), 'Biro Propam');
    await userEvent.type(second.getByLabelText(/^Surel kontak/), 'biro@polri.example.go.id');
    await userEvent.click(edit.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.path).toBe('/v1/agencies/polri');
    expect(patch.body).toEqual({
      contacts: [
        { name: 'Divisi Propam Polri', email: 'dumas@polri.example.go.id', kind: 'head' },
        { name: 'Biro Propam', email: 'biro@polri.example.go.id', kind: 'liaison' },
      ],
      // Made on the version shown: another admin's save since is refused, not overwritten.
      version: 1,
    });
  });
});

describe('a save another admin made first', () => {
  it('says so at the form, keeps what was typed, and loads the stored agency on request', async () => {
    const stored = { ...polri, name: 'Kepolisian RI', version: 2 };
    const calls = mockApi((call) => {
      if (call.method === 'PATCH')
        return json(409, {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'version_conflict',
        });
      if (call.path === '/v1/agencies/polri') return json(200, stored);
      return page;
    });
    renderWith(<Agencies />, AS);
    const row = await screen.findByRole('row', { name: /polri/ });
    await userEvent.click(within(row).getByText(/^Ubah nama atau zona waktu/));
    const details = within(row)
      .getByText(/^Ubah nama atau zona waktu/)
      .closest('details')!;
    const name = within(details).getByLabelText(/^Nama/);
    await userEvent.clear(name);
    await userEvent.type(name, 'Polri');
    await userEvent.click(within(details).getByRole('button', { name: 'Simpan' }));
    // Said of this agency, where the form is: not "reload the page", which loses what was typed.
    expect(await within(details).findByText(/Admin lain telah menyimpan perubahan/)).toBeTruthy();
    expect(within(details).queryByText(/Muat ulang halaman/)).toBeNull();
    expect((within(details).getByLabelText(/^Nama/) as HTMLInputElement).value).toBe('Polri');
    await userEvent.click(within(details).getByRole('button', { name: 'Muat versi terbaru' }));
    // The row is the stored agency now, and its next save is made on its version.
    const reloaded = await screen.findByRole('row', { name: /Kepolisian RI/ });
    expect(calls.some((c) => c.method === 'GET' && c.path === '/v1/agencies/polri')).toBe(true);
    await userEvent.click(within(reloaded).getByText(/^Ubah nama atau zona waktu/));
    const again = within(
      within(reloaded)
        .getByText(/^Ubah nama atau zona waktu/)
        .closest('details')!,
    );
    expect((again.getByLabelText(/^Nama/) as HTMLInputElement).value).toBe('Kepolisian RI');
    await userEvent.click(again.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PATCH')[1]?.body).toMatchObject({ version: 2 });
  });
});

describe('focal-point membership among 600 agencies', () => {
  it('names a focal point beyond the loaded page, finds another by its name, and shows the give-backs of the move', async () => {
    // The unit's focal point, and the one it moves to, are not on the first page of agencies.
    const givingBack = jobOf({
      kind: 'member',
      scope: { kind: 'member', memberId: 'kanwil-bpn-jatim', focalPointId: 'zz-kemendagri' },
      state: 'completed',
      total: 2,
      done: 2,
      moved: 2,
      finishedAt: at,
    });
    const unit = {
      ...polri,
      id: 'kanwil-bpn-jatim',
      name: 'Kanwil BPN Jawa Timur',
      focalPointId: 'zz-atr-bpn',
      version: 4,
    };
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, {
          items: [
            { id: 'kanwil-bpn-jatim', name: 'Kanwil BPN Jawa Timur', kind: 'agency' },
            { id: 'zz-atr-bpn', name: 'Kementerian ATR/BPN', kind: 'agency' },
            { id: 'zz-kemendagri', name: 'Kementerian Dalam Negeri', kind: 'agency' },
          ],
        });
      if (call.method === 'PATCH')
        return json(200, {
          ...unit,
          focalPointId: 'zz-kemendagri',
          version: 5,
          delegationsJob: givingBack,
        });
      if (call.path.startsWith('/v1/jobs/')) return json(200, givingBack);
      return json(200, { items: [unit], nextCursor: 'more' });
    });
    renderWith(
      <AgencyNamesProvider user="u1">
        <Agencies />
      </AgencyNamesProvider>,
      AS,
    );
    const row = await screen.findByRole('row', { name: /kanwil-bpn-jatim/ });
    // By name, not "none (independent)" because the focal point was not among those loaded.
    const [membership] = await within(row).findAllByText('Kementerian ATR/BPN');
    await userEvent.click(membership!);
    const form = within(membership!.closest('details')!);
    await userEvent.click(
      form.getByRole('button', { name: 'Ganti instansi (Kementerian ATR/BPN)' }),
    );
    await userEvent.type(form.getByRole('combobox'), 'dalam negeri');
    await userEvent.click(await form.findByRole('option', { name: /Kementerian Dalam Negeri/ }));
    await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      focalPointId: 'zz-kemendagri',
      version: 4,
    });
    // What ATR/BPN had delegated to the unit goes back to it, in a job whose end is shown.
    expect(
      await screen.findByText(
        'Selesai: 2 penugasan dikembalikan ke instansi koordinator yang ditinggalkan, 0 gagal.',
      ),
    ).toBeTruthy();
  });
});

describe('one agency among 600, found by name and renamed', () => {
  it('shows the agency found alone, and renames it on the version shown', async () => {
    const kemendagri = {
      ...polri,
      id: 'zz-kemendagri',
      name: 'Kementerian Dalam Negeri',
      version: 7,
    };
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, {
          items: [
            { id: 'polri', name: polri.name, kind: 'agency' },
            { id: 'zz-kemendagri', name: 'Kementerian Dalam Negeri', kind: 'agency' },
          ],
        });
      if (call.path === '/v1/agencies/zz-kemendagri')
        return call.method === 'PATCH'
          ? json(200, { ...kemendagri, name: 'Kementerian Dalam Negeri RI', version: 8 })
          : json(200, kemendagri);
      return json(200, { items: [polri], nextCursor: 'more' });
    });
    renderWith(
      <AgencyNamesProvider user="u1">
        <Agencies />
      </AgencyNamesProvider>,
      AS,
    );
    await screen.findByRole('row', { name: /polri/ });
    expect(screen.getByRole('button', { name: 'Muat lebih banyak' })).toBeTruthy();
    await userEvent.type(screen.getByRole('combobox', { name: 'Cari instansi' }), 'dalam negeri');
    await userEvent.click(await screen.findByRole('option', { name: /Kementerian Dalam Negeri/ }));
    const row = await screen.findByRole('row', { name: /zz-kemendagri/ });
    expect(screen.queryByRole('row', { name: /^polri/ })).toBeNull();
    // The rows' own pager is gone: one agency is shown.
    expect(screen.queryByRole('button', { name: 'Muat lebih banyak' })).toBeNull();
    await userEvent.click(within(row).getByText(/^Ubah nama atau zona waktu/));
    const edit = within(
      within(row)
        .getByText(/^Ubah nama atau zona waktu/)
        .closest('details')!,
    );
    const name = edit.getByLabelText(/^Nama/);
    await userEvent.clear(name);
    await userEvent.type(name, 'Kementerian Dalam Negeri RI');
    await userEvent.click(edit.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      name: 'Kementerian Dalam Negeri RI',
      timeZone: 'Asia/Jakarta',
      version: 7,
    });
  });

  it('keeps the pages loaded after a save on the second, says it saved, and names the agency anew', async () => {
    const pln = { ...polri, id: 'pln', name: 'PT PLN (Persero)', version: 3 };
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, {
          items: [
            { id: 'polri', name: polri.name, kind: 'agency' },
            {
              id: 'pln',
              // The second read of the names, after the rename, has the new one.
              name: calls.some((c) => c.method === 'PATCH') ? 'PT PLN (Persero) Tbk' : pln.name,
              kind: 'agency',
            },
          ],
        });
      if (call.path === '/v1/agencies/pln' && call.method === 'PATCH')
        return json(200, { ...pln, name: 'PT PLN (Persero) Tbk', version: 4 });
      if (call.path.includes('cursor=p2')) return json(200, { items: [pln], nextCursor: null });
      return json(200, { items: [polri], nextCursor: 'p2' });
    });
    renderWith(
      <AgencyNamesProvider user="u1">
        <Agencies />
      </AgencyNamesProvider>,
      AS,
    );
    await screen.findByRole('row', { name: /polri/ });
    await userEvent.click(screen.getByRole('button', { name: 'Muat lebih banyak' }));
    const row = await screen.findByRole('row', { name: /^pln/ });
    await userEvent.click(within(row).getByText(/^Ubah nama atau zona waktu/));
    const edit = within(
      within(row)
        .getByText(/^Ubah nama atau zona waktu/)
        .closest('details')!,
    );
    const name = edit.getByLabelText(/^Nama/);
    await userEvent.clear(name);
    await userEvent.type(name, 'PT PLN (Persero) Tbk');
    await userEvent.click(edit.getByRole('button', { name: 'Simpan' }));
    // Said, where the eye and the screen reader go; the row stays where it was, renamed.
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Tersimpan/));
    expect(screen.getByRole('row', { name: /^pln PT PLN \(Persero\) Tbk/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /^polri/ })).toBeTruthy();
    // The list was not read again from its first page; the names were (pickers, filters).
    expect(calls.filter((c) => c.path.startsWith('/v1/agencies?'))).toHaveLength(2);
    await waitFor(() => expect(calls.filter((c) => c.path === '/v1/agency-names')).toHaveLength(2));
  });
});

describe('a time zone corrected', () => {
  it('shows the job that re-arms the agency’s open deadlines in the new zone', async () => {
    const papua = { ...polri, id: 'pemprov-papua', name: 'Pemerintah Provinsi Papua', version: 2 };
    const job = jobOf({
      kind: 'agency',
      scope: { kind: 'agency', agencyId: 'pemprov-papua' },
      state: 'completed',
      total: 3,
      done: 3,
      moved: 3,
      finishedAt: at,
    });
    const calls = mockApi((call) => {
      if (call.path === '/v1/agencies/pemprov-papua' && call.method === 'PATCH')
        return json(200, { ...papua, timeZone: 'Asia/Jayapura', version: 3, job });
      if (call.path.startsWith('/v1/jobs/')) return json(200, job);
      return json(200, { items: [papua], nextCursor: null });
    });
    renderWith(<Agencies />, AS);
    const row = await screen.findByRole('row', { name: /pemprov-papua/ });
    await userEvent.click(within(row).getByText(/^Ubah nama atau zona waktu/));
    const edit = within(
      within(row)
        .getByText(/^Ubah nama atau zona waktu/)
        .closest('details')!,
    );
    await userEvent.selectOptions(edit.getByLabelText(/^Zona waktu/), 'WIT (UTC+9)');
    await userEvent.click(edit.getByRole('button', { name: 'Simpan' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PATCH')?.body).toMatchObject({
        timeZone: 'Asia/Jayapura',
        version: 2,
      }),
    );
    // The row shows WIT at once, and the job's count of deadlines moved.
    expect(await screen.findByText(/^Selesai: 3 penugasan diproses, 3 bergeser/)).toBeTruthy();
    expect(screen.getByRole('row', { name: /pemprov-papua/ }).textContent).toContain('WIT');
  });
});
