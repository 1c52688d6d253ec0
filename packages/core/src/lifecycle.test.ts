/** Every transition of the case and assignment lifecycles, legal and illegal (DOMAIN.md). */
import { describe, expect, it, vi } from 'vitest';
import {
  acknowledge,
  type AssignmentRecord,
  type AssignmentState,
  canForwardAgain,
  newAssignment,
  nextDueAt,
  redirect,
  respond,
  viewAssignment,
  withdraw,
} from './assignment.ts';
import {
  type ActivityRecord,
  CASE_CLOSED_ACTIVITIES,
  cancelActivity,
  cancelledAlready,
  isActivityOpen,
  reportActivity,
  scheduleActivity,
  scheduledAlready,
  viewActivity,
} from './activity.ts';
import { Calendar } from './calendar.ts';
import {
  assertForwardable,
  type CaseRecord,
  type CaseStatus,
  close,
  closeUnanswered,
  isReplyWindowOpen,
  markForwarded,
  newCase,
  openReplyWindow,
  reconcile,
  reply,
  restate,
  verify,
} from './case.ts';
import { answersFrom, DESCRIPTION_WITHHELD, viewCase, viewTracking } from './case-view.ts';
import { searchDocumentOf } from './search/document.ts';
import type { ExtensionRequestRecord } from './extension.ts';
import type { TimelineEvent } from './timeline.ts';
import {
  ASSIGNMENT_STATES,
  CASE_STATUSES,
  PlanActivityBody,
  RESTATABLE,
  RestateCaseBody,
  VerificationBody,
} from './schemas.ts';
import { INDONESIAN_HOLIDAYS } from './seed-data.ts';
import { normalizeTrackingCode, newTrackingCode } from './tracking-code.ts';

const now = new Date('2026-03-16T03:00:00.000Z');
const later = new Date('2026-03-17T03:00:00.000Z');
const calendar = new Calendar(INDONESIAN_HOLIDAYS);

const baseCase = newCase({
  id: 'C1',
  trackingCode: 'AAAA-BBBB-CCCCC',
  body: {
    channel: 'letter',
    complainant: {
      name: 'Siti Aminah',
      idNumber: '3171000000000001',
      email: 'siti@example.id',
      phone: '0812',
      address: 'Jl. Merdeka 1',
    },
    identityHidden: true,
    subject: 'Perihal',
    description: 'Uraian',
  },
  now,
  verificationDueAt: later,
});
const caseIn = (status: CaseStatus): CaseRecord => ({
  ...baseCase,
  status,
  classification: { type: 'normative', category: null, note: 'catatan internal' },
});

const WD = { acknowledge: 3, followUp: 5, resolution: 14 };
const baseAssignment = newAssignment({
  caseId: 'C1',
  agencyId: 'polri',
  instructions: null,
  forwardedAt: now,
  forwardedBy: 'officer-1',
  timeZone: 'Asia/Jakarta',
  calendar,
  policyId: 'default',
  workingDays: WD,
  previous: undefined,
});
const assignmentIn = (state: AssignmentState, agencyId = 'polri'): AssignmentRecord => ({
  ...baseAssignment,
  agencyId,
  state,
});

/** The default policy's legal outer limit (60 calendar days). */
const LIMITS = { legalLimitDays: 60 };

