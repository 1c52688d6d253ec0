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
import type { Role } from '../auth/session';
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

/** How each target stands (the walk's: read on Friday 27 March) and the ladder, 3 taken, 4 to come. */
const target = (
  name: 'acknowledge' | 'followUp' | 'resolution',
  due: string,
  left: number | null,
  late: number | null,
) => ({
  target: name,
  workingDays: 3,
  policyWorkingDays: 3,
  adjustments: [],
  countedFrom: '2026-03-16',
  lastWorkingDay: due.slice(0, 10),
  due,
  met: null,
  overdue: late !== null,
  workingDaysLeft: left,
  workingDaysLate: late,
  skipped: [],
  uncoveredYears: [],
  pausedIntervals: [],
});
const step = (id: string, name: string, at: string, datedOn: string | null) => ({
  id,
  step: name,
  action: name.replace(/_\d+$/, ''),
  at,
  datedOn,
  targets: ['acknowledge'],
  level: 1,
});
const deadlines = {
  caseId: 'c1',
  agencyId: 'pemprov-bali',
  generation: 1,
  forwardedAt: assignment.forwardedAt,
  timeZone: 'Asia/Makassar',
  timeZoneLabel: 'WITA',
  calendarId: 'id',
  policyId: 'default',
  targets: [
    target('acknowledge', assignment.due.acknowledge, null, 2),
    target('followUp', assignment.due.followUp, 1, null),
    target('resolution', assignment.due.resolution, 10, null),
  ],
  ladder: {
    taken: [
      step('t1', 'warning', '2026-03-17T16:00:00.000Z', '2026-03-18'),
      step('t2', 'warning', '2026-03-26T16:00:00.000Z', '2026-03-27'),
      step('t3', 'reminder_1', '2026-03-26T16:00:00.000Z', '2026-03-27'),
    ],
    // 00.00 WITA on Good Friday (a holiday), and on two Saturdays: letters go on the next
    // working day at 08.00, and bear that day.
    toCome: [
      step('c1', 'reminder_2', '2026-04-02T16:00:00.000Z', '2026-04-06'),
      step('c2', 'warning', '2026-04-09T16:00:00.000Z', '2026-04-10'),
      step('c3', 'formal_warning', '2026-04-10T16:00:00.000Z', '2026-04-13'),
      step('c4', 'central_intervention', '2026-04-17T16:00:00.000Z', '2026-04-20'),
    ],
  },
};

function open(
  as: { agency: string; role: Role } = { agency: 'pemprov-bali', role: 'agency_officer' },
) {
  mockApi((call) => {
    if (call.path === '/v1/cases/c1') return json(200, kase);
    if (call.path === '/v1/cases/c1/assignments/pemprov-bali/deadlines')
      return json(200, deadlines);
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
    { path: '/cases/c1', as },
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

  it('offers the acknowledgement first, its forms right after the deadlines, the escalation steps folded below them', async () => {
    open();
    const mine = await screen.findByRole('region', { name: /Penugasan: / });
    await within(mine).findByText('Tenggat');
    const before = (a: Node, b: Node) =>
      Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    const acknowledge = within(mine).getByRole('button', { name: 'Konfirmasi penerimaan' });
    const instructions = within(mine).getByRole('heading', { name: 'Arahan dari pusat' });
    const lastDeadline = within(mine).getByText('Penyelesaian', { selector: 'strong' });
    const respond = within(mine).getByText('Kirim tanggapan', { selector: 'summary' });
    const summary = within(mine).getByText('Tahapan eskalasi (7)', { selector: 'summary' });
    const fold = summary.closest('details')!;
    // What it owes first: central's instructions (four paragraphs of them) put the button past
    // a phone's first screen.
    expect(before(acknowledge, instructions), 'the acknowledgement before the instructions').toBe(
      true,
    );
    expect(before(lastDeadline, respond), 'the answer after the deadlines').toBe(true);
    expect(before(respond, fold), 'the escalation steps after the actions').toBe(true);
    expect(fold.open, 'the escalation steps folded').toBe(false);
    expect(within(fold).getByText('Akan datang')).toBeTruthy();
    await userEvent.click(summary);
    expect(fold.open).toBe(true);
  });

  it('keeps the escalation steps open for central, which reads them to chase', async () => {
    open({ agency: 'setneg', role: 'central_officer' });
    const card = await screen.findByRole('region', { name: /Penugasan: / });
    const title = await within(card).findByRole('heading', { name: 'Tahapan eskalasi' });
    expect(title.closest('details')).toBeNull();
    expect(within(card).getByRole('heading', { name: 'Akan datang' })).toBeTruthy();
  });

  it('says by its title how its own assignment stands and its nearest open deadline', async () => {
    open();
    const standing = await screen.findByText(/^Penugasan kami:/);
    // Above the assignment card, on the first screen: not the case's "Diteruskan" alone.
    expect(standing.closest('section')).toBeNull();
    expect(within(standing).getByText('Menunggu')).toBeTruthy();
    await within(standing).findByText(/terlambat 2 hari kerja/);
    expect(standing.textContent).toMatch(
      /^Penugasan kami: Menunggu · Konfirmasi penerimaan terlambat 2 hari kerja$/,
    );
  });

  it('gives each coming step the working day its letter goes (no 00.00 hour)', async () => {
    open();
    const mine = await screen.findByRole('region', { name: /Penugasan: / });
    const coming = (await within(mine).findByText('Akan datang')).parentElement!;
    const items = within(coming)
      .getAllByRole('listitem')
      .map((li) => li.textContent!.replace(/ \(.*\)$/, ''));
    expect(items).toEqual([
      'Sen, 6 Apr 2026 — Surat pengingat II',
      'Jum, 10 Apr 2026 — Peringatan dini',
      'Sen, 13 Apr 2026 — Surat penegasan',
      'Sen, 20 Apr 2026 — Intervensi pusat',
    ]);
    expect(coming.textContent).not.toContain('00.00');
    // Those done, as the letters list dates them: the day each went out and bears.
    const done = within(mine).getByText('Sudah dilakukan').parentElement!;
    expect(within(done).getAllByRole('listitem')[0]!.textContent).toMatch(
      /^Rab, 18 Mar 2026 — Peringatan dini/,
    );
  });
});
