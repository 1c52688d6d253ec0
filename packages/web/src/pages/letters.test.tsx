import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { AgencyNamesProvider } from '../components/agencies';
import { UnreadBadge } from '../components/count';
import { useUnread } from '../unread';
import Letters from './letters';

const NAMES = [
  { id: 'atr-bpn', name: 'Kementerian ATR/BPN' },
  { id: 'kanwil-bpn-jatim', name: 'Kanwil BPN Jawa Timur' },
  { id: 'kanwil-bpn-sulsel', name: 'Kanwil BPN Sulawesi Selatan' },
];

/** The API as a focal point's user reads it: itself and its member units, by name. */
const answering = () =>
  mockApi((call) => {
    if (call.path === '/v1/agency-names') return json(200, { items: NAMES });
    if (call.path.startsWith('/v1/agencies'))
      return json(200, {
        items: [
          { id: 'atr-bpn', focalPointId: null },
          { id: 'kanwil-bpn-jatim', focalPointId: 'atr-bpn' },
          { id: 'kanwil-bpn-sulsel', focalPointId: 'atr-bpn' },
        ],
        nextCursor: null,
      });
    if (call.path.startsWith('/v1/clock')) return json(200, { now: new Date().toISOString() });
    return json(200, { items: [], nextCursor: null, total: 0 });
  });

const letterCalls = (calls: ReturnType<typeof mockApi>) =>
  calls.filter((c) => c.path.startsWith('/v1/notifications'));

describe('the letters page of a focal point', () => {
  it('offers the coordinator its member units, by name, and asks for the one chosen', async () => {
    const calls = answering();
    renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      { as: { agency: 'atr-bpn', role: 'agency_coordinator' }, path: '/letters' },
    );
    const select = await screen.findByLabelText('Instansi');
    await within(select).findByRole('option', { name: 'Kanwil BPN Jawa Timur' });
    expect(
      within(select).getByRole('option', { name: 'Kanwil BPN Sulawesi Selatan' }),
    ).toBeTruthy();
    // Its own agency's letters first, as before.
    expect(
      (within(select).getByRole('option', { selected: true }) as HTMLOptionElement).textContent,
    ).toBe('Kementerian ATR/BPN');
    expect(screen.queryByText('kanwil-bpn-jatim')).toBeNull();
    await userEvent.selectOptions(select, 'kanwil-bpn-jatim');
    await waitFor(() =>
      expect(letterCalls(calls).at(-1)?.path).toContain('agencyId=kanwil-bpn-jatim'),
    );
  });

  it('offers no such choice to an officer of the focal point', async () => {
    const calls = answering();
    renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      { as: { agency: 'atr-bpn', role: 'agency_officer' }, path: '/letters' },
    );
    await waitFor(() => expect(letterCalls(calls).length).toBeGreaterThan(0));
    await screen.findByText('Tidak ada data.');
    expect(screen.queryByLabelText('Instansi')).toBeNull();
  });
});

/** A letter as the API lists it: a first reminder to the focal point, sent. */
const letter = (overrides: Record<string, unknown> = {}) => ({
  id: 'n1',
  caseId: 'c1',
  agencyId: 'atr-bpn',
  target: 'acknowledge',
  targets: ['acknowledge'],
  step: 'reminder_1',
  action: 'reminder',
  channel: 'email',
  recipients: ['pengaduan@atrbpn.example.go.id'],
  cc: [],
  status: 'sent',
  subject: 'Surat pengingat I: Sertifikat tanah belum terbit',
  body: 'Dengan hormat, …',
  scheduledAt: '2026-04-23T17:00:00.000Z',
  createdAt: '2026-04-23T17:00:00.000Z',
  sentAt: '2026-04-24T01:00:00.000Z',
  attempts: 1,
  lastError: null,
  letterNumber: null,
  datedOn: null as string | null,
  pdf: false,
  handled: null,
  sendsAt: null,
  cancelled: null,
  failure: null as string | null,
  refused: null,
  refusedAddresses: [] as { address: string; reason: string }[],
  reached: [] as string[],
  ...overrides,
});