describe('case lifecycle', () => {
  const verifiable: CaseStatus[] = ['received', 'needs_info'];
  it.each(CASE_STATUSES)('verification from %s', (status) => {
    const run = () => verify(caseIn(status), { decision: 'accept', type: 'light' }, later, LIMITS);
    if (verifiable.includes(status)) expect(run().status).toBe('verified');
    else expect(run).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
  });

  it('rejects and asks for information, pausing the verification clock', () => {
    expect(verify(baseCase, { decision: 'reject' }, later, LIMITS).status).toBe('rejected');
    const waiting = verify(baseCase, { decision: 'needs_info' }, later, LIMITS);
    expect(waiting.status).toBe('needs_info');
    expect(waiting.nextDueAt).toBeNull();
    expect(
      verify(waiting, { decision: 'accept', type: 'examination' }, later, LIMITS).classification
        ?.type,
    ).toBe('examination');
  });

  it('tells the complainant by when a received complaint is verified, while it is being verified', () => {
    expect(viewTracking(baseCase, now).verificationDueAt).toBe(baseCase.verificationDueAt);
    // A confidential report: its status only.
    expect(viewTracking({ ...baseCase, confidential: true }, now).verificationDueAt).toBeNull();
    for (const decided of [
      verify(baseCase, { decision: 'accept', type: 'light' }, later, LIMITS),
      verify(baseCase, { decision: 'needs_info' }, later, LIMITS),
      verify(baseCase, { decision: 'reject' }, later, LIMITS),
    ])
      expect(viewTracking(decided, later).verificationDueAt).toBeNull();
  });

  it('needs_info carries what is missing, to central and to the complainant, until decided', () => {
    const missing = 'Fotokopi sertifikat tanah';
    const waiting = verify(baseCase, { decision: 'needs_info', missing }, later, LIMITS);
    const asked = { missing, requestedAt: later.toISOString() };
    expect(viewCase(waiting, [], later, { central: true }).infoRequest).toEqual(asked);
    // What to quote: the agenda number (none on this case), never the tracking code.
    expect(viewTracking(waiting, later).infoRequest).toEqual({
      ...asked,
      sendTo: null,
      postalAddress: null,
      reference: null,
    });
    expect(
      viewTracking({ ...waiting, agendaNumber: '7/DUMAS/III/2026' }, later).infoRequest?.reference,
    ).toBe('7/DUMAS/III/2026');
    expect(
      viewTracking(waiting, later, { sendTo: { name: 'Asdep', email: 'dumas@setneg.go.id' } })
        .infoRequest?.sendTo,
    ).toEqual({ name: 'Asdep', email: 'dumas@setneg.go.id' });
    // A confidential report: the request shows, its text does not.
    expect(viewTracking({ ...waiting, confidential: true }, later).infoRequest?.missing).toBeNull();
    // Agencies are never shown it.
    expect(
      viewCase(waiting, [], later, { central: false, agencies: new Set(['polri']) }).infoRequest,
    ).toBeNull();
    // Asked again: the latest request. Decided: nothing is asked any more.
    const again = verify(
      waiting,
      { decision: 'needs_info', missing: 'Bukti bayar' },
      later,
      LIMITS,
    );
    expect(viewTracking(again, later).infoRequest?.missing).toBe('Bukti bayar');
    for (const decided of [
      verify(waiting, { decision: 'accept', type: 'light' }, later, LIMITS),
      verify(waiting, { decision: 'reject' }, later, LIMITS),
    ]) {
      expect(decided.infoRequest).toBeNull();
      expect(viewTracking(decided, later).infoRequest).toBeNull();
    }
  });

  it.each(CASE_STATUSES)('forwarding from %s', (status) => {
    const run = () => assertForwardable(caseIn(status));
    if (['verified', 'forwarded', 'in_follow_up', 'reopened'].includes(status))
      expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
  });

  it.each(CASE_STATUSES)('closing from %s', (status) => {
    const run = () => close(caseIn(status), { outcome: 'resolved' }, later);
    if (status === 'rejected' || status === 'closed')
      expect(run).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
    else
      expect(run()).toMatchObject({
        status: 'closed',
        closure: { outcome: 'resolved' },
        nextDueAt: null,
      });
  });

  it('follows what agencies do: forwarded → in_follow_up → resolved; redirects do not count', () => {
    const c = caseIn('forwarded');
    expect(
      reconcile(c, [assignmentIn('pending'), assignmentIn('acknowledged', 'pln')], later).status,
    ).toBe('forwarded');
    const progress = respond(
      assignmentIn('acknowledged'),
      { kind: 'progress', message: 'm' },
      later,
    );
    expect(reconcile(c, [progress, assignmentIn('pending', 'pln')], later).status).toBe(
      'in_follow_up',
    );
    const done = respond(assignmentIn('acknowledged'), { kind: 'final', message: 'm' }, later);
    // A redirect awaiting central's re-forward keeps the case open; once forwarded again, it does not.
    const redirected = redirect(
      assignmentIn('acknowledged', 'pln'),
      { reason: 'Bukan wewenang' },
      later,
    );
    expect(reconcile(c, [done, redirected], later).status).toBe('in_follow_up');
    // The re-forward names the redirect it answers: in the redirect's own millisecond too.
    const reforwarded: AssignmentRecord = {
      ...done,
      agencyId: 'pemprov-bali',
      forwardedAt: later.toISOString(),
      reforwardOf: [{ agencyId: 'pln', generation: redirected.generation }],
    };
    expect(reconcile(c, [done, redirected, reforwarded], later).status).toBe('resolved');
    // A forwarding that answered no redirect does not count, however late it came.
    const unrelated = { ...reforwarded, forwardedAt: '2026-03-18T03:00:00.000Z', reforwardOf: [] };
    expect(reconcile(c, [done, redirected, unrelated], later).status).toBe('in_follow_up');
    // Records stored before the link existed are ordered by their instants, as they were.
    const { reforwardOf: _, ...legacy } = unrelated;
    expect(reconcile(c, [done, redirected, legacy], later).status).toBe('resolved');
    expect(reconcile(c, [assignmentIn('redirected', 'pln')], later).status).toBe('forwarded');
    const resolved = reconcile(c, [done], later);
    expect(resolved.statusHistory.map((s) => s.status)).toEqual(['received', 'resolved']);
    expect(resolved.nextDueAt).toBeNull();
  });

  it('keeps central’s closing note from agencies; the outcome and when stay theirs', () => {
    const closure = {
      outcome: 'unresolved' as const,
      note: 'Pengadu menolak; dibahas dengan pimpinan',
      at: later.toISOString(),
    };
    const c = { ...caseIn('closed'), closure };
    const agencyView = viewCase(c, [assignmentIn('completed')], later, {
      central: false,
      agencies: new Set(['polri']),
    });
    expect(agencyView.closure).toEqual({ ...closure, note: null });
    expect(JSON.stringify(agencyView)).not.toContain('pimpinan');
    expect(viewCase(c, [assignmentIn('completed')], later, { central: true }).closure).toEqual(
      closure,
    );
  });

  it('hides identity and central notes from agencies, and everything but status from the public', () => {
    const c = caseIn('forwarded');
    const agencyView = viewCase(
      c,
      [assignmentIn('pending'), assignmentIn('pending', 'pln')],
      later,
      { central: false, agencies: new Set(['polri']) },
    );
    expect(agencyView.complainant).toBeNull();
    expect(agencyView.classification?.note).toBeNull();
    // The tracking code is the complainant's credential: with it one replies as them.
    expect(agencyView).not.toHaveProperty('trackingCode');
    expect(JSON.stringify(agencyView)).not.toContain(c.trackingCode);
    expect(agencyView.assignments.map((a) => a.agencyId)).toEqual(['polri']);
    const centralView = viewCase(c, [assignmentIn('pending')], later, { central: true });
    expect(centralView.complainant?.name).toBe('Siti Aminah');
    expect(centralView.trackingCode).toBe(c.trackingCode);
    const tracking = JSON.stringify(viewTracking(c, later));
    for (const secret of ['Siti', '3171000000000001', 'siti@example.id', '0812', 'Merdeka'])
      expect(tracking).not.toContain(secret);
    expect(viewTracking({ ...c, confidential: true }, later).steps).toEqual([]);
  });

  it('shows the complainant the agencies’ answers by name and date, nothing else of them', () => {
    const event = (
      type: TimelineEvent['type'],
      agencyId: string | null,
      data: Record<string, unknown>,
      at: string,
    ): TimelineEvent => ({
      id: at,
      caseId: 'C1',
      at,
      type,
      actor: { sub: 'officer-7', agency: agencyId ?? 'setneg', role: 'agency_officer' },
      agencyId,
      data,
    });
    const events = [
      event('assignment_acknowledged', 'polri', {}, '2026-03-17T01:00:00.000Z'),
      event(
        'response_submitted',
        'polri',
        { kind: 'progress', message: 'Diperiksa' },
        '2026-03-17T02:00:00.000Z',
      ),
      event(
        'assignment_redirected',
        'pln',
        { reason: 'Bukan wewenang' },
        '2026-03-17T03:00:00.000Z',
      ),
      event(
        'response_submitted',
        'polri',
        { kind: 'final', message: 'Selesai' },
        '2026-03-18T02:00:00.000Z',
      ),
    ];
    const answers = answersFrom(events, (id) => (id === 'polri' ? 'Kepolisian' : id));
    expect(answers).toEqual([
      {
        agencyName: 'Kepolisian',
        kind: 'progress',
        message: 'Diperiksa',
        at: '2026-03-17T02:00:00.000Z',
      },
      {
        agencyName: 'Kepolisian',
        kind: 'final',
        message: 'Selesai',
        at: '2026-03-18T02:00:00.000Z',
      },
    ]);
    const c = caseIn('resolved');
    expect(viewTracking(c, later, { answers }).answers).toEqual(answers);
    expect(JSON.stringify(viewTracking(c, later, { answers }))).not.toContain('officer-7');
    // A confidential report: status only, its answers included.
    expect(viewTracking({ ...c, confidential: true }, later, { answers }).answers).toEqual([]);
  });
});

