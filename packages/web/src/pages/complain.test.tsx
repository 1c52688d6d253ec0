import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { App } from '../app';
import { Complain } from './complain';

afterEach(() => {
  vi.restoreAllMocks();
  // The receipt lives in the tab's history entry, which outlives a test's render.
  history.replaceState(null, '');
  sessionStorage.clear();
});

describe('hiding one’s identity from the agency', () => {
  it('says the subject and description go to the agency as written, so they must not name the complainant', () => {
    mockApi(() => new Promise<never>(() => {}));
    renderWith(<Complain />, { path: '/adukan' });
    const box = screen.getByLabelText(/^Rahasiakan identitas saya/);
    const hint = document.getElementById(box.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(hint?.textContent).toContain('diteruskan apa adanya');
  });
});

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

/** The proof of work's widget as the page drives it: its events fired here, its methods spied. */
function widgetOf(container: HTMLElement) {
  const el = container.querySelector('altcha-widget')!;
  const reset = vi.fn();
  const verify = vi.fn(async () => null);
  Object.defineProperty(el, 'reset', { value: reset, configurable: true });
  Object.defineProperty(el, 'verify', { value: verify, configurable: true });
  const state = (detail: { state: string; payload?: string }) =>
    fireEvent(el, new CustomEvent('statechange', { detail }));
  return { reset, verify, state };
}

const RECEIPT = {
  trackingCode: 'AAAA-BBBB-CCCC1',
  receivedAt: '2026-03-16T03:00:00.000Z',
  verificationDueAt: '2026-03-30T16:59:59.999Z',
  subject: 'Jalan rusak',
  receipt: 'Tanda terima',
};

/** The server's 400 for a proof it does not take (expired by its clock, spent, forged). */
const REFUSED = json(400, {
  type: 'about:blank',
  title: 'Bad Request',
  status: 400,
  code: 'validation_failed',
  errors: [{ path: 'altcha', message: 'the proof of work is missing, wrong or expired' }],
});

async function fillIn() {
  await userEvent.type(screen.getByLabelText(/^Nama/), 'Siti Rahmawati');
  await userEvent.type(screen.getByLabelText(/^Perihal/), 'Jalan rusak');
  await userEvent.type(screen.getByLabelText(/^Uraian pengaduan/), 'Berlubang sejak Januari.');
}

describe('the anti-spam proof the server refuses', () => {
  it('is solved again at once, and the complaint goes by itself once it is', async () => {
    const answers = [REFUSED, json(201, RECEIPT)];
    const calls = mockApi((call) =>
      call.method === 'POST' && call.path === '/v1/complaints'
        ? answers.shift()!
        : new Promise<never>(() => {}),
    );
    const { container } = renderWith(<Complain />, { path: '/adukan' });
    const widget = widgetOf(container);
    await fillIn();
    // Shown solved, but expired by the server's clock (the device's clock runs behind).
    widget.state({ state: 'verified', payload: 'b2xk' });
    await userEvent.click(screen.getByRole('button', { name: 'Kirim pengaduan' }));
    await screen.findAllByText(/sedang diulang/);
    expect(widget.reset).toHaveBeenCalledTimes(1);
    expect(widget.verify).toHaveBeenCalledTimes(1);
    // Not the old sentence, which had the person press "Kirim" for ever on the same proof.
    expect(screen.queryByText(/Tunggu hingga pemeriksaan anti-spam selesai/)).toBeNull();
    widget.state({ state: 'verifying' });
    widget.state({ state: 'verified', payload: 'YmFydQ==' });
    await screen.findByRole('heading', { name: 'Pengaduan diterima' });
    const sent = calls.filter((c) => c.method === 'POST');
    expect(sent.map((c) => (c.body as { altcha: string }).altcha)).toEqual(['b2xk', 'YmFydQ==']);
    expect(sent[1]!.body).toMatchObject({ subject: 'Jalan rusak' });
  });

  it('after an answer lost on the way, sends the same request again (its key, its words) with the new proof', async () => {
    const answers: (() => unknown)[] = [
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => REFUSED,
      () => json(201, RECEIPT),
    ];
    const calls = mockApi((call) =>
      call.method === 'POST' && call.path === '/v1/complaints'
        ? (answers.shift()!() as ReturnType<typeof json>)
        : new Promise<never>(() => {}),
    );
    const { container } = renderWith(<Complain />, { path: '/adukan' });
    const widget = widgetOf(container);
    await fillIn();
    widget.state({ state: 'verified', payload: 'b2xk' });
    const send = screen.getByRole('button', { name: 'Kirim pengaduan' });
    await userEvent.click(send);
    await screen.findByText(/Tidak dapat menghubungi server/);
    // The person adds a sentence and sends again; the proof held is refused.
    await userEvent.type(screen.getByLabelText(/^Uraian pengaduan/), ' Sudah tiga bulan.');
    await userEvent.click(send);
    await screen.findAllByText(/sedang diulang/);
    widget.state({ state: 'verified', payload: 'YmFydQ==' });
    await screen.findByRole('heading', { name: 'Pengaduan diterima' });
    const sent = calls.filter((c) => c.method === 'POST');
    expect(sent).toHaveLength(3);
    const key = (i: number) => sent[i]!.headers.get('idempotency-key');
    expect(key(2)).toBe(key(0));
    expect(sent[2]!.body).toMatchObject({
      description: 'Berlubang sejak Januari.',
      altcha: 'YmFydQ==',
    });
  });

  it('is rarely met: a new proof is solved before the one held gets too old, timed from its arrival rather than by the device’s clock', async () => {
    mockApi(() => new Promise<never>(() => {}));
    const { container } = renderWith(<Complain />, { path: '/adukan' });
    const widget = widgetOf(container);
    // The widget's payload: the challenge says how long the server takes its answer.
    const payload = btoa(
      JSON.stringify({
        challenge: { parameters: { data: { issuedAt: 0, ttlMs: 600_000 } }, signature: 's' },
        solution: { counter: 1, derivedKey: 'ab' },
      }),
    );
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      widget.state({ state: 'verified', payload });
      vi.advanceTimersByTime(470_000);
      expect(widget.verify).not.toHaveBeenCalled();
      vi.advanceTimersByTime(20_000);
      expect(widget.reset).toHaveBeenCalledTimes(1);
      expect(widget.verify).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is solved again by itself at most 3 times in a row, then the person is told what to do; pressing “Kirim” starts the count afresh', async () => {
    mockApi(() => new Promise<never>(() => {}));
    const { container } = renderWith(<Complain />, { path: '/adukan' });
    const widget = widgetOf(container);
    // A device clock far ahead: each new challenge expires as it arrives.
    for (let i = 0; i < 6; i++) {
      widget.state({ state: 'verified', payload: `cHJvb2Y${i}` });
      widget.state({ state: 'expired' });
    }
    expect(widget.verify).toHaveBeenCalledTimes(3);
    expect(await screen.findByText(/jam di perangkat Anda/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Kirim pengaduan' }));
    widget.state({ state: 'expired' });
    expect(widget.verify).toHaveBeenCalledTimes(4);
  });
});

describe('the receipt in the tab’s history (Back pressed by reflex)', () => {
  it('Back says the complaint went and leads to its receipt; “Kirim pengaduan lain” forgets it', async () => {
    mockApi((call) =>
      call.method === 'POST' && call.path === '/v1/complaints'
        ? json(201, RECEIPT)
        : new Promise<never>(() => {}),
    );
    const { container } = renderWith(<Complain />, { path: '/adukan' });
    const widget = widgetOf(container);
    await fillIn();
    widget.state({ state: 'verified', payload: 'cHJvb2Y=' });
    await userEvent.click(screen.getByRole('button', { name: 'Kirim pengaduan' }));
    await screen.findByRole('heading', { name: 'Pengaduan diterima' });
    expect(screen.getByText(/selama tab ini terbuka/)).toBeTruthy();
    const inHistory = () => JSON.stringify(history.state ?? null);
    expect(inHistory()).toContain(RECEIPT.trackingCode);

    act(() => history.back());
    await screen.findByRole('heading', { name: 'Pengaduan Anda sudah terkirim' });
    expect(screen.getByText(/“Jalan rusak” sudah kami terima/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Kirim pengaduan' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Lihat tanda terima' }));
    await screen.findByRole('heading', { name: 'Pengaduan diterima' });
    expect(container.querySelector('.tracking-code code')?.textContent).toBe(RECEIPT.trackingCode);

    await userEvent.click(screen.getByRole('button', { name: 'Kirim pengaduan lain' }));
    // Back to the form's entry, which forgets it too; the form is empty.
    await waitFor(() => expect(inHistory()).not.toContain(RECEIPT.trackingCode));
    expect((screen.getByLabelText(/^Perihal/) as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('heading', { name: 'Pengaduan Anda sudah terkirim' })).toBeNull();
    act(() => history.forward());
    await waitFor(() => expect(screen.getByLabelText(/^Perihal/)).toBeTruthy());
    expect(inHistory()).not.toContain(RECEIPT.trackingCode);
  });
});

describe('a new complaint from the kept receipt, by the header’s link or the “sent” page', () => {
  /** The console as a complainant opens it (the browser's own history), a complaint sent. */
  async function sent() {
    mockApi((call) =>
      call.method === 'POST' && call.path === '/v1/complaints'
        ? json(201, RECEIPT)
        : new Promise<never>(() => {}),
    );
    // Entries of its own: the tracking page, then the form, as from the site's menu.
    history.pushState(null, '', '/track');
    history.pushState(null, '', '/adukan');
    const { container } = render(<App config={{ auth: { kind: 'local' } }} />);
    await screen.findByLabelText(/^Perihal/);
    const widget = widgetOf(container);
    await fillIn();
    widget.state({ state: 'verified', payload: 'cHJvb2Y=' });
    await userEvent.click(screen.getByRole('button', { name: 'Kirim pengaduan' }));
    await screen.findByRole('heading', { name: 'Pengaduan diterima' });
  }
  const inHistory = () => JSON.stringify(history.state ?? null);
  /**
   * Back or Forward, once the browser has moved (jsdom moves in a task of its own); false when
   * there was no entry to move to.
   */
  async function go(step: 1 | -1): Promise<boolean> {
    let arrived = () => {};
    const moved = new Promise<boolean>((done) => {
      arrived = () => done(true);
      addEventListener('popstate', arrived, { once: true });
      setTimeout(() => done(false), 500);
    });
    act(() => history.go(step));
    const went = await act(() => moved);
    removeEventListener('popstate', arrived);
    return went;
  }
  /** The form, empty, and the code in neither the entry shown nor the one ahead of it. */
  async function forgotten() {
    await waitFor(() => expect(inHistory()).not.toContain(RECEIPT.trackingCode));
    expect((screen.getByLabelText(/^Perihal/) as HTMLInputElement).value).toBe('');
    // The receipt's entry, ahead, forgot it too.
    if (await go(1)) {
      expect(screen.getByLabelText(/^Perihal/)).toBeTruthy();
      expect(inHistory()).not.toContain(RECEIPT.trackingCode);
      await go(-1);
    }
    // Back by reflex from the new form: not the receipt, nor the page saying it went.
    expect(await go(-1)).toBe(true);
    expect(inHistory()).not.toContain(RECEIPT.trackingCode);
    expect(screen.queryByRole('heading', { name: 'Pengaduan diterima' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Pengaduan Anda sudah terkirim' })).toBeNull();
  }

  it('“Sampaikan pengaduan” in the header, on the receipt: an empty form, the receipt forgotten as “Kirim pengaduan lain” does', async () => {
    await sent();
    await userEvent.click(screen.getByRole('link', { name: 'Sampaikan pengaduan' }));
    await forgotten();
  });

  it('“Sampaikan pengaduan” in the header, on the page saying it went: an empty form, the receipt forgotten', async () => {
    await sent();
    await go(-1);
    await screen.findByRole('heading', { name: 'Pengaduan Anda sudah terkirim' });
    await userEvent.click(screen.getByRole('link', { name: 'Sampaikan pengaduan' }));
    await forgotten();
  });

  it('the page saying it went offers “Kirim pengaduan lain” too, which forgets the receipt', async () => {
    await sent();
    await go(-1);
    await screen.findByRole('heading', { name: 'Pengaduan Anda sudah terkirim' });
    await userEvent.click(screen.getByRole('button', { name: 'Kirim pengaduan lain' }));
    await forgotten();
  });
});
