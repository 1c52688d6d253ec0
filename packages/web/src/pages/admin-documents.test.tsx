import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { COMPLAINT_ADDRESS_REFUSED } from '@pantau/core/schemas';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import DocumentSettingsPage from './admin-documents';

const SETTINGS = {
  agendaNumberPattern: '{seq}/DUMAS/{month-roman}/{year}',
  letterNumberPattern: 'B-{seq}/Kemensetneg/D-4/DM.05/{month}/{year}',
  letterhead: {
    ministry: 'KEMENTERIAN SEKRETARIAT NEGARA REPUBLIK INDONESIA',
    unit: 'Asisten Deputi Pengaduan Masyarakat',
    address: 'Jalan Veteran Nomor 17–18, Jakarta Pusat 10110',
    city: 'Jakarta',
  },
  signatory: { name: 'Nama Pejabat', position: 'Asisten Deputi', nip: '19700101 199503 1 001' },
  tembusan: ['Deputi Bidang Hubungan Kelembagaan dan Kemasyarakatan'],
};

describe('the document settings', () => {
  it('says they were saved after the form is remade from the version stored', async () => {
    let version = 1;
    const calls = mockApi((call) => {
      if (call.method === 'PUT') version += 1;
      return json(200, { ...SETTINGS, version, updatedAt: null });
    });
    renderWith(<DocumentSettingsPage />, {
      as: { agency: 'setneg', role: 'central_admin' },
      path: '/admin/documents',
    });
    await userEvent.click(await screen.findByRole('button', { name: /Simpan/ }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    // The saved version's form is there, and the line saying so stays.
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Tersimpan/));
    expect(calls.find((c) => c.method === 'PUT')).toBeDefined();
  });
});

describe('two admins editing the document settings', () => {
  it('saves on the version loaded; another admin’s save since is said, and loaded on request', async () => {
    let stored = { ...SETTINGS, version: 3, updatedAt: null };
    const calls = mockApi((call) =>
      call.method === 'PUT'
        ? json(409, {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'version_conflict',
            detail: 'the document settings were saved since version 3 (now 4): read them again',
            requestId: 'r1',
          })
        : json(200, stored),
    );
    renderWith(<DocumentSettingsPage />, {
      as: { agency: 'setneg', role: 'central_admin' },
      path: '/admin/documents',
    });
    await userEvent.click(await screen.findByRole('button', { name: /Simpan/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({ version: 3 });
    stored = { ...SETTINGS, letterNumberPattern: 'C-{seq}/{year}', version: 4, updatedAt: null };
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Admin lain telah menyimpan pengaturan dokumen sementara Anda mengubahnya',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Muat versi terbaru' }));
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>(/^Pola nomor surat/).value).toBe(
        'C-{seq}/{year}',
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('the unit’s e-mail, when it is where complaints arrive', () => {
  it('says at the field, in Indonesian, that replies would become complaints, and keeps what was typed', async () => {
    const calls = mockApi((call) =>
      call.method === 'PUT'
        ? json(400, {
            type: 'urn:pantau:problem:validation_failed',
            title: 'Bad Request',
            status: 400,
            code: 'validation_failed',
            detail: `letterhead.email: ${COMPLAINT_ADDRESS_REFUSED}`,
            requestId: 'r1',
            errors: [{ path: 'letterhead.email', message: COMPLAINT_ADDRESS_REFUSED }],
          })
        : json(200, { ...SETTINGS, version: 1, updatedAt: null }),
    );
    renderWith(<DocumentSettingsPage />, {
      as: { agency: 'setneg', role: 'central_admin' },
      path: '/admin/documents',
    });
    const email = await screen.findByLabelText<HTMLInputElement>(/^Pos-el/);
    await userEvent.type(email, 'dumas@setneg.go.id');
    await userEvent.click(screen.getByRole('button', { name: /Simpan/ }));
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({
      letterhead: { email: 'dumas@setneg.go.id' },
    });
    const said = document.body.textContent ?? '';
    expect(said).toContain(
      'Alamat ini menerima pengaduan: balasan instansi akan tercatat sebagai pengaduan baru. ' +
        'Isi kotak surat unit yang dibaca petugas.',
    );
    expect(said).not.toContain(COMPLAINT_ADDRESS_REFUSED);
    expect(email.value).toBe('dumas@setneg.go.id');
  });
});
