/**
 * DynamoDB's limits against DynamoDB Local: every read of "all of" something follows
 * `LastEvaluatedKey` past a 1 MB page, and a write that would pass the 400 KB item limit is a
 * `limit_exceeded` domain error (4xx) that writes nothing.
 */
import {
  type ActivityRecord,
  type Agency,
  Calendar,
  CENTRAL_TENANT,
  type ClockEntry,
  DEFAULT_POLICY,
  DomainError,
  newAssignment,
  newCase,
  newEventId,
  type NotificationRecord,
  type CaseChange,
  WriteConflict,
} from '@pantau/core';
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshStore } from '../../../test/support/dynamodb.ts';
import type { DynamoStore } from './dynamo-store.ts';
import { itemSize, MAX_ITEM_BYTES, MAX_TRANSACTION_BYTES } from './item-size.ts';
import { activityItem, caseItem, notificationItem } from './items.ts';
import { queryAll } from './paging.ts';

let store: DynamoStore;
beforeAll(async () => {
  store = await freshStore();
});

const NOW = '2026-04-06T03:00:00.000Z';
const aCase = (id: string, description = 'Uraian') =>
  newCase({
    id,
    trackingCode: `LIMI-TS00-${id.slice(-5).padStart(5, '0')}`,
    body: { channel: 'letter', complainant: { name: 'Siti' }, subject: 'Perihal', description },
    now: new Date(NOW),
    verificationDueAt: new Date(NOW),
  });

/** A reminder waiting in the outbox, its body `bodyLength` characters long. */
const pendingLetter = (id: string, caseId: string, bodyLength: number): NotificationRecord => ({
  id,
  caseId,
  agencyId: 'polri',
  generation: 1,
  stepId: `reminder_1@${id}`,
  step: 'reminder_1',
  action: 'reminder',
  target: 'followUp',
  targets: ['followUp'],
  channel: 'email',
  recipients: ['a@example.go.id'],
  cc: [],
  status: 'pending',
  subject: 'Surat',
  body: 'x'.repeat(bodyLength),
  scheduledAt: NOW,
  createdAt: NOW,
  sentAt: null,
  attempts: 0,
  lastError: null,
});

/** Whatever a promise rejects with (a test of refusals wants the error itself). */
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('queryAll', () => {
  it('follows LastEvaluatedKey: three items read two at a time come back in two pages', async () => {
    for (const sk of ['A', 'B', 'C']) {
      await store.client.send(
        new PutCommand({ TableName: store.tableName, Item: { pk: 'paging-test', sk } }),
      );
    }
    const sends: unknown[] = [];
    const counting = {
      send: (command: unknown) => {
        sends.push(command);
        return store.client.send(command as never);
      },
    } as typeof store.client;
    const items = await queryAll(counting, {
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'paging-test' },
      Limit: 2,
    });
    expect(items.map((i) => i.sk)).toEqual(['A', 'B', 'C']);
    expect(sends).toHaveLength(2);
  });
});

