import {
  type CaseRecord,
  CENTRAL_TENANT,
  DEFAULT_DOCUMENT_SETTINGS,
  DEFAULT_POLICY,
  newAgency,
  newAssignment,
  newCase,
  Calendar,
  type TimelineEvent,
  WriteConflict,
  type AssignmentRecord,
  armLadder,
  type LadderWrite,
  type NotificationRecord,
} from '@pantau/core';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshStore } from '../../../test/support/dynamodb.ts';
import { DynamoStore } from './dynamo-store.ts';
import { keys } from './keys.ts';
import { LADDER_BEFORE_CONTACT_KINDS, seedBaseline } from './seed.ts';

let store: DynamoStore;
beforeAll(async () => {
  store = await freshStore();
});

const at = (iso: string) => new Date(iso);
let seq = 0;
const makeCase = (receivedAt: string, overrides: Partial<CaseRecord> = {}): CaseRecord => {
  seq += 1;
  const id = `C${String(seq).padStart(4, '0')}`;
  return {
    ...newCase({
      id,
      trackingCode: `AAAA-BBBB-${String(seq).padStart(5, '0')}`,
      body: {
        channel: 'letter',
        complainant: { name: 'Siti Aminah' },
        subject: `Perihal ${seq}`,
        description: 'Uraian',
      },
      now: at(receivedAt),
      verificationDueAt: at(receivedAt),
    }),
    ...overrides,
  };
};
const event = (caseId: string, id: string, agencyId: string | null = null): TimelineEvent => ({
  id,
  caseId,
  at: '2026-03-16T03:00:00.000Z',
  type: 'case_registered',
  actor: { sub: 'officer-1', agency: CENTRAL_TENANT, role: 'central_officer' },
  agencyId,
  data: {},
});

async function assignmentFor(
  caseId: string,
  agencyId: string,
  forwardedAt: string,
  days: { acknowledge: number; followUp: number; resolution: number },
): Promise<AssignmentRecord> {
  const calendar = new Calendar((await store.getCalendar('id'))!);
  const now = at(forwardedAt);
  return newAssignment({
    caseId,
    agencyId,
    instructions: null,
    forwardedAt: now,
    forwardedBy: 'officer-1',
    timeZone: 'Asia/Jakarta',
    calendar,
    policyId: 'default',
    workingDays: days,
    previous: undefined,
  });
}

describe('seed', () => {
  it('writes the central tenant, the default policy and the 2025–2026 calendar, idempotently', async () => {
    expect((await store.getAgency('setneg'))?.name).toContain('Sekretariat Negara');
    expect(await store.getPolicy('default')).toEqual(DEFAULT_POLICY);
    const calendar = await store.getCalendar('id');
    expect(calendar?.years).toEqual([2025, 2026]);
    expect(calendar?.days.find((d) => d.date === '2026-03-19')).toEqual({
      date: '2026-03-19',
      kind: 'national_holiday',
      name: 'Hari Suci Nyepi',
      // Seeded without a version: read as a day stored before days had versions.
      version: 1,
    });
    const count = calendar!.days.length;

    // An admin removes a day; seeding again (a redeploy) must not bring it back.
    await store.client.send(
      new DeleteCommand({ TableName: store.tableName, Key: keys.calendarDay('id', '2026-12-24') }),
    );
    await seedBaseline(store, new Date());
    const again = await store.getCalendar('id');
    expect(again?.days).toHaveLength(count - 1);
    expect(again?.days.some((d) => d.date === '2026-12-24')).toBe(false);
  });

  it('gives a default policy seeded before contact kinds, never edited, the head on central intervention', async () => {
    const own = await freshStore();
    const put = (policy: Record<string, unknown>) =>
      own.client.send(
        new PutCommand({
          TableName: own.tableName,
          Item: { ...keys.policy('default'), entity: 'policy', ...policy },
        }),
      );
    await put({ ...DEFAULT_POLICY, ladder: LADDER_BEFORE_CONTACT_KINDS });
    await seedBaseline(own, new Date());
    const upgraded = await own.getPolicy('default');
    expect(upgraded?.ladder.at(-1)).toMatchObject({
      recipients: ['central'],
      cc: ['agency', 'agency_head'],
    });
    expect(upgraded).toMatchObject({ version: DEFAULT_POLICY.version + 1, updatedAt: null });
    // A policy an admin saved is theirs.
    const edited = {
      ...DEFAULT_POLICY,
      ladder: LADDER_BEFORE_CONTACT_KINDS,
      updatedAt: '2026-02-02T00:00:00.000Z',
    };
    await put(edited);
    await seedBaseline(own, new Date());
    expect(await own.getPolicy('default')).toEqual(edited);
  });

  it('still reads a policy saved before a rule the API now checks (a party twice, a calendar id in capitals)', async () => {
    const own = await freshStore();
    const older = {
      ...DEFAULT_POLICY,
      calendarId: 'Nasional',
      ladder: DEFAULT_POLICY.ladder.map((s, i) =>
        i === 1 ? { ...s, cc: ['central', 'central'] } : s,
      ),
      updatedAt: '2026-02-02T00:00:00.000Z',
    };
    await own.client.send(
      new PutCommand({
        TableName: own.tableName,
        Item: { ...keys.policy('default'), entity: 'policy', ...older },
      }),
    );
    // Every registration and forward reads it: refusing it would answer 500 to all of them.
    expect(await own.getPolicy('default')).toEqual(older);
  });
});

