import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { Track } from './track';

const tracking = (message: string) => ({
  status: 'resolved',
  steps: [{ status: 'received', at: '2026-03-16T03:00:00.000Z', label: 'Pengaduan diterima' }],
  receivedAt: '2026-03-16T03:00:00.000Z',
  replyWindowClosesAt: '2026-04-01T16:59:59.999Z',
  answers: [{ agencyName: 'Kepolisian', kind: 'final', message, at: '2026-03-20T03:00:00.000Z' }],
  earlierAnswers: false,
  infoRequest: null,
  confidential: false,
  outcome: null,
});

const codeOf = (body: unknown) => (body as { code: string }).code;

/** The browser's own time zone, as the complainant's device is set. */
const browserIn = (timeZone: string) => {
  const real = Intl.DateTimeFormat.prototype.resolvedOptions;
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
    this: Intl.DateTimeFormat,
  ) {
    return { ...real.call(this), timeZone };
  });
};

afterEach(() => {
  window.location.hash = '';
  vi.restoreAllMocks();
});

describe('the tracking page', () => {
  it('asks again when "Lacak" is pressed on the same code after a failed check', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    let asked = 0;
    mockApi(() => {
      asked += 1;
      if (asked === 1) throw new TypeError('Failed to fetch');
      return json(200, tracking('Laporan telah ditindaklanjuti.'));
    });
    renderWith(<Track />, { path: '/track' });
    await screen.findByRole('alert');
    await userEvent.click(screen.getByRole('button', { name: 'Lacak' }));
    await screen.findByText('Laporan telah ditindaklanjuti.');
    expect(asked).toBe(2);
  });

  it('shows nothing of the previous complaint while another code is checked', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(
      (call) =>
        codeOf(call.body) === 'AAAA-BBBB-CCCC1'
          ? json(200, tracking('Jawaban untuk pengaduan pertama.'))
          : new Promise(() => {}), // the second one's answer has not come yet
    );
    renderWith(<Track />, { path: '/track' });
    await screen.findByText('Jawaban untuk pengaduan pertama.');
    act(() => {
      window.location.hash = '#DDDD-EEEE-FFFF2';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(screen.queryByText('Jawaban untuk pengaduan pertama.')).toBeNull());
  });
});

describe('times on the tracking page', () => {
  it.each([
    ['Asia/Makassar', '11.00 WITA'],
    ['Asia/Jayapura', '12.00 WIT'],
    ['Asia/Jakarta', '10.00 WIB'],
    // West Kalimantan keeps its own name in the zone database; it is WIB.
    ['Asia/Pontianak', '10.00 WIB'],
    // A device abroad (or set to UTC): WIB, as the unit's own letters say.
    ['Europe/Amsterdam', '10.00 WIB'],
  ])('a device in %s reads %s', async (zone, shown) => {
    browserIn(zone);
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() => json(200, tracking('Laporan telah ditindaklanjuti.')));
    renderWith(<Track />, { path: '/track' });
    const received = (await screen.findByText(/^Diterima:/)).querySelector('time')!;
    expect(received.textContent).toBe(`16 Mar 2026, ${shown}`);
  });
});

describe('what happens next, by status', () => {
  it('a complaint being verified says so, and by when, in the device’s zone', async () => {
    browserIn('Asia/Makassar');
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() =>
      json(200, {
        ...tracking('x'),
        status: 'received',
        replyWindowClosesAt: null,
        answers: [],
        verificationDueAt: '2026-03-19T16:59:59.999Z',
      }),
    );
    renderWith(<Track />, { path: '/track' });
    const next = await screen.findByText(/sedang memverifikasi/);
    // Before: the status and the date received, and nothing of what comes next or when.
    expect(next.textContent).toBe(
      'Asdep Pengaduan Masyarakat sedang memverifikasi pengaduan Anda, paling lambat 20 Mar 2026, 00.59 WITA.',
    );
  });

  it('a forwarded complaint says the agencies’ answers will show on this page', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() =>
      json(200, {
        ...tracking('x'),
        status: 'forwarded',
        replyWindowClosesAt: null,
        answers: [],
        verificationDueAt: null,
      }),
    );
    renderWith(<Track />, { path: '/track' });
    expect((await screen.findByText(/sudah diteruskan/)).textContent).toBe(
      'Pengaduan Anda sudah diteruskan kepada instansi terkait. Jawaban mereka akan tampil di halaman ini.',
    );
  });

  it('a forwarded complaint says by when the agencies are asked to answer, in the device’s zone, progress answers or not', async () => {
    browserIn('Asia/Jakarta');
    window.location.hash = '#AAAA-BBBB-CCCC1';
    // The last agency's deadline: the end of 12 December in its own zone (WITA).
    const due = '2026-12-12T15:59:59.999Z';
    const forwarded = {
      ...tracking('x'),
      status: 'forwarded',
      replyWindowClosesAt: null,
      answers: [],
      verificationDueAt: null,
      answersDueBy: due,
    };
    const progress = {
      ...forwarded,
      status: 'in_follow_up',
      answers: [
        { agencyName: 'Kepolisian', kind: 'progress', message: 'Sedang diperiksa.', at: due },
      ],
    };
    const answers = [forwarded, progress, { ...forwarded, answersDueBy: null }];
    mockApi(() => json(200, answers.shift()));
    const sentence = 'Instansi yang dituju diminta menjawab paling lambat 12 Des 2026, 22.59 WIB.';
    const { unmount } = renderWith(<Track />, { path: '/track' });
    expect((await screen.findByText(/diminta menjawab/)).textContent).toBe(sentence);
    unmount();
    const again = renderWith(<Track />, { path: '/track' });
    await screen.findByText('Sedang diperiksa.');
    expect(screen.getByText(/diminta menjawab/).textContent).toBe(sentence);
    again.unmount();
    // No date given (a clock paused, a confidential report): no sentence.
    renderWith(<Track />, { path: '/track' });
    await screen.findByText(/sudah diteruskan/);
    expect(screen.queryByText(/diminta menjawab/)).toBeNull();
  });
});