describe('assignment lifecycle', () => {
  const open: AssignmentState[] = ['pending', 'acknowledged', 'responded'];

  it.each(ASSIGNMENT_STATES)('acknowledge from %s', (state) => {
    // By its focal point's coordinator: the agency kept is the focal point, not the assignment's.
    const run = () => acknowledge(assignmentIn(state), later, 'focal-point');
    if (state === 'pending')
      expect(run()).toMatchObject({
        state: 'acknowledged',
        met: { acknowledge: later.toISOString() },
        acknowledgedBy: 'focal-point',
      });
    else if (state === 'redirected' || state === 'withdrawn')
      expect(run).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
    else expect(run()).toBeUndefined(); // a repeat, or after answering: nothing to do
  });

  it.each(ASSIGNMENT_STATES)('responses from %s', (state) => {
    for (const kind of ['progress', 'final'] as const) {
      const run = () => respond(assignmentIn(state), { kind, message: 'Tindak lanjut' }, later);
      if (open.includes(state))
        expect(run().state).toBe(kind === 'final' ? 'completed' : 'responded');
      else expect(run).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
    }
  });

  it.each(ASSIGNMENT_STATES)('redirect and withdraw from %s', (state) => {
    for (const run of [
      () => redirect(assignmentIn(state), { reason: 'Bukan wewenang kami' }, later),
      () => withdraw(assignmentIn(state), later),
    ]) {
      if (open.includes(state)) expect(run).not.toThrow();
      else expect(run).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
    }
  });

  it.each(ASSIGNMENT_STATES)('forwarding again to the agency after %s', (state) => {
    // Any ended assignment: redirected, withdrawn, or completed (the complainant reopened the case).
    expect(canForwardAgain(assignmentIn(state))).toBe(
      state === 'redirected' || state === 'withdrawn' || state === 'completed',
    );
  });

  it('meets targets as the agency answers, and never counts a met or ended target overdue', () => {
    const progress = respond(baseAssignment, { kind: 'progress', message: 'm' }, later);
    expect(progress.met).toEqual({
      acknowledge: later.toISOString(),
      followUp: later.toISOString(),
      resolution: null,
    });
    expect(nextDueAt(progress)).toBe(progress.due.resolution);
    const farFuture = new Date('2027-12-31T00:00:00Z');
    expect(viewAssignment(progress, farFuture, { central: true }).overdue).toEqual({
      acknowledge: false,
      followUp: false,
      resolution: true,
    });
    expect(
      viewAssignment(redirect(baseAssignment, { reason: 'r' }, later), farFuture, {
        central: true,
      }).overdue,
    ).toEqual({ acknowledge: false, followUp: false, resolution: false });
    expect(nextDueAt(withdraw(baseAssignment, later))).toBeNull();
  });

  it('says since when the member unit holding it has it; nothing once none holds it', () => {
    // A coordinator with fifteen units reads who holds each assignment and since when.
    const held = { ...baseAssignment, delegatedTo: 'kanwil-a', delegatedAt: later.toISOString() };
    expect(viewAssignment(held, later, { central: true })).toMatchObject({
      delegatedTo: 'kanwil-a',
      delegatedAt: later.toISOString(),
    });
    // An older record holding it without the date, and one taken back.
    const undated = { ...baseAssignment, delegatedTo: 'kanwil-a' };
    expect(viewAssignment(undated, later, { central: true }).delegatedAt).toBeNull();
    expect(viewAssignment(baseAssignment, later, { central: true }).delegatedAt).toBeNull();
  });

  it('starts a new generation when forwarded again after a redirect', () => {
    const redirected = redirect(baseAssignment, { reason: 'r' }, later);
    const again = newAssignment({
      ...baseAssignment,
      forwardedAt: later,
      calendar,
      previous: redirected,
      instructions: null,
      forwardedBy: 'o',
    });
    expect(again).toMatchObject({
      state: 'pending',
      generation: 2,
      version: redirected.version + 1,
      redirect: null,
      createdAt: baseAssignment.createdAt,
    });
  });
});

