/**
 * An agency officer's case page as a liaison officer reads it on a phone (the walk at 390 px
 * measured it at 9,000 px): a complaint of 3,000+ characters is folded to its first lines, and
 * the agency's own assignment (what central asks of it, its deadlines, its acknowledgement and
 * answer) comes before the complaint, not after the complaint, activities and attachments
 * (there, six screens down).
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Route } from 'wouter';
import { json, mockApi, renderWith } from '../../test/render';
import CaseDetail from './case-detail';

// Eighteen paragraphs, about 3,200 characters: the walk's complaint.
const LONG = Array.from(
  { length: 18 },
  (_, i) =>
    `${i + 1}. Sejak awal tahun air laut naik ke permukiman warga setiap sore, merendam rumah, jalan lingkungan dan sumur. Tanggul yang dibangun tahun 2019 sudah retak di beberapa titik.`,
).join('\n\n');

const assignment = {
  caseId: 'c1',
  agencyId: 'pemprov-bali',
  subject: 'Banjir rob di Pesisir Sanur',
  state: 'pending',
  instructions: 'Mohon tinjau tanggul dan sampaikan rencana perbaikannya.',
  forwardedAt: '2026-03-16T03:00:00.000Z',
  clock: { basis: 'fresh', from: '2026-03-16T03:00:00.000Z', inheritedFrom: null },
  timeZone: 'Asia/Makassar',
  delegatedTo: null,
  delegatedAt: null,
  due: {
    acknowledge: '2026-03-26T15:59:59.999Z',
    followUp: '2026-03-30T15:59:59.999Z',
    resolution: '2026-04-13T15:59:59.999Z',
  },
  met: { acknowledge: null, followUp: null, resolution: null },
  acknowledgedBy: null,
  overdue: { acknowledge: true, followUp: false, resolution: false },
  nextDueAt: '2026-03-26T15:59:59.999Z',
  escalationLevel: 1,
  monitoring: false,
  paused: false,
  pausedSince: null,
  generation: 1,
  redirect: null,
  calendarWarnings: [],
  createdAt: '2026-03-16T03:00:00.000Z',
  updatedAt: '2026-03-16T03:00:00.000Z',
  version: 1,
};

const kase = {
  id: 'c1',
  trackingCode: null,
  status: 'forwarded',
  agendaNumber: '1/DUMAS/III/2026',
  letter: null,
  channel: 'letter',
  receivedAt: '2026-03-16T03:00:00.000Z',
  subject: 'Banjir rob di Pesisir Sanur',
  description: LONG,
  agencyDescription: null,
  complainant: { name: 'Siti Rahmawati' },
  identityHidden: false,
  confidential: false,
  bulkMail: false,
  respondent: null,
  location: { province: 'Bali', regency: 'Kota Denpasar' },
  externalRef: null,
  imported: null,
  classification: { type: 'normative', category: null, note: null },
  assignments: [assignment],
  agencyIds: ['pemprov-bali'],
  underMonitoring: false,
  verificationDueAt: '2026-03-20T16:59:59.999Z',
  legalLimit: null,
  replyWindowClosesAt: null,
  overdue: false,
  closure: null,
  infoRequest: null,
  rejection: null,
  extensionRequests: [],
  activities: [],
  earlierActivities: false,
  createdAt: '2026-03-16T03:00:00.000Z',
  updatedAt: '2026-03-16T03:00:00.000Z',
  version: 3,
};

function open() {
  mockApi((call) => {
    if (call.path === '/v1/cases/c1') return json(200, kase);
    if (call.path === '/v1/calendars/id/days')
      return json(200, { id: 'id', years: [2026], items: [] });
    if (/^\/v1\/(cases\/c1\/(timeline|attachments)|notifications)/.test(call.path))
      return json(200, { items: [], nextCursor: null });
    return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
  });
  renderWith(
    <Route path="/cases/:id">
      <CaseDetail />
    </Route>,
    { path: '/cases/c1', as: { agency: 'pemprov-bali', role: 'agency_officer' } },
  );
}

describe('an agency officer’s case page (a phone’s one column)', () => {
  it('folds a complaint of 3,000+ characters to its first lines, the whole a click away', async () => {
    open();
    const complaint = await screen.findByRole('region', { name: 'Pengaduan' });
    const text = within(complaint).getByText(/^1\. Sejak awal/);
    expect(text.textContent!.length).toBeLessThanOrEqual(601);
    expect(text.textContent).not.toContain('18. Sejak');
    await userEvent.click(
      within(complaint).getByRole('button', { name: 'Tampilkan selengkapnya' }),
    );
    expect(within(complaint).getByText(/^1\. Sejak awal/).textContent).toBe(LONG);
  });

  it('puts its assignment (what is asked, by when, its acknowledgement) before the complaint', async () => {
    open();
    const complaint = await screen.findByRole('region', { name: 'Pengaduan' });
    const mine = screen.getByRole('region', { name: /Penugasan: / });
    const acknowledge = within(mine).getByRole('button', { name: 'Konfirmasi penerimaan' });
    const before = (a: Node, b: Node) =>
      Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(within(mine).getByText(/Mohon tinjau tanggul/)).toBeTruthy();
    expect(before(mine, complaint), 'the assignment comes after the complaint').toBe(true);
    expect(before(acknowledge, complaint)).toBe(true);
  });
});
