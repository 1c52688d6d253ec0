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
    expect(message).toMatch(/^Input tidak valid: diharapkan string/);
    expect(screen.getByLabelText(/^Perihal/).getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
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
    expect(screen.getAllByText('unknown respondent').length).toBeGreaterThan(0);
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
