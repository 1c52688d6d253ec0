/**
 * The tracking page at the end of a case's life: a closed complaint (settled, or withdrawn)
 * can no longer be withdrawn or added to, so the contact line offers to ask only. (An audit
 * walked a case's whole life on this page in Chromium, at 390 px and 1,280 px: this was what
 * it found.)
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { Track } from './track';

const contact = { name: 'Asdep Pengaduan Masyarakat', email: 'dumas@setneg.go.id' };

const view = (status: string, outcome: string | null) => ({
  status,
  steps: [{ status: 'received', at: '2026-03-16T03:00:00.000Z', label: 'Pengaduan diterima' }],
  receivedAt: '2026-03-16T03:00:00.000Z',
  replyWindowClosesAt: null,
  answers: [],
  earlierAnswers: false,
  earlierSteps: false,
  infoRequest: null,
  confidential: false,
  outcome,
  rejection: null,
  contact,
});

afterEach(() => {
  window.location.hash = '';
  vi.restoreAllMocks();
});

describe('the contact line over a case’s life', () => {
  it('while the case is open: to ask, add information or withdraw', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() => json(200, view('in_follow_up', null)));
    renderWith(<Track />, { path: '/track' });
    const line = await screen.findByText(/hubungi Asdep Pengaduan Masyarakat/);
    expect(line.textContent).toContain('mencabut pengaduan');
  });

  for (const outcome of ['resolved', 'withdrawn']) {
    it(`once closed (${outcome}): to ask, not to withdraw or add to it`, async () => {
      window.location.hash = '#AAAA-BBBB-CCCC1';
      mockApi(() => json(200, view('closed', outcome)));
      renderWith(<Track />, { path: '/track' });
      const line = await screen.findByText(/hubungi Asdep Pengaduan Masyarakat/);
      expect(line.textContent).toContain('dumas@setneg.go.id');
      expect(line.textContent).toContain('bukan kode lacak');
      expect(line.textContent).not.toContain('mencabut pengaduan');
      expect(line.textContent).not.toContain('menambah keterangan');
    });
  }

  it('in English too', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() => json(200, view('closed', 'withdrawn')));
    renderWith(<Track />, { path: '/track', lang: 'en' });
    const line = await screen.findByText(/write to Asdep Pengaduan Masyarakat/);
    expect(line.textContent).not.toContain('withdraw');
    expect(line.textContent).toContain('not your tracking code');
  });
});

describe('a reply the API no longer takes (the window ended, or the case closed, since the page loaded)', () => {
  const problem = json(409, {
    type: 'urn:pantau:problem:invalid_transition',
    title: 'Conflict',
    status: 409,
    code: 'invalid_transition',
    detail: 'the reply window closed at 2026-04-01T16:59:59.999Z',
    requestId: 'req-1',
  });
  const rated = async (lang: 'id' | 'en' = 'id') => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    // Read while the window was open; read again, the case closed by the window's end.
    let reads = 0;
    const calls = mockApi((call) => {
      if (call.path === '/v1/track/reply') return problem;
      reads += 1;
      return json(
        200,
        reads === 1
          ? { ...view('resolved', null), replyWindowClosesAt: '2026-04-01T16:59:59.999Z' }
          : view('closed', 'resolved'),
      );
    });
    renderWith(<Track />, { path: '/track', lang });
    const en = lang === 'en';
    await userEvent.click(await screen.findByLabelText(en ? 'Not satisfied' : 'Tidak puas'));
    await userEvent.click(screen.getByLabelText('2'));
    await userEvent.type(
      screen.getByLabelText(en ? /^Message/ : /^Pesan/),
      'Jalan belum diperbaiki.',
    );
    await userEvent.click(
      screen.getByRole('button', { name: en ? 'Send reply' : 'Kirim tanggapan' }),
    );
    return calls;
  };

  it('says why in the complainant’s words, and shows the case as it is now, without the form', async () => {
    await rated();
    const said = await screen.findByText(/masa tanggapan/);
    expect(said.textContent).toContain('tidak dapat diterima');
    expect(said.textContent).not.toMatch(/Tindakan ini|2026-04-01T/);
    // The status as it is now, and no form to send again.
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Kirim tanggapan' })).toBeNull(),
    );
    expect(await screen.findByText('Terselesaikan')).toBeTruthy();
    expect(screen.getByText(/hubungi Asdep Pengaduan Masyarakat/)).toBeTruthy();
  });

  it('in English too', async () => {
    await rated('en');
    const said = await screen.findByText(/reply window/);
    expect(said.textContent).toMatch(/could not be accepted/);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Send reply' })).toBeNull());
  });
});
