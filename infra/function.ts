import { AssetHashType, DockerImage, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { ICommandHooks, NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { execFileSync, execSync, type ExecSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: entry points, the lock file and esbuild are resolved from here. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The Powertools services (`POWERTOOLS_SERVICE_NAME`): the `service` dimension of every
 * business metric and the `service` of every log line. Set here only; the functions parse it
 * (functions/config.ts) and the dashboard and alarms (infra/observability.ts) read it.
 */
export const SERVICE = { api: 'pantau-api', ladder: 'pantau-ladder', mail: 'pantau-mail' } as const;
export type ServiceName = (typeof SERVICE)[keyof typeof SERVICE];

/** The CloudWatch namespace of the business metrics (`POWERTOOLS_METRICS_NAMESPACE`). */
export const METRICS_NAMESPACE = 'Pantau';

/** Absolute path of a Lambda entry point in functions/, e.g. `entryPoint('api.ts')`. */
export const entryPoint = (file: string): string =>
  fileURLToPath(new URL(`../functions/${file}`, import.meta.url));

/** The bundling script (infra/bundle.ts): the one source of the esbuild options. */
const BUNDLE_SCRIPT = fileURLToPath(new URL('./bundle.ts', import.meta.url));

/** The command running infra/bundle.ts, as a shell command (for `filesBeside`-style hooks). */
const bundleCommand = (entry: string, output: string, name?: string): string =>
  [
    `"${process.execPath}"`,
    '--disable-warning=ExperimentalWarning', // Node 24's type stripping, which runs bundle.ts
    `"${BUNDLE_SCRIPT}"`,
    `"${entry}"`,
    `"${output}"`,
    ...(name ? [name] : []),
  ].join(' ');

/**
 * The command bundling a second entry point of functions/ beside a function's handler (as
 * `<name>.mjs`, with the handler's settings), for code the handler imports only when needed:
 * the API's PDF renderer (issue 15).
 */
export const sideBundle = (file: string, output: string): string =>
  bundleCommand(entryPoint(file), output, file.replace(/\.ts$/, ''));

/**
 * Bundling options that only add files beside the bundle once esbuild is done (the letters'
 * font, Swagger UI's files): `commands(output)` runs in the bundle's output folder.
 */
export const filesBeside = (commands: (output: string) => string[]) => ({
  commandHooks: {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_input: string, output: string) => commands(output),
  },
});

/** Commands copying the PDF letters' font files beside a bundle (`fonts/`, issue 15). */
export const fontCopy = (output: string): string[] => {
  const dir = join(
    dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
    'ttf',
  );
  return [
    `mkdir -p "${output}/fonts"`,
    ...['DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf'].map(
      (f) => `cp "${join(dir, f)}" "${output}/fonts/"`,
    ),
  ];
};

/**
 * Bundles made before, in any process, from the same sources: the regions a release is
 * synthesised for, `cdk deploy` after `cdk synth`, and the tests' synths all bundle the same
 * code, each about a second per function. Kept under `node_modules/.cache/pantau-bundles/<tree>`,
 * where the tree is a hash of every file a bundle can be made of (functions/, infra/bundle.ts,
 * every package's sources and manifest, the lock file, the Node binary's path): a change to any of
 * them starts a new tree, and the old ones are removed. `PANTAU_BUNDLE_CACHE=off` bundles afresh.
 */
let cacheTree: { root: string; dir: string; tree: string } | undefined | null = null;
const bundleCacheTree = () => (cacheTree === null ? (cacheTree = readCacheTree()) : cacheTree);

function readCacheTree() {
  if (process.env.PANTAU_BUNDLE_CACHE === 'off') return undefined;
  const root = join(projectRoot, 'node_modules', '.cache', 'pantau-bundles');
  const tree = sourceTreeHash(projectRoot);
  return { root, dir: join(root, tree), tree };
}

/** A hash of every file under `root` a function's bundle can be made of. */
export function sourceTreeHash(root: string): string {
  const hash = createHash('sha256').update(process.execPath);
  const files = [
    'package-lock.json',
    'infra/bundle.ts',
    ...['functions', 'packages'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => !f.split(sep).includes('node_modules') && !f.split(sep).includes('dist'))
        .map((f) => join(dir, f)),
    ),
  ].sort();
  for (const file of files) {
    const path = join(root, file);
    // A file gone since the listing (a test's scratch file) is simply not part of the tree.
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    hash.update(`\0${file}\0`).update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The bundle cached for `command`, copied to `output`; false when there is none. */
function fromBundleCache(command: string, output: string): boolean {
  const bundleCache = bundleCacheTree();
  if (!bundleCache) return false;
  const dir = join(bundleCache.dir, createHash('sha256').update(command).digest('hex'));
  if (!existsSync(dir)) return false;
  cpSync(dir, output, { recursive: true });
  return true;
}

function toBundleCache(command: string, output: string): void {
  const bundleCache = bundleCacheTree();
  if (!bundleCache) return;
  const dir = join(bundleCache.dir, createHash('sha256').update(command).digest('hex'));
  mkdirSync(bundleCache.dir, { recursive: true });
  // Written aside and renamed: a synth running beside this one never reads half a bundle.
  const partial = mkdtempSync(join(bundleCache.dir, '.partial-'));
  cpSync(output, partial, { recursive: true });
  try {
    renameSync(partial, dir);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another process cached it first
  }
  for (const old of readdirSync(bundleCache.root))
    if (old !== bundleCache.tree)
      rmSync(join(bundleCache.root, old), { recursive: true, force: true });
}

/** Copies of the bundles made in this process, by what they were made of; gone at exit. */
const bundled = new Map<string, string>();
process.once('exit', () => {
  for (const dir of bundled.values()) rmSync(dir, { recursive: true, force: true });
});

/**
 * The function's code: infra/bundle.ts run on this machine at synth (NodejsFunction's own
 * bundling cannot take esbuild plugins or code splitting), then the caller's `afterBundling`
 * commands in the output folder. Hashed by its output, as NodejsFunction's is; skipped like
 * any bundling when the stack is not being bundled.
 */
function bundledCode(entry: string, hooks: ICommandHooks | undefined): lambda.Code {
  const after = (output: string) => hooks?.afterBundling(projectRoot, output) ?? [];
  const command = [bundleCommand(entry, '<output>'), ...after('<output>')];
  return lambda.Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling below always succeeds or throws.
      image: DockerImage.fromRegistry('scratch'),
      // What the bundle is made of, for the CDK's asset cache key (functions are not part of it).
      command,
      local: {
        tryBundle(output: string) {
          // The same function bundled again in this process (another App: tests synthesise
          // several): the sources are the same, so is the output.
          const key = command.join('\n');
          const earlier = bundled.get(key);
          if (earlier && existsSync(earlier)) {
            cpSync(earlier, output, { recursive: true });
            return true;
          }
          if (fromBundleCache(key, output)) return true;
          const run: ExecSyncOptions = {
            cwd: projectRoot,
            stdio: ['ignore', 'inherit', 'inherit'],
          };
          execFileSync(
            process.execPath,
            ['--disable-warning=ExperimentalWarning', BUNDLE_SCRIPT, entry, output],
            run,
          );
          for (const line of after(output)) execSync(line, run);
          toBundleCache(key, output);
          // A copy: the CDK moves the output folder into the assembly.
          const copy = mkdtempSync(join(tmpdir(), 'pantau-bundle-'));
          cpSync(output, copy, { recursive: true });
          bundled.set(key, copy);
          return true;
        },
      },
    },
  });
}

