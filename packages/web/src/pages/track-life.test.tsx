/**
 * The tracking page at the end of a case's life: a closed complaint (settled, or withdrawn)
 * can no longer be withdrawn or added to, so the contact line offers to ask only. (An audit
 * walked a case's whole life on this page in Chromium, at 390 px and 1,280 px: this was what
 * it found.)
 */
import { screen } from '@testing-library/react';
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
