import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
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
    await userEvent.selectOptions(second.getByLabelText(/^Jenis kontak/), 'Pimpinan (kepala)');
    await userEvent.click(form.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      id: 'kanwil-bpn-ntt',
      contacts: [
        { name: 'Bagian Umum', email: 'umum@kanwil-ntt.example.go.id', kind: 'liaison' },
        { name: 'Kepala Kanwil', email: 'kakanwil@kanwil-ntt.example.go.id', kind: 'head' },
      ],
    });
  });

  it('edits an agency’s contacts with PATCH, and refuses heads only before sending', async () => {
    const calls = mockApi((call) =>
      call.method === 'PATCH' ? json(200, { ...polri, version: 2 }) : page,
    );
    renderWith(<Agencies />, AS);
    const row = await screen.findByRole('row', { name: /polri/ });
    expect(row.textContent).toContain('Penghubung (liaison)');
    await userEvent.click(within(row).getByText(/^Ubah kontak/));
    const edit = within(
      within(row)
        .getByText(/^Ubah kontak/)
        .closest('details')!,
    );
    await userEvent.selectOptions(edit.getByLabelText(/^Jenis kontak/), 'Pimpinan (kepala)');
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
    });
  });
});