describe('what central asks the complainant to send', () => {
  const ADDRESS =
    'Asisten Deputi Pengaduan Masyarakat, Jalan Veteran Nomor 17–18, Jakarta Pusat 10110';
  const asked = (
    reference: string | null,
    sendTo: { name: string; email: string } | null = {
      name: 'Asdep Pengaduan Masyarakat',
      email: 'dumas@setneg.go.id',
    },
  ) => ({
    ...tracking('x'),
    status: 'needs_info',
    answers: [],
    replyWindowClosesAt: null,
    infoRequest: {
      missing: 'Fotokopi KTP',
      requestedAt: '2026-03-17T03:00:00.000Z',
      sendTo,
      postalAddress: ADDRESS,
      reference,
    },
  });

  it('says where a letter goes: the unit’s address, not "the address you sent your complaint to", which a web form has none of', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() => json(200, asked('12/DUMAS/III/2026')));
    renderWith(<Track />, { path: '/track' });
    const region = await screen.findByRole('region', { name: 'Kelengkapan yang diperlukan' });
    expect(region.textContent).toContain(
      `Kirimkan melalui surel ke dumas@setneg.go.id (Asdep Pengaduan Masyarakat), atau dengan surat ke ${ADDRESS},`,
    );
    expect(region.textContent).not.toContain('tempat Anda menyampaikan');
    cleanup();
    // No contact with an e-mail address in the directory: the letter's address alone.
    mockApi(() => json(200, asked('12/DUMAS/III/2026', null)));
    renderWith(<Track />, { path: '/track' });
    const alone = await screen.findByRole('region', { name: 'Kelengkapan yang diperlukan' });
    expect(alone.textContent).toContain(`Kirimkan dengan surat ke ${ADDRESS},`);
    expect(alone.textContent).not.toContain('tempat Anda menyampaikan');
  });

  it('has the agenda number quoted, never the tracking code, which is the complainant’s key', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() => json(200, asked('12/DUMAS/III/2026')));
    renderWith(<Track />, { path: '/track' });
    const region = await screen.findByRole('region', { name: 'Kelengkapan yang diperlukan' });
    expect(region.textContent).toContain('dumas@setneg.go.id');
    expect(region.textContent).toContain('nomor agenda pengaduan Anda: 12/DUMAS/III/2026');
    expect(region.textContent).not.toContain('AAAA-BBBB-CCCC1');
  });

  it('asks for the subject and the date when the case has no agenda number', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() => json(200, asked(null)));
    renderWith(<Track />, { path: '/track' });
    const region = await screen.findByRole('region', { name: 'Kelengkapan yang diperlukan' });
    expect(region.textContent).toContain('perihal dan tanggal pengaduan Anda');
    expect(region.textContent).not.toContain('AAAA-BBBB-CCCC1');
  });
});

describe('an agency waiting for the complainant', () => {
  it('says what it asks, under its name and date, that its deadlines stand, and where to send it', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    const ADDRESS =
      'Asisten Deputi Pengaduan Masyarakat, Jalan Veteran Nomor 17–18, Jakarta Pusat 10110';
    mockApi(() =>
      json(200, {
        ...tracking('x'),
        status: 'forwarded',
        answers: [],
        replyWindowClosesAt: null,
        contact: { name: 'Asdep Pengaduan Masyarakat', email: 'dumas@setneg.go.id' },
        agencyRequests: {
          items: [
            {
              agencyName: 'Kepolisian Negara Republik Indonesia',
              asked: 'Fotokopi surat tanda lapor kehilangan',
              askedAt: '2026-03-17T03:00:00.000Z',
            },
          ],
          sendTo: { name: 'Asdep Pengaduan Masyarakat', email: 'dumas@setneg.go.id' },
          postalAddress: ADDRESS,
          reference: '12/DUMAS/III/2026',
        },
      }),
    );
    renderWith(<Track />, { path: '/track' });
    const region = await screen.findByRole('region', { name: 'Permintaan instansi kepada Anda' });
    const text = region.textContent ?? '';
    expect(text).toContain('Kepolisian Negara Republik Indonesia meminta:');
    expect(text).toContain('Fotokopi surat tanda lapor kehilangan');
    expect(text).toContain('17 Mar 2026');
    expect(text).toContain('dihentikan sementara sampai kiriman Anda diterima');
    expect(text).toContain(`atau dengan surat ke ${ADDRESS},`);
    expect(text).toContain('nomor agenda pengaduan Anda: 12/DUMAS/III/2026');
    expect(text).not.toContain('AAAA-BBBB-CCCC1');
  });
});