describe('tracking codes', () => {
  it('are 13 symbols of Crockford base32 in 4-4-5 groups, and read back however typed', () => {
    const code = newTrackingCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(normalizeTrackingCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normalizeTrackingCode('o1lI-0000-00000')).toBe('0111-0000-00000');
    expect(normalizeTrackingCode('too-short')).toBeUndefined();
    const many = new Set(Array.from({ length: 2000 }, () => newTrackingCode()));
    expect(many.size).toBe(2000);
  });

  it('draw each of their 13 symbols uniformly from all 32, from crypto randomness (65 bits)', () => {
    const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const draws = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const N = 4000;
    const seen = Array.from({ length: 13 }, () => new Map<string, number>());
    try {
      for (let i = 0; i < N; i += 1)
        [...newTrackingCode().replace(/-/g, '')].forEach((ch, at) =>
          seen[at]!.set(ch, (seen[at]!.get(ch) ?? 0) + 1),
        );
      // One draw of 13 bytes per code, from the platform's CSPRNG.
      expect(draws).toHaveBeenCalledTimes(N);
      expect(draws.mock.calls.every(([b]) => b instanceof Uint8Array && b.length === 13)).toBe(
        true,
      );
    } finally {
      draws.mockRestore();
    }
    // Every symbol at every position: a symbol missing from 4,000 draws of one position has a
    // chance of 32 × (31/32)^4000 ≈ 10^-53, never a flake; 5 bits a symbol, 13 independent ones.
    for (const [at, counts] of seen.entries())
      expect([...counts.keys()].sort().join(''), `position ${at}`).toBe(ALPHABET);
    // And evenly: each symbol's count over all 52,000 lies within 10 standard deviations
    // (±400 of 1,625) of uniform; a bias of a modulo or a skewed source is far outside.
    const total = new Map<string, number>();
    for (const counts of seen)
      for (const [ch, n] of counts) total.set(ch, (total.get(ch) ?? 0) + n);
    for (const [ch, n] of total) expect(Math.abs(n - (13 * N) / 32), ch).toBeLessThan(400);
    // The symbol is each byte's low 5 bits: every one of the 13 bytes counts, in order.
    const bytes = Array.from({ length: 13 }, (_, i) => (i * 37 + 200) % 256);
    const fixed = newTrackingCode((b) => b.map((_, i) => bytes[i]!));
    expect(fixed.replace(/-/g, '')).toBe(bytes.map((b) => ALPHABET[b % 32]).join(''));
  });
});

