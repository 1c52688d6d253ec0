/**
 * The holiday form's date, left empty, was refused above the form only ("Isi tanggal terlebih
 * dahulu."): the date is outside the form's schema (it is the request's path), so it got no
 * aria-invalid and no error beside it, as every other field does. It now has both.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jobOf } from '../../test/fixtures';
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

/**
 * The date stayed filled after a save, and the API's PUT replaces: an admin who typed the next
 * day's name and kind but not its date replaced the day just entered, without a word. The date
 * is now emptied after a save, and a date already in the calendar is said at the field, with
 * the day it holds; the button then says "Ganti".
 */
describe('a day entered on a date the calendar already has', () => {
  const job = jobOf({
    state: 'completed',
    total: 1,
    done: 1,
    finishedAt: '2026-12-01T03:00:00.000Z',
  });
  const calendar = () => {
    const items: { date: string; kind: string; name: string; version: number }[] = [
      { date: '2027-01-01', kind: 'national_holiday', name: 'Tahun Baru 2027 Masehi', version: 1 },
    ];
    const calls = mockApi((call) => {
      if (call.method === 'PUT') {
        const date = call.path.split('/').at(-1)!;
        const body = call.body as { kind: string; name: string; version?: number };
        const version = (body.version ?? 0) + 1;
        items.splice(0, items.length, ...items.filter((d) => d.date !== date), {
          date,
          ...body,
          version,
        });
        return json(202, { date, job });
      }
      if (call.path.startsWith('/v1/calendars/id/days'))
        return json(200, { id: 'id', years: [2026], items: [...items] });
      if (call.path.startsWith('/v1/jobs/')) return json(200, job);
      return json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' });
    });
    return calls;
  };
  const fill = (date: string | null, name: string) => {
    if (date !== null)
      fireEvent.change(screen.getByLabelText('Tanggal'), { target: { value: date } });
    fireEvent.change(screen.getByLabelText(/^Keterangan/), { target: { value: name } });
  };

  it('empties the date once a day is saved: the next day’s name cannot replace it unnoticed', async () => {
    const calls = calendar();
    renderWith(<CalendarPage />, {
      as: { agency: 'setneg', role: 'central_admin' },
      path: '/admin/calendar',
    });
    fireEvent.click(await screen.findByText('Tambah hari libur / cuti bersama'));
    fill('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    const said = await screen.findByText(/disimpan\. Tenggat penugasan terbuka dihitung ulang:/);
    // Said once, and it has the focus (the form's own "Tersimpan." said it a second time).
    await waitFor(() => expect(document.activeElement).toBe(said));
    expect(said.textContent).toMatch(/^Sab, 6 Feb 2027 disimpan\. /);
    expect(screen.queryByText('Tersimpan.')).toBeNull();
    await waitFor(() =>
      expect((screen.getByLabelText('Tanggal') as HTMLInputElement).value).toBe(''),
    );
    // The next day's name, its date forgotten: refused at the date, nothing replaced.
    fill(null, 'Cuti Bersama Tahun Baru Imlek');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await screen.findByText('Isi tanggal terlebih dahulu.');
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.path)).toEqual([
      '/v1/calendars/id/days/2027-02-06',
    ]);
  });

  it('says at the field which day it would replace, and the button says “Ganti”', async () => {
    const calls = calendar();
    renderWith(<CalendarPage />, {
      as: { agency: 'setneg', role: 'central_admin' },
      path: '/admin/calendar',
    });
    fireEvent.click(await screen.findByText('Tambah hari libur / cuti bersama'));
    fill('2027-01-01', 'Tahun Baru Masehi');
    const date = screen.getByLabelText('Tanggal');
    const note = await screen.findByText(/sudah ada di kalender/);
    expect(note.textContent).toBe(
      'Jumat, 1 Januari 2027 sudah ada di kalender sebagai “Tahun Baru 2027 Masehi” (Libur nasional). Menyimpan akan menggantinya.',
    );
    expect(date.getAttribute('aria-describedby')).toBe(note.id);
    expect(screen.queryByRole('button', { name: 'Simpan' })).toBeNull();
    // Another date: no such word, the button saves.
    fireEvent.change(date, { target: { value: '2027-01-02' } });
    expect(screen.queryByText(/sudah ada di kalender/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Simpan' })).toBeTruthy();
    fireEvent.change(date, { target: { value: '2027-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ganti' }));
    // Replaced, said so (it said "disimpan", as for a new day).
    await screen.findByText(
      /^Jum, 1 Jan 2027 diganti: sebelumnya “Tahun Baru 2027 Masehi”\. Tenggat penugasan terbuka dihitung ulang:/,
    );
    expect(screen.queryByText(/disimpan/)).toBeNull();
    // On the day as listed: its version goes with it (another admin's save since is a 409).
    expect(calls.filter((c) => c.method === 'PUT').map((c) => [c.path, c.body])).toEqual([
      [
        '/v1/calendars/id/days/2027-01-01',
        { kind: 'collective_leave', name: 'Tahun Baru Masehi', version: 1 },
      ],
    ]);
  });

  it('in English too', async () => {
    calendar();
    renderWith(<CalendarPage />, {
      lang: 'en',
      as: { agency: 'setneg', role: 'central_admin' },
      path: '/admin/calendar',
    });
    fireEvent.click(await screen.findByText('Add a holiday / cuti bersama'));
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2027-01-01' } });
    expect((await screen.findByText(/already in the calendar/)).textContent).toBe(
      'Friday, 1 January 2027 is already in the calendar as “Tahun Baru 2027 Masehi” (National holiday). Saving will replace it.',
    );
    expect(screen.getByRole('button', { name: 'Replace' })).toBeTruthy();
  });
});
