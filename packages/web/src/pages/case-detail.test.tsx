import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Route } from 'wouter';
import type { Schemas } from '../api/client';
import { type Call, json, mockApi, renderWith } from '../../test/render';
import CaseDetail from './case-detail';

const at = (minute: number) => new Date(Date.parse('2026-03-02T03:00:00.000Z') + minute * 60_000);
const iso = (minute: number) => at(minute).toISOString();

const assignmentOf = (agencyId: string): Schemas['Assignment'] => ({
  caseId: 'c1',
  agencyId,
  subject: 'Jalan rusak',
  state: 'acknowledged',
  instructions: null,
  forwardedAt: iso(0),
  clock: { basis: 'fresh', from: iso(0), inheritedFrom: null },
  timeZone: 'Asia/Jakarta',
  delegatedTo: null,
  due: { acknowledge: iso(5_000), followUp: iso(30_000), resolution: iso(90_000) },
  met: { acknowledge: iso(10), followUp: null, resolution: null },
  overdue: { acknowledge: false, followUp: false, resolution: false },
  nextDueAt: iso(30_000),
  escalationLevel: 0,
  monitoring: false,
  paused: false,
  pausedSince: null,
  generation: 1,
  redirect: null,
  calendarWarnings: [],
  createdAt: iso(0),
  updatedAt: iso(0),
  version: 2,
});

/** A case sent to 60 agencies; its newest entries (past 2,000 events) name what is pending. */
const AGENCIES = Array.from({ length: 60 }, (_, i) => `instansi-${i}`);
const EVENTS = 2_450;

const kase = {
  id: 'c1',
  trackingCode: 'PTU-AAAA-BBBB',
  status: 'in_follow_up',
  agendaNumber: null,
  letter: null,
  channel: 'letter',
  receivedAt: iso(-60),
  subject: 'Jalan rusak di sepanjang jalur provinsi',
  description: 'Uraian',
  complainant: { name: 'Pengadu' },
  identityHidden: false,
  confidential: false,
  respondent: null,
  location: null,
  externalRef: null,
  imported: null,
  classification: { type: 'normative', category: null, note: null },
  assignments: AGENCIES.map(assignmentOf),
  agencyIds: AGENCIES,
  underMonitoring: true,
  verificationDueAt: iso(3_000),
  overdue: false,
  closure: null,
  infoRequest: null,
  createdAt: iso(-60),
  updatedAt: iso(EVENTS),
  version: 80,
  // The case holds what is pending (the timeline is only its history).
  extensionRequests: [
    {
      id: 'x-last',
      agencyId: 'instansi-59',
      workingDays: 7,
      reason: 'Menunggu hasil audit lapangan',
      requestedAt: iso(EVENTS - 3),
    },
  ],
  activities: [
    {
      id: 'a-last',
      caseId: 'c1',
      caseSubject: 'Jalan rusak di sepanjang jalur provinsi',
      kind: 'clarification',
      status: 'proposed',
      scheduledAt: null,
      agencyIds: ['instansi-58'],
      participants: [],
      plan: 'Diusulkan oleh tangga eskalasi',
      heldAt: null,
      outcome: null,
      summary: null,
      overdueToReport: false,
      cancellation: null,
      createdBy: 'escalation',
      createdAt: iso(EVENTS - 2),
    },
  ],
  earlierActivities: false,
};

