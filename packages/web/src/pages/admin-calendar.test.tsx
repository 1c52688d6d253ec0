import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jobOf } from '../../test/fixtures';
import { json, mockApi, renderWith } from '../../test/render';
import CalendarPage from './admin-calendar';

const job = jobOf({
  state: 'completed',
  total: 12,
  done: 12,
  finishedAt: '2026-11-30T03:00:00.000Z',
});

describe('declaring a year’s holidays complete', () => {
  it('is offered for a year not declared, and once declared the page says so', async () => {
    const declared = [2025, 2026];
    const calls = mockApi((call) => {
      if (call.method === 'PUT' && call.path === '/v1/calendars/id/years/2027') {
        declared.push(2027);
        return json(202, { date: '2027', job });
      }
      if (call.path.startsWith('/v1/calendars/id/days'))
        return json(200, {
          id: 'id',
          years: [...declared],
          items: call.path.includes('year=2027')
            ? [{ date: '2027-01-01', kind: 'national_holiday', name: 'Tahun Baru 2027 Masehi' }]
            : [],
        });
      if (call.path.startsWith('/v1/jobs/')) return json(200, job);
      return json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' });
    });
    renderWith(<CalendarPage />, {
      as: { agency: 'setneg', role: 'central_admin' },
      path: '/admin/calendar',
    });
    fireEvent.change(screen.getByLabelText('Tahun'), { target: { value: '2027' } });
    await screen.findByText('Tahun Baru 2027 Masehi');
    expect(screen.getByText(/Hari libur tahun 2027 belum dinyatakan lengkap/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nyatakan hari libur 2027 lengkap' }));
    const said = await screen.findByText(/Hari libur 2027 dinyatakan lengkap\./);
    await screen.findByText('Hari libur tahun 2027 sudah dinyatakan lengkap.');
    expect(screen.queryByRole('button', { name: /Nyatakan hari libur/ })).toBeNull();
    // Its button gone, focus is on what was done (not on the page's body).
    expect(document.activeElement).toBe(said);
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.path)).toEqual([
      '/v1/calendars/id/years/2027',
    ]);
  });
});

/** An answer the test gives when it chooses: what a request in flight looks like. */
function held() {
  let give!: (status: number, body: unknown) => void;
  const promise = new Promise<Response>(
    (resolve) =>
      (give = (status, body) =>
        resolve(
          new Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json' },
          }),
        )),
  );
  return { promise, give };
}

