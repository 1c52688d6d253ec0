import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import CaseNew from './case-new';

const AS = { as: { agency: 'setneg', role: 'central_officer' as const }, path: '/cases/new' };
const agency = { status: 200, body: { id: 'setneg', name: 'Setneg', timeZone: 'Asia/Jakarta' } };

async function fillValid() {
  await userEvent.type(screen.getByLabelText(/^Nama/), 'Siti Rahmawati');
  await userEvent.type(screen.getByLabelText(/^Perihal/), 'Sertifikat tanah');
  await userEvent.type(screen.getByLabelText(/^Uraian pengaduan/), 'Belum terbit sejak 2024.');
}

describe('registering a complaint', () => {
  it('checks the input with the API’s own schema before sending anything, in Indonesian', async () => {
    const calls = mockApi(() => agency);
    renderWith(<CaseNew />, AS);
    await userEvent.click(await screen.findByRole('button', { name: 'Simpan pengaduan' }));
    const name = screen.getByLabelText(/^Nama/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(name.getAttribute('aria-describedby')!)!.textContent;
    // A sentence naming the field by its label: no zod text, no field key.
    expect(message).toBe('Nama wajib diisi.');
    expect(screen.getByLabelText(/^Perihal/).getAttribute('aria-invalid')).toBe('true');
    // The summary above the form takes focus and lists the same sentences, linked to the fields.
    const summary = document.activeElement!;
    expect(summary.className).toBe('form-feedback');
    expect(summary.textContent).toContain('Periksa isian berikut:');
    expect(summary.textContent).toContain('Perihal wajib diisi.');
    expect(summary.textContent).not.toMatch(/complainant|expected|undefined|diharapkan/);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('closing the tab mid-form asks first (the draft lives only as long as the tab)', async () => {
    mockApi(() => agency);
    renderWith(<CaseNew />, AS);
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    // Nothing typed: nothing to lose, nothing asked.
    expect(leave()).toBe(false);
    await userEvent.type(screen.getByLabelText(/^Nama/), 'Siti Rahmawati');
    expect(leave()).toBe(true);
  });

  it('a NIK is 16 digits and a phone is an Indonesian number, said in words', async () => {
    const calls = mockApi(() => agency);
    renderWith(<CaseNew />, AS);
    await fillValid();
    // A phone opens its number pad for the 16 digits.
    expect(screen.getByLabelText('NIK').getAttribute('inputmode')).toBe('numeric');
    await userEvent.type(screen.getByLabelText('NIK'), '51710344');
    await userEvent.type(screen.getByLabelText('Telepon'), '12345');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    expect(screen.getAllByText('NIK terdiri dari 16 angka.').length).toBe(2);
    expect(screen.getAllByText(/^Telepon bukan nomor telepon yang benar/).length).toBe(2);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('a long text shows its counter and limit, and is not cut at the limit', async () => {
    mockApi(() => agency);
    renderWith(<CaseNew />, AS);
    const subject = screen.getByLabelText(/^Perihal/);
    await userEvent.click(subject);
    await userEvent.paste('x'.repeat(205));
    expect((subject as HTMLInputElement).value).toHaveLength(205);
    expect(screen.getByText('205 dari 200 karakter')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    expect(screen.getAllByText('Perihal paling banyak 200 karakter.').length).toBe(2);
  });

  it('a bad email is named at its field before sending', async () => {
    mockApi(() => agency);
    renderWith(<CaseNew />, AS);
    await fillValid();
    await userEvent.type(screen.getByLabelText('Surel'), 'not-an-email');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    expect(screen.getByLabelText('Surel').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/^Nama/).getAttribute('aria-invalid')).toBeNull();
  });

  it('the server’s field errors land on the fields, and nothing typed is lost', async () => {
    mockApi((call) =>
      call.method === 'POST'
        ? json(400, {
            type: 'about:blank',
            title: 'Validation failed',
            status: 400,
            code: 'validation_failed',
            detail: 'invalid input',
            requestId: 'r1',
            errors: [{ path: 'respondent', message: 'unknown respondent' }],
          })
        : agency,
    );
    renderWith(<CaseNew />, AS);
    await fillValid();
    await userEvent.type(screen.getByLabelText('Pihak teradu'), 'X');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Pihak teradu').getAttribute('aria-invalid')).toBe('true'),
    );
    // The server's text ("unknown respondent") is not shown; a sentence naming the field is.
    expect(screen.queryByText(/unknown respondent/)).toBeNull();
    expect(
      screen.getAllByText('Pihak teradu ditolak server. Periksa kembali isian ini.').length,
    ).toBe(2);
    expect(screen.getByLabelText<HTMLInputElement>(/^Nama/).value).toBe('Siti Rahmawati');
  });

  it('after a lost answer the retry is the same request (same Idempotency-Key), then the case opens', async () => {
    let attempt = 0;
    const calls = mockApi((call) => {
      if (call.method !== 'POST') return agency;
      attempt += 1;
      if (attempt === 1) throw new TypeError('Failed to fetch');
      return json(201, { id: '01JCASE000000000000000000', subject: 'Sertifikat tanah' });
    });
    const view = renderWith(<CaseNew />, AS);
    await fillValid();
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    await screen.findByText(/Tidak dapat menghubungi server/);
    expect(screen.getByLabelText<HTMLTextAreaElement>(/^Uraian pengaduan/).value).toBe(
      'Belum terbit sejak 2024.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    // The case opens with its registration notice (and, for a letter or walk-in, the receipt).
    await waitFor(() =>
      expect(view.location()).toBe('/cases/01JCASE000000000000000000?registered=1'),
    );
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.headers.get('idempotency-key')).toBeTruthy();
    expect(posts[1]!.headers.get('idempotency-key')).toBe(posts[0]!.headers.get('idempotency-key'));
    expect(posts[1]!.body).toMatchObject({
      channel: 'letter',
      complainant: { name: 'Siti Rahmawati' },
      subject: 'Sertifikat tanah',
    });
    expect(posts[1]!.body).not.toHaveProperty('respondent');
    // The incoming letter left empty is not sent at all (an empty one would be refused).
    expect(posts[1]!.body).not.toHaveProperty('letter');
  });

  it('sends the incoming letter’s number, date and sender; half of one is named at its fields', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(201, { id: '01JCASE000000000000000001' }) : agency,
    );
    renderWith(<CaseNew />, AS);
    await fillValid();
    await userEvent.type(screen.getByLabelText('Nomor surat'), '045/RT-03/III/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    expect(screen.getByLabelText('Tanggal surat').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Pengirim').getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('Tanggal surat'), '2026-03-10');
    await userEvent.type(screen.getByLabelText('Pengirim'), 'Ketua RT 03');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({
      letter: { number: '045/RT-03/III/2026', date: '2026-03-10', sender: 'Ketua RT 03' },
    });
  });
});

describe('a complaint from SP4N-LAPOR!', () => {
  it('asks for the report number when that channel is picked, and sends it as externalRef', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(201, { id: '01JCASE000000000000000002' }) : agency,
    );
    renderWith(<CaseNew />, AS);
    // Not asked for another channel.
    expect(screen.queryByLabelText(/^Nomor laporan SP4N-LAPOR!/)).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText(/^Saluran/), 'SP4N-LAPOR!');
    await fillValid();
    // Left empty: said at its field before sending, by its name.
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    const ref = screen.getByLabelText(/^Nomor laporan SP4N-LAPOR!/);
    expect(ref.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Nomor laporan SP4N-LAPOR! wajib diisi.')).toHaveLength(2);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await userEvent.type(ref, 'LAP-2026-004411');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({
      channel: 'lapor',
      externalRef: { system: 'lapor', id: 'LAP-2026-004411' },
    });
  });

  it('sends no externalRef for another channel, even after a number was typed', async () => {
    const calls = mockApi((call) =>
      call.method === 'POST' ? json(201, { id: '01JCASE000000000000000003' }) : agency,
    );
    renderWith(<CaseNew />, AS);
    await userEvent.selectOptions(screen.getByLabelText(/^Saluran/), 'SP4N-LAPOR!');
    await userEvent.type(screen.getByLabelText(/^Nomor laporan SP4N-LAPOR!/), '4411');
    await userEvent.selectOptions(screen.getByLabelText(/^Saluran/), 'Surel');
    expect(screen.queryByLabelText(/^Nomor laporan SP4N-LAPOR!/)).toBeNull();
    await fillValid();
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')!.body).not.toHaveProperty('externalRef');
  });

  it('the server’s error on the report number lands on its field', async () => {
    mockApi((call) =>
      call.method === 'POST'
        ? json(400, {
            type: 'about:blank',
            title: 'Validation failed',
            status: 400,
            code: 'validation_failed',
            detail: 'invalid input',
            requestId: 'r2',
            errors: [
              {
                path: 'externalRef.id',
                message: 'Too big: expected string to have <=100 characters',
              },
            ],
          })
        : agency,
    );
    renderWith(<CaseNew />, AS);
    await userEvent.selectOptions(screen.getByLabelText(/^Saluran/), 'SP4N-LAPOR!');
    await fillValid();
    await userEvent.type(screen.getByLabelText(/^Nomor laporan SP4N-LAPOR!/), '4411');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/^Nomor laporan SP4N-LAPOR!/).getAttribute('aria-invalid')).toBe(
        'true',
      ),
    );
    // The summary names the field and links to it.
    const link = screen.getByRole('link', { name: /^Nomor laporan SP4N-LAPOR! ditolak server/ });
    expect(link.getAttribute('href')).toBe(
      `#${screen.getByLabelText(/^Nomor laporan SP4N-LAPOR!/).id}`,
    );
  });
});