describe('reads past one 1 MB page', () => {
  it('getCase returns every assignment of a case whose activities fill more than a page', async () => {
    // Activities sort before assignments (`ACT#` < `ASSIGN#`): 40 reported activities of
    // ~27 KB each put the assignments on the second page of the case's collection.
    const c = aCase('01KLIMITSCASE00000000000001');
    await store.commit({ case: { record: c, expectedVersion: null } });
    const activities: ActivityRecord[] = Array.from({ length: 40 }, (_, i) => ({
      id: `01KLIMITSACT${String(i).padStart(14, '0')}`,
      caseId: c.id,
      kind: 'clarification',
      status: 'done',
      scheduledAt: NOW,
      agencyIds: ['polri'],
      participants: Array.from({ length: 10 }, (_, j) => `Peserta ${j}`),
      plan: 'Rencana '.repeat(250),
      heldAt: NOW,
      outcome: 'Selesai',
      summary: 'Ringkasan hasil klarifikasi. '.repeat(850),
      createdBy: 'officer-1',
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
    }));
    expect(activities.reduce((sum, a) => sum + itemSize(activityItem(a)), 0)).toBeGreaterThan(
      1024 * 1024,
    );
    for (let i = 0; i < activities.length; i += 20) {
      await store.commit({
        activities: activities
          .slice(i, i + 20)
          .map((record) => ({ record, expectedVersion: null })),
      });
    }
    // Two assignments, written after the activities.
    const calendar = new Calendar((await store.getCalendar('id'))!);
    const assignments = ['polri', 'pln'].map((agencyId) =>
      newAssignment({
        caseId: c.id,
        agencyId,
        instructions: null,
        forwardedAt: new Date(NOW),
        forwardedBy: 'officer-1',
        timeZone: 'Asia/Jakarta',
        calendar,
        policyId: 'default',
        workingDays: { acknowledge: 3, followUp: 14, resolution: 60 },
        previous: undefined,
      }),
    );
    await store.commit({
      case: { record: { ...c, version: 2 }, expectedVersion: 1 },
      assignments: assignments.map((record) => ({ record, expectedVersion: null })),
    });

    const read = (await store.getCase(c.id))!;
    expect(read.activities).toHaveLength(40);
    expect(read.assignments.map((a) => a.agencyId).sort()).toEqual(['pln', 'polri']);
  });

  it('listMemberUnits returns every member unit of a focal point whose units fill more than a page', async () => {
    // 100 member units with 20 long contacts each: ~11 KB apiece, 1.1 MB in all.
    const contacts = Array.from({ length: 20 }, (_, i) => ({
      kind: 'liaison' as const,
      name: `Narahubung ${i} `.padEnd(200, '.'),
      email: `narahubung${i}@${'x'.repeat(200)}.go.id`,
      role: 'Sekretariat '.padEnd(100, '.'),
    }));
    const unit = (i: number): Agency => ({
      id: `unit-${String(i).padStart(3, '0')}`,
      name: `Kantor Wilayah ${i} `.padEnd(200, '.'),
      kind: 'agency',
      focalPointId: 'big-focal',
      timeZone: 'Asia/Jakarta',
      contacts,
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
    });
    for (let i = 0; i < 100; i += 1) await store.putAgency(unit(i), null);
    const members = await store.listMemberUnits('big-focal');
    expect(members).toHaveLength(100);
  });

  it('listPolicies returns every policy, past the first hundred', async () => {
    for (let i = 0; i < 101; i += 1) {
      await store.putPolicy(
        { ...DEFAULT_POLICY, id: `policy-${String(i).padStart(3, '0')}` },
        null,
      );
    }
    expect((await store.listPolicies()).length).toBeGreaterThanOrEqual(102); // with `default`
  });
});

describe('clock entries', () => {
  it('lists one generation’s entries in the order written, not its neighbour’s', async () => {
    const entry = (generation: number, id: string): ClockEntry => ({
      caseId: 'C-ENTRIES',
      agencyId: 'polri',
      generation,
      id,
      kind: 'pause',
      workingDays: 1,
      targets: ['followUp'],
      at: NOW,
      reason: `jeda ${id}`,
      pause: { from: NOW, to: NOW, by: 'x' },
    });
    await store.commit({
      clockEntries: [entry(1, '01B'), entry(1, '01A'), entry(10, '01C'), entry(11, '01D')],
    });
    expect((await store.listClockEntries('C-ENTRIES', 'polri', 1)).map((e) => e.id)).toEqual([
      '01A',
      '01B',
    ]);
    expect(await store.listClockEntries('C-ENTRIES', 'polri', 10)).toEqual([entry(10, '01C')]);
  });
});