/** 2,450 events, oldest first: each agency's ~40, then the request, the proposal, an answer. */
const events: Schemas['TimelineEvent'][] = [
  ...Array.from({ length: EVENTS - 3 }, (_, i) => ({
    id: `e${String(i).padStart(5, '0')}`,
    at: iso(i),
    type: 'response_submitted',
    actor: { sub: 'u', agency: AGENCIES[i % 60]!, role: 'agency_officer' as const },
    agencyId: AGENCIES[i % 60]!,
    data: { kind: 'progress', message: `Perkembangan ke-${i}` },
  })),
  {
    id: 'e-request',
    at: iso(EVENTS - 3),
    type: 'extension_requested',
    actor: { sub: 'u', agency: 'instansi-59', role: 'agency_officer' },
    agencyId: 'instansi-59',
    data: { requestId: 'x-last', workingDays: 7, reason: 'Menunggu hasil audit lapangan' },
  },
  {
    id: 'e-proposal',
    at: iso(EVENTS - 2),
    type: 'activity_proposed',
    actor: { system: 'escalation' },
    agencyId: 'instansi-58',
    data: {
      activityId: 'a-last',
      kind: 'clarification',
      scheduledAt: null,
      agencyIds: ['instansi-58'],
    },
  },
  {
    id: 'e-newest',
    at: iso(EVENTS - 1),
    type: 'response_submitted',
    actor: { sub: 'u', agency: 'instansi-7', role: 'agency_officer' },
    agencyId: 'instansi-7',
    data: { kind: 'progress', message: 'Jawaban terbaru dari instansi 7' },
  },
];

/** The timeline as the API pages it: `limit` a page, oldest first unless `order=newest`. */
function timelinePage(call: Call) {
  const query = new URL(call.path, 'http://x').searchParams;
  const limit = Number(query.get('limit') ?? 20);
  const from = Number(query.get('cursor') ?? 0);
  const ordered = query.get('order') === 'newest' ? [...events].reverse() : events;
  const items = ordered.slice(from, from + limit);
  return json(200, {
    items,
    nextCursor: from + limit < ordered.length ? String(from + limit) : null,
  });
}

function api() {
  return mockApi((call) => {
    if (call.path === '/v1/cases/c1') return json(200, kase);
    if (call.path.startsWith('/v1/cases/c1/timeline')) return timelinePage(call);
    if (call.path.startsWith('/v1/cases/c1/attachments'))
      return json(200, { items: [], nextCursor: null });
    if (call.path.startsWith('/v1/notifications'))
      return json(200, { items: [], nextCursor: null });
    return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
  });
}

const open = () =>
  renderWith(
    <Route path="/cases/:id">
      <CaseDetail />
    </Route>,
    { path: '/cases/c1', as: { agency: 'setneg', role: 'central_officer' } },
  );

describe('the case page of a case whose timeline is longer than 2,000 events', () => {
  it('offers central the decision on an extension request asked after the first 2,000 events', async () => {
    api();
    open();
    const section = (await screen.findByText('Penugasan: instansi-59')).closest('section')!;
    await within(section).findByText(
      'Permintaan perpanjangan 7 hari kerja: Menunggu hasil audit lapangan',
    );
  });

  it('offers central the report of an activity proposed after the first 2,000 events', async () => {
    api();
    open();
    const actions = (await screen.findByText('Tindakan pusat')).closest('section')!;
    await within(actions).findByText('Laporkan: Klarifikasi dengan instansi-58');
    // And an attachment can go to its report.
    const attachments = screen.getByText('Lampiran').closest('section')!;
    const target = within(attachments).getByLabelText('Lampirkan pada');
    expect(within(target).getByRole('option', { name: /Klarifikasi/ })).toBeTruthy();
  });

  it('shows the timeline in pages, its newest entries reachable, never cut off silently', async () => {
    api();
    open();
    const timeline = await screen.findByRole('region', { name: 'Riwayat' });
    await within(timeline).findAllByRole('listitem');
    for (let click = 0; click < 30; click += 1) {
      if (within(timeline).queryByText(/Jawaban terbaru dari instansi 7/)) break;
      const more = within(timeline).queryByRole('button', { name: 'Muat lebih banyak' });
      // What is shown is not all of it: the page says so with a way to read on.
      expect(more).not.toBeNull();
      more!.click();
      await expect
        .poll(
          () => within(timeline).queryByRole('button', { name: 'Muat lebih banyak' })?.textContent,
        )
        .not.toBe('Memuat…');
    }
    expect(within(timeline).getByText(/Jawaban terbaru dari instansi 7/)).toBeTruthy();
  });
});
