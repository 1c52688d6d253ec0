import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Route } from 'wouter';
import type { Schemas } from '../api/client';
import { type Call, json, mockApi, renderWith } from '../../test/render';
import { activityOf } from '../../test/fixtures';
import { AgencyNamesProvider } from '../components/agencies';
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
  delegatedAt: null,
  due: { acknowledge: iso(5_000), followUp: iso(30_000), resolution: iso(90_000) },
  met: { acknowledge: iso(10), followUp: null, resolution: null },
  acknowledgedBy: agencyId,
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

/** A letter of the case's ladders, the `i`th written (minutes after the first forward). */
const letterOf = (
  i: number,
  over: Partial<Schemas['Notification']> = {},
): Schemas['Notification'] => ({
  id: `n${String(i).padStart(5, '0')}`,
  caseId: 'c1',
  agencyId: AGENCIES[i % 60]!,
  target: 'followUp',
  targets: ['followUp'],
  step: i % 2 === 0 ? 'warning' : 'reminder_1',
  action: 'email',
  channel: 'email',
  recipients: ['penghubung@instansi.go.id'],
  cc: [],
  status: 'sent',
  subject: 'Pengingat tindak lanjut',
  body: 'Isi surat',
  scheduledAt: iso(i),
  createdAt: iso(i),
  sentAt: iso(i),
  attempts: 1,
  lastError: null,
  failure: null,
  refused: null,
  letterNumber: `B-${i + 1}/Kemensetneg/D-4/DM.05/03/2026`,
  datedOn: null,
  pdf: true,
  sendsAt: null,
  cancelled: null,
  handled: null,
  refusedAddresses: [],
  reached: [],
  ...over,
});

/**
 * 2,450 letters: sixty agencies' ladders through several overdue episodes. The newest, past the
 * first 2,000, is one the mailer refused: the one an officer comes looking for.
 */
const LETTERS = [
  ...Array.from({ length: 2_449 }, (_, i) => letterOf(i)),
  letterOf(2_449, { agencyId: 'instansi-7', status: 'failed', sentAt: null }),
];
const NEWEST = LETTERS.at(-1)!.letterNumber!;

/**
 * A case's letters as the API pages them: oldest first (no other order for one case), `limit` a
 * page, counted with `total=true`, only those dated after `since` when asked.
 */
function lettersPage(call: Call, letters: readonly Schemas['Notification'][]) {
  const query = new URL(call.path, 'http://x').searchParams;
  if (query.get('caseId') !== 'c1') return json(200, { items: [], nextCursor: null });
  const since = query.get('since');
  const listed = since ? letters.filter((n) => n.scheduledAt > since) : letters;
  const limit = Number(query.get('limit') ?? 25);
  const from = Number(query.get('cursor') ?? 0);
  return json(200, {
    items: listed.slice(from, from + limit),
    nextCursor: from + limit < listed.length ? String(from + limit) : null,
    ...(query.get('total') === 'true' ? { total: listed.length } : {}),
  });
}

function api({
  letters = () => [],
  theCase = kase,
  declared = [2025, 2026],
}: {
  letters?: () => readonly Schemas['Notification'][];
  theCase?: unknown;
  /** The years whose holidays the calendar declares complete. */
  declared?: readonly number[];
} = {}) {
  return mockApi((call) => {
    if (call.path === '/v1/cases/c1') return json(200, theCase);
    if (call.path === '/v1/calendars/id/days')
      return json(200, { id: 'id', years: declared, items: [] });
    if (call.path.startsWith('/v1/cases/c1/timeline')) return timelinePage(call);
    if (call.path.startsWith('/v1/cases/c1/attachments'))
      return json(200, { items: [], nextCursor: null });
    if (call.path.startsWith('/v1/notifications')) return lettersPage(call, letters());
    return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
  });
}

/**
 * Clicks "Muat lebih banyak" in `region` until it is gone, each click's page awaited, and then
 * finds `wanted` (a list read oldest first ends with the newest): what is shown is either all of
 * it, or the page says it is not, with a way to read on.
 */
async function readToTheEnd(region: HTMLElement, wanted: () => HTMLElement | null) {
  // (Read from the DOM, buttons by their text: role and text queries over thousands of rows,
  // each with its PDF button, take a second each in jsdom.)
  const shown = () => region.querySelectorAll('li').length;
  const more = () =>
    [...region.querySelectorAll('button')].find((b) => b.textContent === 'Muat lebih banyak');
  for (let click = 0; click < 30; click += 1) {
    const button = more();
    if (!button) break;
    const before = shown();
    button.click();
    await expect.poll(shown).toBeGreaterThan(before);
  }
  expect(more()).toBeUndefined();
  const found = wanted();
  expect(found, 'the last letter, every page read').not.toBeNull();
  return found!;
}

/**
 * The case forwarded again, to one more agency (at `iso(3_000)`), and that agency's forwarding
 * letter, the `n`-th of the case's, numbered `number`: written moments after the forward.
 */