describe('a registration the API refused for an ended session (401)', () => {
  const UNAUTHORIZED = {
    status: 401,
    body: { title: 'Unauthorized', status: 401, code: 'unauthorized', detail: 'x' },
  };
  const LETTER = 'Surat empat halaman: '.padEnd(3_000, 'isi surat ');

  it('keeps the letter typed in: the form opened again (after signing in) holds it, and says so', async () => {
    mockApi((call) => (call.method === 'POST' ? UNAUTHORIZED : agency));
    const first = renderWith(<CaseNew />, AS);
    await userEvent.type(screen.getByLabelText(/^Nama/), 'Siti Rahmawati');
    await userEvent.type(screen.getByLabelText(/^Perihal/), 'Sertifikat tanah');
    // Pasted, as an officer copies a letter in.
    await userEvent.click(screen.getByLabelText(/^Uraian pengaduan/));
    await userEvent.paste(LETTER);
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    // The session is gone: the guard takes the page away.
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Simpan pengaduan' })).toBeNull(),
    );
    first.unmount();
    renderWith(<CaseNew />, AS);
    expect((screen.getByLabelText(/^Uraian pengaduan/) as HTMLTextAreaElement).value).toBe(LETTER);
    expect((screen.getByLabelText(/^Nama/) as HTMLInputElement).value).toBe('Siti Rahmawati');
    expect((screen.getByLabelText(/^Perihal/) as HTMLInputElement).value).toBe('Sertifikat tanah');
    expect(screen.getByText('Isian yang belum terkirim dipulihkan.')).toBeTruthy();
  });

  it('forgets it once the case is registered, and keeps it from another officer signing in at the tab', async () => {
    mockApi((call) => (call.method === 'POST' ? { status: 201, body: { id: 'C9' } } : agency));
    const first = renderWith(<CaseNew />, AS);
    await fillValid();
    await userEvent.click(screen.getByRole('button', { name: 'Simpan pengaduan' }));
    await waitFor(() => expect(first.location()).toContain('/cases/C9'));
    first.unmount();
    renderWith(<CaseNew />, AS);
    expect((screen.getByLabelText(/^Uraian pengaduan/) as HTMLTextAreaElement).value).toBe('');
    expect(screen.queryByText('Isian yang belum terkirim dipulihkan.')).toBeNull();
    const keys = Object.keys(sessionStorage).filter((k) => k.startsWith('pantau.draft:'));
    expect(keys).toEqual([]);
  });
});
