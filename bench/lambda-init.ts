/**
 * A Lambda bundle's init time, as the cold-start benchmark measures it and the bill prices it
 * (Lambda bills the INIT phase since 2025-08-01): each function bundled as the stack bundles it
 * (infra/bundle.ts), and the wall time of one Node process importing its handler, less an empty
 * Node process, with the stack's environment (bench/lambda-env.ts) and a local stand-in for
 * the Secrets Manager reads some make at module scope.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Metafile } from 'esbuild';
import { bundleFunction } from '../infra/bundle.ts';
import { invokeSource, lambdaEnv } from './lambda-env.ts';

export const root = fileURLToPath(new URL('..', import.meta.url));

export const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface InitBench {
  /** Bundles `entry` (relative to the project) into a folder of its own; its handler's path. */
  bundle(
    entry: string,
    options?: { runtimeSdk?: boolean },
  ): Promise<{ meta: Metafile; handler: string }>;
  /**
   * Wall time in ms of one Node process importing `file` (none: an empty process), invoking its
   * handler with `events` when given (each must answer 2xx).
   */
  run(file?: string, nodeOptions?: string, events?: readonly unknown[]): Promise<number>;
  close(): Promise<void>;
}

export async function initBench(): Promise<InitBench> {
  // The search key and the origin secret, which the API and the e-mail intake read from Secrets
  // Manager at module scope: a local stand-in answers (one round trip on localhost, in their init).
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
  // Inside the project, so the runtime's SDK resolves as on Lambda (node_modules here,
  // /var/runtime/node_modules there).
  await mkdir(join(root, '.tmp'), { recursive: true });
  const dir = await mkdtemp(join(root, '.tmp', 'bundles-'));
  let bundles = 0;

  const importOnly = (file: string) => `await import(${JSON.stringify(pathToFileURL(file).href)});`;
  const withRequests = (file: string, events: readonly unknown[]) => `
    ${invokeSource(pathToFileURL(file).href, events)}
    const statuses = responses.map((r) => r.statusCode);
    if (!statuses.every((s) => s >= 200 && s < 300)) throw new Error(String(statuses));`;

  return {
    async bundle(entry, options = {}) {
      const outdir = join(dir, String((bundles += 1)));
      const meta = await bundleFunction({ entry: join(root, entry), outdir, ...options });
      return { meta, handler: relative(root, join(outdir, 'index.mjs')) };
    },
    run: (file, nodeOptions, events) =>
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
      }),
    async close() {
      secrets.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Each entry's init in seconds: the median of `runs` imports of its bundle less the median of
 * as many empty processes, interleaved.
 */
export async function initSeconds<K extends string>(
  entries: Record<K, string>,
  runs: number,
): Promise<Record<K, number>> {
  const bench = await initBench();
  try {
    const names = Object.keys(entries) as K[];
    const handlers = await Promise.all(
      names.map(async (name) => join(root, (await bench.bundle(entries[name])).handler)),
    );
    const empty: number[] = [];
    const times = names.map((): number[] => []);
    for (let round = 0; round < runs; round += 1) {
      empty.push(await bench.run());
      for (const [i, handler] of handlers.entries()) times[i]!.push(await bench.run(handler));
    }
    return Object.fromEntries(
      names.map((name, i) => [name, Math.max(0, median(times[i]!) - median(empty)) / 1000]),
    ) as Record<K, number>;
  } finally {
    await bench.close();
  }
}