function forwardedAgain(n: number, number: string) {
  const forwardedAt = iso(3_000);
  return {
    justForwarded: {
      ...kase,
      assignments: [
        ...kase.assignments,
        { ...assignmentOf('instansi-baru'), state: 'pending', forwardedAt },
      ],
      updatedAt: forwardedAt,
    },
    forwarding: letterOf(n, {
      agencyId: 'instansi-baru',
      step: 'forwarding',
      target: 'acknowledge',
      targets: [],
      scheduledAt: forwardedAt,
      createdAt: forwardedAt,
      letterNumber: number,
    }),
  };
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

describe('the case page of a case with more than 2,000 letters', () => {
  it('shows the letters in pages, the newest reachable with its status and PDF, never cut off silently', async () => {
    api({ letters: () => LETTERS });
    open();
    const letters = await screen.findByRole('region', { name: 'Surat' });
    await within(letters).findAllByRole('listitem');
    const row = (
      await readToTheEnd(letters, () => within(letters).queryByText(`Nomor: ${NEWEST}`))
    ).closest('li')!;
    expect(within(row).getByText('Gagal')).toBeTruthy();
    expect(within(row).getByRole('button', { name: `Unduh PDF surat ${NEWEST}` })).toBeTruthy();
    // Every letter once.
    expect(letters.querySelectorAll('li')).toHaveLength(2_450);
    // Oldest first (the only order the API has for one case's letters), and said so; how many
    // there are as the API counted them, no more said than it knows.
    expect(within(letters).getByText('Terlama di atas.', { selector: 'p' })).toBeTruthy();
    expect(within(letters).getByText('2450 surat', { selector: 'p' })).toBeTruthy();
    // 2,450 rows rendered in jsdom, 25 pages read: 5.3 to 10.0 s in clean clones on the slower
    // 2-core machine (the tier's 30 s left it a third at its slowest), so it has 60 s.
  }, 60_000);

  it('right after a forward, finds the forwarding letter written past the first page', async () => {
    // 150 letters (more than a page), then forwarded to one more agency: its forwarding letter
    // is written moments after the forward answered, after the page first read the letters.
    const written = LETTERS.slice(0, 150);
    const { justForwarded, forwarding } = forwardedAgain(
      150,
      'B-9999/Kemensetneg/D-4/DM.05/03/2026',
    );
    let opened: number | undefined;
    const calls = api({
      theCase: justForwarded,
      letters: () => {
        opened ??= Date.now();
        return Date.now() - opened < 500 ? written : [...written, forwarding];
      },
    });
    open();
    const letters = await screen.findByRole('region', { name: 'Surat' });
    await within(letters).findByText('151 surat', {}, { timeout: 5_000 });
    const found = await readToTheEnd(letters, () =>
      within(letters).queryByText('Nomor: B-9999/Kemensetneg/D-4/DM.05/03/2026'),
    );
    expect(within(found.closest('li')!).getByText('Surat penerusan')).toBeTruthy();
    // Found: the page stops asking.
    const asks = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(calls.length).toBe(asks);
  });

  it('adds the forwarding letter to a list read to its end, keeping the reader where they are', async () => {
    // The officer read all 150 letters (two pages) before the new agency's forwarding letter was
    // written: it is added below them and counted, and the pages read stay shown.
    const written = LETTERS.slice(0, 150);
    const { justForwarded, forwarding } = forwardedAgain(
      150,
      'B-9998/Kemensetneg/D-4/DM.05/03/2026',
    );
    let readToEnd = false;
    api({
      theCase: justForwarded,
      letters: () => (readToEnd ? [...written, forwarding] : written),
    });
    open();
    const letters = await screen.findByRole('region', { name: 'Surat' });
    await within(letters).findByText('150 surat', {}, { timeout: 5_000 });
    await readToTheEnd(letters, () =>
      within(letters).queryByText(`Nomor: ${written.at(-1)!.letterNumber}`),
    );
    readToEnd = true;
    await within(letters).findByText('151 surat', {}, { timeout: 6_000 });
    const found = await within(letters).findByText('Nomor: B-9998/Kemensetneg/D-4/DM.05/03/2026');
    expect(within(found.closest('li')!).getByText('Surat penerusan')).toBeTruthy();
    expect(letters.querySelectorAll('li')).toHaveLength(151);
  });

  it('counts a forwarding letter written past the pages read, the pages read kept', async () => {
    // 250 letters: the officer read two pages of three when the letter was written. It is counted
    // at once, and reached by reading on; the 200 read stay shown.
    const written = LETTERS.slice(0, 250);
    const { justForwarded, forwarding } = forwardedAgain(
      250,
      'B-9997/Kemensetneg/D-4/DM.05/03/2026',
    );
    let arrived = false;
    api({
      theCase: justForwarded,
      letters: () => (arrived ? [...written, forwarding] : written),
    });
    open();
    const letters = await screen.findByRole('region', { name: 'Surat' });
    await within(letters).findByText('250 surat', {}, { timeout: 5_000 });
    const more = () =>
      [...letters.querySelectorAll('button')].find((b) => b.textContent === 'Muat lebih banyak')!;
    more().click();
    await expect.poll(() => letters.querySelectorAll('li').length).toBe(200);
    arrived = true;
    await within(letters).findByText('251 surat', {}, { timeout: 6_000 });
    expect(letters.querySelectorAll('li')).toHaveLength(200);
    const found = await readToTheEnd(letters, () =>
      within(letters).queryByText('Nomor: B-9997/Kemensetneg/D-4/DM.05/03/2026'),
    );
    expect(found).toBeTruthy();
    expect(letters.querySelectorAll('li')).toHaveLength(251);
  });
});

describe('the deadline to verify and forward on the case page', () => {
  const waiting = (status: string, infoRequest: unknown = null) => ({
    ...kase,
    status,
    infoRequest,
    assignments: [],
    agencyIds: [],
    underMonitoring: false,
    extensionRequests: [],
    activities: [],
    verificationDueAt: '2026-03-05T16:59:59.999Z',
    overdue: true,
  });
  const row = async () => {
    const term = await screen.findByText('Batas verifikasi dan penerusan');
    return term.nextElementSibling!.textContent;
  };

  it('runs on once the case is verified, until it is forwarded, and says when it is past', async () => {
    api({ theCase: waiting('verified') });
    open();
    const due = await row();
    expect(due).toContain('5 Mar 2026');
    expect(due).toContain('Lewat tenggat');
  });

  it('says it may move when it falls in a year whose holidays are not declared yet', async () => {
    // Received on 28 December: three working days run into January, the holidays of a year the
    // government had not published when the calendar was filled.
    api({ theCase: { ...waiting('verified'), verificationDueAt: '2027-01-04T16:59:59.999Z' } });
    open();
    await waitFor(async () => expect(await row()).toContain('tenggat bisa bergeser'));
    expect(await row()).toContain('2027');
  });

  it('says nothing of the kind once that year is declared', async () => {
    api({
      theCase: { ...waiting('verified'), verificationDueAt: '2027-01-04T16:59:59.999Z' },
      declared: [2025, 2026, 2027],
    });
    open();
    expect(await row()).toContain('4 Jan 2027');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await row()).not.toContain('bisa bergeser');
  });

  it('is stopped while the complainant is asked for what is missing, and says so instead of a date', async () => {
    api({
      theCase: {
        ...waiting('needs_info', { missing: 'Fotokopi KTP', requestedAt: iso(0) }),
        overdue: false,
      },
    });
    open();
    const due = await row();
    expect(due).not.toContain('5 Mar 2026');
    expect(due).toContain('menunggu kelengkapan dari pengadu');
  });

  it('once rejected, gives central the reason the complainant reads and its own note', async () => {
    api({
      theCase: {
        ...waiting('rejected'),
        overdue: false,
        rejection: { reason: 'Bukan kewenangan pusat.', note: 'Dicek Biro Hukum.', at: iso(0) },
      },
    });
    open();
    const term = await screen.findByText('Alasan penolakan untuk pengadu');
    expect(term.nextElementSibling!.textContent).toContain('Bukan kewenangan pusat.');
    expect(term.nextElementSibling!.textContent).toContain('Catatan: Dicek Biro Hukum.');
  });
});

describe('the complainant on the case page', () => {
  const identified = {
    ...kase,
    status: 'received',
    assignments: [],
    agencyIds: [],
    underMonitoring: false,
    extensionRequests: [],
    activities: [],
    complainant: {
      name: 'Siti Aminah',
      idNumber: '3171234567890001',
      email: 'siti@example.id',
      // As the API stores it (E.164).
      phone: '+6281234567890',
      address: 'Jl. Veteran 17, Jakarta',
    },
  };
  const valueOf = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling!;

  it('gives central the NIK and the postal address it registered, each on its own line', async () => {
    api({ theCase: identified });
    open();
    await screen.findByText('Siti Aminah', { exact: false });
    expect(valueOf('NIK pengadu').textContent).toBe('3171234567890001');
    expect(valueOf('Alamat pengadu').textContent).toBe('Jl. Veteran 17, Jakarta');
    expect(valueOf('Surel pengadu').textContent).toBe('siti@example.id');
    // As an Indonesian officer reads and dials it, not as stored ("+6281234567890").
    expect(valueOf('Telepon pengadu').textContent).toBe('0812-3456-7890');
  });

  it('leaves out what the complainant did not give', async () => {
    api({ theCase: { ...identified, complainant: { name: 'Budi' } } });
    open();
    await screen.findByText('Budi', { exact: false });
    for (const term of ['NIK pengadu', 'Alamat pengadu', 'Surel pengadu', 'Telepon pengadu'])
      expect(screen.queryByText(term, { selector: 'dt' })).toBeNull();
  });

  it('gives an agency none of it on a case whose identity is hidden (the API sends none)', async () => {
    api({
      theCase: {
        ...identified,
        status: 'forwarded',
        identityHidden: true,
        complainant: null,
        assignments: [assignmentOf('polri')],
        agencyIds: ['polri'],
      },
    });
    renderWith(
      <Route path="/cases/:id">
        <CaseDetail />
      </Route>,
      { path: '/cases/c1', as: { agency: 'polri', role: 'agency_officer' } },
    );
    await screen.findByText('Identitas pengadu dirahasiakan', { exact: false });
    for (const term of ['NIK pengadu', 'Alamat pengadu', 'Surel pengadu', 'Telepon pengadu'])
      expect(screen.queryByText(term, { selector: 'dt' })).toBeNull();
    expect(document.body.textContent).not.toContain('3171234567890001');
    expect(document.body.textContent).not.toContain('Jl. Veteran 17');
  });
});