describe('agencies', () => {
  it('creates, refuses a duplicate, updates under its version and lists across pages', async () => {
    const base = {
      kind: 'agency' as const,
      timeZone: 'Asia/Jakarta' as const,
      contacts: [{ name: 'x', email: 'x@example.go.id', kind: 'liaison' as const }],
      createdAt: 'now',
      updatedAt: 'now',
      version: 1,
    };
    for (const id of ['a-focal', 'a-m1', 'a-m2', 'a-other']) {
      await store.putAgency(
        { ...base, id, name: id, focalPointId: id.startsWith('a-m') ? 'a-focal' : null },
        null,
      );
    }
    await expect(
      store.putAgency({ ...base, id: 'a-other', name: 'dup', focalPointId: null }, null),
    ).rejects.toMatchObject({ kind: 'exists' });

    // Optimistic concurrency: a write based on a stale version loses.
    await store.putAgency(
      { ...base, id: 'a-other', name: 'renamed', focalPointId: null, version: 2 },
      1,
    );
    await expect(
      store.putAgency({ ...base, id: 'a-other', name: 'stale', focalPointId: null, version: 2 }, 1),
    ).rejects.toBeInstanceOf(WriteConflict);
    expect((await store.getAgency('a-other'))?.name).toBe('renamed');

    expect((await store.listMemberUnits('a-focal')).map((a) => a.id).sort()).toEqual([
      'a-m1',
      'a-m2',
    ]);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.listAgencies({ limit: 2, cursor });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(['a-focal', 'a-m1', 'a-m2', 'a-other', 'setneg']);
    expect(pages).toBe(3);
  });

  it('reads contacts stored before kinds: a liaison, or a head when the role said so', async () => {
    const legacy = (id: string, contacts: Record<string, string>[], focalPointId?: string) =>
      store.client.send(
        new PutCommand({
          TableName: store.tableName,
          Item: {
            ...keys.agency(id),
            entity: 'agency',
            ...(focalPointId ? { gsi1pk: keys.memberUnits(focalPointId), gsi1sk: id } : {}),
            id,
            name: id,
            kind: 'agency',
            focalPointId: focalPointId ?? null,
            timeZone: 'Asia/Jakarta',
            contacts,
            createdAt: 'then',
            updatedAt: 'then',
            version: 1,
          },
        }),
      );
    await legacy('old-focal', [
      { name: 'Humas', email: 'humas@old.example.go.id', role: 'liaison' },
      { name: 'Kepala Biro', email: 'kepala@old.example.go.id', role: 'Kepala Biro Umum' },
      { name: 'Pimpinan', email: 'pimpinan@old.example.go.id', role: 'PIMPINAN' },
      { name: 'Loket', email: 'loket@old.example.go.id' },
    ]);
    // Only heads by role: they stay liaisons, or nobody would get the reminders.
    await legacy(
      'old-member',
      [{ name: 'Kepala', email: 'kepala@member.example.go.id', role: 'kepala kantor' }],
      'old-focal',
    );
    const kinds = (a: { contacts: { email: string; kind: string }[] } | undefined) =>
      a?.contacts.map((c) => [c.email, c.kind]);
    expect(kinds(await store.getAgency('old-focal'))).toEqual([
      ['humas@old.example.go.id', 'liaison'],
      ['kepala@old.example.go.id', 'head'],
      ['pimpinan@old.example.go.id', 'head'],
      ['loket@old.example.go.id', 'liaison'],
    ]);
    expect(kinds((await store.listMemberUnits('old-focal'))[0])).toEqual([
      ['kepala@member.example.go.id', 'liaison'],
    ]);
    const listed = await store.listAgencies({ limit: 100 });
    expect(kinds(listed.items.find((a) => a.id === 'old-focal'))).toHaveLength(4);
    expect(listed.items.every((a) => a.contacts.every((c) => c.kind))).toBe(true);
  });
});

