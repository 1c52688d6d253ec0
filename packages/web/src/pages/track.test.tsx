import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
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

afterEach(() => {
  window.location.hash = '';
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