/** The API answering the letters log with `items`. */
const listing = (items: ReturnType<typeof letter>[]) =>
  mockApi((call) => {
    if (call.path === '/v1/agency-names') return json(200, { items: NAMES });
    if (call.path.startsWith('/v1/clock')) return json(200, { now: new Date().toISOString() });
    if (call.path.startsWith('/v1/notifications'))
      return json(200, { items, nextCursor: null, total: items.length });
    return json(200, { items: [], nextCursor: null });
  });

describe('the letters page of a member unit', () => {
  it('says of a letter of its focal point’s assignment delegated to it whom it went to and why it is here', async () => {
    listing([letter()]);
    renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      { as: { agency: 'kanwil-bpn-sulsel', role: 'agency_officer' }, path: '/letters' },
    );
    await screen.findByText(
      'Dikirim kepada Kementerian ATR/BPN; penugasannya didelegasikan kepada instansi Anda.',
    );
    expect(
      screen.getByRole('link', { name: 'Surat pengingat I: Sertifikat tanah belum terbit' }),
    ).toBeTruthy();
  });

  it('says a delegated letter that did not go was addressed, not sent, to its focal point', async () => {
    const refused = [{ address: 'pengaduan@atrbpn.invalid', reason: '550 5.1.2 no such domain' }];
    listing([
      letter({
        id: 'n1',
        status: 'failed',
        sentAt: null,
        attempts: 5,
        failure: 'address_refused',
        refusedAddresses: refused,
      }),
      letter({ id: 'n2', status: 'pending', sentAt: null, attempts: 0 }),
      letter({ id: 'n3', status: 'cancelled', sentAt: null, attempts: 0 }),
    ]);
    renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      { as: { agency: 'kanwil-bpn-sulsel', role: 'agency_officer' }, path: '/letters' },
    );
    const addressed =
      'Ditujukan kepada Kementerian ATR/BPN; penugasannya didelegasikan kepada instansi Anda.';
    await waitFor(() => expect(screen.getAllByText(addressed)).toHaveLength(3));
    expect(screen.queryByText(/^Dikirim kepada/)).toBeNull();
    // Why it failed, in Indonesian; the focal point's address is not the unit's to read.
    expect(screen.getByText(/tidak terkirim: alamat surel penerimanya ditolak/)).toBeTruthy();
    expect(screen.queryByText(/alamat yang ditolak/)).toBeNull();
  });
});

describe('the letters page of central', () => {
  it('says why a failed letter did not go and which address was refused', async () => {
    listing([
      letter({
        status: 'failed',
        sentAt: null,
        attempts: 5,
        failure: 'address_refused',
        refusedAddresses: [
          { address: 'pengaduan@atrbpn.invalid', reason: '550 5.1.2 no such domain' },
        ],
      }),
    ]);
    renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      { as: { agency: 'setneg', role: 'central_officer' }, path: '/letters' },
    );
    await screen.findByText(
      /tidak terkirim: alamat surel penerimanya ditolak \(alamat atau domainnya tidak ada\); alamat yang ditolak: pengaduan@atrbpn\.invalid/,
    );
  });
});

describe('a letter in the log', () => {
  it('is listed by the date it bears, as the officer finds it on paper: written at 00:00 on Saturday, dated Monday', async () => {
    listing([
      letter({
        createdAt: '2026-04-10T17:00:00.000Z', // Saturday 11 April, 00:00 WIB
        datedOn: '2026-04-13',
        letterNumber: 'B-5/Kemensetneg/D-4/DM.05/04/2026',
      }),
    ]);
    renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      { as: { agency: 'setneg', role: 'central_officer' }, path: '/letters' },
    );
    const row = (await screen.findByRole('link', { name: /Sertifikat tanah/ })).closest('li')!;
    expect(row.textContent).toContain('Sen, 13 Apr 2026');
    expect(row.textContent).not.toContain('11 Apr');
  });
});