describe('cases, timeline and tracking codes', () => {
  it('commits a case with its tracking code and events, and reads them back by each access pattern', async () => {
    const c = makeCase('2026-03-16T03:00:00.000Z');
    await store.commit({
      case: { record: c, expectedVersion: null },
      events: [event(c.id, '01A'), event(c.id, '01B', 'polri'), event(c.id, '01C', 'pln')],
    });
    expect((await store.getCase(c.id))?.case).toEqual(c);
    expect(await store.findCaseIdByTrackingCode(c.trackingCode)).toBe(c.id);
    expect(await store.findCaseIdByTrackingCode('ZZZZ-ZZZZ-ZZZZZ')).toBeUndefined();

    const all = await store.listTimeline(c.id, { limit: 10 });
    expect(all.items.map((e) => e.id)).toEqual(['01A', '01B', '01C']);
    const polriOnly = await store.listTimeline(
      c.id,
      { limit: 10 },
      { agencies: new Set(['polri']) },
    );
    expect(polriOnly.items.map((e) => e.id)).toEqual(['01A', '01B']);
  });

  it('leaves nothing behind when a transaction fails', async () => {
    const c = makeCase('2026-03-17T03:00:00.000Z');
    await store.commit({ events: [event(c.id, '01X')] });
    // The same event id again makes the whole transaction fail: no case, no tracking code.
    await expect(
      store.commit({
        case: { record: c, expectedVersion: null },
        events: [event(c.id, '01W'), event(c.id, '01X')],
      }),
    ).rejects.toBeInstanceOf(WriteConflict);
    expect(await store.getCase(c.id)).toBeUndefined();
    expect(await store.findCaseIdByTrackingCode(c.trackingCode)).toBeUndefined();
    expect((await store.listTimeline(c.id, { limit: 10 })).items.map((e) => e.id)).toEqual(['01X']);
  });

  it('refuses a tracking code that is taken (unique)', async () => {
    const first = makeCase('2026-03-18T03:00:00.000Z');
    await store.commit({ case: { record: first, expectedVersion: null } });
    const second = { ...makeCase('2026-03-18T04:00:00.000Z'), trackingCode: first.trackingCode };
    await expect(
      store.commit({ case: { record: second, expectedVersion: null } }),
    ).rejects.toMatchObject({ kind: 'unique' });
    expect(await store.getCase(second.id)).toBeUndefined();
  });

  it('lists cases newest first, by status, by agency and by overdue, over several pages', async () => {
    const fresh = await freshStore();
    const made: CaseRecord[] = [];
    for (let day = 1; day <= 7; day += 1) {
      const c = makeCase(`2026-04-0${day}T03:00:00.000Z`, {
        status: day % 2 === 0 ? 'verified' : 'received',
        agencyIds: day <= 3 ? ['polri'] : [],
        nextDueAt: day <= 2 ? '2026-04-05T16:59:59.999Z' : '2026-05-01T16:59:59.999Z',
      });
      await fresh.commit({ case: { record: c, expectedVersion: null } });
      made.push(c);
    }
    const ids = async (filter: Parameters<DynamoStore['listCases']>[0], limit = 3) => {
      const out: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await fresh.listCases(filter, { limit, cursor });
        out.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return out;
    };
    const newestFirst = [...made].reverse().map((c) => c.id);
    expect(await ids({})).toEqual(newestFirst);
    expect(await ids({ status: 'verified' }, 1)).toEqual(
      newestFirst.filter((_, i) => [1, 3, 5].includes(i)),
    );
    expect(await ids({ agencyId: 'polri' }, 2)).toEqual(
      made
        .slice(0, 3)
        .reverse()
        .map((c) => c.id),
    );
    const now = at('2026-04-10T00:00:00Z');
    expect(await ids({ overdue: { overdue: true, now } })).toEqual(
      made
        .slice(0, 2)
        .reverse()
        .map((c) => c.id),
    );
    expect(await ids({ overdue: { overdue: false, now } })).toHaveLength(5);
  });

  it('counts a list DynamoDB-side when nothing is filtered after reading, and a filtered one right', async () => {
    // The console asks every list's total on its first page: central's cases and letters would
    // otherwise read, and hold, every item ever written to count them.
    const fresh = await freshStore();
    for (let day = 1; day <= 5; day += 1)
      await fresh.commit({
        case: {
          record: makeCase(`2026-04-0${day}T03:00:00.000Z`, {
            agencyIds: day <= 2 ? ['polri'] : [],
          }),
          expectedVersion: null,
        },
      });
    const queries: { select: string | undefined; items: number }[] = [];
    const send = fresh.client.send.bind(fresh.client);
    fresh.client.send = (async (command: Parameters<typeof send>[0]) => {
      const out = (await send(command)) as { Items?: unknown[] };
      if (command instanceof QueryCommand)
        queries.push({ select: command.input.Select, items: out.Items?.length ?? 0 });
      return out;
    }) as typeof fresh.client.send;

    const all = await fresh.listCases({}, { limit: 2, total: true });
    expect([all.items.length, all.total]).toEqual([2, 5]);
    // The page's own read, then a count that sent no item back.
    expect(queries.map((q) => q.select)).toEqual([undefined, 'COUNT']);
    expect(queries[1]!.items).toBe(0);
    queries.length = 0;
    const polri = await fresh.listCases({ agencyId: 'polri' }, { limit: 1, total: true });
    expect([polri.items.length, polri.total]).toEqual([1, 2]);
    expect(queries.map((q) => q.select)).not.toContain('COUNT');
  });

  it('rejects a cursor from another list or a forged one', async () => {
    const page = await store.listAgencies({ limit: 1 });
    await expect(store.listCases({}, { limit: 1, cursor: page.nextCursor! })).rejects.toMatchObject(
      { code: 'validation_failed' },
    );
    const forged = Buffer.from(
      JSON.stringify([{ pk: 'pln#QUEUE#open', sk: 'x', gsi1pk: 'pln#QUEUE#open', gsi1sk: 'x' }]),
    ).toString('base64url');
    await expect(
      store.listQueue(['polri'], { now: new Date() }, { limit: 1, cursor: forged }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(store.listAgencies({ limit: 1, cursor: 'not-base64-json' })).rejects.toMatchObject(
      { code: 'validation_failed' },
    );
  });

  it('rejects a cursor in the right partition whose key DynamoDB could not take (a 400, not a 500)', async () => {
    const page = await store.listAgencies({ limit: 1 });
    const [position] = JSON.parse(Buffer.from(page.nextCursor!, 'base64url').toString('utf8'));
    // Within the API's 2,000 characters of cursor, but past DynamoDB's 1,024 bytes of sort key,
    // or empty, which no key may be.
    for (const sk of ['x'.repeat(1_100), '']) {
      const forged = Buffer.from(JSON.stringify([{ ...position, sk }])).toString('base64url');
      expect(forged.length).toBeLessThan(2_000);
      await expect(store.listAgencies({ limit: 1, cursor: forged })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    }
  });
});

describe('queues and the worklist', () => {
  it('orders open assignments soonest deadline first, merges member units, filters overdue and target', async () => {
    const fresh = await freshStore();
    store = fresh;
    const forwarded = '2026-03-16T03:00:00.000Z';
    const specs = [
      { agency: 'q-a', days: { acknowledge: 3, followUp: 5, resolution: 14 } },
      { agency: 'q-b', days: { acknowledge: 1, followUp: 5, resolution: 5 } },
      { agency: 'q-a', days: { acknowledge: 10, followUp: 10, resolution: 60 } },
      { agency: 'q-b', days: { acknowledge: 2, followUp: 5, resolution: 14 } },
    ];
    const made: AssignmentRecord[] = [];
    for (const [i, spec] of specs.entries()) {
      const c = makeCase(forwarded);
      const a = await assignmentFor(c.id, spec.agency, forwarded, spec.days);
      await fresh.commit({
        case: { record: c, expectedVersion: null },
        assignments: [{ record: a, expectedVersion: null }],
      });
      made.push(a);
      void i;
    }
    const now = new Date(forwarded);
    const qa = await fresh.listQueue(['q-a'], { now }, { limit: 10 });
    expect(qa.items.map((a) => a.caseId)).toEqual([made[0]!.caseId, made[2]!.caseId]);

    // Merged across two agencies' partitions, one item per page: global order holds.
    const merged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await fresh.listQueue(['q-a', 'q-b'], { now }, { limit: 1, cursor });
      merged.push(...page.items.map((a) => `${a.agencyId}:${a.due.acknowledge}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = made
      .map((a) => `${a.agencyId}:${a.due.acknowledge}`)
      .sort((x, y) =>
        x.split(':').slice(1).join(':').localeCompare(y.split(':').slice(1).join(':')),
      );
    expect(merged).toEqual(expected);

    // Overdue is derived from the clock: by 2026-03-26 (after Idulfitri leave) the 1- and 2-day acknowledgements are late.
    const later = at('2026-03-27T00:00:00Z');
    const overdue = await fresh.listWorklist({ overdue: true, now: later }, { limit: 10 });
    expect(overdue.items.map((a) => a.agencyId).sort()).toEqual(['q-a', 'q-b', 'q-b']);
    const ackOverdue = await fresh.listWorklist(
      { target: 'acknowledge', overdue: true, now: later },
      { limit: 10 },
    );
    expect(ackOverdue.items.map((a) => a.due.acknowledge)).toEqual(
      [made[1]!.due.acknowledge, made[3]!.due.acknowledge, made[0]!.due.acknowledge].sort(),
    );
    const notOverdue = await fresh.listWorklist({ overdue: false, now: later }, { limit: 10 });
    expect(notOverdue.items.map((a) => a.caseId)).toEqual([made[2]!.caseId]);
    const dueSoon = await fresh.listWorklist(
      { dueBefore: at('2026-03-26T00:00:00Z'), now },
      { limit: 10 },
    );
    expect(dueSoon.items).toHaveLength(2);

    // A completed assignment leaves the open bucket and is listed by its state.
    const done = {
      ...made[1]!,
      state: 'completed' as const,
      met: { acknowledge: forwarded, followUp: forwarded, resolution: forwarded },
      version: 2,
      updatedAt: '2026-03-17T00:00:00.000Z',
    };
    await fresh.commit({ assignments: [{ record: done, expectedVersion: 1 }] });
    expect((await fresh.listQueue(['q-b'], { now }, { limit: 10 })).items).toHaveLength(1);
    expect(
      (await fresh.listQueue(['q-b'], { state: 'completed', now }, { limit: 10 })).items.map(
        (a) => a.caseId,
      ),
    ).toEqual([done.caseId]);
    expect(
      (await fresh.listWorklist({ state: 'completed', now }, { limit: 10 })).items,
    ).toHaveLength(1);
    const item = await fresh.client.send(
      new GetCommand({ TableName: fresh.tableName, Key: keys.assignment(done.caseId, 'q-b') }),
    );
    expect(item.Item?.gsi1pk).toBe('q-b#QUEUE#completed');
  });
});

describe('ladder steps (exactly once)', () => {
  it("refuses an episode's rung written a second time, even under the ladder's next version", async () => {
    const c = makeCase('2026-03-16T03:00:00.000Z');
    const a = await assignmentFor(c.id, 'polri', '2026-03-16T03:00:00.000Z', {
      acknowledge: 3,
      followUp: 5,
      resolution: 14,
    });
    const armed = armLadder(undefined, { ...a }, at('2026-03-16T03:00:00.000Z'));
    await store.commit({
      case: { record: c, expectedVersion: null },
      assignments: [{ record: a, expectedVersion: null }],
      ladders: [armed],
    });
    const letter = (id: string, stepId: string, createdAt: string): NotificationRecord => ({
      id,
      caseId: c.id,
      agencyId: 'polri',
      generation: a.generation,
      stepId,
      step: 'reminder_1',
      action: 'reminder',
      target: 'acknowledge',
      targets: ['acknowledge'],
      channel: 'email',
      recipients: ['polri@example.go.id'],
      cc: [],
      status: 'pending',
      subject: 'Teguran I',
      body: 'Teguran I',
      scheduledAt: '2026-03-19T17:00:00.000Z',
      episode: Number(stepId.split('#')[1]),
      createdAt,
      sentAt: null,
      attempts: 0,
      lastError: null,
    });
    // A Tick's write of one rung, under the ladder's version as it read it: each write has
    // its own letter and event (fresh ids), only the rung's identity is shared.
    const step = (version: number, id: string, stepId: string, createdAt: string): LadderWrite => ({
      ladder: {
        record: {
          ...armed.record,
          level: 1,
          lastStepAt: createdAt,
          updatedAt: createdAt,
          version: version + 1,
        },
        expectedVersion: version,
      },
      letters: [
        {
          stepId,
          notification: letter(id, stepId, createdAt),
          event: event(c.id, `E-${id}`, 'polri'),
        },
      ],
      events: [],
    });
    const letters = async () =>
      (await store.listNotifications({ caseId: c.id }, { limit: 10 })).items.map((n) => n.id);

    await store.commitLadder(step(1, 'N1', 'reminder_1#1', '2026-03-19T17:00:00.000Z'));
    // The ladder record forgot it took the rung (a bad re-arm, a restore): a write under its
    // current version passes the version's condition, and the step's own marker refuses it.
    const again = store.commitLadder(step(2, 'N2', 'reminder_1#1', '2026-03-20T03:00:00.000Z'));
    await expect(again).rejects.toBeInstanceOf(WriteConflict);
    await expect(again).rejects.toMatchObject({ kind: 'exists' });
    expect(await letters()).toEqual(['N1']);
    expect(await store.listStepsTaken(c.id, 'polri', a.generation)).toEqual(
      new Set(['reminder_1#1']),
    );
    expect((await store.getCase(c.id))!.ladders[0]).toMatchObject({ version: 2 });
    // The same rung in the next episode is another step.
    await store.commitLadder(step(2, 'N3', 'reminder_1#2', '2026-04-01T03:00:00.000Z'));
    expect(await letters()).toEqual(['N1', 'N3']);
    expect(await store.listStepsTaken(c.id, 'polri', a.generation)).toEqual(
      new Set(['reminder_1#1', 'reminder_1#2']),
    );
  });
});

describe('the letters log and its badge, by when each letter was written', () => {
  // A focal point's assignment delegated to its member unit: its letters are on the focal
  // point's log (gsi2), on every letter's log (gsi1) and, shared, on the unit's.
  const [focal, unit] = ['kemenkes', 'dinkes-bali'];
  const visit = '2026-06-06T00:00:00.000Z';
  let c: CaseRecord;
  const letter = (
    id: string,
    scheduledAt: string,
    createdAt: string,
    status: NotificationRecord['status'] = 'pending',
  ): NotificationRecord => ({
    id,
    caseId: c.id,
    agencyId: focal,
    generation: 1,
    stepId: `reminder_1#${id}`,
    step: 'reminder_1',
    action: 'reminder',
    target: 'acknowledge',
    targets: ['acknowledge'],
    channel: 'email',
    recipients: ['dumas@kemenkes.example.go.id'],
    cc: [],
    status,
    subject: `Surat pengingat ${id}`,
    body: 'Dengan hormat, …',
    scheduledAt,
    createdAt,
    sentAt: null,
    attempts: 0,
    lastError: null,
  });
  const written: Record<string, NotificationRecord> = {};

  beforeAll(async () => {
    c = makeCase('2026-06-01T03:00:00.000Z');
    const a = {
      ...(await assignmentFor(c.id, focal, '2026-06-01T03:00:00.000Z', {
        acknowledge: 3,
        followUp: 5,
        resolution: 14,
      })),
      delegatedTo: unit,
    };
    const armed = armLadder(undefined, a, at('2026-06-01T03:00:00.000Z'));
    await store.commit({
      case: { record: c, expectedVersion: null },
      assignments: [{ record: a, expectedVersion: null }],
      ladders: [armed],
    });
    // Written in this order, each by its own look at the ladder: on time (due 5 June), then
    // one written cancelled (it no longer held), one held for letter hours, and last one due
    // on 1 June that the ladder wrote only on 10 June (it ran after the clock jumped).
    const letters = [
      letter('N-ontime', '2026-06-05T17:00:00.000Z', '2026-06-05T17:00:00.000Z'),
      letter('N-void', '2026-06-08T17:00:00.000Z', '2026-06-08T17:00:00.000Z', 'cancelled'),
      letter('N-held', '2026-06-09T17:00:00.000Z', '2026-06-09T17:00:00.000Z'),
      letter('N-late', '2026-06-01T17:00:00.000Z', '2026-06-10T03:00:00.000Z'),
    ];
    for (const [i, n] of letters.entries()) {
      await store.commitLadder({
        ladder: {
          record: { ...armed.record, lastStepAt: n.createdAt, version: i + 2 },
          expectedVersion: i + 1,
        },
        assignment: { caseId: c.id, agencyId: focal, version: a.version, delegatedTo: unit },
        letters: [{ stepId: n.stepId, notification: n, event: event(c.id, `E-${n.id}`, focal) }],
        events: [],
      });
      written[n.id] = n;
    }
  });

  /** Every letter of a log, page after page (`limit` a page), and its total. */
  const log = async (query: Parameters<DynamoStore['listNotifications']>[0], limit = 2) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    let total: number | undefined;
    do {
      const page = await store.listNotifications(query, {
        limit,
        ...(cursor ? { cursor } : { total: true }),
      });
      total ??= page.total;
      ids.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { ids: ids.filter((id) => id in written), total };
  };
  const NEWEST_WRITTEN_FIRST = ['N-late', 'N-held', 'N-void', 'N-ontime'];

  it('lists newest written first: a letter written late is not sorted among the past', async () => {
    expect((await log({ agencyId: focal })).ids).toEqual(NEWEST_WRITTEN_FIRST);
    expect((await log({})).ids).toEqual(NEWEST_WRITTEN_FIRST);
    expect((await log({ agencyId: unit, sharedWith: unit })).ids).toEqual(NEWEST_WRITTEN_FIRST);
  });

  it('counts as new what was written since the visit, never a cancelled letter', async () => {
    const since = new Date(visit);
    for (const query of [{ agencyId: focal }, { agencyId: unit, sharedWith: unit }]) {
      const fresh = await log({ ...query, since, cancelled: false }, 1);
      expect(fresh.ids).toEqual(['N-late', 'N-held']);
      expect(fresh.total).toBe(2);
    }
    // A letter's own case lists it by when it was written too.
    expect((await log({ caseId: c.id, since })).ids.sort()).toEqual(
      ['N-held', 'N-late', 'N-void'].sort(),
    );
  });

  it('stops counting a held letter once it is cancelled, and counts it again if it went after all', async () => {
    const since = new Date(visit);
    const badge = async () =>
      Promise.all(
        [{ agencyId: focal }, { agencyId: unit, sharedWith: unit }].map(
          async (query) =>
            (
              await store.listNotifications(
                { ...query, since, cancelled: false },
                { limit: 1, total: true },
              )
            ).total,
        ),
      );
    const held = written['N-held']!;
    const cancelled: NotificationRecord = {
      ...held,
      status: 'cancelled',
      nextAttemptAt: null,
      cancelled: { at: '2026-06-10T01:00:00.000Z', reason: 'targets_met' },
    };
    expect(await store.recordDelivery(cancelled, held)).toBe(true);
    expect(await badge()).toEqual([1, 1]);
    // Its send had begun before the cancellation: recorded sent over it, it reached the agency.
    const sent: NotificationRecord = {
      ...cancelled,
      status: 'sent',
      sentAt: '2026-06-10T01:00:01.000Z',
      attempts: 1,
    };
    expect(await store.recordDelivery(sent, cancelled)).toBe(true);
    expect(await badge()).toEqual([2, 2]);
  });
});

describe('idempotency records', () => {
  it('stores one per tenant and key; a second with the same key fails the whole transaction', async () => {
    const record = {
      tenant: 'setneg',
      key: 'k-1',
      fingerprint: 'f',
      body: { id: 'x' },
      createdAt: 'now',
    };
    const c = makeCase('2026-03-19T03:00:00.000Z');
    await store.commit({ case: { record: c, expectedVersion: null }, idempotency: record });
    expect(await store.getIdempotency('setneg', 'k-1')).toEqual(record);
    expect(await store.getIdempotency('polri', 'k-1')).toBeUndefined();
    const other = makeCase('2026-03-19T04:00:00.000Z');
    await expect(
      store.commit({ case: { record: other, expectedVersion: null }, idempotency: record }),
    ).rejects.toMatchObject({ kind: 'idempotency' });
    expect(await store.getCase(other.id)).toBeUndefined();
  });
});

describe('settings kept in memory (settingsTtlMs)', () => {
  it("answers the policy and calendar from memory, and this store's own edits at once", async () => {
    const cached = new DynamoStore({
      client: store.client,
      tableName: store.tableName,
      settingsTtlMs: 60_000,
    });
    const policy = (await cached.getPolicy(DEFAULT_POLICY.id))!;
    const calendar = (await cached.getCalendar('id'))!;
    // An edit written around this store is not seen within the TTL…
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          ...keys.calendarDay('id', '2026-07-01'),
          entity: 'calendar_day',
          date: '2026-07-01',
          kind: 'other',
          name: 'Libur',
        },
      }),
    );
    expect((await cached.getCalendar('id'))!.days).toHaveLength(calendar.days.length);
    // …one written through it is, at once, and so is the policy's.
    await cached.putCalendarDay('id', { date: '2026-07-02', kind: 'other', name: 'Libur lain' });
    const after = (await cached.getCalendar('id'))!;
    expect(after.days.map((d) => d.date)).toEqual(
      expect.arrayContaining(['2026-07-01', '2026-07-02']),
    );
    await cached.putPolicy(
      { ...policy, verificationWorkingDays: 9, version: policy.version + 1 },
      policy.version,
    );
    expect((await cached.getPolicy(DEFAULT_POLICY.id))!.verificationWorkingDays).toBe(9);
    expect(await cached.deleteCalendarDay('id', '2026-07-02')).toBe(true);
    expect((await cached.getCalendar('id'))!.days.map((d) => d.date)).not.toContain('2026-07-02');
  });
});

describe('the settings version (what the escalation engine keeps its settings by)', () => {
  const version = async () => (await store.getAgenciesAndSettingsVersion([])).settingsVersion;

  it('is bumped by every settings edit, in its transaction, and not by a delete of nothing', async () => {
    const edits: [string, () => Promise<unknown>][] = [
      [
        'policy',
        async () => {
          const p = (await store.getPolicy(DEFAULT_POLICY.id))!;
          await store.putPolicy({ ...p, version: p.version + 1 }, p.version);
        },
      ],
      [
        'calendar day',
        () => store.putCalendarDay('id', { date: '2026-08-03', kind: 'other', name: 'Libur' }),
      ],
      ['calendar day removed', () => store.deleteCalendarDay('id', '2026-08-03')],
      ['calendar year', () => store.putCalendarYear('id', 2031)],
      [
        'document settings',
        async () => {
          const current = await store.getDocumentSettings();
          await store.putDocumentSettings(
            { ...DEFAULT_DOCUMENT_SETTINGS, version: (current?.version ?? 0) + 1 },
            current?.version ?? null,
          );
        },
      ],
    ];
    for (const [name, edit] of edits) {
      const before = await version();
      await edit();
      expect({ name, version: await version() }).toEqual({ name, version: before + 1 });
    }
    const before = await version();
    expect(await store.deleteCalendarDay('id', '2026-08-04')).toBe(false);
    expect(await version()).toBe(before);
    // A conflicting edit writes nothing, the bump included.
    const p = (await store.getPolicy(DEFAULT_POLICY.id))!;
    await expect(store.putPolicy({ ...p }, p.version - 1)).rejects.toMatchObject({
      kind: 'version',
    });
    expect(await version()).toBe(before);
  });

  it('reads agencies with it in one batch, absent ones left out', async () => {
    const { agencies, settingsVersion } = await store.getAgenciesAndSettingsVersion([
      CENTRAL_TENANT,
      'no-such-agency',
    ]);
    expect(agencies.map((a) => a.id)).toEqual([CENTRAL_TENANT]);
    expect(settingsVersion).toBe(await version());
  });

  it("reads a ladder step's case, assignment, ladder, parties and version in one batch", async () => {
    const c = makeCase('2026-03-16T03:00:00.000Z');
    const a = await assignmentFor(c.id, 'polri', '2026-03-16T03:00:00.000Z', {
      acknowledge: 3,
      followUp: 5,
      resolution: 14,
    });
    const ladder = armLadder(undefined, { ...a }, at('2026-03-16T03:00:00.000Z'));
    await store.commit({
      case: { record: c, expectedVersion: null },
      assignments: [{ record: a, expectedVersion: null }],
      ladders: [ladder],
    });
    const read = await store.getLadderContext(c.id, 'polri', [CENTRAL_TENANT, 'no-such-agency']);
    expect(read).toEqual({
      case: c,
      assignment: a,
      ladder: ladder.record,
      agencies: [expect.objectContaining({ id: CENTRAL_TENANT })],
      settingsVersion: await version(),
    });
    // Another agency of the same case: no assignment, no ladder (the case still read).
    expect(await store.getLadderContext(c.id, 'pln', [])).toMatchObject({
      case: c,
      assignment: undefined,
      ladder: undefined,
      agencies: [],
    });
  });

  it('reads 40 ladder contexts asked at once in a few BatchGetItems, each as it reads alone', async () => {
    // Steps under way at once in one process (the embedded engine's) share their reads
    // (`GroupedCalls`, the store's README: "Calls made together").
    const forwardedAt = '2026-03-16T03:00:00.000Z';
    for (const id of ['agency-0', 'agency-1', 'agency-2'])
      await store.putAgency(
        newAgency({ id, name: `Instansi ${id}`, kind: 'ministry', contacts: [] }, at(forwardedAt)),
        null,
      );
    const refs: { caseId: string; agencyId: string }[] = [];
    for (let i = 0; i < 40; i += 1) {
      const c = makeCase(forwardedAt);
      const a = await assignmentFor(c.id, `agency-${i % 3}`, forwardedAt, {
        acknowledge: 3,
        followUp: 5,
        resolution: 14,
      });
      await store.commit({
        case: { record: c, expectedVersion: null },
        assignments: [{ record: a, expectedVersion: null }],
        ladders: [armLadder(undefined, a, at(forwardedAt))],
      });
      refs.push({ caseId: c.id, agencyId: a.agencyId });
    }
    const read = (r: (typeof refs)[number]) =>
      store.getLadderContext(r.caseId, r.agencyId, [r.agencyId, CENTRAL_TENANT]);
    const sent: string[] = [];
    const calls = (name: string) => sent.filter((n) => n === name).length;
    store.client.middlewareStack.add(
      (next, context) => (args) => {
        sent.push(String(context.commandName).replace(/Command$/, ''));
        return next(args);
      },
      { step: 'initialize', name: 'countContextReads' },
    );
    try {
      const together = await Promise.all(refs.map(read));
      const batches = calls('BatchGetItem');
      // The first goes alone; the 39 that asked meanwhile fill calls of at most 100 keys (7 each).
      expect(batches).toBeGreaterThanOrEqual(2);
      expect(batches).toBeLessThanOrEqual(6);
      sent.length = 0;
      const alone = [];
      for (const r of refs) alone.push(await read(r));
      expect(calls('BatchGetItem')).toBe(40);
      expect(together).toEqual(alone);
      // Each answer is its own ladder's, with the parties it named.
      for (const [i, context] of together.entries()) {
        expect(context.case?.id).toBe(refs[i]!.caseId);
        expect(context.assignment?.agencyId).toBe(refs[i]!.agencyId);
        expect(context.ladder?.caseId).toBe(refs[i]!.caseId);
        expect(context.agencies.map((a) => a.id).toSorted()).toEqual(
          [refs[i]!.agencyId, CENTRAL_TENANT].toSorted(),
        );
      }
    } finally {
      store.client.middlewareStack.remove('countContextReads');
    }
  });

  it('serves settings kept for a version until another process edits them, then the edit at once', async () => {
    // The engine's store: no TTL; the admin's edit goes through another store (another Lambda).
    const engine = new DynamoStore({ client: store.client, tableName: store.tableName });
    const v = await version();
    const calendar = (await engine.getCalendar('id', v))!;
    // Written around every store (no bump): the kept calendar is still answered…
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          ...keys.calendarDay('id', '2026-09-01'),
          entity: 'calendar_day',
          date: '2026-09-01',
          kind: 'other',
          name: 'Libur',
        },
      }),
    );
    expect((await engine.getCalendar('id', v))!.days).toHaveLength(calendar.days.length);
    // …an edit through the admin's store bumps the version, and the next read has both days.
    await store.putCalendarDay('id', { date: '2026-09-02', kind: 'other', name: 'Libur lain' });
    const next = await version();
    expect(next).toBe(v + 1);
    expect((await engine.getCalendar('id', next))!.days.map((d) => d.date)).toEqual(
      expect.arrayContaining(['2026-09-01', '2026-09-02']),
    );
    // An absent record is kept too, until a write bumps the version (here one around the
    // store's methods, as the seed's, that says so).
    expect(await engine.getPolicy('later', next)).toBeUndefined();
    const later = { ...DEFAULT_POLICY, id: 'later' };
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...keys.policy('later'), entity: 'policy', ...later },
      }),
    );
    expect(await engine.getPolicy('later', next)).toBeUndefined();
    await store.settingsWrittenAround();
    expect(await engine.getPolicy('later', next + 1)).toMatchObject({ id: 'later' });
  });
});
