import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { Complain } from './complain';

afterEach(() => vi.restoreAllMocks());

describe('the receipt of a complaint sent from the public form', () => {
  it('gives the verification deadline in the zone of the complainant’s device (WITA in Makassar)', async () => {
    const real = Intl.DateTimeFormat.prototype.resolvedOptions;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
      this: Intl.DateTimeFormat,
    ) {
      return { ...real.call(this), timeZone: 'Asia/Makassar' };
    });
    const sent: unknown[] = [];
    mockApi((call) =>
      call.method === 'POST' && call.path === '/v1/complaints' && sent.push(call.body)
        ? json(201, {
            trackingCode: 'AAAA-BBBB-CCCC1',
            receivedAt: '2026-03-16T03:00:00.000Z',
            verificationDueAt: '2026-03-30T16:59:59.999Z',
            subject: 'Jalan rusak',
            receipt: 'Tanda terima',
          })
        : new Promise<never>(() => {}),
    );
    const { container } = renderWith(<Complain />, { path: '/adukan' });
    await userEvent.type(screen.getByLabelText(/^Nama/), 'Siti Rahmawati');
    await userEvent.type(screen.getByLabelText(/^Perihal/), 'Jalan rusak');
    await userEvent.type(screen.getByLabelText(/^Uraian pengaduan/), 'Berlubang sejak Januari.');
    // The proof of work, as the widget reports it solved.
    fireEvent(
      container.querySelector('altcha-widget')!,
      new CustomEvent('statechange', { detail: { state: 'verified', payload: 'cHJvb2Y=' } }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Kirim pengaduan' }));
    const due = (await screen.findByText(/^Diverifikasi paling lambat/)).querySelector('time')!;
    expect(due.textContent).toBe('31 Mar 2026, 00.59 WITA');
    // The receipt the API writes gives the time of receipt in the same zone.
    expect(sent).toMatchObject([{ timeZone: 'Asia/Makassar' }]);
  });
});
