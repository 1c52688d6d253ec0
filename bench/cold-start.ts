/**
 * Benchmark: each Lambda bundle as the stack builds it (infra/bundle.ts, the one source of the
 * esbuild options: minified ESM, code splitting, the lock file's AWS SDK bundled), what it loads
 * at cold start (the handler file and the chunks it imports statically; chunks behind a dynamic
 * `import()` load on first use), and the time Node takes to load and initialise it: the median
 * of several whole-process runs, less an empty Node process, with the stack's NODE_OPTIONS.
 *
 * In the same run, and bundled the same way: a bare Hono app with one zod-validated route
 * (bench/bare-hono.ts), the API's baseline; and the API with the AWS SDK left to the runtime's, the
 * other side of the runtime-SDK trade-off. The API and the bare app are also timed with their
 * first request (FIRST_REQUEST). Runs are interleaved (one of each per round), so a busy machine
 * slows every variant alike.
 *
 *   npm run bench:cold-start            (BENCH_RUNS=15 for more rounds)
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadedAtInit } from '../infra/bundle.ts';
import { httpApiEvent } from './lambda-env.ts';
import { initBench, median, root } from './lambda-init.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);

interface Target {
  readonly name: string;
  readonly entry: string;
  readonly runtimeSdk?: boolean;
  /** Instead of the stack's NODE_OPTIONS (`--enable-source-maps`). */
  readonly nodeOptions?: string;
}
const TARGETS: readonly Target[] = [
  { name: 'api', entry: 'functions/api.ts' },
  { name: 'api, runtime SDK', entry: 'functions/api.ts', runtimeSdk: true },
  // What the stack's `--enable-source-maps` costs: Node reads the bundle's map at load.
  { name: 'api, no source maps', entry: 'functions/api.ts', nodeOptions: '' },
  { name: 'bare Hono + zod', entry: 'bench/bare-hono.ts' },
  // The API's second file (infra/api.ts), loaded on the first PDF request only.
  { name: 'pdf-renderer', entry: 'functions/pdf-renderer.ts' },
  { name: 'ladder-tick', entry: 'functions/ladder-tick.ts' },
  { name: 'ladder-continue', entry: 'functions/ladder-continue.ts' },
  { name: 'ladder-sweep', entry: 'functions/ladder-sweep.ts' },
  { name: 'rearm-job', entry: 'functions/rearm-job.ts' },
  { name: 'mail-intake', entry: 'functions/mail-intake.ts' },
  { name: 'scan-result', entry: 'functions/scan-result.ts' },
  { name: 'ses-events', entry: 'functions/ses-events.ts' },
  { name: 'seed', entry: 'functions/seed.ts' },
];

const bench = await initBench();

/**
 * A cold start as a caller meets it is the init and the first request. Node loads its fetch
 * implementation (undici: `Request`, `Response`, ~40 ms) on first use, which the Lambda adapter
 * makes on every request: the API's init pays it (Powertools' Tracer imports `node:http`, whose
 * ES module namespace reads its lazy `WebSocket`), the bare app's first request does. So the two
 * are also compared with one request each: the API's `GET /health`, the bare app's validated
 * POST.
 */
const FIRST_REQUEST: Record<string, unknown[]> = {
  api: [httpApiEvent('GET', '/health', { host: 'api.example' })],
  'bare Hono + zod': [
    httpApiEvent(
      'POST',
      '/v1/cases',
      { host: 'api.example' },
      { subject: 'Jalan rusak', description: 'Uraian' },
    ),
  ],
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

try {
  const built: { target: Target; handler: string; atInit: number; gzip: number; lazy: number }[] =
    [];
  for (const target of TARGETS) {
    const { meta, handler } = await bench.bundle(
      target.entry,
      target.runtimeSdk ? { runtimeSdk: true } : {},
    );
    const files = loadedAtInit(meta, handler);
    const contents = await Promise.all(files.map((f) => readFile(join(root, f))));
    const all = Object.entries(meta.outputs).filter(([f]) => !f.endsWith('.map'));
    built.push({
      target,
      handler: join(root, handler),
      atInit: contents.reduce((sum, c) => sum + c.length, 0),
      gzip: gzipSync(Buffer.concat(contents)).length,
      lazy:
        all.reduce((sum, [, o]) => sum + o.bytes, 0) - contents.reduce((s, c) => s + c.length, 0),
    });
  }

  const times = new Map<string, number[]>(built.map((b) => [b.target.name, []]));
  const withRequest = new Map<string, number[]>(Object.keys(FIRST_REQUEST).map((n) => [n, []]));
  const empty: number[] = [];
  for (let round = 0; round < RUNS; round += 1) {
    empty.push(await bench.run());
    for (const b of built) {
      times.get(b.target.name)!.push(await bench.run(b.handler, b.target.nodeOptions));
      const events = FIRST_REQUEST[b.target.name];
      if (events)
        withRequest.get(b.target.name)!.push(await bench.run(b.handler, undefined, events));
    }
  }
  const emptyMs = median(empty);
  const initMs = (name: string) => median(times.get(name)!) - emptyMs;
  const coldMs = (name: string) => median(withRequest.get(name)!) - emptyMs;

  console.log(
    `\nLambda bundles (${new Date().toISOString().slice(0, 10)}, infra/bundle.ts: minified ESM, node24, code splitting; median of ${RUNS} runs)`,
  );
  console.log(
    `  ${'bundle'.padEnd(18)} ${'loaded at init'.padStart(14)} ${'gzip'.padStart(8)} ${'on demand'.padStart(10)} ${'init'.padStart(8)}`,
  );
  for (const b of built)
    console.log(
      `  ${b.target.name.padEnd(18)} ${kb(b.atInit).padStart(14)} ${kb(b.gzip).padStart(8)} ${kb(b.lazy).padStart(10)} ${`${initMs(b.target.name).toFixed(0)} ms`.padStart(8)}`,
    );
  const api = built.find((b) => b.target.name === 'api')!;
  console.log(`  (empty Node ${emptyMs.toFixed(0)} ms, subtracted)`);
  console.log(
    `  API loaded at init ${kb(api.atInit)} (goal ≤ 400 KB): ${api.atInit <= 400 * 1024 ? 'met' : 'not met'}`,
  );
  const ratio = initMs('api') / initMs('bare Hono + zod');
  console.log(
    `  API init / bare Hono + zod init: ${ratio.toFixed(2)}× (goal ≤ 2×): ${ratio <= 2 ? 'met' : 'not met'}`,
  );
  const cold = coldMs('api') / coldMs('bare Hono + zod');
  console.log(
    `  Init and the first request: API ${coldMs('api').toFixed(0)} ms (GET /health), bare Hono + zod ${coldMs('bare Hono + zod').toFixed(0)} ms (a validated POST): ${cold.toFixed(2)}×`,
  );
  console.log(
    `  Lock file's SDK bundled vs the runtime's: API init ${initMs('api').toFixed(0)} ms vs ${initMs('api, runtime SDK').toFixed(0)} ms`,
  );
  console.log(
    `  --enable-source-maps: API init ${initMs('api').toFixed(0)} ms with, ${initMs('api, no source maps').toFixed(0)} ms without`,
  );
} finally {
  await bench.close();
}
