/**
 * A year's holidays pasted at once on the calendar page: read back in words before anything is
 * sent (each day as the decree writes it, the lines left out or not read named by their line),
 * confirmed knowing how many deadlines move, and saved in one request, one job. Before, the
 * admin entered the ~25 days of a decree one by one, each save its own re-arming job.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jobOf } from '../../test/fixtures';
import { type Call, json, mockApi, renderWith } from '../../test/render';
import CalendarPage from './admin-calendar';

const job = jobOf({
  state: 'completed',
  total: 2,
  done: 2,
  finishedAt: '2026-12-01T03:00:00.000Z',
});
const NEW_YEAR = { date: '2027-01-01', kind: 'national_holiday', name: 'Tahun Baru 2027 Masehi' };

/** The calendar holds New Year's Day 2027; `answer` may take a call before the defaults. */
function calendarApi(
  answer: (call: Call) => ReturnType<typeof json> | undefined = () => undefined,
) {
  return mockApi((call) => {
    const given = answer(call);
    if (given) return given;
    if (call.method === 'POST' && call.path === '/v1/calendars/id/days/impact')
      return json(200, { assignments: 2, deadlines: 4 });
    if (call.method === 'PATCH' && call.path === '/v1/calendars/id/days') {
      const { days } = call.body as { days: { date: string }[] };
      return json(202, { dates: days.map((d) => d.date).sort(), job });
    }
    if (call.path.startsWith('/v1/calendars/id/days'))
      return json(200, {
        id: 'id',
        years: [2025, 2026],
        items: call.path.includes('year=2026') ? [] : [NEW_YEAR],
      });
    if (call.path.startsWith('/v1/jobs/')) return json(200, job);
    return json(200, { id: 'setneg', name: 'Asdep Pengaduan Masyarakat', kind: 'central' });
  });
}

async function openPaste() {
  renderWith(<CalendarPage />, {
    as: { agency: 'setneg', role: 'central_admin' },
    path: '/admin/calendar',
  });
  fireEvent.click(await screen.findByText('Tempel daftar hari libur setahun'));
}

const paste = (text: string) =>
  fireEvent.change(screen.getByLabelText('Daftar hari (satu hari per baris)'), {
    target: { value: text },
  });