describe('a confidential report in its reply window', () => {
  it('asks to rate how it was settled, not "the answers above", which it does not show', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() => json(200, { ...tracking('x'), answers: [], steps: [], confidential: true }));
    renderWith(<Track />, { path: '/track' });
    await screen.findByText('Penilaian Anda adalah atas penyelesaian pengaduan ini.');
    expect(screen.queryByText('Penilaian Anda adalah atas jawaban instansi di atas.')).toBeNull();
  });
});

describe('the reply window', () => {
  it('says the complaint closes when it ends without a reply', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() => json(200, tracking('Laporan telah ditindaklanjuti.')));
    renderWith(<Track />, { path: '/track' });
    const until = await screen.findByText(/^Anda dapat menanggapi sampai/);
    // Before, only the date: that silence closes the complaint was nowhere on the page.
    expect(until.textContent).toMatch(
      /^Anda dapat menanggapi sampai .+\. Tanpa tanggapan sampai saat itu, pengaduan ini ditutup\.$/,
    );
  });
});

describe('a reply sent without choosing', () => {
  it('names each unchosen group as the complainant reads it, in a sentence: choose, not fill in', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() => json(200, tracking('Laporan telah ditindaklanjuti.')));
    renderWith(<Track />, { path: '/track' });
    await userEvent.click(await screen.findByRole('button', { name: 'Kirim tanggapan' }));
    const satisfied = screen.getByRole('group', {
      name: 'Apakah Anda puas dengan tindak lanjutnya?',
    });
    const rating = screen.getByRole('group', { name: /^Penilaian/ });
    // Before: "Apakah Anda puas dengan tindak lanjutnya? wajib dipilih." and "Nilai wajib
    // diisi.", a question inside a sentence, and a word the form does not show, to "fill in".
    await waitFor(() =>
      expect(satisfied.querySelector('.error')?.textContent).toBe(
        'Puas atau tidak puas wajib dipilih.',
      ),
    );
    expect(rating.querySelector('.error')?.textContent).toBe('Penilaian wajib dipilih.');
    const summary = screen.getByText('Periksa isian berikut:').parentElement!;
    expect(summary.textContent).toContain('Puas atau tidak puas wajib dipilih.');
    expect(summary.textContent).toContain('Penilaian wajib dipilih.');
  });
});

describe('a case that went through more statuses than it keeps', () => {
  it('says where steps are left out, between the first and the latest', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    const steps = [
      { status: 'received', at: '2026-03-16T03:00:00.000Z', label: 'Pengaduan diterima' },
      { status: 'forwarded', at: '2026-05-16T03:00:00.000Z', label: 'Diteruskan' },
      { status: 'resolved', at: '2026-05-20T03:00:00.000Z', label: 'Selesai' },
    ];
    mockApi(() => json(200, { ...tracking('x'), steps, earlierSteps: true }));
    renderWith(<Track />, { path: '/track' });
    const gap = await screen.findByText(
      'Sebagian tahapan di antaranya tidak ditampilkan (yang tersimpan hanya tahapan pertama dan yang terakhir).',
    );
    const items = [...gap.closest('ol')!.querySelectorAll('li')];
    expect(items).toHaveLength(4);
    expect(items.indexOf(gap.closest('li')!)).toBe(1);
  });
});

describe('a rejected complaint', () => {
  const rejected = (reason: string | null) => ({
    ...tracking('x'),
    status: 'rejected',
    answers: [],
    replyWindowClosesAt: null,
    rejection: { reason },
    contact: { name: 'Layanan Pengaduan', email: 'dumas@setneg.go.id' },
  });

  it('says why, as central wrote it, and whom to ask, never with the tracking code', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() => json(200, rejected('Sengketa perdata: ajukan ke pengadilan negeri setempat.')));
    renderWith(<Track />, { path: '/track' });
    const region = await screen.findByRole('region', {
      name: 'Pengaduan tidak dapat ditindaklanjuti',
    });
    expect(region.textContent).toContain('Sengketa perdata: ajukan ke pengadilan negeri setempat.');
    const contact = screen.getByText(/Untuk bertanya, menambah keterangan, atau mencabut/);
    expect(contact.textContent).toContain('dumas@setneg.go.id');
    expect(contact.textContent).not.toContain('AAAA-BBBB-CCCC1');
  });

  it('without a reason given, says it is rejected and that the contact can say why', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() => json(200, rejected(null)));
    renderWith(<Track />, { path: '/track' });
    const region = await screen.findByRole('region', {
      name: 'Pengaduan tidak dapat ditindaklanjuti',
    });
    expect(region.textContent).toContain('Anda dapat menanyakan alasannya kepada kontak di bawah');
  });
});
