/**
 * Benchmark: GET /v1/stats/agencies with 200 agencies and 100,000 assignments, against the
 * same with 1,000 (the counters make the cost O(agencies): the ratio should stay near 1).
 * DynamoDB Local in memory, the real Hono app through `app.request()`, a real RS256 token.
 *
 *   npm run bench:stats
 */
import { createApp } from '@pantau/api';
import { type AssignmentRecord, Calendar, counterDeltas, newAssignment } from '@pantau/core';
import { ensureTable, startDynamoDbLocal } from '@pantau/local';
import { DynamoStore, keys, seedBaseline } from '@pantau/store';
import { agencyItems, batchPut, benchAuth, localClient } from './support.ts';

const AGENCIES = 200;
const SIZES = [1_000, 100_000];
const REQUESTS = 25;
const PERIODS = [
  ['2025-01-01', '2025-12-31'],
  ['2025-02-10', '2025-11-20'],
] as const;

const db = await startDynamoDbLocal({ inMemory: true });
try {
  const client = localClient(db.endpoint);
  const { verifier, sign } = await benchAuth();
  const token = await sign('setneg', 'central_officer');

  const results: string[][] = [];
  const medians = new Map<string, number>();
  for (const size of SIZES) {
    const tableName = `stats-${size}`;
    const store = new DynamoStore({ client, tableName, searchKey: 'bench' });
    await ensureTable(client, tableName);
    await seedBaseline(store, new Date('2025-01-01T00:00:00Z'));
    const calendar = new Calendar((await store.getCalendar('id'))!);
    const put = (items: Record<string, unknown>[]) => batchPut(store, items);
    const loadStarted = performance.now();
    await put(agencyItems(AGENCIES, new Date('2025-01-01T00:00:00Z')));
    // Assignments spread over 2025 with mixed outcomes, and the counters their history adds up to.
    const counters = new Map<string, Record<string, number>>();
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < size; i += 1) {
      const forwardedAt = new Date(
        Date.UTC(2025, 0, 1) + Math.floor((i / size) * 364 * 86_400_000) + 3 * 3_600_000,
      );
      const agencyId = `agency-${i % AGENCIES}`;
      const fresh = newAssignment({
        caseId: `C${String(i).padStart(7, '0')}`,
        agencyId,
        instructions: null,
        forwardedAt,
        forwardedBy: 'bench',
        timeZone: 'Asia/Jakarta',
        calendar,
        policyId: 'default',
        workingDays: { acknowledge: 3, followUp: 5, resolution: 14 },
        previous: undefined,
      });
      let a: AssignmentRecord = fresh;
      const outcome = i % 10;
      if (outcome >= 2) {
        const at = new Date(forwardedAt.getTime() + (outcome % 7) * 86_400_000).toISOString();
        a = {
          ...a,
          state: outcome >= 6 ? 'completed' : 'responded',
          met: { acknowledge: at, followUp: at, resolution: outcome >= 6 ? at : null },
        };
      } else if (outcome === 1) {
        a = {
          ...a,
          state: 'redirected',
          redirect: { reason: 'r', suggestedAgencyId: null, at: forwardedAt.toISOString() },
        };
      }
      for (const update of [
        ...counterDeltas(undefined, fresh, calendar),
        ...(a === fresh ? [] : counterDeltas(fresh, a, calendar)),
      ]) {
        const key = `${update.agencyId}|${update.date}`;
        const sums = counters.get(key) ?? {};
        for (const [k, v] of Object.entries(update.add)) sums[k] = (sums[k] ?? 0) + v;
        counters.set(key, sums);
      }
      items.push({ ...keys.assignment(a.caseId, agencyId), entity: 'assignment', ...a });
    }
    await put(items);
    await put(
      [...counters].map(([key, sums]) => {
        const [agencyId, date] = key.split('|') as [string, string];
        return {
          ...keys.statsBucket(agencyId, date),
          entity: 'stats_day',
          agencyId,
          date,
          ...sums,
        };
      }),
    );
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const app = createApp({
      store,
      verifier,
      clock: () => new Date('2026-01-15T03:00:00Z'),
      logger: undefined,
    });
    for (const [from, to] of PERIODS) {
      const times: number[] = [];
      let assigned = 0;
      for (let r = 0; r < REQUESTS + 3; r += 1) {
        const started = performance.now();
        const res = await app.request(`/v1/stats/agencies?from=${from}&to=${to}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await res.json()) as { totals: { assigned: number } };
        if (r >= 3) times.push(performance.now() - started); // the first runs warm up
        assigned = body.totals.assigned;
      }
      times.sort((x, y) => x - y);
      const median = times[Math.floor(times.length / 2)]!;
      medians.set(`${size}|${from}`, median);
      results.push([
        size.toLocaleString('en'),
        `${from} – ${to}`,
        String(assigned),
        median.toFixed(1),
        times[Math.floor(times.length * 0.9)]!.toFixed(1),
        loadSeconds.toFixed(1),
      ]);
    }
  }
  console.log(
    `\nGET /v1/stats/agencies, ${AGENCIES} agencies (${new Date().toISOString().slice(0, 10)}, ${process.version}, DynamoDB Local)`,
  );
  const header = ['assignments', 'period', 'counted', 'median ms', 'p90 ms', 'load s'];
  for (const row of [header, ...results])
    console.log(`  ${row.map((c, i) => c.padEnd([12, 26, 8, 10, 8, 7][i]!)).join(' ')}`);
  for (const [from] of PERIODS) {
    const ratio = medians.get(`${SIZES[1]}|${from}`)! / medians.get(`${SIZES[0]}|${from}`)!;
    console.log(
      `  ratio of medians, ${SIZES[1]!.toLocaleString('en')} / ${SIZES[0]!.toLocaleString('en')} (from ${from}): ${ratio.toFixed(2)}`,
    );
  }
  client.destroy();
} finally {
  await db.stop();
}
