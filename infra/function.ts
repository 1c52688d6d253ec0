import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

/** ESM has no `require`; a CommonJS dependency that calls require('node:…') needs one. */
const REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * The command bundling a second entry point of functions/ beside a function's handler (as
 * `<name>.mjs`, with the handler's settings), for code the handler imports only when needed:
 * the API's PDF renderer (issue 15). esbuild runs from the project root, like the handler's.
 */
export const sideBundle = (file: string, output: string): string =>
  [
    'npx --no-install esbuild',
    `"${entryPoint(file)}"`,
    '--bundle --platform=node --target=node24 --format=esm --minify',
    '--sourcemap --sources-content=false --main-fields=module,main',
    `--banner:js="${REQUIRE_BANNER}"`,
    `--outfile="${output}/${file.replace(/\.ts$/, '.mjs')}"`,
    '--log-level=warning',
  ].join(' ');

/** Commands copying the PDF letters' font files beside a bundle (`fonts/`, issue 15). */
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
 * retention, source maps, minified ESM bundled by the local esbuild, and a role that may only
 * write to its own log group. Every caller prop is kept: caller values win over defaults, and
 * `environment`/`bundling` are merged key by key.
 */
export class PantauFunction extends NodejsFunction {
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
      projectRoot,
      depsLockFilePath: `${projectRoot}package-lock.json`,
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
      bundling: {
        forceDockerBundling: false, // the local esbuild devDependency; no Docker needed
        format: OutputFormat.ESM,
        banner: REQUIRE_BANNER,
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false, // the map only has to name files and lines; keeps the zip small
        // The AWS SDK v3 is bundled rather than taken from the runtime: the version we test with
        // (package-lock.json) is the version that runs, and esbuild keeps only the clients we use.
        bundleAwsSDK: true,
        externalModules: [],
        ...bundling,
      },
    });
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
