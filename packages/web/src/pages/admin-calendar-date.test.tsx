/**
 * The holiday form's date, left empty, was refused above the form only ("Isi tanggal terlebih
 * dahulu."): the date is outside the form's schema (it is the request's path), so it got no
 * aria-invalid and no error beside it, as every other field does. It now has both.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import CalendarPage from './admin-calendar';

describe('adding a holiday without a date', () => {
  it('says so at the date field', async () => {
    const calls = mockApi((call) => {
      if (call.path.startsWith('/v1/calendars/id/days'))
        return json(200, { id: 'id', years: [2026], items: [] });
      return json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' });
    });
    renderWith(<CalendarPage />, {
      as: { agency: 'setneg', role: 'central_admin' },
      path: '/admin/calendar',
    });
    fireEvent.click(await screen.findByText('Tambah hari libur / cuti bersama'));
    fireEvent.change(screen.getByLabelText(/^Keterangan/), {
      target: { value: 'Cuti bersama tambahan' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await screen.findByText('Isi tanggal terlebih dahulu.');
    const date = screen.getByLabelText('Tanggal');
    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });
});
