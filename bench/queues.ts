/**
 * Benchmark: flat queues. GET /v1/queue (one agency) and GET /v1/assignments?overdue=true
 * (central) at 1,000 and at 100,000 open assignments, bulk-loaded; ratio of medians.
 * DynamoDB Local in memory, the real app through `app.request()`, a real RS256 token.
 *
 *   npm run bench:queues
 */
import { createApp } from '@pantau/api';
import { Calendar, newAssignment, nextDueAt } from '@pantau/core';
import { ensureTable, startDynamoDbLocal } from '@pantau/local';
import { DynamoStore, keys, seedBaseline } from '@pantau/store';
import { batchPut, benchAuth, localClient } from './support.ts';

const SIZES = [1_000, 100_000];
const REQUESTS = 30;
const AGENCIES = 200;

const db = await startDynamoDbLocal({ inMemory: true });
try {
  const client = localClient(db.endpoint);
  const { verifier, sign } = await benchAuth();
  const central = await sign('setneg', 'central_officer');
  const agency = await sign('agency-0', 'agency_officer');
  const medians = new Map<string, number>();
  const rows: string[] = [];
  for (const size of SIZES) {
    const store = new DynamoStore({ client, tableName: `queues-${size}`, searchKey: 'bench' });
    await ensureTable(client, store.tableName);
    await seedBaseline(store, new Date('2026-01-01T00:00:00Z'));
    const calendar = new Calendar((await store.getCalendar('id'))!);
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < size; i += 1) {
      // Forwarded over the six months before "now": many overdue, some not yet.
      const forwardedAt = new Date(
        Date.parse('2026-01-05T03:00:00Z') + Math.floor((i / size) * 180 * 86_400_000),
      );
      // agency-0, the queue timed, gets a tenth of everything.
      const agencyId = i % 10 === 0 ? 'agency-0' : `agency-${1 + (i % (AGENCIES - 1))}`;
      const a = newAssignment({
        caseId: `C${String(i).padStart(7, '0')}`,
        agencyId,
        instructions: null,
        forwardedAt,
        forwardedBy: 'b',
        timeZone: 'Asia/Jakarta',
        calendar,
        policyId: 'default',
        workingDays: { acknowledge: 3, followUp: 5, resolution: 60 },
        previous: undefined,
      });
      const sortKey = `${nextDueAt(a)}#${a.caseId}#${agencyId}`;
      items.push({
        ...keys.assignment(a.caseId, agencyId),
        entity: 'assignment',
        gsi1pk: keys.queue(agencyId, 'open'),
        gsi1sk: sortKey,
        gsi2pk: keys.worklist('open'),
        gsi2sk: sortKey,
        ...a,
      });
    }
    await batchPut(store, items);
    const app = createApp({ store, verifier, clock: () => new Date('2026-06-15T03:00:00Z') });
    for (const [label, path, tok] of [
      ['GET /v1/queue', '/v1/queue?limit=25', agency],
      ['GET /v1/assignments?overdue=true', '/v1/assignments?overdue=true&limit=25', central],
    ] as const) {
      const times: number[] = [];
      for (let r = 0; r < REQUESTS + 30; r += 1) {
        const t = performance.now();
        const res = await app.request(path, { headers: { authorization: `Bearer ${tok}` } });
        const body = (await res.json()) as { items: unknown[] };
        if (body.items.length !== 25) throw new Error(`${label}: ${body.items.length} items`);
        if (r >= 30) times.push(performance.now() - t); // after a warm-up
      }
      times.sort((x, y) => x - y);
      const median = times[Math.floor(times.length / 2)]!;
      medians.set(`${label}|${size}`, median);
      rows.push(
        `  ${size.toLocaleString('en').padEnd(10)} ${label.padEnd(34)} median ${median.toFixed(1)} ms, p90 ${times[Math.floor(times.length * 0.9)]!.toFixed(1)} ms`,
      );
    }
  }
  console.log(
    `\nFlat queues (${new Date().toISOString().slice(0, 10)}, ${process.version}, DynamoDB Local, first page of 25)`,
  );
  for (const row of rows) console.log(row);
  for (const label of ['GET /v1/queue', 'GET /v1/assignments?overdue=true']) {
    console.log(
      `  ratio of medians ${label}: ${(medians.get(`${label}|${SIZES[1]}`)! / medians.get(`${label}|${SIZES[0]}`)!).toFixed(2)}`,
    );
  }
  client.destroy();
} finally {
  await db.stop();
}
