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

/**
 * Two admins on the calendar at once. A day the other already removed was refused with the
 * API's 404 in its tenancy words ("…atau bukan milik instansi Anda"), the list still showing
 * it; a day the other had just added was replaced without a word (the API's PUT replaces). The
 * page now reads its lists again and says what happened in a sentence.
 */
describe('a colleague changed the calendar since the page read it', () => {
  const tahunBaru = {
    date: '2027-01-01',
    kind: 'national_holiday',
    name: 'Tahun Baru 2027 Masehi',
  } as const;
  const notFound = json(404, {
    type: 'about:blank',
    title: 'Not Found',
    status: 404,
    code: 'not_found',
    detail: 'day 2027-01-01 of calendar id',
    requestId: 'r9',
  });
  /** The calendar as it is now (`now`), and as the page first read it (`first`). */
  const calendar = (
    first: object[],
    now: object[],
    answer: (method: string, headers: Headers, body: unknown) => unknown,
  ) => {
    let reads = 0;
    const calls = mockApi((call) => {
      if (call.method !== 'GET' || call.path.includes('/impact')) {
        const given = answer(
          call.method === 'GET' ? 'IMPACT' : call.method,
          call.headers,
          call.body,
        );
        if (given) return given as ReturnType<typeof json>;
      }
      if (call.path.startsWith('/v1/calendars/id/days')) {
        reads += 1;
        // The page's first two reads (the year shown, the whole calendar) are of before.
        return json(200, { id: 'id', years: [], items: reads <= 3 ? first : now });
      }
      if (call.path.startsWith('/v1/jobs/')) return json(200, job);
      return json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' });
    });
    renderWith(<CalendarPage />, {
      as: { agency: 'setneg', role: 'central_admin' },
      path: '/admin/calendar',
    });
    fireEvent.change(screen.getByLabelText('Tahun'), { target: { value: '2027' } });
    return calls;
  };
  const lists = (calls: { method: string; path: string }[]) =>
    calls.filter((c) => c.method === 'GET' && /^\/v1\/calendars\/id\/days(\?|$)/.test(c.path))
      .length;

  it('removing a day already removed (404 on “Ya, hapus”): the lists are read again, and it is said so, not in the 404’s words', async () => {
    const calls = calendar([tahunBaru], [], (m) =>
      m === 'IMPACT'
        ? json(200, { assignments: 2, deadlines: 3 })
        : m === 'DELETE'
          ? notFound
          : null,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Hapus Tahun Baru 2027 Masehi' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ya, hapus' }));
    const before = lists(calls);
    const said = await screen.findByText(/sudah tidak ada di kalender/);
    expect(said.textContent).toContain('Tahun Baru 2027 Masehi');
    expect(said.textContent).toContain('dimuat ulang');
    await waitFor(() => expect(lists(calls)).toBeGreaterThan(before));
    await waitFor(() => expect(screen.queryByText('Tahun Baru 2027 Masehi')).toBeNull());
    expect(screen.queryByText(/bukan milik instansi Anda/)).toBeNull();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // Its "Hapus" gone with the day: focus on the sentence, not on <body>.
    await waitFor(() => expect(document.activeElement).toBe(said));
  });

  it('removing a day already removed (404 as the question counts what it would move): the same', async () => {
    const calls = calendar([tahunBaru], [], (m) => (m === 'IMPACT' ? notFound : null));
    fireEvent.click(await screen.findByRole('button', { name: 'Hapus Tahun Baru 2027 Masehi' }));
    const said = await screen.findByText(/sudah tidak ada di kalender/);
    await waitFor(() => expect(screen.queryByText('Tahun Baru 2027 Masehi')).toBeNull());
    expect(lists(calls)).toBeGreaterThan(2);
    expect(screen.queryByText(/bukan milik instansi Anda/)).toBeNull();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(said));
  });

  it('adding a day a colleague has just added: nothing replaced unseen; the lists read again show theirs, and “Ganti” replaces it knowingly', async () => {
    // The API's PUT with `If-None-Match: *` (create only) finds the colleague's day: a 412.
    const calls = calendar([], [tahunBaru], (m, headers) =>
      m !== 'PUT'
        ? null
        : headers.get('if-none-match') === '*'
          ? json(412, {
              type: 'urn:pantau:problem:precondition_failed',
              title: 'Precondition Failed',
              status: 412,
              code: 'precondition_failed',
              detail: 'day 2027-01-01 of calendar id exists already',
              requestId: 'r8',
            })
          : json(202, { date: '2027-01-01', job }),
    );
    fireEvent.click(await screen.findByText('Tambah hari libur / cuti bersama'));
    fireEvent.change(screen.getByLabelText('Tanggal'), { target: { value: '2027-01-01' } });
    fireEvent.change(screen.getByLabelText(/^Keterangan/), {
      target: { value: 'Tahun Baru Masehi' },
    });
    const before = calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    const said = await screen.findByText(/baru saja ditambahkan/);
    expect(said.textContent).toContain('“Tahun Baru 2027 Masehi”');
    // One request decides, in the write itself: the PUT goes first (no read before it), create
    // only; nothing replaced.
    const sent = calls.slice(before);
    expect(sent[0]).toMatchObject({ method: 'PUT', path: '/v1/calendars/id/days/2027-01-01' });
    expect(sent[0]!.headers.get('if-none-match')).toBe('*');
    // Read again: the day is listed, the field says it holds it, the form keeps what was typed.
    await screen.findByText(/sudah ada di kalender sebagai “Tahun Baru 2027 Masehi”/);
    expect(within(screen.getByRole('table')).getByText('Tahun Baru 2027 Masehi')).toBeTruthy();
    expect((screen.getByLabelText(/^Keterangan/) as HTMLInputElement).value).toBe(
      'Tahun Baru Masehi',
    );
    expect(screen.queryByText(/Precondition|precondition_failed/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ganti' }));
    await screen.findByText(/diganti: sebelumnya “Tahun Baru 2027 Masehi”/);
    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts.map((c) => c.path)).toEqual([
      '/v1/calendars/id/days/2027-01-01',
      '/v1/calendars/id/days/2027-01-01',
    ]);
    // "Ganti" replaces knowingly: without the header.
    expect(puts[1]!.headers.get('if-none-match')).toBeNull();
  });

  /**
   * “Ganti” replaced whatever the day was by then: a colleague's rename made since the page read
   * the calendar was put back without a word. It now sends the day's version as listed; the
   * API's 409 has the lists read again and the colleague's day said, and nothing is replaced.
   */
  it('replacing a day a colleague changed since (409 on “Ganti”): nothing replaced unseen; said with their day, the lists read again, and “Ganti” then goes on the day as it is now', async () => {
    const theirs = {
      ...tahunBaru,
      kind: 'collective_leave',
      name: 'Tahun Baru Masehi',
      version: 2,
    };
    const calls = calendar([{ ...tahunBaru, version: 1 }], [theirs], (m, _headers, body) =>
      m !== 'PUT'
        ? null
        : (body as { version?: number }).version === 1
          ? json(409, {
              type: 'urn:pantau:problem:version_conflict',
              title: 'Conflict',
              status: 409,
              code: 'version_conflict',
              detail: 'version: the day was saved since version 1 (now 2)',
              requestId: 'r7',
              errors: [{ path: 'version', message: 'the day was saved since version 1 (now 2)' }],
            })
          : json(202, { date: '2027-01-01', job }),
    );
    fireEvent.click(await screen.findByText('Tambah hari libur / cuti bersama'));
    fireEvent.change(screen.getByLabelText('Tanggal'), { target: { value: '2027-01-01' } });
    fireEvent.change(screen.getByLabelText(/^Keterangan/), {
      target: { value: 'Tahun Baru 2027' },
    });
    const before = lists(calls);
    fireEvent.click(await screen.findByRole('button', { name: 'Ganti' }));
    const said = await screen.findByText(/baru saja diubah oleh admin lain/);
    expect(said.textContent).toBe(
      'Jum, 1 Jan 2027 baru saja diubah oleh admin lain menjadi “Tahun Baru Masehi” (Cuti bersama), jadi isian Anda belum disimpan. Daftar hari libur sudah dimuat ulang; tekan “Ganti” bila tetap ingin menggantinya dengan isian Anda.',
    );
    expect(screen.queryByText(/version_conflict|Conflict/)).toBeNull();
    // Read again: the list shows their day, the field says it holds it, what was typed is kept.
    await waitFor(() => expect(lists(calls)).toBeGreaterThan(before));
    await screen.findByText(/sudah ada di kalender sebagai “Tahun Baru Masehi”/);
    expect((screen.getByLabelText(/^Keterangan/) as HTMLInputElement).value).toBe(
      'Tahun Baru 2027',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ganti' }));
    await screen.findByText(/diganti: sebelumnya “Tahun Baru Masehi”/);
    // Each “Ganti” sent the version of the day it listed: the first on the page's first read.
    expect(
      calls.filter((c) => c.method === 'PUT').map((c) => (c.body as { version?: number }).version),
    ).toEqual([1, 2]);
  });

  it('replacing a day a colleague removed since (409 on “Ganti”): said so, and the form then adds it', async () => {
    calendar([{ ...tahunBaru, version: 1 }], [], (m) =>
      m === 'PUT'
        ? json(409, {
            type: 'urn:pantau:problem:version_conflict',
            title: 'Conflict',
            status: 409,
            code: 'version_conflict',
            detail: 'version: the day is not in the calendar',
            requestId: 'r6',
            errors: [{ path: 'version', message: 'the day is not in the calendar' }],
          })
        : null,
    );
    fireEvent.click(await screen.findByText('Tambah hari libur / cuti bersama'));
    fireEvent.change(screen.getByLabelText('Tanggal'), { target: { value: '2027-01-01' } });
    fireEvent.change(screen.getByLabelText(/^Keterangan/), { target: { value: 'Tahun Baru' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Ganti' }));
    const said = await screen.findByText(/baru saja dihapus oleh admin lain/);
    expect(said.textContent).toContain('Jum, 1 Jan 2027');
    expect(await screen.findByRole('button', { name: 'Simpan' })).toBeTruthy();
  });
});