describe('monitoring activity lifecycle', () => {
  const planned: ActivityRecord = {
    id: 'A1',
    caseId: 'C1',
    kind: 'mediation',
    status: 'planned',
    scheduledAt: '2026-03-20T02:00:00.000Z',
    agencyIds: ['polri'],
    participants: [],
    plan: null,
    heldAt: null,
    outcome: null,
    summary: null,
    createdBy: 'o',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  const report = { heldAt: '2026-03-20T02:00:00.000Z', outcome: 'Sepakat', summary: 'Ringkasan' };

  it.each(['proposed', 'planned', 'done', 'cancelled'] as const)('reporting from %s', (status) => {
    const run = () =>
      reportActivity({ ...planned, status }, report, new Date('2026-03-21T00:00:00Z'));
    if (status === 'done' || status === 'cancelled')
      expect(run).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
    else expect(run()).toMatchObject({ status: 'done', outcome: 'Sepakat', version: 2 });
  });

  it.each(['proposed', 'planned', 'done', 'cancelled'] as const)('scheduling from %s', (status) => {
    const at = new Date('2026-03-21T00:00:00Z');
    const when = { scheduledAt: '2026-03-24T10:00:00+07:00', plan: 'Di kantor Asdep' };
    const run = () =>
      scheduleActivity({ ...planned, status, scheduledAt: null, plan: null }, when, at);
    if (status === 'done' || status === 'cancelled') {
      expect(run).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
      return;
    }
    const next = run();
    expect(next).toMatchObject({
      status: 'planned',
      scheduledAt: '2026-03-24T03:00:00.000Z',
      plan: 'Di kantor Asdep',
      participants: [],
      version: 2,
    });
    expect(scheduledAlready(next, when)).toBe(true);
    expect(scheduledAlready(next, { scheduledAt: '2026-03-24T03:00:00.000Z' })).toBe(true);
    expect(scheduledAlready(next, { ...when, scheduledAt: '2026-03-25T03:00:00.000Z' })).toBe(
      false,
    );
    expect(scheduledAlready(next, { ...when, plan: 'Lain' })).toBe(false);
  });

  it.each(['proposed', 'planned', 'done', 'cancelled'] as const)('cancelling from %s', (status) => {
    const at = new Date('2026-03-21T00:00:00Z');
    const run = () => cancelActivity({ ...planned, status }, 'Sudah ditanggapi', at);
    if (status === 'done' || status === 'cancelled') {
      expect(run).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
      return;
    }
    const off = run();
    expect(off).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'Sudah ditanggapi', at: at.toISOString() },
      version: 2,
    });
    // No longer open: not under monitoring, not overdue to report though its time has passed.
    expect(isActivityOpen(off)).toBe(false);
    expect(viewActivity(off, at, 'S')).toMatchObject({
      overdueToReport: false,
      status: 'cancelled',
    });
    expect(cancelledAlready(off, 'Sudah ditanggapi')).toBe(true);
    expect(cancelledAlready(off, 'Alasan lain')).toBe(false);
  });

  it('refuses a report of an activity held in the future, and flags those overdue to report', () => {
    // Bad input, named at its field (a 400 the console shows beside it), not a transition.
    expect(() => reportActivity(planned, report, new Date('2026-03-19T00:00:00Z'))).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        errors: [{ path: 'heldAt', message: 'must not be in the future' }],
      }),
    );
    expect(viewActivity(planned, new Date('2026-03-21T00:00:00Z'), 'S').overdueToReport).toBe(true);
    expect(viewActivity(planned, new Date('2026-03-19T00:00:00Z'), 'S').overdueToReport).toBe(
      false,
    );
    expect(isActivityOpen(planned)).toBe(true);
  });
});

