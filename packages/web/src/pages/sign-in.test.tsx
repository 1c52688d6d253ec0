import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../app';
import { fakeToken, json, mockApi } from '../../test/render';

/**
 * Promises only what holds: the forms that keep a draft say so when they give it back; some
 * (central's verification, forward, close) keep none, so a form without that note is empty.
 */
const EXPIRED =
  'Sesi Anda berakhir; silakan masuk kembali. Formulir yang menyimpan isian yang belum terkirim memulihkannya dengan keterangan “Isian yang belum terkirim dipulihkan.”; formulir tanpa keterangan itu perlu diisi ulang.';

const assignment = {
  caseId: 'c1',
  agencyId: 'polri',
  subject: 'Pungutan liar',
  state: 'acknowledged',
  instructions: null,
  forwardedAt: '2026-03-02T03:00:00.000Z',
  clock: { basis: 'fresh', from: '2026-03-02T03:00:00.000Z', inheritedFrom: null },
  timeZone: 'Asia/Jakarta',
  delegatedTo: null,
  due: { acknowledge: null, followUp: null, resolution: null },
  met: { acknowledge: '2026-03-02T04:00:00.000Z', followUp: null, resolution: null },
  overdue: { acknowledge: false, followUp: false, resolution: false },
  nextDueAt: null,
  escalationLevel: 0,
  monitoring: false,
  paused: false,
  pausedSince: null,
  generation: 1,
  redirect: null,
  calendarWarnings: [],
  createdAt: '2026-03-02T03:00:00.000Z',
  updatedAt: '2026-03-02T03:00:00.000Z',
  version: 2,
};
const kase = {
  id: 'c1',
  trackingCode: null,
  status: 'in_follow_up',
  agendaNumber: null,
  letter: null,
  channel: 'web',
  receivedAt: '2026-03-02T02:00:00.000Z',
  subject: 'Pungutan liar',
  description: 'Uraian',
  complainant: null,
  identityHidden: true,
  confidential: false,
  respondent: null,
  location: null,
  externalRef: null,
  imported: null,
  classification: { type: 'normative', category: null, note: null },
  assignments: [assignment],
  agencyIds: ['polri'],
  underMonitoring: false,
  verificationDueAt: null,
  overdue: false,
  closure: null,
  infoRequest: null,
  createdAt: '2026-03-02T02:00:00.000Z',
  updatedAt: '2026-03-02T04:00:00.000Z',
  version: 3,
  extensionRequests: [],
  activities: [],
  earlierActivities: false,
};
const officer = { sub: 'u1', agency: 'polri', role: 'agency_officer' } as const;

/** The embedded runtime: the case, and a response refused because the token has expired. */
function runtime() {
  return mockApi((call) => {
    if (call.method === 'POST' && call.path.endsWith('/responses'))
      return json(401, { title: 'Unauthorized', status: 401, code: 'unauthorized', detail: 'x' });
    if (call.path === '/v1/cases/c1') return json(200, kase);
    if (call.path === '/dev/users')
      return json(200, { items: [{ ...officer, name: 'Uji', agencyName: 'Polri' }] });
    if (call.path === '/dev/tokens') return json(200, { token: fakeToken(officer) });
    if (call.path === '/v1/calendars/id/days')
      return json(200, { id: 'id', years: [2026], items: [] });
    if (/^\/v1\/(cases\/c1\/(timeline|attachments)|notifications|agencies)/.test(call.path))
      return json(200, { items: [], nextCursor: null });
    return json(404, { title: 'Not Found', status: 404, code: 'not_found', detail: 'x' });
  });
}

describe('an officer whose session ends while writing a response', () => {
  it('is told on the sign-in page why, and finds the text again after signing in', async () => {
    runtime();
    localStorage.setItem(
      'pantau.session',
      JSON.stringify({ token: fakeToken(officer), name: 'Uji', ...officer }),
    );
    history.replaceState(null, '', '/cases/c1');
    render(<App config={{ auth: { kind: 'local' } }} />);
    const summary = await screen.findByText('Kirim tanggapan', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    const text = 'Pelaku sudah diperiksa Propam; berkas perkara dilimpahkan minggu depan.';
    await userEvent.type(form.getByLabelText(/^Isi tanggapan/), text);
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));

    expect(await screen.findByText(EXPIRED)).toBeTruthy();
    expect(location.pathname).toBe('/signin');
    // Heard with the heading that takes focus as the page opens (a live region rendered
    // already filled is not announced).
    const heading = screen.getByRole('heading', { level: 1 });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.getAttribute('aria-describedby')).toBe(screen.getByText(EXPIRED).id);
    await userEvent.click(await screen.findByRole('button', { name: /^Uji/ }));

    await waitFor(() => expect(location.pathname).toBe('/cases/c1'));
    const message = await screen.findByLabelText(/^Isi tanggapan/);
    expect((message as HTMLTextAreaElement).value).toBe(text);
    // With the note the sign-in page told the officer to look for.
    expect(screen.getByText('Isian yang belum terkirim dipulihkan.')).toBeTruthy();
  });

  it('says nothing of the kind on an ordinary visit to the sign-in page', async () => {
    runtime();
    history.replaceState(null, '', '/signin');
    render(<App config={{ auth: { kind: 'local' } }} />);
    await screen.findByRole('button', { name: /^Uji/ });
    expect(screen.queryByText(EXPIRED)).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).getAttribute('aria-describedby')).toBeNull();
  });
});

describe('a letter’s link to a case, opened signed out', () => {
  it('lands on the case after signing in: `<console>/cases/<caseId>`, as the letters give it', async () => {
    runtime();
    history.replaceState(null, '', '/cases/c1');
    render(<App config={{ auth: { kind: 'local' } }} />);
    await userEvent.click(await screen.findByRole('button', { name: /^Uji/ }));
    await waitFor(() => expect(location.pathname).toBe('/cases/c1'));
    expect(await screen.findByRole('heading', { level: 1, name: /Pungutan liar/ })).toBeTruthy();
  });
});