export interface PantauFunctionProps extends Omit<NodejsFunctionProps, 'logRetention'> {
  /** The TypeScript entry point (see `entryPoint`). */
  readonly entry: string;
  /**
   * How long the function's log group keeps events (default one month; unused when `logGroup` is
   * given). Replaces the deprecated `logRetention`, which would add a LogRetention custom
   * resource Lambda to the stack.
   */
  readonly logGroupRetention?: logs.RetentionDays;
  /**
   * The Powertools service the function logs, counts and traces as, with its log level. A
   * function with one is traced with X-Ray (active tracing) and gets the Powertools variables.
   */
  readonly observed?: { readonly service: ServiceName; readonly logLevel: string };
}

/**
 * `NodejsFunction` with the house defaults: Node.js 24 on ARM64, an explicit log group with
 * retention, bundled by infra/bundle.ts (the lock file's AWS SDK, code splitting), and a role that
 * may only write to its own log group. Every caller prop is kept: caller values win over
 * defaults, and `environment` is merged key by key. Of `bundling`, only `commandHooks` is
 * read: the esbuild options are infra/bundle.ts's, which the benchmark shares.
 */
export class PantauFunction extends NodejsFunction {
  /** Its Powertools service, when `observed`: Observability alarms on every such function. */
  readonly service: ServiceName | undefined;

  constructor(scope: Construct, id: string, props: PantauFunctionProps) {
    const { logGroupRetention, environment, bundling, observed, ...rest } = props;
    // Created beside the function (a constructor cannot add children before super()), as
    // Powertools' FunctionWithLogGroup does. Function logs are operational only and expire after
    // a month anyway; the table holds the records of truth, so they go with the stack.
    const logGroup =
      props.logGroup ??
      new logs.LogGroup(scope, `${id}LogGroup`, {
        retention: logGroupRetention ?? logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      });
    // Our own role instead of the default one: the default attaches the AWS managed
    // AWSLambdaBasicExecutionRole (logs:* on every log group, cdk-nag AwsSolutions-IAM4); this
    // one is granted writes to this function's log group only (below).
    const role =
      props.role ??
      new iam.Role(scope, `${id}Role`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `Execution role of ${id}`,
      });
    super(scope, id, {
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024, // module initialisation is CPU-bound: more memory buys a faster cold start
      timeout: Duration.seconds(10),
      ...(observed ? { tracing: lambda.Tracing.ACTIVE } : {}),
      ...rest,
      logGroup,
      role,
      environment: {
        // Stack traces point at the TypeScript sources instead of the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
        ...(observed
          ? {
              POWERTOOLS_SERVICE_NAME: observed.service,
              POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
              LOG_LEVEL: observed.logLevel,
            }
          : {}),
        ...environment,
      },
      handler: 'index.handler',
      code: bundledCode(props.entry, bundling?.commandHooks),
    });
    this.service = observed?.service;
    // What AWSLambdaBasicExecutionRole would give, narrowed to this one log group.
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupRef.logGroupArn],
      }),
    );
    if (observed) {
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Active X-Ray tracing: Lambda adds xray:PutTraceSegments and xray:PutTelemetryRecords, ' +
          'which support no resource-level permissions. Every other statement names its resources.',
      });
    }
  }
}