describe('the complainant’s reply window on the case page', () => {
  const resolved = (closesAt: string | null) => ({
    ...kase,
    status: 'resolved',
    replyWindowClosesAt: closesAt,
  });

  it('says until when the complainant may reply, and that the case closes itself after', async () => {
    api({ theCase: resolved('2027-01-11T16:59:59.999Z') });
    open();
    const term = await screen.findByText('Batas tanggapan pengadu');
    const value = term.nextElementSibling!.textContent!;
    expect(value).toContain('11 Jan 2027');
    expect(value).toContain('ditutup otomatis');
    await waitFor(() =>
      expect(term.nextElementSibling!.textContent).toContain('tenggat bisa bergeser'),
    );
  });

  it('is not shown once the window has closed', async () => {
    api({ theCase: resolved(null) });
    open();
    await screen.findByText('Jalan rusak di sepanjang jalur provinsi', { selector: 'h1' });
    expect(screen.queryByText('Batas tanggapan pengadu')).toBeNull();
  });
});

describe('how a closed case was closed, on its page', () => {
  const closed = (note: string | null, outcome = 'unresolved') => ({
    ...kase,
    status: 'closed',
    assignments: [{ ...assignmentOf('polri'), state: 'completed' }],
    agencyIds: ['polri'],
    underMonitoring: false,
    extensionRequests: [],
    activities: [],
    closure: { outcome, note, at: '2026-05-11T03:00:00.000Z' },
  });
  const closure = async () =>
    (await screen.findByText('Penutupan', { selector: 'dt' })).nextElementSibling!.textContent!;

  it('gives central the note the officer who closed it wrote, beside the outcome', async () => {
    api({ theCase: closed('Pengadu mencabut lewat telepon; dikonfirmasi Biro Hukum.') });
    open();
    const value = await closure();
    expect(value).toContain('Tidak terselesaikan');
    expect(value).toContain('11 Mei 2026');
    expect(value).toContain('Catatan: Pengadu mencabut lewat telepon; dikonfirmasi Biro Hukum.');
  });

  it('says, in the reader’s language, that the complainant was satisfied or the window passed', async () => {
    // The notes the API writes when the complainant, or their silence, closed it.
    api({ theCase: closed('Pengadu menyatakan puas', 'resolved') });
    renderWith(
      <Route path="/cases/:id">
        <CaseDetail />
      </Route>,
      { path: '/cases/c1', as: { agency: 'setneg', role: 'central_officer' }, lang: 'en' },
    );
    const value = (await screen.findByText('Closure', { selector: 'dt' })).nextElementSibling!
      .textContent!;
    expect(value).toContain('Resolved');
    expect(value).toContain('The complainant said they were satisfied');
    expect(value).not.toContain('Pengadu menyatakan puas');
    cleanup();
    api({ theCase: closed('Tidak ada tanggapan pengadu dalam jangka waktu', 'resolved') });
    open();
    expect(await closure()).toContain(
      'Pengadu tidak menanggapi sampai batas tanggapannya berakhir',
    );
  });

  it('gives an agency the outcome only (the API sends it no note)', async () => {
    api({ theCase: closed(null) });
    renderWith(
      <Route path="/cases/:id">
        <CaseDetail />
      </Route>,
      { path: '/cases/c1', as: { agency: 'polri', role: 'agency_officer' } },
    );
    const value = await closure();
    expect(value).toContain('Tidak terselesaikan');
    expect(value).not.toContain('Catatan');
  });
});

describe('what an agency’s own assignment card says of a case closed or reopened', () => {
  const AT = '2026-05-11T03:00:00.000Z';
  const asPolri = () =>
    renderWith(
      <Route path="/cases/:id">
        <CaseDetail />
      </Route>,
      { path: '/cases/c1', as: { agency: 'polri', role: 'agency_officer' } },
    );
  const card = async () =>
    (await screen.findByRole('heading', { name: /Penugasan: / })).closest('section')!.textContent!;
  const withAssignment = (status: string, assignment: object, closure: object | null) => ({
    ...kase,
    status,
    trackingCode: undefined,
    assignments: [assignment],
    agencyIds: ['polri'],
    underMonitoring: false,
    extensionRequests: [],
    activities: [],
    closure,
  });

  it('says its assignment was withdrawn because central closed the case, when and how: no note', async () => {
    api({
      theCase: withAssignment(
        'closed',
        {
          ...assignmentOf('polri'),
          state: 'withdrawn',
          caseNotice: { code: 'closed_by_central', at: AT, outcome: 'unresolved' },
        },
        { outcome: 'unresolved', note: null, at: AT },
      ),
    });
    asPolri();
    const text = await card();
    expect(text).toContain('Ditarik');
    expect(text).toContain(
      'Penugasan ini ditarik karena pengaduan ditutup oleh Asdep Pengaduan Masyarakat pada 11 Mei 2026, 10.00 WIB sebagai “Tidak terselesaikan”',
    );
    expect(text).not.toContain('Catatan');
  });

  it('says the complainant was not satisfied and the case reopened', async () => {
    api({
      theCase: withAssignment(
        'forwarded',
        {
          ...assignmentOf('polri'),
          state: 'pending',
          generation: 2,
          caseNotice: { code: 'reopened_unsatisfied', at: AT, outcome: null },
        },
        null,
      ),
    });
    asPolri();
    expect(await card()).toContain(
      'Dibuka kembali pada 11 Mei 2026, 10.00 WIB: pengadu belum puas',
    );
  });
});

describe('the legal outer limit on the case page', () => {
  it('gives the day, says when the case is past it, and names the rule it comes from', async () => {
    api({
      theCase: {
        ...kase,
        legalLimit: { at: '2026-04-03T16:59:59.999Z', passed: true },
      },
    });
    open();
    const term = await screen.findByText('Batas akhir penyelesaian menurut peraturan');
    const value = term.nextElementSibling!.textContent!;
    expect(value).toContain('3 Apr 2026');
    expect(value).toContain('Lewat batas peraturan');
    expect(value).toContain('Perpres 76/2013');
  });

  it('gives the day in WIB (a count of calendar days) to a reader in WITA, not the next day', async () => {
    // The limit of 1 May ends at 23.59.59 WIB: 00.59 WITA on 2 May.
    const theCase = { ...kase, legalLimit: { at: '2026-05-01T16:59:59.999Z', passed: false } };
    mockApi((call) => {
      if (call.path === '/v1/agencies/setneg')
        return json(200, { id: 'setneg', name: 'Setneg', timeZone: 'Asia/Makassar' });
      if (call.path === '/v1/cases/c1') return json(200, theCase);
      if (call.path === '/v1/calendars/id/days')
        return json(200, { id: 'id', years: [2025, 2026], items: [] });
      if (call.path.startsWith('/v1/cases/c1/timeline')) return timelinePage(call);
      if (
        call.path.startsWith('/v1/cases/c1/attachments') ||
        call.path.startsWith('/v1/notifications')
      )
        return json(200, { items: [], nextCursor: null });
      return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
    });
    open();
    // The reader's zone is known (the received time is shown in WITA) before the limit is read.
    await waitFor(() => expect(document.body.textContent).toContain('WITA'));
    const term = await screen.findByText('Batas akhir penyelesaian menurut peraturan');
    const value = term.nextElementSibling!.textContent!;
    expect(value).toContain('1 Mei 2026');
    expect(value).not.toContain('2 Mei');
    expect(value).not.toContain('WITA');
    expect(value).toContain('Perpres 76/2013');
  });
});

