/**
 * Cases wider than one DynamoDB transaction (100 items), through the service on DynamoDB Local:
 *
 * - closing withdraws each open assignment with an event (two items each, four before its
 *   follow-up fell due: its agency's statistics counters): a complaint sent to every province
 *   and some ministries (60 agencies, forwarded in rounds of at most 18) passed 100 items from
 *   the 50th and could never be closed (a `limit_exceeded` on every try);
 * - a close interrupted between its transactions leaves the case open with some assignments
 *   withdrawn, no longer escalating, and the next try finishes it without a second event;
 * - an activity the close calls off goes with its agencies' cancellation letters in one of its
 *   transactions (18 agencies: 56 items, so two activities take two), each letter written once
 *   however many tries the close takes;
 * - forwarding to 18 agencies (90 items, the case and the idempotency record: 92) also marks
 *   the redirects it answers, one item each: with 9 redirects awaiting it made 101 items and
 *   was refused every time (8 when the forward also moves the case's status: its event);
 * - the case lists what awaits central (extension requests, activities) itself: the console
 *   worked them out from the timeline, read up to 2,000 events, and missed the newest ones of
 *   such a case; the timeline reads newest first when asked.
 */
import {
  advance,
  type AssignmentRecord,
  Calendar,
  type CaseChange,
  DomainError,
  ladderState,
  Service,
  type Store,
} from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

let store: DynamoStore;
let service: Service;
const clock = manualClock('2026-09-07T03:00:00.000Z'); // Monday 10:00 WIB
/** 38 provinces and 22 ministries, as far as the ids go. */
const AGENCIES = Array.from({ length: 60 }, (_, i) => `instansi-${String(i + 1).padStart(2, '0')}`);
const MAX_PER_FORWARD = 18;

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(
    service,
    AGENCIES.map((id) => ({ id })),
  );
});

/** A case forwarded to the first `n` agencies, 18 at a time as the API allows. */
async function caseForwardedTo(n: number, using = service): Promise<string> {
  const agencies = AGENCIES.slice(0, n);
  const { caseId } = await forwardedCase(using, agencies.slice(0, MAX_PER_FORWARD));
  for (let i = MAX_PER_FORWARD; i < n; i += MAX_PER_FORWARD)
    await using.forward(centralOfficer, caseId, {
      assignments: agencies.slice(i, i + MAX_PER_FORWARD).map((agencyId) => ({ agencyId })),
    });
  return caseId;
}

