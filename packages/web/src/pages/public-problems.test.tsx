/**
 * A failed call on the public pages (the complaint form, the tracking page and its reply) is
 * said to a complainant: they have no agency ("bukan milik instansi Anda"), no list to look in
 * ("cari pengaduannya di daftar") and no admin, and a 502 from the gateway shows no request id
 * to give anyone (audit of the complainant's path on a phone).
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { problemSentence } from '../components/ui';
import type { Lang } from '../format';
import { translator } from '../i18n/i18n';
import { messages } from '../i18n/messages';
import { json, mockApi, renderWith } from '../../test/render';
import { Complain } from './complain';
import { Track } from './track';

afterEach(() => {
  window.location.hash = '';
  vi.restoreAllMocks();
});

const problem = (status: number, code: string) =>
  json(status, {
    type: `urn:pantau:problem:${code}`,
    title: 'x',
    status,
    code,
    detail: 'x',
    requestId: 'req-1',
  });

/** A gateway's own 502: an HTML page, no problem body, no request id. */
const badGateway = () =>
  new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
    status: 502,
    headers: { 'content-type': 'text/html' },
  });

/** What no complainant can act on: the officers' words. */
const OFFICERS = /instansi Anda|your agency|daftar|the list|admin/i;

const tracking = {
  status: 'resolved',
  steps: [{ status: 'received', at: '2026-03-16T03:00:00.000Z', label: 'Pengaduan diterima' }],
  receivedAt: '2026-03-16T03:00:00.000Z',
  replyWindowClosesAt: '2026-04-01T16:59:59.999Z',
  answers: [
    { agencyName: 'Kepolisian', kind: 'final', message: 'Sudah.', at: '2026-03-20T03:00:00Z' },
  ],
  earlierAnswers: false,
  infoRequest: null,
  confidential: false,
  outcome: null,
};

async function reply(answer: () => unknown, lang: Lang = 'id') {
  window.location.hash = '#AAAA-BBBB-CCCC1';
  mockApi((call) =>
    call.path === '/v1/track/reply' ? (answer() as ReturnType<typeof json>) : json(200, tracking),
  );
  renderWith(<Track />, { path: '/track', lang });
  const en = lang === 'en';
  await userEvent.click(await screen.findByLabelText(en ? 'Yes, satisfied' : 'Ya, puas'));
  await userEvent.click(screen.getByLabelText('4'));
  await userEvent.click(
    screen.getByRole('button', { name: en ? 'Send reply' : 'Kirim tanggapan' }),
  );
  return (await screen.findByRole('alert')).textContent ?? '';
}

async function complain(answer: () => unknown, lang: Lang = 'id') {
  mockApi((call) =>
    call.method === 'POST' && call.path === '/v1/complaints'
      ? (answer() as ReturnType<typeof json>)
      : new Promise<never>(() => {}),
  );
  const { container } = renderWith(<Complain />, { path: '/adukan', lang });
  const en = lang === 'en';
  await userEvent.type(screen.getByLabelText(en ? /^Name/ : /^Nama/), 'Siti Rahmawati');
  await userEvent.type(screen.getByLabelText(en ? /^Subject/ : /^Perihal/), 'Jalan rusak');
  const description = screen.getByLabelText(en ? /^Description/ : /^Uraian pengaduan/);
  await userEvent.type(description, 'Berlubang sejak Januari.');
  fireEvent(
    container.querySelector('altcha-widget')!,
    new CustomEvent('statechange', { detail: { state: 'verified', payload: 'cHJvb2Y=' } }),
  );
  await userEvent.click(
    screen.getByRole('button', { name: en ? 'Send complaint' : 'Kirim pengaduan' }),
  );
  // The problem above the form (the widget has an alert of its own).
  const alert = await waitFor(() => container.querySelector('.form-feedback [role="alert"]')!);
  const said = alert.textContent ?? '';
  // Whatever went wrong, the complaint as typed is still there.
  expect(description).toHaveProperty('value', 'Berlubang sejak Januari.');
  return said;
}

describe('the reply on the tracking page', () => {
  it('a 404 says the tracking code was not found, to check it, not "not your agency’s"', async () => {
    const said = await reply(() => problem(404, 'not_found'));
    expect(said).toContain('Kode lacak');
    expect(said).toContain('Periksa kembali');
    expect(said).not.toMatch(OFFICERS);
  });

  it('the same in English', async () => {
    const said = await reply(() => problem(404, 'not_found'), 'en');
    expect(said).toMatch(/tracking code was not found/i);
    expect(said).not.toMatch(OFFICERS);
  });

  it('a gateway’s 502 says the service has a problem, to try again in a few minutes', async () => {
    const said = await reply(badGateway);
    expect(said).toContain('beberapa menit');
    // No request id is shown: nothing to send anyone "below".
    expect(said).not.toMatch(/ID permintaan/);
    expect(said).not.toMatch(OFFICERS);
  });
});

describe('the tracking page itself', () => {
  it('a gateway’s 502 while looking the code up speaks to the complainant', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(badGateway);
    renderWith(<Track />, { path: '/track' });
    const said = (await screen.findByRole('alert')).textContent ?? '';
    expect(said).toContain('beberapa menit');
    expect(said).not.toMatch(OFFICERS);
  });
});

describe('the public complaint form', () => {
  it('a 409 for a key already used says the complaint was already sent, not to look in a list', async () => {
    const said = await complain(() => problem(409, 'idempotency_key_reused'));
    expect(said).toContain('sudah pernah terkirim');
    expect(said).toContain('jangan kirim lagi');
    expect(said).not.toMatch(OFFICERS);
  });

  it('the same in English', async () => {
    const said = await complain(() => problem(409, 'idempotency_key_reused'), 'en');
    expect(said).toMatch(/already sent/);
    expect(said).not.toMatch(OFFICERS);
  });

  it('a 500 says the service has a problem, to try again in a few minutes, the text kept', async () => {
    const said = await complain(() => problem(500, 'internal_error'));
    expect(said).toContain('beberapa menit');
    expect(said).toContain('tetap ada');
    expect(said).not.toMatch(OFFICERS);
  });

  it('a gateway’s 502 with an HTML body too, in English', async () => {
    const said = await complain(badGateway, 'en');
    expect(said).toMatch(/a few minutes/);
    expect(said).not.toMatch(/request id/i);
    expect(said).not.toMatch(OFFICERS);
  });
});

describe('the public pages’ own sentences', () => {
  const codes = Object.keys(messages.id)
    .filter((key) => key.startsWith('publicProblem.'))
    .map((key) => key.slice('publicProblem.'.length));

  it.each(['id', 'en'] as const)(
    'each stands for a problem code, and the officers keep theirs (%s)',
    (lang) => {
      const t = translator(lang);
      expect(codes.length).toBeGreaterThan(0);
      for (const code of codes) {
        expect(`problem.${code}` in messages.id, code).toBe(true);
        const error = new ApiError(400, {
          type: `urn:pantau:problem:${code}`,
          title: 'x',
          status: 400,
          code: code as 'not_found',
          detail: 'x',
          requestId: 'r',
        });
        const officers = problemSentence(t, error);
        expect(officers, code).toBe(messages[lang][`problem.${code}` as 'problem.not_found']);
        expect(problemSentence(t, error, 'public'), code).not.toBe(officers);
        expect(problemSentence(t, error, 'public'), code).not.toMatch(OFFICERS);
      }
    },
  );
});
