/**
 * What the tracking page announces, and where focus goes (audit s24, F2): the result in one
 * status line, never the whole card with the reply form in it (whose counter changes on every
 * key), and the "thank you" taking focus when the reply form goes away.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { Track } from './track';

const tracking = {
  status: 'resolved',
  steps: [{ status: 'received', at: '2026-03-16T03:00:00.000Z', label: 'Pengaduan diterima' }],
  receivedAt: '2026-03-16T03:00:00.000Z',
  replyWindowClosesAt: '2099-04-01T16:59:59.999Z',
  answers: [
    {
      agencyName: 'Kepolisian',
      kind: 'final',
      message: 'Selesai.',
      at: '2026-03-20T03:00:00.000Z',
    },
  ],
  earlierAnswers: false,
  infoRequest: null,
  confidential: false,
  outcome: null,
};

afterEach(() => {
  window.location.hash = '';
  vi.restoreAllMocks();
});

describe('the tracking page’s announcements', () => {
  it('says the result in a status line of its own; the reply form and its counter are in no live region', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi(() => json(200, tracking));
    renderWith(<Track />, { path: '/track' });
    // The same line while loading and after: one mounted anew, already filled, is not heard.
    const line = screen.getByRole('status');
    expect(line.textContent).toBe('Memuat…');
    const message = await screen.findByLabelText('Pesan (opsional)');
    await userEvent.type(message, 'Terima kasih');
    const counter = screen.getByText(/dari \d[\d.]* karakter/);
    expect(counter.closest('[aria-live], [role="status"], [role="alert"]')).toBeNull();
    expect(message.closest('[aria-live], [role="status"], [role="alert"]')).toBeNull();
    expect(screen.getByRole('status')).toBe(line);
    expect(line.textContent).toBe('Status: Selesai');
    expect(line.querySelector('form, input, textarea')).toBeNull();
  });

  it('takes focus to the “thank you” once the reply is sent, not to <body>', async () => {
    window.location.hash = '#AAAA-BBBB-CCCC1';
    mockApi((call) =>
      call.path === '/v1/track/reply' ? json(200, { status: 'closed' }) : json(200, tracking),
    );
    renderWith(<Track />, { path: '/track' });
    await userEvent.click(await screen.findByLabelText('Ya, puas'));
    await userEvent.click(screen.getByLabelText('4'));
    await userEvent.click(screen.getByRole('button', { name: 'Kirim tanggapan' }));
    const thanks = await screen.findByText('Terima kasih, tanggapan Anda sudah kami terima.');
    await waitFor(() => expect(document.activeElement).toBe(thanks));
  });
});
