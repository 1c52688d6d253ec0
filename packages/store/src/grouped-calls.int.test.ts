/**
 * Reservations of one counter asked at once, answered as if each asked alone: the letters'
 * numbers in shared ADDs, on DynamoDB Local (`GroupedCalls`). The ladder contexts read together
 * are tested beside the lone read, in dynamo-store.int.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { countingClient, freshStore, storeBeside } from '../../../test/support/dynamodb.ts';
import type { DynamoStore } from './dynamo-store.ts';

const sent: string[] = [];
let store: DynamoStore;
beforeAll(async () => {
  store = await freshStore({ client: countingClient(sent) });
});
const calls = (name: string) => sent.filter((n) => n === name).length;

describe('reservations made at once', () => {
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
