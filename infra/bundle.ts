/**
 * How every Lambda function is bundled: the one source of the esbuild options, used by the
 * stack (infra/function.ts runs this file as a script while synthesising, since the CDK bundles
 * synchronously and esbuild's plugins need its asynchronous API) and by the cold-start benchmark
 * (bench/cold-start.ts imports `bundleFunction`).
 *
 *   node infra/bundle.ts <entry.ts> <output dir> [<name>]
 *
 * Only esbuild and Node's own modules are imported here: Node 24 runs the file as it is.
 */
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ESM has no `require`; a CommonJS dependency that calls require('node:…') needs one. */
export const REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * The AWS SDK packages the Lambda runtime also ships (Node.js 24 includes the SDK v3): the
 * clients and the DynamoDB document client. The functions bundle the lock file's instead: the
 * SDK every test ran against, and a faster init (the API's 262 ms against 318 ms on a quiet
 * machine: the runtime's packages are hundreds of CommonJS files Node resolves, reads, checks
 * for ESM syntax and compiles one by one). The cold-start benchmark builds the API both ways
 * (`runtimeSdk`); BENCHMARKS.md "Cold start", infra/README.md.
 */
export const RUNTIME_SDK = [
  '@aws-sdk/client-dynamodb',
  '@aws-sdk/client-s3',
  '@aws-sdk/client-secrets-manager',
  '@aws-sdk/client-sesv2',
  '@aws-sdk/client-sfn',
  '@aws-sdk/lib-dynamodb',
] as const;

/**
 * zod 4's namespace object (`z`, which @hono/zod-openapi extends) carries every locale's error
 * messages, about 250 KB minified, as `z.locales`. The functions only ever use English (zod's
 * default, set by zod itself from `locales/en.js`); this keeps that one. The console, which does
 * switch to Indonesian, is built by Vite and does not go through here.
 */
export const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-en' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

export interface BundleOptions {
  /** The entry point (an absolute path or one relative to the working directory). */
  readonly entry: string;
  readonly outdir: string;
  /** The handler file's name without `.mjs` (the stack's handler is `index.handler`). */
  readonly name?: string;
  /**
   * Leave RUNTIME_SDK to the runtime's SDK instead of bundling the lock file's: the other side
   * of the cold-start benchmark's comparison.
   */
  readonly runtimeSdk?: boolean;
}

/**
 * The esbuild options: minified, tree-shaken ESM for Node 24 with source maps (without their
 * sources: the map only has to name files and lines), and code splitting, so a dynamic
 * `import()` of a rarely used module (the spreadsheet import, the workbook downloads, the
 * upload sniffer) becomes a chunk file loaded on first use instead of part of every cold start.
 */
export const bundleOptions = (options: BundleOptions): BuildOptions => ({
  entryPoints: { [options.name ?? 'index']: options.entry },
  outdir: options.outdir,
  outExtension: { '.js': '.mjs' },
  // Beside the handler, not in a folder: modules find their files (the letters' fonts) next to
  // `import.meta.url`.
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  banner: { js: REQUIRE_BANNER },
  external: options.runtimeSdk ? [...RUNTIME_SDK] : [],
  plugins: [zodEnglishOnly],
  metafile: true,
  logLevel: 'warning',
});

/**
 * The output files a cold start loads: the handler file and every chunk it imports statically
 * (chunks behind a dynamic `import()` load on first use).
 */
export function loadedAtInit(meta: Metafile, handler: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of meta.outputs[file]?.imports ?? [])
      if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(handler);
  return [...seen];
}

export async function bundleFunction(options: BundleOptions): Promise<Metafile> {
  const result = await build(bundleOptions(options));
  return result.metafile!;
}

// Run as a script (by infra/function.ts, at synth).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [entry, outdir, name] = process.argv.slice(2);
  if (!entry || !outdir) throw new Error('usage: node infra/bundle.ts <entry> <outdir> [<name>]');
  await bundleFunction({ entry, outdir, ...(name ? { name } : {}) });
}