/** The store, its commits passed through `commit` (which may count them, or fail one). */
const wrapped = (commit: (change: CaseChange) => Promise<void>): Store =>
  new Proxy(store, {
    get(target, name) {
      if (name === 'commit') return commit;
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

/** A service whose store counts its transactions. */
function counted() {
  const commits: CaseChange[] = [];
  const counting = wrapped(async (change) => {
    commits.push(change);
    return store.commit(change);
  });
  return { commits, service: new Service({ store: counting, clock: clock.now }) };
}

/** How many events of each type the case's timeline holds. */
async function eventCounts(caseId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const page = await store.listTimeline(caseId, { limit: 1_000 });
  expect(page.nextCursor).toBeNull();
  for (const e of page.items) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return counts;
}

async function expectClosed(caseId: string, n: number) {
  const bundle = (await store.getCase(caseId))!;
  expect(bundle.case.status).toBe('closed');
  expect(bundle.assignments).toHaveLength(n);
  expect(bundle.assignments.filter((a) => a.state !== 'withdrawn')).toEqual([]);
  const counts = await eventCounts(caseId);
  expect(counts.assignment_withdrawn).toBe(n);
  expect(counts.case_closed).toBe(1);
}

describe('closing a case with more open assignments than one transaction holds', () => {
  it('withdraws all 60 assignments, each with one event, and closes the case', async () => {
    const caseId = await caseForwardedTo(60);
    const closed = await service.closeCase(centralOfficer, caseId, { outcome: 'resolved' });
    expect(closed.status).toBe('closed');
    expect(closed.assignments.map((a) => a.state)).toEqual(Array(60).fill('withdrawn'));
    await expectClosed(caseId, 60);
  });

  it('closes at the boundary: 49 open assignments (100 items, one transaction) and 50; 24 and 25 before their follow-up', async () => {
    // Closed after their follow-up fell due: two items each (the assignment, its event).
    // Before it, each withdrawal also takes the assignment out of its agency's statistics
    // sample (its day and month counters): four items each, so 24 (98 items) and 25.
    const forwardedAt = clock.now().toISOString();
    try {
      for (const [n, transactions, closedAt] of [
        [49, 1, '2026-09-21T03:00:00.000Z'],
        [50, 2, '2026-09-21T03:00:00.000Z'],
        [24, 1, forwardedAt],
        [25, 2, forwardedAt],
      ] as const) {
        clock.set(forwardedAt);
        const caseId = await caseForwardedTo(n);
        clock.set(closedAt);
        const { commits, service } = counted();
        await service.closeCase(centralOfficer, caseId, { outcome: 'unresolved' });
        expect(commits, `${n} open`).toHaveLength(transactions);
        await expectClosed(caseId, n);
      }
    } finally {
      clock.set(forwardedAt);
    }
  });

  it('interrupted before its last transaction, leaves the case open and finishes on the next try', async () => {
    const caseId = await caseForwardedTo(60);
    // The store fails the transaction that closes the case, once (a dropped connection).
    let failures = 0;
    const flaky = wrapped(async (change) => {
      if (change.case?.record.status === 'closed' && failures === 0) {
        failures += 1;
        throw new Error('socket hang up');
      }
      return store.commit(change);
    });
    const interrupted = new Service({ store: flaky, clock: clock.now });
    await expect(
      interrupted.closeCase(centralOfficer, caseId, { outcome: 'resolved' }),
    ).rejects.toThrow('socket hang up');
    expect(failures).toBe(1);

    // Still open, some assignments withdrawn (one event each), the others still open.
    const between = (await store.getCase(caseId))!;
    expect(between.case.status).toBe('forwarded');
    const withdrawn = between.assignments.filter((a) => a.state === 'withdrawn');
    expect(withdrawn.length).toBeGreaterThan(0);
    expect(withdrawn.length).toBeLessThan(60);
    expect((await eventCounts(caseId)).assignment_withdrawn).toBe(withdrawn.length);
    expect(between.case.nextDueAt).not.toBeNull();
    // A withdrawn assignment's ladder stops, though its case is still open: long past every
    // deadline it writes no letter and asks for no wake-up.
    const calendar = new Calendar((await store.getCalendar('id'))!);
    const policy = (await store.getPolicy('default'))!;
    const later = new Date(Date.parse(clock.now().toISOString()) + 90 * 24 * 3_600_000);
    for (const a of withdrawn) {
      const ladder = between.ladders.find((l) => l.agencyId === a.agencyId)!;
      const plan = advance(ladderState(ladder), {
        assignment: a,
        steps: policy.ladder,
        calendar,
        now: later,
      });
      expect(plan.letters).toEqual([]);
      expect(plan.wakeAt).toBeNull();
    }

    // The officer clicks again: the rest is withdrawn, each assignment once.
    clock.set('2026-09-07T03:05:00.000Z');
    await interrupted.closeCase(centralOfficer, caseId, { outcome: 'resolved' });
    await expectClosed(caseId, 60);
    const bundle = (await store.getCase(caseId))!;
    const at = (a: AssignmentRecord) => withdrawn.find((w) => w.agencyId === a.agencyId)?.updatedAt;
    // The ones withdrawn before the interruption kept their instant.
    for (const a of bundle.assignments) if (at(a)) expect(a.updatedAt).toBe(at(a));

    // Their agencies were withdrawn by this close all the same: each reads that central closed
    // the case, when and how (its queue row, its case, its timeline), as the others do.
    const told = {
      code: 'closed_by_central',
      at: '2026-09-07T03:05:00.000Z',
      outcome: 'resolved',
    };
    const early = withdrawn[0]!.agencyId;
    const late = AGENCIES.find((id) => !withdrawn.some((w) => w.agencyId === id))!;
    for (const agencyId of [early, late]) {
      const p = officerOf(agencyId);
      const row = (
        await service.queue(p, { ended: true, scope: 'own', limit: 100 } as never)
      ).items.find((a) => a.caseId === caseId);
      expect(row, agencyId).toMatchObject({ state: 'withdrawn', caseNotice: told });
      const seen = await service.getCase(p, caseId);
      expect(seen.assignments, agencyId).toMatchObject([{ caseNotice: told }]);
      expect({ status: seen.status, closure: seen.closure }, agencyId).toEqual({
        status: 'closed',
        closure: { outcome: 'resolved', note: null, at: told.at },
      });
      const events = (await service.timeline(p, caseId, { limit: 100 })).items;
      expect(events.find((e) => e.type === 'case_closed')?.at, agencyId).toBe(told.at);
      expect(events.find((e) => e.type === 'assignment_withdrawn')?.data, agencyId).toMatchObject({
        code: 'closed_by_central',
        outcome: 'resolved',
      });
    }
  });
});

describe('closing a case whose activities with 18 agencies each owe cancellation letters', () => {
  it('writes each activity’s letters in its own transaction, and after an interruption the rest once', async () => {
    // An activity called off with 18 agencies invited: itself, its event, 18 invitations taken
    // off their lists, 18 letters and their 18 events: 56 items. Two do not fit one transaction
    // (the store refuses one past 100 items with `limit_exceeded`, writing nothing).
    const caseId = await caseForwardedTo(MAX_PER_FORWARD);
    let failures = 0;
    const flaky = wrapped(async (change) => {
      if (change.case?.record.status === 'closed' && failures === 0) {
        failures += 1;
        throw new Error('socket hang up');
      }
      return store.commit(change);
    });
    const inviting = new Service({ store: flaky, clock: clock.now, invitationLetters: true });
    const agencyIds = AGENCIES.slice(0, MAX_PER_FORWARD);
    const planned: { id: string }[] = [];
    for (const kind of ['mediation', 'case_conference'] as const)
      planned.push(
        await inviting.planActivity(centralOfficer, caseId, {
          kind,
          scheduledAt: '2026-09-17T03:00:00.000Z',
          agencyIds,
        }),
      );
    const cancellations = async () =>
      (await store.listNotifications({ caseId }, { limit: 200 })).items.filter(
        (n) => n.step === 'invitation_cancelled',
      );
    await expect(
      inviting.closeCase(centralOfficer, caseId, { outcome: 'resolved' }),
    ).rejects.toThrow('socket hang up');
    // Cut short: the first activity called off with its letters, the last not, neither halfway.
    const between = (await store.getCase(caseId))!;
    expect(between.activities.map((a) => a.status)).toEqual(['cancelled', 'planned']);
    // The case keeps its activities by id: two planned in one millisecond of the manual clock
    // sort either way, so the one cut off is found by its status, not by the order planned.
    const first = between.activities.find((a) => a.status === 'cancelled')!;
    expect((await cancellations()).map((n) => n.activityId)).toEqual(agencyIds.map(() => first.id));

    await inviting.closeCase(centralOfficer, caseId, { outcome: 'resolved' });
    await expectClosed(caseId, MAX_PER_FORWARD);
    const letters = await cancellations();
    expect(letters).toHaveLength(2 * MAX_PER_FORWARD);
    for (const a of planned)
      expect(
        letters
          .filter((n) => n.activityId === a.id)
          .map((n) => n.agencyId)
          .toSorted(),
      ).toEqual(agencyIds);
    expect(new Set(letters.map((n) => n.letterNumber)).size).toBe(letters.length);
  });
});

describe('forwarding to 18 agencies while redirects await the re-forward', () => {
  it('answers all 9 redirects and creates the 18 assignments', async () => {
    const first = AGENCIES.slice(0, 10);
    const { caseId } = await forwardedCase(service, first);
    const redirecting = first.slice(0, 9);
    for (const agencyId of redirecting)
      await service.redirect(officerOf(agencyId), caseId, agencyId, { reason: 'Bukan wewenang' });
    const awaiting = async () =>
      (await service.worklist(centralOfficer, { awaitingReforward: true, limit: 100 })).items
        .filter((a) => a.caseId === caseId)
        .map((a) => a.agencyId)
        .sort();
    expect(await awaiting()).toEqual(redirecting);

    const others = AGENCIES.slice(10, 10 + MAX_PER_FORWARD);
    const { commits, service: counting } = counted();
    const forwarded = await counting.forward(
      centralOfficer,
      caseId,
      { assignments: others.map((agencyId) => ({ agencyId })) },
      // As the console sends it: the idempotency record is one more item.
      { key: 'forward-18', fingerprint: 'forward-18' },
    );
    expect(forwarded.items.map((a) => a.agencyId)).toEqual(others);
    // 93 items (the check of the settings' version among them) and 7 markers in one
    // transaction, the eighth and ninth in a second.
    expect(commits.map((c) => c.assignments?.length)).toEqual([18 + 7, 2]);
    expect(await awaiting()).toEqual([]);
    const bundle = (await store.getCase(caseId))!;
    expect(bundle.assignments.filter((a) => others.includes(a.agencyId))).toHaveLength(18);
    expect(bundle.ladders.filter((l) => others.includes(l.agencyId))).toHaveLength(18);
    for (const a of bundle.assignments.filter((x) => redirecting.includes(x.agencyId)))
      expect(a.reforwardedAt).toBe(clock.now().toISOString());
  });
});

describe('what a case sent to 60 agencies awaits, read from the case', () => {
  it('lists its pending extension requests and activities per reader; the timeline reads newest first', async () => {
    // A clock of its own: each step a minute after the last, so the timeline's order is theirs.
    const mine = manualClock('2026-09-14T03:00:00.000Z');
    const step = () => mine.set(new Date(mine.now().getTime() + 60_000).toISOString());
    const using = new Service({ store, clock: mine.now });
    const caseId = await caseForwardedTo(60, using);
    const [last, beside] = [AGENCIES[59]!, AGENCIES[58]!];
    step();
    const request = await using.requestExtension(officerOf(last), caseId, last, {
      workingDays: 7,
      reason: 'Menunggu audit lapangan',
    });
    step();
    const clarification = await using.planActivity(centralOfficer, caseId, {
      kind: 'clarification',
      agencyIds: [beside],
    });
    step();
    const evaluation = await using.planActivity(centralOfficer, caseId, {
      kind: 'initial_evaluation',
      plan: 'Telaah internal pusat',
    });

    const central = await using.getCase(centralOfficer, caseId);
    expect(central.extensionRequests).toEqual([
      {
        id: request.id,
        agencyId: last,
        workingDays: 7,
        reason: 'Menunggu audit lapangan',
        requestedAt: request.requestedAt,
        // Where approving it would put the deadline (desk.int.test.ts checks the count).
        proposedDueAt: expect.any(String),
      },
    ]);
    expect(central.activities.map((a) => [a.id, a.status])).toEqual([
      [clarification.id, 'planned'],
      [evaluation.id, 'planned'],
    ]);
    expect(central.earlierActivities).toBe(false);
    // An agency: its own request; only an activity held with it.
    const theirs = await using.getCase(officerOf(last), caseId);
    expect(theirs.extensionRequests.map((x) => x.id)).toEqual([request.id]);
    expect(theirs.activities).toEqual([]);
    const besides = await using.getCase(officerOf(beside), caseId);
    expect(besides.extensionRequests).toEqual([]);
    expect(besides.activities.map((a) => a.id)).toEqual([clarification.id]);
    expect(JSON.stringify(besides)).not.toContain('Telaah internal pusat');
    // A list of cases lists none of them.
    const listed = (await using.listCases(centralOfficer, { limit: 100 })).items.find(
      (c) => c.id === caseId,
    )!;
    expect([listed.extensionRequests, listed.activities]).toEqual([[], []]);

    // Newest first, page after page; oldest first as before.
    const newest = await using.timeline(centralOfficer, caseId, { limit: 2, order: 'newest' });
    expect(newest.items.map((e) => e.type)).toEqual(['activity_planned', 'activity_planned']);
    expect(newest.items[0]!.data.activityId).toBe(evaluation.id);
    const next = await using.timeline(centralOfficer, caseId, {
      limit: 1,
      order: 'newest',
      cursor: newest.nextCursor!,
    });
    expect(next.items.map((e) => e.type)).toEqual(['extension_requested']);
    const oldest = await using.timeline(centralOfficer, caseId, { limit: 1 });
    expect(oldest.items.map((e) => e.type)).toEqual(['case_registered']);
    // The agency's, filtered, newest first too: not the other agency's request, nor central's
    // own evaluation (held with no agency); its clarification, then its forwarding.
    const agencyNewest = await using.timeline(officerOf(beside), caseId, {
      limit: 3,
      order: 'newest',
    });
    expect(agencyNewest.items.map((e) => e.type)).toEqual([
      'activity_planned',
      'assignment_forwarded',
      'case_status_changed',
    ]);
    expect(agencyNewest.items[0]!.data.activityId).toBe(clarification.id);

    // Decided: no longer listed.
    step();
    await using.decideExtension(centralOfficer, caseId, last, request.id, { approve: true });
    expect((await using.getCase(centralOfficer, caseId)).extensionRequests).toEqual([]);
  });
});

describe('restating the subject of a case forwarded to 60 agencies', () => {
  const subject = 'Sertifikat tanah tertunda';
  // A restatement sharing no word with the complaint: the index's rewrite takes most of the
  // case's transaction (a posting per head, a delete per head gone), leaving no room for 60.
  const body = {
    subject,
    agencyDescription: Array.from({ length: 45 }, (_, i) => String(3000 + i)).join(' '),
  };

  it('puts it on every assignment; cut short after the case, sent again, finishes the rest', async () => {
    const caseId = await caseForwardedTo(60);
    let failed = false;
    const cutShort = new Service({
      store: wrapped(async (change) => {
        if (!change.case && change.assignments && !failed) {
          failed = true;
          throw new DomainError('service_unavailable', 'the service is busy, try again shortly');
        }
        return store.commit(change);
      }),
      clock: clock.now,
    });
    await expect(cutShort.restateCase(centralOfficer, caseId, body)).rejects.toMatchObject({
      code: 'service_unavailable',
    });
    let bundle = (await store.getCase(caseId))!;
    expect(bundle.case.subject).toBe(subject);
    const stale = bundle.assignments.filter((a) => a.subject !== subject).length;
    expect(stale).toBeGreaterThan(0);
    expect(stale).toBeLessThan(60);

    // Sent again: the case holds it already and is not written; the assignments left are.
    const { commits, service: counting } = counted();
    await expect(counting.restateCase(centralOfficer, caseId, body)).resolves.toMatchObject({
      subject,
    });
    expect(commits.filter((c) => c.case)).toEqual([]);
    expect(commits.flatMap((c) => c.assignments ?? [])).toHaveLength(stale);
    bundle = (await store.getCase(caseId))!;
    expect(bundle.assignments.map((a) => a.subject)).toEqual(Array(60).fill(subject));
    expect((await eventCounts(caseId)).case_restated).toBe(1);
  });
});