describe('the steps the letters are of', () => {
  it('reads in Indonesian: a step the policy admin named as the ladder does; a name of its own as written', async () => {
    listing([
      letter({ id: 'n3', step: 'reminder_3', subject: 'Perihal tiga' }),
      // Its letter titled by its place among the ladder's reminders (after a penegasan, the
      // second): the page says what the letter says.
      letter({
        id: 'n5',
        step: 'reminder_3',
        subject: 'Surat Pengingat II atas Pengaduan Masyarakat 7/2026: Jalan rusak',
      }),
      letter({
        id: 'n2',
        step: 'formal_warning_2',
        action: 'formal_warning',
        subject: 'Perihal dua',
      }),
      letter({ id: 'n4', step: 'surat_teguran_akhir', subject: 'Perihal empat' }),
      letter({ id: 'n1', step: 'forwarding', action: 'forwarding', subject: 'Perihal satu' }),
    ]);
    renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      { as: { agency: 'atr-bpn', role: 'agency_officer' }, path: '/letters' },
    );
    const stepOf = async (subject: string) =>
      within((await screen.findByRole('link', { name: subject })).closest('li')!).getByText(
        (_, el) => el?.tagName === 'STRONG',
      ).textContent;
    expect(await stepOf('Perihal tiga')).toBe('Surat pengingat III');
    expect(await stepOf('Surat Pengingat II atas Pengaduan Masyarakat 7/2026: Jalan rusak')).toBe(
      'Surat pengingat II',
    );
    expect(await stepOf('Perihal dua')).toBe('Surat penegasan 2');
    expect(await stepOf('Perihal empat')).toBe('Surat teguran akhir');
    expect(await stepOf('Perihal satu')).toBe('Surat penerusan');
    expect(screen.queryByText(/Reminder|Formal warning|Forwarding/)).toBeNull();
  });
});

describe('the Letters badge', () => {
  function Badge() {
    return <UnreadBadge n={useUnread('u1', 'letters', '/cases')} />;
  }

  it('counts the letters written since the last visit, none cancelled', async () => {
    localStorage.setItem('pantau.visited.letters.u1', '2026-04-13T18:00:00.000Z');
    const calls = mockApi((call) =>
      call.path.startsWith('/v1/notifications')
        ? json(200, { items: [letter()], nextCursor: null, total: 3 })
        : json(404, {}),
    );
    renderWith(<Badge />, { as: { agency: 'polri', role: 'agency_officer' } });
    expect((await screen.findByText('3')).closest('.unread')).toBeTruthy();
    const asked = new URL(letterCalls(calls).at(-1)!.path, 'http://x').searchParams;
    expect(Object.fromEntries(asked)).toEqual({
      since: '2026-04-13T18:00:00.000Z',
      cancelled: 'false',
      limit: '1',
      total: 'true',
    });
    localStorage.clear();
  });
});

/** The API answering the letters log with `items`, counted as `total`, and `ladder`'s policy. */
const narrowing = (items: ReturnType<typeof letter>[], total = items.length, ladder?: string[]) =>
  mockApi((call) => {
    if (call.path === '/v1/agency-names') return json(200, { items: NAMES });
    if (call.path.startsWith('/v1/clock')) return json(200, { now: new Date().toISOString() });
    if (call.path.startsWith('/v1/policies'))
      return json(200, {
        items: [{ id: 'default', ladder: (ladder ?? []).map((name) => ({ name })) }],
      });
    if (call.path.startsWith('/v1/notifications'))
      return json(200, { items, nextCursor: null, total });
    return json(200, { items: [], nextCursor: null });
  });

/** The query the page last asked the letters log with. */
const lastQuery = (calls: ReturnType<typeof mockApi>) =>
  Object.fromEntries(new URL(letterCalls(calls).at(-1)!.path, 'http://x').searchParams);

