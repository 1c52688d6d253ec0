/**
 * Benchmark: search at 30,000 and 300,000 cases (BENCH_SEARCH_SIZES to change), embedded:
 * DynamoDB Local (in memory; BENCH_SEARCH_DISK=1 for a file), the real Hono app through
 * `app.request()`, a real RS256 token. Cases in realistic Indonesian (topics, regencies,
 * respondents, names), bulk-loaded with BatchWriteItem together with exactly the index items
 * the store's transaction would write (`indexWrites`). One table grows through the sizes and
 * is measured at each: an identifier lookup (a phone typed in national form), a two-word
 * search with a common and a rare word (first page), two common words, and the index's extra
 * write units.
 *
 * Loading is what takes the time (about 31 items a case): DynamoDB Local applies every write
 * on one SQLite thread, so the loader keeps BENCH_SEARCH_CONCURRENCY (default 32) requests in
 * flight to keep that thread busy, and makes the items as it goes. It prints its rate and a
 * projection; past BENCH_SEARCH_LOAD_MINUTES (default 70) of loading it stops and measures
 * the size it reached.
 *
 *   npm run bench:search
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createApp } from '@pantau/api';
import { ensureTable, startDynamoDbLocal } from '@pantau/local';
import {
  caseItem,
  DynamoStore,
  indexWrites,
  itemSize,
  SearchKeys,
  seedBaseline,
  trackingCodeItem,
} from '@pantau/store';
import { generatedCase, REGENCIES, rng } from './search-cases.ts';
import { benchAuth, localClient } from './support.ts';

const SIZES = (process.env.BENCH_SEARCH_SIZES ?? '30000,300000')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const CONCURRENCY = Number(process.env.BENCH_SEARCH_CONCURRENCY ?? 32);
const LOAD_BUDGET_MS = Number(process.env.BENCH_SEARCH_LOAD_MINUTES ?? 70) * 60_000;
const REQUESTS = 60;
const KEY = 'bench-search-key';
const TABLE = 'search';

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

const dataDir = mkdtempSync(join(tmpdir(), 'pantau-bench-search-'));
const db = await startDynamoDbLocal(
  process.env.BENCH_SEARCH_DISK ? { dataDir } : { inMemory: true },
);
try {
  const client = localClient(db.endpoint);
  const { verifier, sign } = await benchAuth();
  const token = await sign('setneg', 'central_officer');
  const searchKeys = new SearchKeys(KEY);
  const store = new DynamoStore({ client, tableName: TABLE, searchKey: KEY });
  await ensureTable(client, TABLE);
  await seedBaseline(store, new Date('2024-01-01T00:00:00Z'));
  const app = createApp({
    store,
    verifier,
    clock: () => new Date('2026-03-16T03:00:00Z'),
    logger: new Logger({ logLevel: 'SILENT' }),
  });

  const rows: string[][] = [];
  const p50s = new Map<string, number>();
  const loads: string[] = [];
  const writeUnits = { total: 0, items: 0, max: 0, cases: 0 };
  const random = rng(30_000);
  let loaded = 0; // cases
  let itemsLoaded = 0;
  let loadMs = 0; // loading time over all sizes so far
  let outOfTime = false;

  /** The items of cases `loaded` … `size − 1`, 25 to a request, made as the loader asks. */
  function* requests(size: number) {
    let chunk: Record<string, unknown>[] = [];
    for (; loaded < size && !outOfTime; loaded += 1) {
      const c = generatedCase(loaded, random);
      const index = indexWrites(TABLE, searchKeys, null, c).map((w) => w.Put!.Item!);
      if (writeUnits.cases < 10_000) {
        // Transactional writes cost 2 write units per KB (rounded up) of each item.
        const units = index.reduce((sum, item) => sum + 2 * Math.ceil(itemSize(item) / 1024), 0);
        writeUnits.total += units;
        writeUnits.items += index.length;
        writeUnits.max = Math.max(writeUnits.max, units);
        writeUnits.cases += 1;
      }
      for (const item of [caseItem(c), trackingCodeItem(c), ...index]) {
        chunk.push(item);
        if (chunk.length === 25) {
          yield chunk;
          chunk = [];
        }
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  async function load(size: number) {
    const from = loaded;
    const started = performance.now();
    const source = requests(size);
    let last = { at: started, items: itemsLoaded };
    const progress = setInterval(() => {
      const now = performance.now();
      const elapsed = loadMs + (now - started);
      const rate = (itemsLoaded - last.items) / ((now - last.at) / 1000);
      const casesPerMs = loaded / elapsed;
      console.error(
        `  ${loaded.toLocaleString('en')} cases (${itemsLoaded.toLocaleString('en')} items): ` +
          `${rate.toFixed(0)} items/s now, ${(casesPerMs * 1000).toFixed(0)} cases/s overall, ` +
          `${minutes(elapsed)} so far; ${SIZES.at(-1)!.toLocaleString('en')} at this rate after ` +
          `${minutes(SIZES.at(-1)! / casesPerMs)}`,
      );
      last = { at: now, items: itemsLoaded };
      if (elapsed > LOAD_BUDGET_MS) outOfTime = true;
    }, 30_000);
    try {
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (const chunk of source) {
            let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
            for (let attempt = 0; pending.length > 0; attempt += 1) {
              if (attempt > 0)
                await new Promise((r) => setTimeout(r, Math.min(1_000, 50 * attempt)));
              const out = await store.client.send(
                new BatchWriteCommand({ RequestItems: { [TABLE]: pending } }),
              );
              pending = (out.UnprocessedItems?.[TABLE] ?? []) as typeof pending;
            }
            itemsLoaded += chunk.length;
          }
        }),
      );
    } finally {
      clearInterval(progress);
    }
    const ms = performance.now() - started;
    loadMs += ms;
    const line =
      `${from.toLocaleString('en')} → ${loaded.toLocaleString('en')} cases in ${minutes(ms)} ` +
      `(${(((loaded - from) * 1000) / ms).toFixed(0)} cases/s); ${itemsLoaded.toLocaleString('en')} items in all`;
    loads.push(line);
    console.error(`  loaded ${line}`);
  }

  const time = async (q: string, expectMatch: boolean) => {
    const started = performance.now();
    // The console's way: the GET refuses an identifier (the phone lookups below) in its URL.
    const res = await app.request('/v1/search', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ q, limit: 25 }),
    });
    const body = (await res.json()) as { items: unknown[] };
    const ms = performance.now() - started;
    if (res.status !== 200 || (expectMatch && body.items.length === 0))
      throw new Error(`${q}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    return { ms, hits: body.items.length };
  };
  const measure = async (size: number, label: string, query: (n: number) => string) => {
    console.error(`  ${size}: ${label}`);
    const mustMatch = label.startsWith('lookup');
    for (let n = 0; n < 5; n += 1) await time(query(n), mustMatch); // warm-up
    const ms: number[] = [];
    let hits = 0;
    for (let n = 0; n < REQUESTS; n += 1) {
      const r = await time(query(n + 5), mustMatch);
      ms.push(r.ms);
      hits += r.hits;
    }
    const p50 = percentile(ms, 50);
    p50s.set(`${label}@${size}`, p50);
    const row = [
      size.toLocaleString('en'),
      label,
      (hits / REQUESTS).toFixed(1),
      `${p50.toFixed(1)} ms`,
      `${percentile(ms, 99).toFixed(1)} ms`,
    ];
    rows.push(row);
    // Printed at once too: a long run that dies later keeps the sizes it measured.
    console.error(`  | ${row.join(' | ')} |`);
  };

  const measured: number[] = [];
  for (const target of SIZES) {
    await load(target);
    const size = loaded;
    if (measured.at(-1) === size) break;
    measured.push(size);
    // Spread over the loaded cases, so the lookups do not all hit the newest ones.
    const some = (n: number) => Math.floor((((n * 7_919) % 1_000) / 1_000) * size);
    await measure(size, 'lookup: phone, national form', (n) => {
      const i = some(n);
      return `08${String(1_100_000_000 + i).replace(/(\d{3})(\d{4})/, '$1-$2-')}`;
    });
    await measure(
      size,
      'words: common + rare ("tanah <regency>")',
      (n) => `tanah ${REGENCIES[n % REGENCIES.length]!}`,
    );
    await measure(size, 'words: common + common ("sertifikat tanah")', () => 'sertifikat tanah');
    if (outOfTime) {
      console.error(
        `  stopped loading at ${size.toLocaleString('en')} cases: the load budget ` +
          `(${minutes(LOAD_BUDGET_MS)}) ran out`,
      );
      break;
    }
  }

  console.log(`loading (${CONCURRENCY} requests in flight):`);
  for (const line of loads) console.log(`- ${line}`);
  console.log('| cases | query | hits (first page) | p50 | p99 |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  const [small, large] = [measured[0]!, measured.at(-1)!];
  if (large !== small)
    for (const label of [...p50s.keys()]
      .filter((k) => k.endsWith(`@${small}`))
      .map((k) => k.split('@')[0]!))
      console.log(
        `ratio of p50, ${large} / ${small}, ${label}: ${(p50s.get(`${label}@${large}`)! / p50s.get(`${label}@${small}`)!).toFixed(2)}`,
      );
  console.log(
    `index writes per case (first ${writeUnits.cases.toLocaleString('en')}): ${(writeUnits.items / writeUnits.cases).toFixed(1)} items, ` +
      `${(writeUnits.total / writeUnits.cases).toFixed(1)} write units on average (transactional), ${writeUnits.max} at most`,
  );
} finally {
  await db.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