describe('reply window lifecycle', () => {
  const closesAt = new Date('2026-04-01T16:59:59.999Z');
  const resolved = openReplyWindow({ ...caseIn('resolved') }, now, closesAt);

  it.each(CASE_STATUSES)('a reply to a case that is %s', (status) => {
    const c = status === 'resolved' ? resolved : { ...caseIn(status), replyWindow: null };
    const run = () => reply(c, { satisfied: true, rating: 5, message: null }, later);
    if (status === 'resolved') expect(run().status).toBe('closed');
    else expect(run).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
  });

  it('reopens to central when not satisfied, and refuses replies after the window', () => {
    const reopened = reply(resolved, { satisfied: false, rating: 1, message: 'Belum' }, later);
    expect(reopened).toMatchObject({
      status: 'reopened',
      replyWindow: null,
      replies: [{ satisfied: false, rating: 1 }],
    });
    expect(viewTracking(reopened, later).steps.at(-1)).toMatchObject({ status: 'reopened' });
    // Forwarded again (to the same agencies too): it leaves `reopened`, and agencies' work
    // cannot move it while it waits for central.
    expect(markForwarded(reopened, later).status).toBe('forwarded');
    expect(reconcile(reopened, [assignmentIn('completed')], later).status).toBe('reopened');
    expect(canForwardAgain(assignmentIn('completed'))).toBe(true);
    expect(() =>
      reply(
        resolved,
        { satisfied: true, rating: 5, message: null },
        new Date('2026-04-01T17:00:00.000Z'),
      ),
    ).toThrow(/closed at 2026-04-01T16:59:59.999Z/);
    expect(isReplyWindowOpen(resolved, closesAt)).toBe(true);
    expect(closeUnanswered(resolved, new Date('2026-04-02T00:00:00Z'))).toMatchObject({
      status: 'closed',
      closure: { outcome: 'resolved' },
    });
  });

  it('tells central and the agencies when the window closes, while it is open', () => {
    const polri = { central: false, agencies: new Set(['polri']) } as const;
    for (const reader of [{ central: true } as const, polri]) {
      expect(viewCase(resolved, [], later, reader).replyWindowClosesAt).toBe(
        closesAt.toISOString(),
      );
      expect(
        viewCase(resolved, [], new Date('2026-04-01T17:00:00.000Z'), reader).replyWindowClosesAt,
      ).toBeNull();
      const replied = reply(resolved, { satisfied: false, rating: 1, message: 'Belum' }, later);
      expect(viewCase(replied, [], later, reader).replyWindowClosesAt).toBeNull();
    }
  });
});

