/**
 * Benchmark: Lambda bundle sizes (minified, tree-shaken ESM, as the CDK stack bundles them,
 * AWS SDK included) and the time Node takes to load and initialise the API bundle: the
 * median of several whole-process runs, less an empty Node process.
 *
 *   npm run bench:cold-start
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const RUNS = 9;
// pdf-renderer: the API's second file (infra/api.ts), loaded on the first PDF request only.
const ENTRIES = ['api', 'pdf-renderer', 'ladder-tick', 'ladder-continue', 'ladder-sweep', 'seed'];
const dir = await mkdtemp(join(tmpdir(), 'pantau-bundles-'));
const env = {
  ...process.env,
  AWS_REGION: 'ap-southeast-3',
  TABLE_NAME: 'pantau',
  JWT_ISSUER: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_example',
  JWT_AUDIENCE: 'client',
  JWKS_URL:
    'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_example/.well-known/jwks.json',
  STATE_MACHINE_ARN: 'arn:aws:states:ap-southeast-3:123456789012:stateMachine:Pantau-ladder',
  // A stand-in of the value Secrets Manager generates (48 characters) for CloudFront's header.
  ORIGIN_SECRET: 'o'.repeat(48),
  ATTACHMENTS_BUCKET: 'pantau-attachments',
  MAIL_FROM: 'pantau@example.go.id',
  // What the stack sets on every observed function (infra/function.ts).
  POWERTOOLS_SERVICE_NAME: 'pantau-api',
  POWERTOOLS_METRICS_NAMESPACE: 'Pantau',
  LOG_LEVEL: 'SILENT',
};
try {
  console.log(
    `\nLambda bundles (${new Date().toISOString().slice(0, 10)}, esbuild, minified ESM, node24 target)`,
  );
  for (const entry of ENTRIES) {
    const outfile = join(dir, `${entry}.mjs`);
    await build({
      entryPoints: [`functions/${entry}.ts`],
      bundle: true,
      minify: true,
      treeShaking: true,
      platform: 'node',
      target: 'node24',
      format: 'esm',
      outfile,
      banner: {
        js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
      },
      logLevel: 'silent',
    });
    const bytes = (await stat(outfile)).size;
    const gz = gzipSync(await readFile(outfile)).length;
    console.log(
      `  ${entry.padEnd(16)} ${(bytes / 1024).toFixed(0).padStart(5)} KB  (gzip ${(gz / 1024).toFixed(0)} KB)`,
    );
  }
  const run = (code: string) => {
    const t = performance.now();
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
      env,
      encoding: 'utf8',
    });
    if (out.status !== 0) throw new Error(out.stderr);
    return performance.now() - t;
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const empty = median(Array.from({ length: RUNS }, () => run('')));
  const withApi = median(
    Array.from({ length: RUNS }, () =>
      run(`await import(${JSON.stringify(join(dir, 'api.mjs'))});`),
    ),
  );
  console.log(
    `  API init (load + module scope: config, clients, Hono app, OpenAPI routes): ${(withApi - empty).toFixed(0)} ms`,
  );
  console.log(
    `  (whole process ${withApi.toFixed(0)} ms, empty Node ${empty.toFixed(0)} ms, median of ${RUNS})`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