describe('the case page as a focal point’s coordinator reads it', () => {
  // ATR/BPN's own assignment, answered and still with the land office it was delegated to, and
  // a member unit's own assignment on the same case.
  const coordinated = {
    ...kase,
    assignments: [
      { ...assignmentOf('atr-bpn'), state: 'completed', delegatedTo: 'kanwil-bpn-jatim' },
      assignmentOf('kanwil-bpn-sulsel'),
    ],
    agencyIds: ['atr-bpn', 'kanwil-bpn-sulsel'],
    underMonitoring: false,
    extensionRequests: [],
    activities: [],
  };
  const openAsCoordinator = () =>
    renderWith(
      <Route path="/cases/:id">
        <CaseDetail />
      </Route>,
      { path: '/cases/c1', as: { agency: 'atr-bpn', role: 'agency_coordinator' } },
    );

  it('shows a member unit’s own assignment, opened without ?agency= (from search)', async () => {
    api({ theCase: coordinated });
    openAsCoordinator();
    await screen.findByRole('heading', { name: /kanwil-bpn-sulsel/ });
    expect(screen.getByRole('heading', { name: /atr-bpn/, level: 2 })).toBeTruthy();
  });

  it('offers to take back an ended assignment still delegated, and not to delegate it', async () => {
    api({ theCase: coordinated });
    openAsCoordinator();
    await screen.findByRole('button', { name: 'Ambil kembali dari kanwil-bpn-jatim' });
    expect(
      screen.queryByText('Delegasikan ke unit anggota', { selector: 'summary, summary *' }),
    ).toBeNull();
  });
});

describe('the case page as the member unit holding a delegated assignment reads it', () => {
  it('gives it back to the coordinator and then says so, with the way back to the queue', async () => {
    const delegated = {
      ...kase,
      assignments: [
        { ...assignmentOf('atr-bpn'), state: 'pending', delegatedTo: 'kanwil-bpn-jatim' },
      ],
      agencyIds: [],
      underMonitoring: false,
      extensionRequests: [],
      activities: [],
    };
    const calls = mockApi((call) => {
      if (call.method === 'POST')
        return json(200, { ...delegated.assignments[0], delegatedTo: null });
      if (call.path === '/v1/cases/c1') return json(200, delegated);
      if (call.path === '/v1/calendars/id/days')
        return json(200, { id: 'id', years: [2025, 2026], items: [] });
      if (/^\/v1\/(cases\/c1\/(timeline|attachments)|notifications)/.test(call.path))
        return json(200, { items: [], nextCursor: null });
      return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
    });
    renderWith(
      <Route path="/cases/:id">
        <CaseDetail />
      </Route>,
      { path: '/cases/c1', as: { agency: 'kanwil-bpn-jatim', role: 'agency_officer' } },
    );
    const summary = await screen.findByText(/^Bukan wilayah kami: kembalikan ke koordinator/, {
      selector: 'summary, summary *',
    });
    await userEvent.click(summary);
    const form = within(summary.closest('details')!);
    await userEvent.type(form.getByLabelText(/^Alasan/), 'Lokasi di Makassar.');
    await userEvent.click(form.getByRole('button', { name: 'Kembalikan ke koordinator' }));
    const done = await screen.findByText(/sudah dikembalikan ke koordinator/);
    expect(within(done).getByRole('link', { name: 'Kembali ke antrean' })).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ memberId: null, note: 'Lokasi di Makassar.' });
  });

  it('typing why while the assignment ends (central withdraws it): the form stays, locked, with the text and a sentence, until “Buang isian”', async () => {
    const delegated = {
      ...kase,
      assignments: [
        { ...assignmentOf('atr-bpn'), state: 'pending', delegatedTo: 'kanwil-bpn-jatim' },
      ],
      agencyIds: [],
      underMonitoring: false,
      extensionRequests: [],
      activities: [],
    };
    // Withdrawn since the page read it: still delegated to the unit, which still reads the case.
    const withdrawn = {
      ...delegated,
      version: 81,
      assignments: [{ ...delegated.assignments[0]!, state: 'withdrawn', version: 3 }],
    };
    let reads = 0;
    const calls = mockApi((call) => {
      if (call.method === 'POST')
        return json(409, {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'invalid_transition',
          detail: 'an assignment that is withdrawn is not given back: it has ended',
          requestId: 'r8',
        });
      if (call.path === '/v1/cases/c1')
        return json(200, (reads += 1) === 1 ? delegated : withdrawn);
      if (call.path === '/v1/calendars/id/days')
        return json(200, { id: 'id', years: [2025, 2026], items: [] });
      if (/^\/v1\/(cases\/c1\/(timeline|attachments)|notifications)/.test(call.path))
        return json(200, { items: [], nextCursor: null });
      return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
    });
    renderWith(
      <Route path="/cases/:id">
        <CaseDetail />
      </Route>,
      { path: '/cases/c1', as: { agency: 'kanwil-bpn-jatim', role: 'agency_officer' } },
    );
    const title = /^Bukan wilayah kami: kembalikan ke koordinator/;
    const details = () =>
      screen.queryByText(title, { selector: 'summary, summary *' })?.closest('details') ?? null;
    await userEvent.click(await screen.findByText(title, { selector: 'summary, summary *' }));
    const form = within(details()!);
    await userEvent.type(form.getByLabelText(/^Alasan/), 'Lokasi di Makassar.');
    await userEvent.click(form.getByRole('button', { name: 'Kembalikan ke koordinator' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    await waitFor(() => expect(reads).toBe(2));
    const card = screen.getByRole('heading', { name: /Penugasan: /, level: 2 }).closest('section')!;
    await waitFor(() => expect(within(card).getByText('Ditarik')).toBeTruthy());
    const gone = details()!;
    expect(gone).toBeTruthy();
    expect(within(gone).getByRole('alert').textContent).toContain('sudah berstatus “Ditarik”');
    expect(within(gone).getByLabelText<HTMLTextAreaElement>(/^Alasan/).value).toBe(
      'Lokasi di Makassar.',
    );
    expect(within(gone).queryByRole('button', { name: 'Kembalikan ke koordinator' })).toBeNull();
    await userEvent.click(within(gone).getByRole('button', { name: 'Buang isian' }));
    await waitFor(() => expect(details()).toBeNull());
  });
});

describe('the case page of a member unit whose coordinator takes the assignment back', () => {
  // Delegated to the unit when the page read it; taken back since: the unit reads it no more.
  const delegated = {
    ...kase,
    trackingCode: undefined,
    assignments: [
      { ...assignmentOf('atr-bpn'), state: 'acknowledged', delegatedTo: 'kanwil-bpn-jatim' },
    ],
    agencyIds: [],
    underMonitoring: false,
    extensionRequests: [],
    activities: [],
  };
  const notFound = json(404, {
    type: 'about:blank',
    title: 'Not Found',
    status: 404,
    code: 'not_found',
    detail: 'case c1 not found',
    requestId: 'r9',
  });
  /** The API as it is now: the first read of the case gives `first`, every later one a 404. */
  const serve = (first: unknown, post: () => ReturnType<typeof json>) => {
    let reads = 0;
    const calls = mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, { items: [{ id: 'atr-bpn', name: 'Kementerian ATR/BPN' }] });
      if (call.method === 'POST') return post();
      if (call.path === '/v1/cases/c1') return (reads += 1) === 1 ? json(200, first) : notFound;
      if (call.path === '/v1/calendars/id/days')
        return json(200, { id: 'id', years: [2025, 2026], items: [] });
      if (/^\/v1\/(cases\/c1\/(timeline|attachments)|notifications)/.test(call.path))
        return json(200, { items: [], nextCursor: null });
      return notFound;
    });
    return { calls, reads: () => reads };
  };
  const asUnit = () =>
    renderWith(
      <AgencyNamesProvider user="u1">
        <Route path="/cases/:id">
          <CaseDetail />
        </Route>
      </AgencyNamesProvider>,
      { path: '/cases/c1', as: { agency: 'kanwil-bpn-jatim', role: 'agency_officer' } },
    );
  const summary = (title: string) => screen.queryByText(title, { selector: 'summary, summary *' });

  it('an answer typed and sent (the API’s 404): the case is read again (404), and the page says it was taken back, with the way back to the queue; the answer not sent, its draft kept', async () => {
    const api = serve(delegated, () => notFound);
    asUnit();
    await userEvent.click(
      await screen.findByText('Kirim tanggapan', { selector: 'summary, summary *' }),
    );
    const form = within(summary('Kirim tanggapan')!.closest('details')!);
    await userEvent.type(form.getByLabelText(/^Isi tanggapan/), 'Tim sudah turun ke lokasi.');
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    await waitFor(() => expect(api.reads()).toBe(2));
    const said = await screen.findByText(/sudah tidak ada pada unit Anda/);
    expect(said.textContent).toContain('Kementerian ATR/BPN mengambilnya kembali');
    expect(said.textContent).toContain('belum terkirim');
    expect(within(said).getByRole('link', { name: 'Kembali ke antrean' })).toBeTruthy();
    // Instead of the case as it was, and its forms; not the tenancy 404's wording.
    expect(screen.queryByRole('heading', { name: /Penugasan: / })).toBeNull();
    expect(summary('Kirim tanggapan')).toBeNull();
    expect(document.body.textContent).not.toMatch(/bukan milik instansi Anda/);
    // The draft stays in this tab: it comes back should the case be delegated to the unit again.
    const draft = sessionStorage.getItem('pantau.draft:u1:c1:atr-bpn:response');
    expect(draft).toContain('Tim sudah turun ke lokasi.');
  });

  it('after an action that went through (acknowledged): the read that follows answers 404, and the page says so, nothing typed said unsent', async () => {
    const api = serve(
      {
        ...delegated,
        assignments: [{ ...delegated.assignments[0]!, state: 'pending', met: {} }],
      },
      () => json(200, { ...delegated.assignments[0] }),
    );
    asUnit();
    await userEvent.click(await screen.findByRole('button', { name: 'Konfirmasi penerimaan' }));
    await waitFor(() => expect(api.reads()).toBe(2));
    const said = await screen.findByText(/sudah tidak ada pada unit Anda/);
    expect(said.textContent).not.toContain('belum terkirim');
    expect(within(said).getByRole('link', { name: 'Kembali ke antrean' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Konfirmasi penerimaan' })).toBeNull();
    expect(document.body.textContent).not.toMatch(/bukan milik instansi Anda/);
  });

  it('opened afresh (a bookmark): the API’s 404 names the focal point to the unit that held it, and the page says it was taken back, not the general 404', async () => {
    mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, { items: [{ id: 'atr-bpn', name: 'Kementerian ATR/BPN' }] });
      if (call.path === '/v1/cases/c1')
        return json(404, {
          type: 'urn:pantau:problem:not_found',
          title: 'Not Found',
          status: 404,
          code: 'not_found',
          detail: 'case c1 not found',
          requestId: 'r10',
          takenBackBy: 'atr-bpn',
        });
      return json(200, { items: [], nextCursor: null });
    });
    asUnit();
    const said = await screen.findByText(/sudah tidak ada pada unit Anda/);
    expect(said.textContent).toContain('delegasinya dari Kementerian ATR/BPN sudah berakhir');
    expect(said.textContent).not.toContain('sejak halaman ini dimuat');
    expect(within(said).getByRole('link', { name: 'Kembali ke antrean' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/bukan milik instansi Anda/);
  });

  it('opened afresh by a unit that never held it (no `takenBackBy`): the general 404, as before', async () => {
    mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, { items: [{ id: 'atr-bpn', name: 'Kementerian ATR/BPN' }] });
      if (call.path === '/v1/cases/c1') return notFound;
      return json(200, { items: [], nextCursor: null });
    });
    asUnit();
    expect((await screen.findByText(/bukan milik instansi Anda/)).textContent).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/sudah tidak ada pada unit Anda/);
  });
});