const rows = () =>
  within(screen.getByRole('table', { name: 'Hari yang akan disimpan' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );

const sent = (calls: Call[], method: string) => calls.filter((c) => c.method === method);

describe('pasting a year’s list of holidays', () => {
  it('shows each day in words, says what it leaves out, asks with the deadlines that move, and saves all in one request', async () => {
    const calls = calendarApi();
    await openPaste();
    await waitFor(() => expect(sent(calls, 'GET').length).toBeGreaterThanOrEqual(2));
    paste(
      [
        '2027-01-01 Tahun Baru 2027 Masehi',
        '6 Februari 2027 Tahun Baru Imlek 2578 Kongzili',
        'Jumat, 5 Februari 2027 Cuti Bersama Tahun Baru Imlek',
        '2027-03-10\tIdulfitri 1448 H', // two cells copied from a spreadsheet
        '',
        '6 Februari 2027 Imlek',
      ].join('\n'),
    );
    await screen.findByText('3 hari baru akan disimpan sekaligus, dalam satu perubahan:');
    expect(rows()).toEqual([
      ['2', 'Sabtu, 6 Februari 2027', 'Tahun Baru Imlek 2578 Kongzili', 'Libur nasional'],
      // The line says "cuti bersama": one, whatever the list's kind.
      ['3', 'Jumat, 5 Februari 2027', 'Cuti Bersama Tahun Baru Imlek', 'Cuti bersama'],
      ['4', 'Rabu, 10 Maret 2027', 'Idulfitri 1448 H', 'Libur nasional'],
    ]);
    expect(
      within(screen.getByRole('list', { name: 'Baris yang dilewati' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Baris 1: Jumat, 1 Januari 2027 sudah ada di kalender sebagai “Tahun Baru 2027 Masehi” (Libur nasional); baris ini dilewati.',
      'Baris 6: Sabtu, 6 Februari 2027 sudah ada di baris 2; baris ini dilewati.',
    ]);
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Simpan 3 hari' }));
    const question = await screen.findByRole('alertdialog');
    await within(question).findByText(
      'Simpan 3 hari sekaligus? 4 tenggat pada 2 penugasan yang masih berjalan akan bergeser.',
    );
    expect(sent(calls, 'PATCH')).toEqual([]);
    fireEvent.click(within(question).getByRole('button', { name: 'Ya, simpan 3 hari' }));

    const said = await screen.findByText(
      '3 hari disimpan (Jum, 5 Feb 2027 s.d. Rab, 10 Mar 2027). Tenggat penugasan terbuka dihitung ulang sekali untuk semuanya:',
    );
    // The question gone, focus is on what was saved (not on the page's body).
    await waitFor(() => expect(document.activeElement).toBe(said));
    const days = [
      { date: '2027-02-06', kind: 'national_holiday', name: 'Tahun Baru Imlek 2578 Kongzili' },
      { date: '2027-02-05', kind: 'collective_leave', name: 'Cuti Bersama Tahun Baru Imlek' },
      { date: '2027-03-10', kind: 'national_holiday', name: 'Idulfitri 1448 H' },
    ];
    // Asked about, then saved: the same days, in one request; none one by one. Each saved on
    // the calendar as read just before (0: it did not have the day).
    expect(sent(calls, 'POST').map((c) => c.body)).toEqual([{ days }]);
    expect(sent(calls, 'PATCH').map((c) => [c.path, c.body])).toEqual([
      ['/v1/calendars/id/days', { days: days.map((d) => ({ ...d, version: 0 })) }],
    ]);
    expect(sent(calls, 'PUT')).toEqual([]);
    // The list is gone (saved), and the page shows the year pasted.
    expect(
      (screen.getByLabelText('Daftar hari (satu hari per baris)') as HTMLTextAreaElement).value,
    ).toBe('');
    expect((screen.getByLabelText('Tahun') as HTMLInputElement).value).toBe('2027');
  });

  it('takes the kind chosen for the list, and a cancelled question sends nothing', async () => {
    const calls = calendarApi();
    await openPaste();
    paste('2027-03-30 Cuti tambahan\n1 April 2027 Libur daerah');
    fireEvent.change(screen.getByLabelText('Jenis untuk baris lainnya'), {
      target: { value: 'other' },
    });
    await waitFor(() => expect(rows().map((r) => r[3])).toEqual(['Lainnya', 'Lainnya']));
    fireEvent.click(screen.getByRole('button', { name: 'Simpan 2 hari' }));
    const question = await screen.findByRole('alertdialog');
    await within(question).findByText(/2 penugasan yang masih berjalan akan bergeser\./);
    fireEvent.click(within(question).getByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(sent(calls, 'PATCH')).toEqual([]);
    // Back on the button the question replaced.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Simpan 2 hari' })),
    );
  });
});

describe('a pasted list refused before it is sent', () => {
  it('names each line it cannot read, with its number, and saves none of the list', async () => {
    const calls = calendarApi();
    await openPaste();
    paste(
      [
        '2027-02-06 Tahun Baru Imlek',
        'Hari Raya Nyepi',
        '30 Februari 2027 Salah ketik',
        '2027-04-01',
        `2027-05-01 ${'x'.repeat(201)}`,
      ].join('\n'),
    );
    const unread = await screen.findByRole('list', { name: 'Baris yang tidak terbaca' });
    expect(
      within(unread)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Baris 2 tidak terbaca: “Hari Raya Nyepi” tidak diawali tanggal. Tulis tanggalnya di depan, misalnya 2027-01-01 atau 1 Januari 2027.',
      'Baris 3 tidak terbaca: tanggal pada “30 Februari 2027 Salah ketik” tidak ada di kalender.',
      'Baris 4: Kamis, 1 April 2027 tanpa keterangan. Tulis nama hari liburnya setelah tanggal.',
      'Keterangan pada baris 5 paling banyak 200 karakter.',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Simpan 1 hari' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Belum ada yang disimpan: 4 baris tidak terbaca. Perbaiki atau hapus baris itu terlebih dahulu.',
    );
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('says when every day is already in the calendar, and when the list is longer than one edit takes', async () => {
    const calls = calendarApi();
    await openPaste();
    await waitFor(() => expect(sent(calls, 'GET').length).toBeGreaterThanOrEqual(2));
    paste('1 Januari 2027 Tahun Baru 2027 Masehi');
    await screen.findByText('Tidak ada hari baru dalam daftar ini.');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan daftar' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Tidak ada hari baru untuk disimpan: semua hari dalam daftar sudah ada di kalender.',
    );

    const many = Array.from(
      { length: 61 },
      (_, i) => `${new Date(Date.UTC(2027, 6, 1 + i)).toISOString().slice(0, 10)} Hari ${i + 1}`,
    );
    paste(many.join('\n'));
    fireEvent.click(await screen.findByRole('button', { name: 'Simpan 61 hari' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Daftar hari (satu hari per baris): paling banyak 60.',
    );
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('says the API’s refusal of an entry by its line, and keeps the list', async () => {
    calendarApi((call) =>
      call.method === 'POST'
        ? json(400, {
            type: 'urn:pantau:problem:validation_failed',
            title: 'Invalid input',
            status: 400,
            code: 'validation_failed',
            detail: 'invalid days.1.name',
            requestId: 'r1',
            errors: [{ path: 'days.1.name', message: 'not text: half of a UTF-16 surrogate pair' }],
          })
        : undefined,
    );
    await openPaste();
    // Line 1 is already in the calendar: the second day sent is line 3.
    const text = '2027-01-01 Tahun Baru\n2027-02-06 Imlek\n2027-03-10 Idulfitri';
    paste(text);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Simpan 2 hari' }));
    await screen.findByText('Keterangan pada baris 3 tidak dapat diterima.');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(
      (screen.getByLabelText('Daftar hari (satu hari per baris)') as HTMLTextAreaElement).value,
    ).toBe(text);
  });
});

/**
 * The preview leaves out the days the calendar has, as the page read it. A day another admin
 * added since (the page open a while) was not in it: the PATCH replaced it, unsaid. The list is
 * now read again before it is sent; a day it would replace with another is said, by its line,
 * and left out, and nothing is sent until the admin saves again.
 */
describe('a pasted day a colleague added since the page read the calendar', () => {
  it('is read again before sending: the line that would replace their day is said and left out, and nothing is sent', async () => {
    const IMLEK = { date: '2027-02-06', kind: 'national_holiday', name: 'Imlek 2578' };
    let colleague = false;
    const calls = calendarApi((call) =>
      colleague && call.method === 'GET' && call.path === '/v1/calendars/id/days'
        ? json(200, { id: 'id', years: [2025, 2026], items: [NEW_YEAR, IMLEK] })
        : undefined,
    );
    await openPaste();
    await waitFor(() => expect(sent(calls, 'GET').length).toBeGreaterThanOrEqual(2));
    paste(
      ['6 Februari 2027 Tahun Baru Imlek 2578 Kongzili', '2027-03-10 Idulfitri 1448 H'].join('\n'),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Simpan 2 hari' }));
    const question = await screen.findByRole('alertdialog');
    await within(question).findByText(/Simpan 2 hari sekaligus\?/);
    // Another admin adds 6 February meanwhile, with another name.
    colleague = true;
    fireEvent.click(within(question).getByRole('button', { name: 'Ya, simpan 2 hari' }));

    const said = await screen.findByRole('alert');
    expect(said.textContent).toContain('baris 1 (Sabtu, 6 Februari 2027, kini “Imlek 2578”)');
    expect(said.textContent).toContain('“Imlek 2578”');
    expect(said.textContent).toContain('belum disimpan');
    expect(sent(calls, 'PATCH')).toEqual([]);
    // The preview, against the calendar read again: the line left out, saying whose day it is.
    await waitFor(() =>
      expect(rows()).toEqual([['2', 'Rabu, 10 Maret 2027', 'Idulfitri 1448 H', 'Libur nasional']]),
    );
    expect(
      within(screen.getByRole('list', { name: 'Baris yang dilewati' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Baris 1: Sabtu, 6 Februari 2027 sudah ada di kalender sebagai “Imlek 2578” (Libur nasional); baris ini dilewati.',
    ]);
    // Saved again: only the day that replaces nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Simpan 1 hari' }));
    fireEvent.click(
      await within(await screen.findByRole('alertdialog')).findByRole('button', {
        name: 'Ya, simpan 1 hari',
      }),
    );
    await waitFor(() => expect(sent(calls, 'PATCH')).toHaveLength(1));
    expect(sent(calls, 'PATCH')[0]!.body).toEqual({
      days: [
        { date: '2027-03-10', kind: 'national_holiday', name: 'Idulfitri 1448 H', version: 0 },
      ],
    });
  });
});

/**
 * The list was read again before it was sent, but the PATCH replaced whatever the days were by
 * the time it was written: a colleague's change between the two was lost. Each day now goes
 * with its version in the read made just before (0: not there); the API's 409 names the entry,
 * said by its line, and the calendar is read again; nothing is saved.
 */
describe('a pasted day a colleague changed between the read before sending and the save', () => {
  it('goes with its version from that read, and the 409 is said by its line, the calendar read again', async () => {
    // Added by the colleague as the list has it (the read finds it, the same: not refused)…
    const IMLEK = { date: '2027-02-06', kind: 'national_holiday', name: 'Imlek', version: 1 };
    // …then renamed by them after that read, before the save.
    const RENAMED = { ...IMLEK, name: 'Tahun Baru Imlek 2578', version: 2 };
    let reads = 0;
    let patched = false;
    const calls = calendarApi((call) => {
      if (call.method === 'PATCH') {
        patched = true;
        return json(409, {
          type: 'urn:pantau:problem:version_conflict',
          title: 'Conflict',
          status: 409,
          code: 'version_conflict',
          detail: 'days.0.version: the day was saved since version 1 (now 2)',
          requestId: 'r5',
          errors: [
            { path: 'days.0.version', message: 'the day was saved since version 1 (now 2)' },
          ],
        });
      }
      if (call.method === 'GET' && call.path === '/v1/calendars/id/days') {
        reads += 1;
        if (patched)
          return json(200, { id: 'id', years: [2025, 2026], items: [NEW_YEAR, RENAMED] });
        // The page's own read, then the paste's read before sending.
        if (reads > 1)
          return json(200, { id: 'id', years: [2025, 2026], items: [NEW_YEAR, IMLEK] });
      }
      return undefined;
    });
    await openPaste();
    await waitFor(() => expect(sent(calls, 'GET').length).toBeGreaterThanOrEqual(2));
    paste(['6 Februari 2027 Imlek', '2027-03-10 Idulfitri 1448 H'].join('\n'));
    fireEvent.click(await screen.findByRole('button', { name: 'Simpan 2 hari' }));
    fireEvent.click(
      await within(await screen.findByRole('alertdialog')).findByRole('button', {
        name: 'Ya, simpan 2 hari',
      }),
    );
    const said = await screen.findByRole('alert');
    expect(said.textContent).toBe(
      'Daftar ini belum disimpan: admin lain baru saja mengubah hari pada 1 baris Anda: baris 1 (Sabtu, 6 Februari 2027). Kalender sudah dimuat ulang; periksa daftarnya, lalu simpan lagi.',
    );
    expect(screen.queryByText(/version_conflict|Conflict/)).toBeNull();
    expect(sent(calls, 'PATCH').map((c) => c.body)).toEqual([
      {
        days: [
          { date: '2027-02-06', kind: 'national_holiday', name: 'Imlek', version: 1 },
          { date: '2027-03-10', kind: 'national_holiday', name: 'Idulfitri 1448 H', version: 0 },
        ],
      },
    ]);
    // Read again: the preview leaves the colleague's day out, saying what it is now.
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Baris yang dilewati' }))
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual([
        'Baris 1: Sabtu, 6 Februari 2027 sudah ada di kalender sebagai “Tahun Baru Imlek 2578” (Libur nasional); baris ini dilewati.',
      ]),
    );
    expect(
      (screen.getByLabelText('Daftar hari (satu hari per baris)') as HTMLTextAreaElement).value,
    ).toBe('6 Februari 2027 Imlek\n2027-03-10 Idulfitri 1448 H');
  });
});
