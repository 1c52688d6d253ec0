/**
 * What the engine's steps ask of the table at once, answered as if each asked alone: the
 * ladders' contexts read in shared BatchGetItems, the letters' numbers in shared ADDs, on
 * DynamoDB Local (`GroupedCalls`).
 */
import {
  armLadder,
  Calendar,
  type CaseRecord,
  CENTRAL_TENANT,
  newAssignment,
  newAgency,
  newCase,
} from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { countingClient, freshStore, storeBeside } from '../../../test/support/dynamodb.ts';
import type { DynamoStore } from './dynamo-store.ts';

const sent: string[] = [];
let store: DynamoStore;
beforeAll(async () => {
  store = await freshStore({ client: countingClient(sent) });
});
const calls = (name: string) => sent.filter((n) => n === name).length;

/** `count` forwarded cases, each with its assignment to `agency-<i mod 3>` and its ladder. */
async function ladders(count: number) {
  const calendar = new Calendar((await store.getCalendar('id'))!);
  const now = new Date('2026-03-16T03:00:00.000Z');
  for (const id of ['agency-0', 'agency-1', 'agency-2'])
    await store.putAgency(
      newAgency({ id, name: `Instansi ${id}`, kind: 'ministry', contacts: [] }, now),
      null,
    );
  const refs: { caseId: string; agencyId: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    const c: CaseRecord = newCase({
      id: `G${String(i).padStart(4, '0')}`,
      trackingCode: `GGGG-HHHH-${String(i).padStart(5, '0')}`,
      body: {
        channel: 'letter',
        complainant: { name: 'Pengadu' },
        subject: `Perihal ${i}`,
        description: 'Uraian',
      },
      now,
      verificationDueAt: now,
    });
    const a = newAssignment({
      caseId: c.id,
      agencyId: `agency-${i % 3}`,
      instructions: null,
      forwardedAt: now,
      forwardedBy: 'officer-1',
      timeZone: 'Asia/Jakarta',
      calendar,
      policyId: 'default',
      workingDays: { acknowledge: 3, followUp: 5, resolution: 14 },
      previous: undefined,
    });
    await store.commit({
      case: { record: c, expectedVersion: null },
      assignments: [{ record: a, expectedVersion: null }],
      ladders: [armLadder(undefined, a, now)],
    });
    refs.push({ caseId: c.id, agencyId: a.agencyId });
  }
  return refs;
}

describe('reads and reservations made at once', () => {
  it('reads 40 ladder contexts asked at once in a few BatchGetItems, each as it reads alone', async () => {
    const refs = await ladders(40);
    const read = (r: (typeof refs)[number]) =>
      store.getLadderContext(r.caseId, r.agencyId, [r.agencyId, CENTRAL_TENANT]);
    sent.length = 0;
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
  });

  it('gives 60 reservations asked at once, from two processes, blocks that tile the counter without a gap', async () => {
    const other = storeBeside(store);
    const counts = Array.from({ length: 60 }, (_, i) => 1 + (i % 3));
    sent.length = 0;
    const firsts = await Promise.all(
      counts.map((count, i) =>
        (i % 4 === 3 ? other : store).reserveSequence('letter-2026-test', count),
      ),
    );
    const blocks = firsts
      .map((first, i) => ({ first, count: counts[i]! }))
      .toSorted((x, y) => x.first - y.first);
    let next = 1;
    for (const block of blocks) {
      expect(block.first).toBe(next);
      next += block.count;
    }
    expect(next - 1).toBe(counts.reduce((a, b) => a + b, 0));
    // This process's 45 went in a few ADDs, not one each.
    expect(calls('UpdateItem')).toBeLessThanOrEqual(10);
  });
});