describe('a write past 400 KB', () => {
  it('is limit_exceeded, naming the limit, and the transaction writes nothing', async () => {
    const c = aCase('01KLIMITSCASE00000000000002');
    await store.commit({ case: { record: c, expectedVersion: null } });
    const huge = { ...c, description: 'x'.repeat(MAX_ITEM_BYTES), version: 2 };
    const error = await rejection(
      store.commit({
        case: { record: huge, expectedVersion: 1 },
        events: [
          {
            id: '01KLIMITSEVENT000000000001',
            caseId: c.id,
            at: NOW,
            type: 'case_verified',
            actor: { sub: 'officer-1', agency: CENTRAL_TENANT, role: 'central_officer' },
            agencyId: null,
            data: {},
          },
        ],
      }),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'limit_exceeded' });
    expect((error as Error).message).toMatch(/case .* KB, past DynamoDB's limit of 400 KB/);
    const after = (await store.getCase(c.id))!;
    expect(after.case.version).toBe(1);
    expect((await store.listTimeline(c.id, { limit: 10 })).items).toEqual([]);
  });

  it('is measured as DynamoDB counts it: just under the limit is written, just over is refused', async () => {
    const c = aCase('01KLIMITSCASE00000000000003');
    const base = itemSize(caseItem(c)) - c.description.length;
    const fits = { ...c, description: 'y'.repeat(MAX_ITEM_BYTES - base) };
    expect(itemSize(caseItem(fits))).toBe(MAX_ITEM_BYTES);
    await store.commit({ case: { record: fits, expectedVersion: null } });
    expect((await store.getCase(c.id))!.case.description).toHaveLength(fits.description.length);
    const over = { ...fits, description: `${fits.description}y`, version: 2 };
    // DynamoDB itself counts the same: one byte more and it refuses the item.
    await expect(
      store.client.send(new PutCommand({ TableName: store.tableName, Item: caseItem(over) })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      store.commit({ case: { record: over, expectedVersion: 1 } }),
    ).rejects.toMatchObject({ code: 'limit_exceeded' });
  });

  it('is refused for single puts too (an agency, a letter)', async () => {
    const agency: Agency = {
      id: 'too-large',
      name: 'x'.repeat(MAX_ITEM_BYTES),
      kind: 'agency',
      focalPointId: null,
      timeZone: 'Asia/Jakarta',
      contacts: [],
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
    };
    await expect(store.putAgency(agency, null)).rejects.toMatchObject({ code: 'limit_exceeded' });
    expect(await store.getAgency('too-large')).toBeUndefined();
    const letter = pendingLetter('01KLIMITSNOTIF000000000001', 'C-LETTER', MAX_ITEM_BYTES);
    await expect(store.recordDelivery(letter, letter)).rejects.toMatchObject({
      code: 'limit_exceeded',
    });
  });
});

describe('a transaction past 4 MB', () => {
  it('is limit_exceeded before it is sent, each item under 400 KB, and writes nothing', async () => {
    const c = aCase('01KLIMITSCASE00000000000004');
    await store.commit({ case: { record: c, expectedVersion: null } });
    // 11 activities of ~376 KB each: every item fits, together past DynamoDB's 4 MB.
    const activities = Array.from({ length: 11 }, (_, i) => ({
      record: {
        id: `01KLIMITSTXACT${String(i).padStart(12, '0')}`,
        caseId: c.id,
        kind: 'clarification',
        status: 'done',
        scheduledAt: NOW,
        agencyIds: ['polri'],
        participants: [],
        plan: null,
        heldAt: NOW,
        outcome: 'Selesai',
        summary: 'x'.repeat(385_000),
        createdBy: 'officer-1',
        createdAt: NOW,
        updatedAt: NOW,
        version: 1,
      } satisfies ActivityRecord,
      expectedVersion: null,
    }));
    const total = activities.reduce((sum, a) => sum + itemSize(activityItem(a.record)), 0);
    expect(total).toBeGreaterThan(MAX_TRANSACTION_BYTES);
    const error = await rejection(
      store.commit({ case: { record: { ...c, version: 2 }, expectedVersion: 1 }, activities }),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'limit_exceeded' });
    expect((error as Error).message).toMatch(/4,1\d\d KB together, past DynamoDB's 4 MB/);
    const after = (await store.getCase(c.id))!;
    expect(after.case.version).toBe(1);
    expect(after.activities).toEqual([]);
    // One activity fewer fits: DynamoDB counts the transaction as the store does.
    await store.commit({ activities: activities.slice(1) });
    expect((await store.getCase(c.id))!.activities).toHaveLength(10);
  });
});

describe('changes committed together (registrations that waited for their numbers)', () => {
  /** A new case with `events` timeline events, and the year's counter when `sequence` is given. */
  const registration = (id: string, events: number, sequence?: CaseChange['sequence']) => {
    const c = aCase(id);
    const change: CaseChange = {
      case: { record: c, expectedVersion: null },
      events: Array.from({ length: events }, () => ({
        id: newEventId(new Date(NOW)),
        caseId: c.id,
        at: NOW,
        type: 'case_registered' as const,
        actor: { system: 'intake' as const },
        agencyId: null,
        data: {},
      })),
      ...(sequence ? { sequence } : {}),
    };
    return change;
  };
  const counter = 'agenda#2031';

  it('lands all at once with one write of the counter, or none of them', async () => {
    await store.commitAll([
      registration('01KTOGETHER000000000TG0001', 1),
      registration('01KTOGETHER000000000TG0002', 1),
      registration('01KTOGETHER000000000TG0003', 1, { name: counter, value: 3, expected: 0 }),
    ]);
    expect(await store.getSequence(counter)).toBe(3);
    for (const n of [1, 2, 3])
      expect(await store.getCase(`01KTOGETHER000000000TG000${n}`)).toBeDefined();

    // The second's case exists already: the conflict is its item's, and the first is not written.
    const error = await rejection(
      store.commitAll([
        registration('01KTOGETHER000000000TG0004', 1),
        registration('01KTOGETHER000000000TG0002', 1),
        registration('01KTOGETHER000000000TG0005', 1, { name: counter, value: 6, expected: 3 }),
      ]),
    );
    expect(error).toBeInstanceOf(WriteConflict);
    expect(error).toMatchObject({ kind: 'exists' });
    expect(await store.getCase('01KTOGETHER000000000TG0004')).toBeUndefined();
    expect(await store.getSequence(counter)).toBe(3);
  });

  it('is limit_exceeded past 100 writes in all, before it is sent, and writes nothing', async () => {
    // Three of 35 writes each (the case, its tracking code, its index entries, 30 events): each
    // fits one transaction alone, together past DynamoDB's 100.
    const group = [
      registration('01KTOGETHER000000000TG0011', 30),
      registration('01KTOGETHER000000000TG0012', 30),
      registration('01KTOGETHER000000000TG0013', 30, {
        name: `${counter}-b`,
        value: 3,
        expected: 0,
      }),
    ];
    const error = await rejection(store.commitAll(group));
    expect(error).toMatchObject({ code: 'limit_exceeded' });
    expect(await store.getCase('01KTOGETHER000000000TG0011')).toBeUndefined();
    expect(await store.getSequence(`${counter}-b`)).toBe(0);
    // Alone, each fits (`AgendaTurns` then commits them one by one).
    await store.commit({ ...group[0]!, sequence: { name: `${counter}-b`, value: 1, expected: 0 } });
    expect(await store.getCase('01KTOGETHER000000000TG0011')).toBeDefined();
  });
});

describe('the sweep’s read of the outbox', () => {
  it('takes as many letters as it asks for, past a page’s bytes (letters near their largest)', async () => {
    // 260 pending letters of 20 KB each: 5.2 MB, past the 4.5 MB a page holds.
    const letters = Array.from({ length: 260 }, (_, i) =>
      pendingLetter(`01KOUTBOX${String(i).padStart(17, '0')}`, `C-OUTBOX-${i}`, 20_000),
    );
    for (let i = 0; i < letters.length; i += 25)
      await store.client.send(
        new BatchWriteCommand({
          RequestItems: {
            [store.tableName]: letters
              .slice(i, i + 25)
              .map((n) => ({ PutRequest: { Item: notificationItem(n) } })),
          },
        }),
      );
    const read = await store.listAllUndelivered(260);
    expect(read.map((n) => n.id)).toEqual(letters.map((n) => n.id));
    expect(await store.listAllUndelivered(100)).toHaveLength(100);
  });
});
