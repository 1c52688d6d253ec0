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
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleFunction, loadedAtInit } from '../infra/bundle.ts';
import { httpApiEvent, invokeSource, lambdaEnv } from './lambda-env.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const root = fileURLToPath(new URL('..', import.meta.url));

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

// The search key, which the API and the e-mail intake read from Secrets Manager at module scope:
// a local stand-in answers (one round trip on localhost, counted in their init).
const secrets = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    res.end(JSON.stringify({ Name: 'search-key', SecretString: 'bench-search-key' }));
  });
});
await new Promise<void>((resolve) => secrets.listen(0, '127.0.0.1', resolve));

const env = {
  ...process.env,
  ...lambdaEnv(`http://127.0.0.1:${(secrets.address() as AddressInfo).port}`),
};

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

const importOnly = (file: string) => `await import(${JSON.stringify(pathToFileURL(file).href)});`;
const withRequests = (file: string, events: unknown[]) => `
  ${invokeSource(pathToFileURL(file).href, events)}
  const statuses = responses.map((r) => r.statusCode);
  if (!statuses.every((s) => s >= 200 && s < 300)) throw new Error(String(statuses));`;

/**
 * Wall time of one Node process importing `file` (none: an empty process), and invoking its
 * handler with `events` when given (each must answer 2xx).
 */
const run = (file?: string, nodeOptions?: string, events?: unknown[]) =>
  new Promise<number>((resolve, reject) => {
    const code = !file ? '' : events ? withRequests(file, events) : importOnly(file);
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
      env: { ...env, ...(nodeOptions === undefined ? {} : { NODE_OPTIONS: nodeOptions }) },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (status) =>
      status === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`${file ?? 'empty'}: ${stderr}`)),
    );
  });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

// Inside the project, so the runtime's SDK resolves as on Lambda (node_modules here,
// /var/runtime/node_modules there).
await mkdir(join(root, '.tmp'), { recursive: true });
const dir = await mkdtemp(join(root, '.tmp', 'bundles-'));
try {
  const built: { target: Target; handler: string; atInit: number; gzip: number; lazy: number }[] =
    [];
  for (const [i, target] of TARGETS.entries()) {
    const outdir = join(dir, String(i));
    const meta = await bundleFunction({
      entry: join(root, target.entry),
      outdir,
      ...(target.runtimeSdk ? { runtimeSdk: true } : {}),
    });
    const handler = relative(root, join(outdir, 'index.mjs'));
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
    empty.push(await run());
    for (const b of built) {
      times.get(b.target.name)!.push(await run(b.handler, b.target.nodeOptions));
      const events = FIRST_REQUEST[b.target.name];
      if (events) withRequest.get(b.target.name)!.push(await run(b.handler, undefined, events));
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
  secrets.close();
  await rm(dir, { recursive: true, force: true });
}