describe('what the case lists still to act on (not worked out from its timeline)', () => {
  const request = (
    id: string,
    agencyId: string,
    over: Partial<ExtensionRequestRecord> = {},
  ): ExtensionRequestRecord => ({
    id,
    caseId: 'C1',
    agencyId,
    generation: 1,
    workingDays: 5,
    reason: `Alasan ${id}`,
    status: 'pending',
    requestedBy: 'u',
    requestedAt: later.toISOString(),
    decidedBy: null,
    decidedAt: null,
    note: null,
    version: 1,
    ...over,
  });
  const activity = (id: string, over: Partial<ActivityRecord> = {}): ActivityRecord => ({
    id,
    caseId: 'C1',
    kind: 'clarification',
    status: 'proposed',
    scheduledAt: null,
    agencyIds: [],
    participants: [],
    plan: `Rencana ${id}`,
    heldAt: null,
    outcome: null,
    summary: null,
    createdBy: 'escalation',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
    ...over,
  });
  const assignments = [
    assignmentIn('acknowledged'),
    assignmentIn('pending', 'pln'),
    { ...assignmentIn('acknowledged', 'bpn'), generation: 2 },
    assignmentIn('redirected', 'kemenkes'),
  ];
  const polri = { central: false as const, agencies: new Set(['polri']) };

  it('lists the extension requests awaiting a decision: pending, of an open assignment’s forwarding', () => {
    const extensions = [
      request('X1', 'polri'),
      request('X2', 'pln', { requestedAt: now.toISOString() }),
      request('X3', 'pln', { status: 'approved', decidedAt: later.toISOString() }),
      request('X4', 'bpn'), // of its first forwarding: nothing of it is left to extend
      request('X5', 'kemenkes'), // its assignment ended before a decision
    ];
    const central = viewCase(
      caseIn('forwarded'),
      assignments,
      later,
      { central: true },
      [],
      [],
      extensions,
    );
    expect(central.extensionRequests).toEqual([
      {
        id: 'X2',
        agencyId: 'pln',
        workingDays: 5,
        reason: 'Alasan X2',
        requestedAt: now.toISOString(),
        // No calendar passed: where approval would put the deadline is not counted here.
        proposedDueAt: null,
      },
      {
        id: 'X1',
        agencyId: 'polri',
        workingDays: 5,
        reason: 'Alasan X1',
        requestedAt: later.toISOString(),
        proposedDueAt: null,
      },
    ]);
    // An agency: those of its own assignments.
    const agency = viewCase(caseIn('forwarded'), assignments, later, polri, [], [], extensions);
    expect(agency.extensionRequests.map((x) => x.id)).toEqual(['X1']);
    // A list of cases passes none.
    expect(viewCase(caseIn('forwarded'), [], later, { central: true }).extensionRequests).toEqual(
      [],
    );
  });

  it('lists activities central all, an agency those held with it', () => {
    const activities = [
      activity('A1', { agencyIds: ['polri'] }),
      activity('A2', { agencyIds: ['pln'] }),
      activity('A3', { agencyIds: ['polri', 'pln'], status: 'planned', kind: 'mediation' }),
      activity('A4', { kind: 'initial_evaluation', status: 'done', summary: 'Catatan pusat' }),
    ];
    const central = viewCase(
      caseIn('forwarded'),
      assignments,
      later,
      { central: true },
      [],
      activities,
    );
    expect(central.activities.map((a) => a.id)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(central.activities[0]).toEqual(viewActivity(activities[0]!, later, baseCase.subject));
    expect(central.earlierActivities).toBe(false);
    const agency = viewCase(caseIn('forwarded'), assignments, later, polri, [], activities);
    expect(agency.activities.map((a) => a.id)).toEqual(['A1', 'A3']);
    expect(JSON.stringify(agency)).not.toContain('Catatan pusat');
    expect(JSON.stringify(agency)).not.toContain('Rencana A2');
    // Under monitoring is the case's, whichever of them the reader sees.
    expect(agency.underMonitoring).toBe(true);
  });

  it('lists every open activity and the latest reported or cancelled ones, saying when there are more', () => {
    const at = (minute: number) => new Date(now.getTime() + minute * 60_000).toISOString();
    const closed = Array.from({ length: CASE_CLOSED_ACTIVITIES + 5 }, (_, i) =>
      activity(`D${String(i).padStart(2, '0')}`, {
        status: i % 2 ? 'done' : 'cancelled',
        createdAt: at(i),
        updatedAt: at(100 + i),
      }),
    );
    const open = [activity('P0', { createdAt: at(-1) }), activity('P1', { createdAt: at(50) })];
    const view = viewCase(
      caseIn('forwarded'),
      assignments,
      later,
      { central: true },
      [],
      [...closed, ...open],
    );
    expect(view.activities.map((a) => a.id)).toEqual([
      'P0',
      ...closed.slice(5).map((a) => a.id),
      'P1',
    ]);
    expect(view.earlierActivities).toBe(true);
  });
});

describe('hiding the identity while verifying', () => {
  it('goes one way: an identity hidden is never shown again by a verification', () => {
    const accept = { decision: 'accept', type: 'light' } as const;
    expect(VerificationBody.safeParse({ ...accept, identityHidden: true }).success).toBe(true);
    const shown = VerificationBody.safeParse({ ...accept, identityHidden: false });
    expect(shown.success).toBe(false);
    expect(shown.error?.issues[0]?.path).toEqual(['identityHidden']);
  });
});

describe('an e-mail accepted with its identity hidden before a restatement was required', () => {
  // Its text is the whole mail, the sender's signature included, and nobody restated it.
  const legacy: CaseRecord = {
    ...caseIn('forwarded'),
    channel: 'email',
    description: 'Petugas meminta uang tambahan. Hormat saya, Dewi Lestari, 0812',
  };
  const agency = { central: false, agencies: new Set(['polri']) } as const;

  it('is withheld from the agencies, who are told to ask central, until central restates it', () => {
    const seen = viewCase(legacy, [assignmentIn('pending')], later, agency);
    expect(seen.description).toBe(DESCRIPTION_WITHHELD);
    expect(JSON.stringify(seen)).not.toContain('Dewi');
    expect(viewCase(legacy, [], later, { central: true }).description).toContain('Dewi Lestari');
    const restated = { ...legacy, agencyDescription: 'Petugas meminta uang tambahan.' };
    expect(viewCase(restated, [assignmentIn('pending')], later, agency).description).toBe(
      'Petugas meminta uang tambahan.',
    );
    // A letter registered by an officer (its text typed by central) is read as it is.
    const letter = { ...legacy, channel: 'letter' as const, description: 'Uraian' };
    expect(viewCase(letter, [assignmentIn('pending')], later, agency).description).toBe('Uraian');
  });

  it('gives the agencies no word of it to search, central all of them', () => {
    const doc = searchDocumentOf(legacy);
    expect(doc.words.some((w) => w.startsWith('dewi') || w.startsWith('lestari'))).toBe(false);
    expect(doc.names.some((w) => w.startsWith('dewi'))).toBe(true);
  });
});

describe('restating a case for the agencies after verifying it', () => {
  it('is possible in every status an agency reads it in, and no other', () => {
    for (const status of CASE_STATUSES) {
      const attempt = () => restate(caseIn(status), { agencyDescription: 'Uraian' }, later);
      if (RESTATABLE.includes(status))
        expect(attempt(), status).toMatchObject({ agencyDescription: 'Uraian', status });
      else expect(attempt, status).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
    }
    // Not yet verified, not rejected: those before forwarding either way.
    expect(RESTATABLE).not.toContain('received');
    expect(RESTATABLE).not.toContain('rejected');
  });

  it('needs something to restate, and never takes the restatement away', () => {
    const nothing = RestateCaseBody.safeParse({ version: 3 });
    expect(nothing.error?.issues.map((i) => i.path)).toEqual([['agencyDescription']]);
    const removed = RestateCaseBody.safeParse({ agencyDescription: null });
    expect(removed.error?.issues[0]?.path).toEqual(['agencyDescription']);
    expect(RestateCaseBody.safeParse({ subject: 'Perihal' }).success).toBe(true);
  });
});

describe('the agencies taking part in an activity', () => {
  it('are each named once', () => {
    const twice = PlanActivityBody.safeParse({ kind: 'mediation', agencyIds: ['polri', 'polri'] });
    expect(twice.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['agencyIds'], 'agencies must differ'],
    ]);
  });
});