describe('the letters page narrowed', () => {
  const central = { agency: 'setneg', role: 'central_officer' } as const;

  it('opens a link to the failed letters filtered, and says what it shows', async () => {
    const calls = narrowing([letter({ status: 'failed' })], 12);
    renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      { as: central, path: '/letters?status=failed' },
    );
    await screen.findByText('12 surat tidak terkirim');
    expect(lastQuery(calls)).toEqual({ status: 'failed', total: 'true' });
    const status = screen.getByLabelText('Status') as HTMLSelectElement;
    expect(status.selectedOptions[0]?.textContent).toBe('Gagal (tidak terkirim)');
    expect([...status.options].map((o) => o.textContent)).toEqual([
      'Semua',
      'Gagal (tidak terkirim)',
      'Antre (menunggu dikirim)',
      'Terkirim',
      'Tidak dikirim (dibatalkan)',
    ]);
  });

  it('asks for the status, step and period chosen, keeps them in the URL, and counts them in words', async () => {
    const calls = narrowing([letter({ step: 'formal_warning', action: 'formal_warning' })], 3, [
      'warning',
      'reminder_1',
      'reminder_2',
      'formal_warning',
      'formal_warning_2',
      'central_intervention',
    ]);
    const view = renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      { as: central, path: '/letters' },
    );
    await screen.findByText('3 surat');
    const step = screen.getByLabelText('Tahap');
    // The ladder's steps as the letters name them, then central's own letters.
    await within(step).findByRole('option', { name: 'Surat penegasan 2' });
    expect(
      within(step)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Semua',
      'Peringatan dini',
      'Surat pengingat I',
      'Surat pengingat II',
      'Surat penegasan',
      'Surat penegasan 2',
      'Intervensi pusat',
      'Surat penerusan',
      'Surat undangan',
      'Perubahan jadwal',
      'Pembatalan undangan',
    ]);
    await userEvent.selectOptions(step, 'formal_warning');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'sent');
    await waitFor(() =>
      expect(lastQuery(calls)).toEqual({ step: 'formal_warning', status: 'sent', total: 'true' }),
    );
    // The period goes once both days are given and shown.
    fireEvent.change(screen.getByLabelText('Dari tanggal'), { target: { value: '2026-04-06' } });
    fireEvent.change(screen.getByLabelText('Sampai tanggal'), { target: { value: '2026-04-12' } });
    expect(lastQuery(calls)).not.toHaveProperty('from');
    await userEvent.click(screen.getByRole('button', { name: 'Tampilkan' }));
    await waitFor(() =>
      expect(lastQuery(calls)).toEqual({
        step: 'formal_warning',
        status: 'sent',
        from: '2026-04-06',
        to: '2026-04-12',
        total: 'true',
      }),
    );
    expect(
      await screen.findByText(
        '3 surat terkirim, tahap Surat penegasan, bertanggal Sen, 6 Apr 2026 s.d. Min, 12 Apr 2026',
      ),
    ).toBeTruthy();
    const url = new URL(view.location(), 'http://x').searchParams;
    expect(Object.fromEntries(url)).toEqual({
      step: 'formal_warning',
      status: 'sent',
      from: '2026-04-06',
      to: '2026-04-12',
    });
    // All of them again, at one click.
    await userEvent.click(screen.getByRole('button', { name: 'Hapus saringan' }));
    await waitFor(() => expect(lastQuery(calls)).toEqual({ total: 'true' }));
    expect(view.location()).toBe('/letters');
    expect((screen.getByLabelText('Dari tanggal') as HTMLInputElement).value).toBe('');
  });

  it('sends no filter a link holds that the API would refuse, and keeps a step the ladder no longer names', async () => {
    const calls = narrowing([]);
    renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      {
        as: central,
        path: '/letters?status=lost&from=2026-13-01&to=kemarin&step=reminder_3',
      },
    );
    await screen.findByText('Tidak ada data.');
    expect(lastQuery(calls)).toEqual({ step: 'reminder_3', total: 'true' });
    const step = screen.getByLabelText('Tahap') as HTMLSelectElement;
    expect(step.selectedOptions[0]?.textContent).toBe('Surat pengingat III');
  });

  it('gives an agency the same filters over the letters sent to it', async () => {
    const calls = narrowing([letter({ status: 'pending' })], 1);
    renderWith(
      <AgencyNamesProvider user="u1">
        <Letters />
      </AgencyNamesProvider>,
      { as: { agency: 'polri', role: 'agency_officer' }, path: '/letters?status=pending' },
    );
    await screen.findByText('1 surat menunggu dikirim');
    expect(lastQuery(calls)).toEqual({ status: 'pending', total: 'true' });
    expect(screen.getByLabelText('Tahap')).toBeTruthy();
    expect(screen.getByLabelText('Dari tanggal')).toBeTruthy();
  });
});
