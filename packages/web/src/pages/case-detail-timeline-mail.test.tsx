/**
 * A complainant's follow-up e-mail on central's timeline (`complainant_mail`): its text as they
 * wrote it, its lines kept, and a long one (up to 20,000 characters, the quoted receipt with it)
 * folded, so the entries around it stay readable.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Route } from 'wouter';
import { json, mockApi, renderWith } from '../../test/render';
import CaseDetail from './case-detail';

const kase = {
  id: 'c1',
  trackingCode: 'PTU-AAAA-BBBB',
  status: 'received',
  agendaNumber: '1/DUMAS/XII/2026',
  letter: null,
  channel: 'email',
  receivedAt: '2026-12-03T17:00:00.000Z',
  subject: 'Jalan rusak di Desa Sukamaju',
  description: 'Jalan utama rusak berat sejak Januari.',
  agencyDescription: null,
  complainant: { name: 'Siti Rahmawati', email: 'siti.rahma@contoh.id' },
  identityHidden: false,
  confidential: false,
  bulkMail: false,
  respondent: null,
  location: null,
  externalRef: null,
  imported: null,
  classification: null,
  assignments: [],
  agencyIds: [],
  underMonitoring: false,
  verificationDueAt: '2026-12-09T16:59:59.999Z',
  legalLimit: null,
  replyWindowClosesAt: null,
  overdue: false,
  closure: null,
  infoRequest: null,
  rejection: null,
  extensionRequests: [],
  activities: [],
  earlierActivities: false,
  createdAt: '2026-12-03T17:00:00.000Z',
  updatedAt: '2026-12-03T17:00:00.000Z',
  version: 1,
};

const followUp = (id: string, text: string) => ({
  id,
  caseId: 'c1',
  at: '2026-12-03T17:59:00.000Z',
  type: 'complainant_mail',
  actor: { system: 'intake' },
  agencyId: null,
  data: { subject: 'Re: Pengaduan Anda telah diterima', text, attachments: 1, attached: 1 },
});

// The walk's reply: a greeting, the news, a signature, the receipt quoted below it.
const REPLY = [
  'Terima kasih.',
  '',
  'Berikut saya tambahkan foto jalan yang rusak. Kemarin ada pengendara motor yang jatuh.',
  '',
  'Siti',
  '',
  'Pada tanggal 4 Des 2026, Pantau menulis:',
  '> Pengaduan Anda telah diterima',
  '> Nomor agenda: 1/DUMAS/XII/2026',
].join('\n');

// A long one: twenty paragraphs, about 4,000 characters.
const LONG = Array.from(
  { length: 20 },
  (_, i) =>
    `Paragraf ${i + 1}: jalan di depan sekolah berlubang dan tergenang air setiap hujan, anak-anak terpaksa berjalan di bahu jalan yang sempit dan licin, dan truk pasir lewat setiap pagi.`,
).join('\n\n');

function openWith(events: unknown[], c: object = kase) {
  mockApi((call) => {
    if (call.path === '/v1/agencies/setneg')
      return json(200, { id: 'setneg', name: 'setneg', timeZone: 'Asia/Jakarta' });
    if (call.path === '/v1/cases/c1') return json(200, c);
    if (call.path === '/v1/calendars/id/days')
      return json(200, { id: 'id', years: [2026], items: [] });
    if (call.path.startsWith('/v1/cases/c1/timeline'))
      return json(200, { items: events, nextCursor: null });
    if (/^\/v1\/(cases\/c1\/attachments|notifications|search)/.test(call.path))
      return json(200, { items: [], nextCursor: null });
    return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
  });
  renderWith(
    <Route path="/cases/:id">
      <CaseDetail />
    </Route>,
    { path: '/cases/c1', as: { agency: 'setneg', role: 'central_officer' } },
  );
}

/** The timeline's one entry. */
const theEntry = async () => {
  const timeline = await screen.findByRole('region', { name: 'Riwayat' });
  const [entry, ...more] = await within(timeline).findAllByRole('listitem');
  expect(more).toEqual([]);
  return entry!;
};

describe('a complainant’s follow-up e-mail on the timeline', () => {
  it('reads as they wrote it, its line breaks kept (the walk read it as one run)', async () => {
    openWith([followUp('e1', REPLY)]);
    const entry = await theEntry();
    const text = within(entry).getByText(/^Terima kasih\./);
    expect(text.textContent).toBe(REPLY);
    expect(text.className).toContain('prose');
    // Short: nothing folded.
    expect(within(entry).queryByRole('button', { name: /Tampilkan/ })).toBeNull();
    // Its subject and files stay on the entry's line.
    expect(entry.textContent).toContain('Perihal: Re: Pengaduan Anda telah diterima');
    expect(entry.textContent).toContain('1 berkas dalam surel, 1 dilampirkan');
  });

  it('folds a long one to its first lines; the whole text a click away, and back', async () => {
    openWith([followUp('e1', LONG)]);
    const entry = await theEntry();
    const text = within(entry).getByText(/^Paragraf 1:/);
    expect(text.className).toContain('prose');
    expect(text.textContent!.length).toBeLessThanOrEqual(601);
    expect(text.textContent!.length).toBeGreaterThan(400);
    expect(text.textContent).toMatch(/…$/);
    expect(text.textContent).toContain('\n\nParagraf 2:');
    expect(text.textContent).not.toContain('Paragraf 20:');
    const more = within(entry).getByRole('button', { name: 'Tampilkan selengkapnya' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(more);
    expect(within(entry).getByText(/^Paragraf 1:/).textContent).toBe(LONG);
    const less = within(entry).getByRole('button', { name: 'Tampilkan lebih sedikit' });
    expect(less.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(less);
    expect(within(entry).getByText(/^Paragraf 1:/).textContent).not.toContain('Paragraf 20:');
  });
});

describe('an e-mail that came as bulk mail (a newsletter, a list’s)', () => {
  it('says so in plain words under the title, for central to sort it at a glance', async () => {
    openWith([], { ...kase, bulkMail: true });
    const note = await screen.findByText(
      'Surel massal (milis/buletin): kemungkinan bukan pengaduan',
    );
    expect(note.closest('p')).not.toBeNull();
  });

  it('says nothing of the kind on a person’s own e-mail', async () => {
    openWith([]);
    await screen.findByRole('region', { name: 'Riwayat' });
    expect(screen.queryByText(/Surel massal/)).toBeNull();
  });
});