describe('a request on the calendar in flight', () => {
  const days = (years: number[]) =>
    json(200, {
      id: 'id',
      years,
      items: [{ date: '2027-01-01', kind: 'national_holiday', name: 'Tahun Baru 2027 Masehi' }],
    });
  const render = () => {
    renderWith(<CalendarPage />, {
      as: { agency: 'setneg', role: 'central_admin' },
      path: '/admin/calendar',
    });
    fireEvent.change(screen.getByLabelText('Tahun'), { target: { value: '2027' } });
  };

  it('removing a day: “Ya, hapus” is busy until the answer, a second click sends nothing, and the day is said removed', async () => {
    const answer = held();
    const calls = mockApi((call) => {
      if (call.method === 'DELETE') return answer.promise;
      if (call.path.includes('/impact')) return json(200, { assignments: 2, deadlines: 3 });
      if (call.path.startsWith('/v1/calendars/id/days')) return days([]);
      if (call.path.startsWith('/v1/jobs/')) return json(200, job);
      return json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' });
    });
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Hapus Tahun Baru 2027 Masehi' }));
    const yes = await screen.findByRole('button', { name: 'Ya, hapus' });
    fireEvent.click(yes);
    await waitFor(() => expect(yes.textContent).toBe('Memproses…'));
    expect((yes as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(yes);
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
    answer.give(202, { date: '2027-01-01', job });
    // Said as removed, not saved; the rest of the sentence as for a day added.
    expect(
      (await screen.findByText(/dihapus\. Tenggat penugasan terbuka dihitung ulang:/)).textContent,
    ).toMatch(/^\S+, 1 Jan 2027 dihapus\./);
    expect(screen.queryByText(/disimpan\./)).toBeNull();
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });

  it('declaring a year complete: the button is busy until the answer, a second click sends nothing', async () => {
    const answer = held();
    const calls = mockApi((call) => {
      if (call.method === 'PUT') return answer.promise;
      if (call.path.startsWith('/v1/calendars/id/days')) return days([2025, 2026]);
      if (call.path.startsWith('/v1/jobs/')) return json(200, job);
      return json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' });
    });
    render();
    const declare = await screen.findByRole('button', { name: 'Nyatakan hari libur 2027 lengkap' });
    fireEvent.click(declare);
    await waitFor(() => expect(declare.textContent).toBe('Memproses…'));
    expect((declare as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(declare);
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
    answer.give(202, { date: '2027', job });
    await screen.findByText(/Hari libur 2027 dinyatakan lengkap\./);
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });
});

describe('where focus goes once a question on the calendar closes', () => {
  const days = json(200, {
    id: 'id',
    years: [],
    items: [{ date: '2027-01-01', kind: 'national_holiday', name: 'Tahun Baru 2027 Masehi' }],
  });
  const render = () => {
    mockApi((call) => {
      if (call.method === 'DELETE') return json(202, { date: '2027-01-01', job });
      if (call.path.includes('/impact')) return json(200, { assignments: 2, deadlines: 3 });
      if (call.path.startsWith('/v1/calendars/id/days')) return days;
      if (call.path.startsWith('/v1/jobs/')) return json(200, job);
      return json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' });
    });
    renderWith(<CalendarPage />, {
      as: { agency: 'setneg', role: 'central_admin' },
      path: '/admin/calendar',
    });
    fireEvent.change(screen.getByLabelText('Tahun'), { target: { value: '2027' } });
  };

  it('“Ya, hapus”: to the line saying the day was removed, not to the page’s body', async () => {
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Hapus Tahun Baru 2027 Masehi' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ya, hapus' }));
    const said = await screen.findByText(/dihapus\. Tenggat penugasan terbuka dihitung ulang:/);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(said));
  });

  it('“Batal”: back to the “Hapus” button the question came from', async () => {
    render();
    const remove = await screen.findByRole('button', { name: 'Hapus Tahun Baru 2027 Masehi' });
    fireEvent.click(remove);
    const question = await screen.findByRole('alertdialog');
    fireEvent.click(await within(question).findByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(remove));
    // Esc, as in the console's other questions.
    remove.blur();
    fireEvent.click(remove);
    fireEvent.keyDown(await screen.findByRole('alertdialog'), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(remove));
  });
});

describe('adding days one after another', () => {
  it('keeps the kind the admin chose last (the SKB lists its national holidays together)', async () => {
    const calls = mockApi((call) => {
      if (call.method === 'PUT') return json(202, { date: '2027-01-01', job });
      if (call.path.startsWith('/v1/calendars/id/days'))
        return json(200, { id: 'id', years: [2025, 2026], items: [] });
      if (call.path.startsWith('/v1/jobs/')) return json(200, job);
      return json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' });
    });
    renderWith(<CalendarPage />, {
      as: { agency: 'setneg', role: 'central_admin' },
      path: '/admin/calendar',
    });
    fireEvent.click(await screen.findByText('Tambah hari libur / cuti bersama'));
    const kind = screen.getByLabelText('Jenis') as HTMLSelectElement;
    fireEvent.change(screen.getByLabelText('Tanggal'), { target: { value: '2027-01-01' } });
    fireEvent.change(kind, { target: { value: 'national_holiday' } });
    fireEvent.change(screen.getByLabelText(/^Keterangan/), {
      target: { value: 'Tahun Baru 2027 Masehi' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await screen.findByText(/disimpan\. Tenggat penugasan terbuka dihitung ulang:/);
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { kind: 'national_holiday', name: 'Tahun Baru 2027 Masehi' },
    ]);
    // The next day of the list is a national holiday too: the dropdown still says so, the
    // name is empty for it.
    const after = screen.getByLabelText('Jenis') as HTMLSelectElement;
    expect(after.value).toBe('national_holiday');
    expect(after.selectedOptions[0]?.textContent).toBe('Libur nasional');
    expect((screen.getByLabelText(/^Keterangan/) as HTMLInputElement).value).toBe('');
  });
});