describe('the monitoring activities on the case page', () => {
  const NAMES = {
    items: [
      { id: 'polri', name: 'Kepolisian Negara Republik Indonesia' },
      { id: 'pln', name: 'PT PLN (Persero)' },
      { id: 'setneg', name: 'Kementerian Sekretariat Negara' },
    ],
  };
  // Longer than the timeline's 200 characters: read here whole, its lines kept.
  const SUMMARY =
    'Mediasi di Aula Kantor Bupati Jember dihadiri warga Desa Sukamaju, Polres Jember, dan PLN UP3 Jember.\n' +
    'PLN memasang tiang baru di jalur desa dalam 14 hari kerja; Polres Jember menertibkan kendaraan bertonase besar yang merusak jalan dan melaporkannya kepada pusat.';
  const activity = (over: Partial<Schemas['Activity']>) =>
    activityOf({ createdAt: '2026-03-10T03:00:00.000Z', ...over });
  const mediation = activity({
    id: 'a-mediation',
    kind: 'mediation',
    status: 'done',
    scheduledAt: '2026-03-27T03:00:00.000Z',
    agencyIds: ['polri', 'pln'],
    participants: ['Kapolres Jember', 'Manajer PLN UP3 Jember', 'Kepala Desa Sukamaju'],
    plan: 'Tempat: Aula Kantor Bupati Jember.\nAgenda: kesepakatan perbaikan jalan desa.',
    heldAt: '2026-03-27T03:30:00.000Z',
    outcome: 'Para pihak sepakat memperbaiki jalan',
    summary: SUMMARY,
  });
  const clarification = activity({
    id: 'a-clarification',
    kind: 'clarification',
    scheduledAt: '2026-04-02T02:00:00.000Z',
    agencyIds: ['pln'],
    plan: 'Di kantor PLN UP3 Jember: meminta jadwal pemasangan tiang.',
    venue: 'Kantor PLN UP3 Jember, Jalan Gajah Mada 198',
  });
  const conference = activity({
    id: 'a-conference',
    kind: 'case_conference',
    scheduledAt: '2026-04-10T02:00:00.000Z',
  });
  const proposal = activity({
    id: 'a-proposal',
    kind: 'clarification',
    status: 'proposed',
    agencyIds: ['polri'],
    createdBy: 'ladder',
  });
  const cancelled = activity({
    id: 'a-cancelled',
    kind: 'coordination',
    status: 'cancelled',
    scheduledAt: '2026-03-20T02:00:00.000Z',
    agencyIds: ['polri'],
    cancellation: { reason: 'Polres Jember sudah menanggapi.', at: '2026-03-18T02:00:00.000Z' },
  });
  const withActivities = (activities: Schemas['Activity'][], over: object = {}) => ({
    ...kase,
    assignments: [assignmentOf('polri'), assignmentOf('pln')],
    agencyIds: ['polri', 'pln'],
    extensionRequests: [],
    activities,
    ...over,
  });
  const openAs = (theCase: unknown, agency = 'setneg', zone = 'Asia/Jakarta') => {
    mockApi((call) => {
      if (call.path === '/v1/agency-names') return json(200, NAMES);
      if (call.path === `/v1/agencies/${agency}`)
        return json(200, { id: agency, name: agency, timeZone: zone });
      if (call.path === '/v1/cases/c1') return json(200, theCase);
      if (call.path === '/v1/calendars/id/days')
        return json(200, { id: 'id', years: [2025, 2026], items: [] });
      if (/^\/v1\/(cases\/c1\/(timeline|attachments)|notifications)/.test(call.path))
        return json(200, { items: [], nextCursor: null });
      return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
    });
    return renderWith(
      <AgencyNamesProvider user="u1">
        <Route path="/cases/:id">
          <CaseDetail />
        </Route>
      </AgencyNamesProvider>,
      {
        path: '/cases/c1',
        as: { agency, role: agency === 'setneg' ? 'central_officer' : 'agency_officer' },
      },
    );
  };
  /** Each activity of the section, in the order shown. */
  const shown = async () => {
    const section = await screen.findByRole('region', { name: 'Kegiatan pemantauan' });
    const items = within(section).getAllByRole('listitem', { name: /./ });
    return { section, items };
  };
  const itemOf = (items: HTMLElement[], kind: RegExp) =>
    items.find((li) => kind.test(within(li).getByRole('heading', { level: 3 }).textContent!))!;

  it('gives central each one, the coming ones soonest first and then the past ones newest first', async () => {
    openAs(withActivities([cancelled, mediation, proposal, conference, clarification]));
    const { items } = await shown();
    expect(items.map((li) => within(li).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Klarifikasi Direncanakan',
      'Gelar kasus Direncanakan',
      'Klarifikasi Diusulkan',
      'Mediasi Selesai',
      'Koordinasi Dibatalkan',
    ]);
    expect(items[0]!.textContent).toContain('2 Apr 2026, 09.00 WIB');
    expect(items[0]!.textContent).toContain('Di kantor PLN UP3 Jember');
    // Where, as its invitation letter names it.
    expect(items[0]!.textContent).toContain('TempatKantor PLN UP3 Jember, Jalan Gajah Mada 198');
    expect(items[2]!.textContent).toContain('Belum dijadwalkan');
    expect(items[4]!.textContent).toContain('Polres Jember sudah menanggapi.');
    // An activity with no agency is central's own, and said so.
    expect(items[1]!.textContent).toContain('hanya terlihat oleh pusat');
  });

  it('lets the report of a mediation be read again whole: when, outcome, summary, who took part', async () => {
    openAs(withActivities([mediation]));
    const { items } = await shown();
    const item = itemOf(items, /^Mediasi/);
    expect(item.textContent).toContain('27 Mar 2026, 10.30 WIB');
    expect(item.textContent).toContain('Para pihak sepakat memperbaiki jalan');
    // Whole, its lines kept (the timeline cuts it at 200 characters).
    const summary = within(item).getByText(/^Mediasi di Aula Kantor Bupati Jember/);
    expect(summary.textContent).toBe(SUMMARY);
    expect(summary.className).toContain('prose');
    const people = within(item).getByRole('list', { name: 'Peserta' });
    expect(
      within(people)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Kapolres Jember', 'Manajer PLN UP3 Jember', 'Kepala Desa Sukamaju']);
    const agencies = within(item).getByRole('list', { name: 'Instansi yang terlibat' });
    await waitFor(() =>
      expect(
        within(agencies)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual(['Kepolisian Negara Republik Indonesia', 'PT PLN (Persero)']),
    );
    // Names, never codes.
    expect(item.textContent).not.toMatch(/\bpolri\b|\bpln\b|a-mediation/);
  });

  it('gives an invited agency the place and agenda, the participants and the report, in its own zone', async () => {
    // The API lists only those held with it: rendered as they come.
    openAs(withActivities([mediation, clarification]), 'pln', 'Asia/Makassar');
    await waitFor(() => expect(document.body.textContent).toContain('WITA'));
    const { items } = await shown();
    expect(items).toHaveLength(2);
    const coming = itemOf(items, /^Klarifikasi/);
    await waitFor(() => expect(coming.textContent).toContain('2 Apr 2026, 10.00 WITA'));
    expect(coming.textContent).toContain(
      'Di kantor PLN UP3 Jember: meminta jadwal pemasangan tiang.',
    );
    const held = itemOf(items, /^Mediasi/);
    expect(held.textContent).toContain('Tempat: Aula Kantor Bupati Jember.');
    expect(held.textContent).toContain('27 Mar 2026, 11.30 WITA');
    expect(within(held).getByText(/^Mediasi di Aula/).textContent).toBe(SUMMARY);
    expect(held.textContent).toContain('Kapolres Jember');
    // Central's forms are not the agency's.
    expect(screen.queryByText(/^Laporkan:/, { selector: 'summary, summary *' })).toBeNull();
  });

  it('says older ones are in the history when the case lists only the latest', async () => {
    openAs(withActivities([mediation], { earlierActivities: true }));
    const { section } = await shown();
    expect(section.textContent).toMatch(/lebih lama.*Riwayat/);
  });

  it('shows nothing of the kind on a case without any', async () => {
    openAs(withActivities([]));
    await screen.findByText('Jalan rusak di sepanjang jalur provinsi', { selector: 'h1' });
    expect(screen.queryByRole('region', { name: 'Kegiatan pemantauan' })).toBeNull();
  });
});

describe('the agency’s files, chosen in its answer form, and the attachments card', () => {
  // Polri answered in full: the API takes no more files for its response (409), by design.
  const answered = (state: string) => ({
    ...kase,
    assignments: [{ ...assignmentOf('polri'), state }],
    agencyIds: ['polri'],
    extensionRequests: [],
    activities: [],
  });
  const openAs = (as: { agency: string; role: 'agency_officer' | 'central_officer' }) =>
    renderWith(
      <Route path="/cases/:id">
        <CaseDetail />
      </Route>,
      { path: '/cases/c1', as },
    );

  it('offers the agency no file field once ended, and says in one line that none can be added any more', async () => {
    api({ theCase: answered('completed') });
    openAs({ agency: 'polri', role: 'agency_officer' });
    await screen.findByText('Lampiran tidak dapat ditambahkan lagi: penugasan sudah selesai.');
    expect(screen.queryByRole('heading', { name: 'Unggah lampiran' })).toBeNull();
    expect(screen.queryByLabelText(/^Lampiran \(PDF/)).toBeNull();
    expect(screen.queryByLabelText(/^Berkas/)).toBeNull();
  });

  it('while open, has the file field inside the answer form, going on its "Kirim"; no upload of its own', async () => {
    api({ theCase: answered('responded') });
    openAs({ agency: 'polri', role: 'agency_officer' });
    const card = await screen.findByRole('region', { name: /^Penugasan: / });
    const answer = within(card)
      .getByText('Kirim tanggapan', { selector: 'summary' })
      .closest('details')!;
    // Said, and read with the file input: the files go on "Kirim", before the answer.
    const file = within(answer).getByLabelText(/^Lampiran \(PDF/);
    expect(file.closest('form')).toBe(
      within(answer).getByRole('button', { name: 'Kirim' }).closest('form'),
    );
    const hint = within(answer).getByText(/diunggah saat Anda menekan Kirim/);
    expect(file.getAttribute('aria-describedby')).toContain(hint.id);
    expect(within(card).queryByRole('button', { name: 'Unggah' })).toBeNull();
    expect(within(card).queryByText('Lampiran tanggapan')).toBeNull();
    // One file field on the page: the case's attachments card says where it is.
    const files = screen.getByRole('region', { name: 'Lampiran' });
    expect(within(files).queryByRole('heading', { name: 'Unggah lampiran' })).toBeNull();
    expect(
      within(files).getByText(/^Lampiran dipilih pada formulir “Kirim tanggapan”/),
    ).toBeTruthy();
    expect(document.querySelectorAll('input[type=file]')).toHaveLength(1);
    expect(screen.queryByText(/Lampiran tidak dapat ditambahkan lagi/)).toBeNull();
  });

  it('still lets central attach to that response in the attachments card (central may at any time)', async () => {
    api({ theCase: answered('completed') });
    openAs({ agency: 'setneg', role: 'central_officer' });
    const heading = await screen.findByRole('heading', { name: 'Unggah lampiran' });
    expect(heading.closest('section')!.getAttribute('aria-labelledby')).toBe('attachments');
    const target = within(heading.closest('form')!).getByLabelText('Lampirkan pada');
    expect(within(target).getByRole('option', { name: 'Tanggapan polri' })).toBeTruthy();
    expect(screen.queryByLabelText(/^Lampiran \(PDF/)).toBeNull();
  });
});

describe('a paused assignment on the case page', () => {
  // Pemkot Jayapura (WIT) paused its clock at 10.00 WIT on 3 December, waiting for papers.
  const since = '2026-12-03T01:00:00.000Z';
  const pausedCase = {
    ...kase,
    assignments: [
      {
        ...assignmentOf('pemkot-jayapura'),
        timeZone: 'Asia/Jayapura',
        paused: true,
        pausedSince: since,
        nextDueAt: null,
      },
    ],
    agencyIds: ['pemkot-jayapura'],
    underMonitoring: false,
    extensionRequests: [],
    activities: [],
  };
  const target = (name: 'acknowledge' | 'followUp' | 'resolution', due: string) => ({
    target: name,
    workingDays: 5,
    policyWorkingDays: 5,
    adjustments: [],
    countedFrom: '2026-03-02',
    lastWorkingDay: due.slice(0, 10),
    due,
    met: name === 'acknowledge' ? iso(10) : null,
    overdue: false,
    workingDaysLeft: null,
    workingDaysLate: null,
    skipped: [],
    uncoveredYears: [],
    pausedIntervals: [
      { from: iso(100), to: iso(200), reason: 'Perpanjangan sebelumnya' },
      { from: since, to: null, reason: 'menunggu data dari pengadu' },
    ],
  });
  const served: Schemas['Deadlines'] = {
    caseId: 'c1',
    agencyId: 'pemkot-jayapura',
    generation: 1,
    forwardedAt: iso(0),
    timeZone: 'Asia/Jayapura',
    timeZoneLabel: 'WIT',
    calendarId: 'id',
    policyId: 'default',
    targets: [
      target('acknowledge', iso(5_000)),
      // Soon by its old date: the clock is stopped, so it is not.
      target('followUp', '2026-12-04T14:59:59.999Z'),
      target('resolution', '2026-12-20T14:59:59.999Z'),
    ],
    ladder: { taken: [], toCome: [] },
  };

  it('says under the heading since when (in the reader’s zone) and why, and that the dates move', async () => {
    mockApi((call) => {
      if (call.path === '/v1/cases/c1') return json(200, pausedCase);
      if (call.path === '/v1/clock') return json(200, { now: '2026-12-03T05:00:00.000Z' });
      if (call.path === '/v1/cases/c1/assignments/pemkot-jayapura/deadlines')
        return json(200, served);
      if (call.path === '/v1/calendars/id/days')
        return json(200, { id: 'id', years: [2025, 2026], items: [] });
      if (/^\/v1\/(cases\/c1\/(timeline|attachments)|notifications)/.test(call.path))
        return json(200, { items: [], nextCursor: null });
      return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
    });
    open(); // central, in WIB
    const heading = await screen.findByRole('heading', { name: /pemkot-jayapura/, level: 2 });
    const section = heading.closest('section')!;
    const line = await within(section).findByText(/^Tenggat dihentikan sementara sejak/);
    expect(line.textContent).toContain(
      'Tenggat dihentikan sementara sejak 3 Des 2026, 08.00 WIB: menunggu data dari pengadu',
    );
    expect(line.textContent).toContain('tanggal bergeser saat dilanjutkan');
    // Right under the heading, before the deadlines.
    expect(heading.nextElementSibling).toBe(line);
    // The targets say so too: not running, not soon.
    await within(section).findByText(/^Penyelesaian$/);
    expect(within(section).getAllByText('Dihentikan sementara')).toHaveLength(2);
    expect(within(section).queryByText(/^(Berjalan|Segera)$/)).toBeNull();
  });
});

describe('an agency acting on its assignment that moved on unseen (the page reads the case again)', () => {
  // Polri's page was read while its assignment was open; central withdrew it meanwhile.
  const open1 = {
    ...kase,
    trackingCode: undefined,
    assignments: [{ ...assignmentOf('polri'), state: 'acknowledged' }],
    agencyIds: ['polri'],
    underMonitoring: false,
    extensionRequests: [],
    activities: [],
  };
  const withdrawn = {
    ...open1,
    version: 81,
    assignments: [{ ...assignmentOf('polri'), state: 'withdrawn', version: 3 }],
  };
  const refusedWith = (code: string) =>
    json(409, {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code,
      detail: 'assignment polri on case c1 is withdrawn',
      requestId: 'r7',
    });
  /** The API as it is now: the first read gives `first`, every later one `now`. */
  const serve = (first: unknown, now: unknown, refusal = refusedWith('invalid_transition')) =>
    mockApi((call) => {
      if (call.method === 'POST') return refusal;
      if (call.path === '/v1/cases/c1') return json(200, reads(calls) === 1 ? first : now);
      if (call.path === '/v1/calendars/id/days')
        return json(200, { id: 'id', years: [2025, 2026], items: [] });
      if (/^\/v1\/(cases\/c1\/(timeline|attachments)|notifications)/.test(call.path))
        return json(200, { items: [], nextCursor: null });
      return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
    });
  let calls: Call[] = [];
  const reads = (made: Call[]) =>
    made.filter((c) => c.method === 'GET' && c.path === '/v1/cases/c1').length;
  const asPolri = () =>
    renderWith(
      <Route path="/cases/:id">
        <CaseDetail />
      </Route>,
      { path: '/cases/c1', as: { agency: 'polri', role: 'agency_officer' } },
    );
  const details = (title: string) =>
    screen.queryByText(title, { selector: 'summary, summary *' })?.closest('details') ?? null;
  const card = () =>
    screen.getByRole('heading', { name: /Penugasan: /, level: 2 }).closest('section')!;

  it('an answer typed: the case is read again, the form stays with the text, saying the assignment was withdrawn', async () => {
    calls = serve(open1, withdrawn);
    asPolri();
    const summary = await screen.findByText('Kirim tanggapan', { selector: 'summary, summary *' });
    await userEvent.click(summary);
    const form = within(details('Kirim tanggapan')!);
    await userEvent.type(form.getByLabelText(/^Isi tanggapan/), 'Tim sudah turun ke lokasi.');
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    // Read again at once: the card says what it is now.
    await waitFor(() => expect(reads(calls)).toBe(2));
    await waitFor(() => expect(within(card()).getByText('Ditarik')).toBeTruthy());
    const gone = details('Kirim tanggapan')!;
    expect(gone.open).toBe(true);
    expect(within(gone).getByRole('alert').textContent).toContain('sudah berstatus “Ditarik”');
    expect(within(gone).getByLabelText<HTMLTextAreaElement>(/^Isi tanggapan/).value).toBe(
      'Tim sudah turun ke lokasi.',
    );
    expect(within(gone).queryByText(/Muat ulang halaman/)).toBeNull();
    expect(within(gone).queryByRole('button', { name: 'Kirim' })).toBeNull();
    // The forms holding nothing go with the assignment's end.
    expect(details('Hentikan tenggat sementara')).toBeNull();
    await userEvent.click(within(gone).getByRole('button', { name: 'Buang isian' }));
    await waitFor(() => expect(details('Kirim tanggapan')).toBeNull());
  });

  it('the acknowledgement: the case is read again and the card says so, the page not left as it was', async () => {
    calls = serve(
      { ...open1, assignments: [{ ...assignmentOf('polri'), state: 'pending', met: {} }] },
      withdrawn,
    );
    asPolri();
    await userEvent.click(await screen.findByRole('button', { name: 'Konfirmasi penerimaan' }));
    await waitFor(() => expect(reads(calls)).toBe(2));
    await waitFor(() => expect(within(card()).getByText('Ditarik')).toBeTruthy());
    expect(within(card()).queryByRole('button', { name: 'Konfirmasi penerimaan' })).toBeNull();
    const said = within(card()).getByText(/^Penerimaan tidak dapat dikonfirmasi/);
    expect(said.closest('[role="alert"]')).toBeTruthy();
    expect(said.textContent).toContain('sudah dimuat ulang');
    expect(within(card()).queryByText(/Muat ulang halaman/)).toBeNull();
  });

  it('forwarded again since (409 version_conflict): the form says so in its own words and offers the latest, reading nothing by itself', async () => {
    calls = serve(
      open1,
      { ...open1, assignments: [{ ...assignmentOf('polri'), generation: 2 }] },
      refusedWith('version_conflict'),
    );
    asPolri();
    await userEvent.click(
      await screen.findByText('Kirim tanggapan', { selector: 'summary, summary *' }),
    );
    const form = within(details('Kirim tanggapan')!);
    await userEvent.type(form.getByLabelText(/^Isi tanggapan/), 'Tim sudah turun ke lokasi.');
    await userEvent.click(form.getByRole('button', { name: 'Kirim' }));
    expect((await form.findByRole('alert')).textContent).toContain('penerusan baru');
    expect(reads(calls)).toBe(1);
    await userEvent.click(form.getByRole('button', { name: 'Muat versi terbaru' }));
    await waitFor(() => expect(reads(calls)).toBe(2));
    expect(form.getByLabelText<HTMLTextAreaElement>(/^Isi tanggapan/).value).toBe(
      'Tim sudah turun ke lokasi.',
    );
  });
});

describe('a coordinator typing a delegation while the assignment ends (the page reads the case again)', () => {
  it('the form stays, locked, with the note and a sentence saying why, until “Buang isian”', async () => {
    const ours = {
      ...kase,
      trackingCode: undefined,
      assignments: [assignmentOf('atr-bpn')],
      agencyIds: ['atr-bpn'],
      underMonitoring: false,
      extensionRequests: [],
      activities: [],
    };
    const withdrawn = {
      ...ours,
      version: 81,
      assignments: [{ ...assignmentOf('atr-bpn'), state: 'withdrawn', version: 3 }],
    };
    let reads = 0;
    const calls = mockApi((call) => {
      if (call.method === 'POST')
        return json(409, {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'invalid_transition',
          detail: 'assignment atr-bpn on case c1 is withdrawn',
          requestId: 'r8',
        });
      if (call.path === '/v1/cases/c1') return json(200, (reads += 1) === 1 ? ours : withdrawn);
      if (call.path.startsWith('/v1/agencies?'))
        return json(200, {
          items: [
            { id: 'atr-bpn', focalPointId: null },
            { id: 'kantah-1', name: 'Kantor Pertanahan 1', focalPointId: 'atr-bpn' },
          ],
          nextCursor: null,
        });
      if (call.path === '/v1/calendars/id/days')
        return json(200, { id: 'id', years: [2025, 2026], items: [] });
      if (/^\/v1\/(cases\/c1\/(timeline|attachments)|notifications)/.test(call.path))
        return json(200, { items: [], nextCursor: null });
      return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
    });
    renderWith(
      <Route path="/cases/:id">
        <CaseDetail />
      </Route>,
      { path: '/cases/c1', as: { agency: 'atr-bpn', role: 'agency_coordinator' } },
    );
    const details = (title: string) =>
      screen.queryByText(title, { selector: 'summary, summary *' })?.closest('details') ?? null;
    await userEvent.click(
      await screen.findByText('Delegasikan ke unit anggota', { selector: 'summary, summary *' }),
    );
    const form = within(details('Delegasikan ke unit anggota')!);
    const select = form.getByLabelText(/^Unit anggota/);
    await within(select).findByRole('option', { name: 'kantah-1' });
    await userEvent.selectOptions(select, 'kantah-1');
    await userEvent.type(form.getByLabelText(/^Catatan/), 'Lokasi di wilayah Kantah 1.');
    await userEvent.click(form.getByRole('button', { name: 'Delegasikan' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    await waitFor(() => expect(reads).toBe(2));
    const card = screen.getByRole('heading', { name: /Penugasan: /, level: 2 }).closest('section')!;
    await waitFor(() => expect(within(card).getByText('Ditarik')).toBeTruthy());
    const gone = details('Delegasikan ke unit anggota')!;
    expect(gone).toBeTruthy();
    expect(within(gone).getByRole('alert').textContent).toContain('sudah berstatus “Ditarik”');
    expect(within(gone).getByLabelText<HTMLTextAreaElement>(/^Catatan/).value).toBe(
      'Lokasi di wilayah Kantah 1.',
    );
    expect(within(gone).queryByRole('button', { name: 'Delegasikan' })).toBeNull();
    await userEvent.click(within(gone).getByRole('button', { name: 'Buang isian' }));
    await waitFor(() => expect(details('Delegasikan ke unit anggota')).toBeNull());
  });
});

describe('the case page of a member unit whose coordinator answered what it holds', () => {
  it('the history says who confirmed receipt and who answered: the focal point’s coordinator', async () => {
    const held = {
      ...kase,
      assignments: [{ ...assignmentOf('atr-bpn'), state: 'responded', delegatedTo: 'kantah-7' }],
      agencyIds: [],
      underMonitoring: false,
      extensionRequests: [],
      activities: [],
    };
    const coordinator = { sub: 'k', agency: 'atr-bpn', role: 'agency_coordinator' as const };
    const answered: Schemas['TimelineEvent'][] = [
      {
        id: 'e2',
        at: iso(60),
        type: 'response_submitted',
        actor: coordinator,
        agencyId: 'atr-bpn',
        data: { kind: 'progress', message: 'Dijawab koordinator.' },
      },
      {
        id: 'e1',
        at: iso(10),
        type: 'assignment_acknowledged',
        actor: coordinator,
        agencyId: 'atr-bpn',
        data: {},
      },
    ];
    mockApi((call) => {
      if (call.path === '/v1/agency-names')
        return json(200, {
          items: [
            { id: 'atr-bpn', name: 'Kementerian ATR/BPN' },
            { id: 'kantah-7', name: 'Kantor Pertanahan Kota Kupang' },
          ],
        });
      if (call.path === '/v1/cases/c1') return json(200, held);
      if (call.path === '/v1/calendars/id/days')
        return json(200, { id: 'id', years: [2025, 2026], items: [] });
      if (call.path.startsWith('/v1/cases/c1/timeline'))
        return json(200, { items: answered, nextCursor: null });
      if (/^\/v1\/(cases\/c1\/attachments|notifications)/.test(call.path))
        return json(200, { items: [], nextCursor: null });
      return json(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
    });
    renderWith(
      <AgencyNamesProvider user="u1">
        <Route path="/cases/:id">
          <CaseDetail />
        </Route>
      </AgencyNamesProvider>,
      { path: '/cases/c1', as: { agency: 'kantah-7', role: 'agency_officer' } },
    );
    const history = within(await screen.findByRole('region', { name: 'Riwayat' }));
    const response = (await history.findByText(/Dijawab koordinator/)).closest('li')!;
    expect(within(response).getByText('Koordinator instansi · Kementerian ATR/BPN')).toBeTruthy();
    const ack = history.getByText('Diterima instansi').closest('li')!;
    expect(within(ack).getByText('Koordinator instansi · Kementerian ATR/BPN')).toBeTruthy();
  });
});
