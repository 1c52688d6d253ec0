/**
 * The embedded runtime: DynamoDB Local + the same Hono app on Node + the local JWT issuer.
 * `startRuntime` returns once the API answers; `stop()` shuts everything down, JVM included.
 */
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { Logger } from '@aws-lambda-powertools/logger';
import {
  createApp,
  createJwtVerifier,
  createMultiIssuerVerifier,
  currentCorrelationId,
} from '@pantau/api';
import { Calendar, DEFAULT_CALENDAR_ID, newAgency, Service, WriteConflict } from '@pantau/core';
import { API_SETTINGS_TTL_MS, createTableInput, DynamoStore, seedBaseline } from '@pantau/store';
import { renderLetterFileOnDemand } from '@pantau/documents';
import { inspectUpload } from '@pantau/documents/sniff';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { devRoutesMounted, isLoopbackHost, type RuntimeConfig } from './config.ts';
import { DEMO_AGENCIES } from './demo-agencies.ts';
import { keepLastSeen, manualClock, systemClock } from './clock.ts';
import { openDataDir, PANTAU_VERSION, useDataVersion } from './data-dir.ts';
import { withConsole } from './console.ts';
import { devRoutes } from './dev-routes.ts';
import { LocalLadderEngine } from './engine.ts';
import { LocalJobRunner } from './jobs.ts';
import { emlMailer } from './mailer.ts';
import { localSecret, startMailIntake } from './mail-intake.ts';
// Issue 15: attachments' bytes under the data dir (blob-store.ts says why not s3rver).
import { FileBlobStore } from './blob-store.ts';
import { attachDynamoDbLocal, LOCAL_REGION, startDynamoDbLocal } from './dynamodb-local.ts';
import { createLocalIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER } from './issuer.ts';
import { searchKeyFor } from './search-key.ts';

export const TABLE_NAME = 'pantau';

export interface Runtime {
  readonly url: string;
  readonly dynamoDbEndpoint: string;
  readonly warnings: readonly string[];
  readonly clockMode: 'system' | 'manual';
  /** Whether /dev (tokens, clock, demo users) is mounted: the demo configuration only. */
  readonly devRoutes: boolean;
  /** The e-mail channel's SMTP port on 127.0.0.1, when PANTAU_SMTP_PORT is set. */
  readonly smtpPort: number | null;
  stop(): Promise<void>;
  /** Synchronous last resort for `process.on('exit')`. */
  kill(): void;
}

export async function startRuntime(config: RuntimeConfig): Promise<Runtime> {
  // loadConfig refuses these already; checked again here, where /dev is mounted, for a config
  // built by hand.
  const devMounted = devRoutesMounted(config);
  if (devMounted && !isLoopbackHost(config.HOST))
    throw new Error(
      `the demo configuration (with /dev) listens on loopback only, not ${config.HOST}`,
    );
  if (!devMounted && config.PANTAU_CLOCK === 'manual')
    throw new Error('the manual clock needs /dev/clock: the demo configuration only');
  const dataDir = resolve(config.PANTAU_DATA_DIR);
  const logger = new Logger({ serviceName: 'pantau-local', logLevel: config.LOG_LEVEL });
  // Before anything starts on the data dir: it is made private, and a rollback or a wrong
  // clock is refused here, before the JVM, the seed or the catch-up touch the data.
  const { tightenedFrom } = openDataDir(dataDir);
  if (tightenedFrom !== undefined)
    logger.warn(
      `the data dir was readable by other accounts (mode 0${tightenedFrom.toString(8)}): ` +
        'made private (0700)',
    );
  // The manual clock (demos, tests) is the domain's, moved by hand: nothing to check. Checked
  // first: a refused clock must not record this version as the data dir's.
  const lastSeen =
    config.PANTAU_CLOCK === 'system'
      ? keepLastSeen(dataDir, {
          check: config.PANTAU_CLOCK_CHECK,
          warn: (message) => logger.warn(message),
        })
      : undefined;
  if (lastSeen?.warning) logger.warn(lastSeen.warning);
  const version = useDataVersion(dataDir, PANTAU_VERSION, { check: config.PANTAU_VERSION_CHECK });
  if (version.warning) logger.warn(version.warning);
  if (version.upgradedFrom)
    logger.info(
      `data dir upgraded: last started by ${version.upgradedFrom}, now ${PANTAU_VERSION}`,
    );
  let stopping = false;
  const db = config.PANTAU_DYNAMODB_ENDPOINT
    ? attachDynamoDbLocal(config.PANTAU_DYNAMODB_ENDPOINT, dataDir)
    : await startDynamoDbLocal({
        dataDir,
        // Its errors (a full disk, OutOfMemoryError) go to stderr: the operator's to see. Its
        // stdout is the start's banner.
        onOutput: (line, stream) =>
          stream === 'stderr'
            ? logger.warn('DynamoDB Local', { line })
            : logger.debug('DynamoDB Local', { line }),
        // Every request fails from now on, and no ladder moves: exiting lets the supervisor
        // restart the runtime (a stop that takes the JVM with it, e.g. systemd's, is no crash).
        onExit: ({ javaPid, code, signal }) => {
          if (stopping) return;
          logger.critical(
            "DynamoDB Local stopped on its own (exit status 137 is a SIGKILL, usually the kernel's " +
              'OOM killer): Pantau exits so that its supervisor restarts it',
            { javaPid, exitStatus: code, signal },
          );
          process.exit(1);
        },
      });
  try {
    const client = new DynamoDBClient({
      endpoint: db.endpoint,
      region: LOCAL_REGION,
      credentials: db.credentials,
    });
    await ensureTable(client, TABLE_NAME);
    const searchKey = await searchKeyFor(dataDir, {
      holdsCases: async () =>
        (await new DynamoStore({ client, tableName: TABLE_NAME }).listCases({}, { limit: 1 })).items
          .length > 0,
    });
    const store = new DynamoStore({ client, tableName: TABLE_NAME, searchKey });
    const runtimeClock =
      config.PANTAU_CLOCK === 'manual'
        ? manualClock(
            join(dataDir, 'clock.json'),
            config.PANTAU_CLOCK_START ? new Date(config.PANTAU_CLOCK_START) : undefined,
          )
        : systemClock();
    const clock = () => runtimeClock.now();
    const seeded = await seedBaseline(store, clock());
    // Resumed below with the other unfinished jobs, in the background; the log says when it ends.
    if (seeded.upgradeJobId)
      logger.info('upgrading the data an older release stored: a job over every case', {
        jobId: seeded.upgradeJobId,
      });
    if (config.PANTAU_SEED_DEMO) await seedDemoAgencies(store, clock());
    const warnings = await calendarWarnings(store, clock());
    for (const warning of warnings) logger.warn(warning);

    // Letters to agencies, and e-mail complainants' receipts: `.eml` files under `mail/`.
    const mailer = emlMailer(join(dataDir, 'mail'), { replyTo: config.PANTAU_LETTERS_REPLY_TO });
    const engine = new LocalLadderEngine({
      store,
      clock,
      mailer,
      logger,
      // A ladder's ticks and letters name the request that armed it.
      correlationId: currentCorrelationId,
      // Its letters link to their case in the console, as agencies reach it.
      consoleUrl: config.PANTAU_PUBLIC_URL,
    });
    // Calendar and policy edits re-arm in the background, through the same ladder engine.
    const jobs = new LocalJobRunner({ store, clock, ladders: engine, logger });
    const issuer = await createLocalIssuer(join(dataDir, 'issuer-key.json'));
    // Links expire in real time, like tokens (the manual clock may be far behind).
    const blobs = new FileBlobStore(dataDir);
    // Root-relative forms and links: served by this listener, whatever name the console was
    // opened by (HOST's, localhost, a network name): an absolute one works from HOST's alone.
    blobs.baseUrl = '';
    // Tokens live in real time even when the domain clock is manual (advancing it 60 days
    // must not sign everybody out).
    const local = createJwtVerifier({
      jwks: issuer.jwks,
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
    });
    const oidc = config.PANTAU_OIDC_ISSUER
      ? {
          issuer: config.PANTAU_OIDC_ISSUER,
          clientId: config.PANTAU_OIDC_CLIENT_ID!,
          domain: config.PANTAU_OIDC_DOMAIN,
        }
      : undefined;
    // With an OIDC provider configured, its ID tokens are trusted too (as on AWS: the issuer's
    // keys at the Cognito path, `aud` the console's client).
    const verifier = oidc
      ? createMultiIssuerVerifier(
          new Map([
            [LOCAL_ISSUER, local],
            [
              oidc.issuer,
              createJwtVerifier({
                jwksUrl: `${oidc.issuer}/.well-known/jwks.json`,
                issuer: oidc.issuer,
                audience: oidc.clientId,
              }),
            ],
          ]),
        )
      : local;
    const app = createApp({
      // The API's own store keeps the policy and calendar for a few seconds (its edits clear
      // them); the jobs read through `store`, which asks the table, and the engine keeps them
      // there by the settings' version, which every edit bumps.
      store: new DynamoStore({
        client,
        tableName: TABLE_NAME,
        searchKey,
        settingsTtlMs: API_SETTINGS_TTL_MS,
      }),
      verifier,
      clock,
      ladders: engine,
      jobs,
      // Central's invitation letters link to their case, as the ladder's letters do.
      consoleUrl: config.PANTAU_PUBLIC_URL,
      logger: new Logger({ serviceName: 'pantau-api', logLevel: config.LOG_LEVEL }),
      proofOfWork: {
        secret: await localSecret(join(dataDir, 'pow-secret')),
        maxCounter: config.PANTAU_POW_MAX_COUNTER,
        ttlSeconds: config.PANTAU_POW_TTL_SECONDS,
      },
      swaggerUiDir: dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json')),
      blobs,
      // Embedded, the renderer is simply imported: no cold start to keep it out of.
      // The renderer (pdf-lib, fontkit) loads on the first PDF: ~0.3 s of every start otherwise.
      renderPdf: renderLetterFileOnDemand,
      // Development routes mint anyone's token and move the clock: the demo configuration's
      // alone, never beside a real identity provider.
      ...(devMounted
        ? { extend: (a: OpenAPIHono) => a.route('/dev', devRoutes(issuer, runtimeClock, engine)) }
        : {}),
      // Keyed by the socket's address, never X-Forwarded-For (the client writes that): behind
      // a reverse proxy every client shares the proxy's address, and so its limit.
      ...(config.PANTAU_PUBLIC_RATE_LIMIT > 0
        ? {
            publicRateLimit: {
              limit: config.PANTAU_PUBLIC_RATE_LIMIT,
              windowMs: 60_000,
              clientAddress: (c) => getConnInfo(c).remote.address,
              complaints:
                config.PANTAU_COMPLAINT_RATE_LIMIT > 0
                  ? { limit: config.PANTAU_COMPLAINT_RATE_LIMIT, windowMs: 10 * 60_000 }
                  : null,
            },
          }
        : {}),
    });
    const server = await new Promise<ReturnType<typeof serve>>((done) => {
      const s = serve(
        {
          fetch: blobs.handler(withConsole(app.fetch, { oidc })),
          port: config.PORT,
          hostname: config.HOST,
        },
        () => done(s),
      );
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
    // A new case's complainant gets their receipt by e-mail, naming the tracking page; one
    // whose send failed goes with the engine's sweep (each minute, and at start).
    const receipts = {
      mailer,
      trackingUrl: `${(config.PANTAU_PUBLIC_URL ?? url).replace(/\/+$/, '')}/track`,
    };
    if (config.PANTAU_SMTP_PORT !== undefined) engine.sendsReceipts(receipts);
    const smtp =
      config.PANTAU_SMTP_PORT === undefined
        ? undefined
        : await startMailIntake({
            port: config.PANTAU_SMTP_PORT,
            // The same blob store as the API's: the message's files and .eml are the case's.
            service: new Service({
              store,
              clock,
              ladders: engine,
              blobs,
              inspect: inspectUpload,
              staffMailDomains: config.PANTAU_MAIL_STAFF_DOMAINS,
              receipts,
            }),
            logger,
            clock,
          });
    await catchUp({ seedJob: seeded.rearmJobId, jobs, engine });
    if (runtimeClock.mode === 'system') engine.startTimer();
    lastSeen?.keeper.start();
    return {
      url,
      dynamoDbEndpoint: db.endpoint,
      warnings,
      clockMode: runtimeClock.mode,
      devRoutes: devMounted,
      smtpPort: smtp?.port ?? null,
      async stop() {
        stopping = true;
        await smtp?.close();
        await new Promise<void>((done) => server.close(() => done()));
        await jobs.stop();
        await engine.stop();
        client.destroy();
        await db.stop();
        lastSeen?.keeper.stop();
      },
      kill: () => {
        stopping = true;
        db.kill();
        lastSeen?.keeper.stop();
      },
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}

/** Creates the table on first start (same schema as the CDK stack's). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}

async function seedDemoAgencies(store: DynamoStore, now: Date): Promise<void> {
  for (const input of DEMO_AGENCIES) {
    try {
      await store.putAgency(newAgency(input, now), null);
    } catch (error) {
      if (!(error instanceof WriteConflict)) throw error;
    }
  }
}

/** Startup warns when the calendar lacks this year's or next year's holidays. */
async function calendarWarnings(store: DynamoStore, now: Date): Promise<string[]> {
  const stored = await store.getCalendar(DEFAULT_CALENDAR_ID);
  const calendar = stored ? new Calendar(stored) : undefined;
  const year = now.getUTCFullYear();
  return [year, year + 1]
    .filter((y) => !calendar?.covers(y))
    .map(
      (y) =>
        `calendar "${DEFAULT_CALENDAR_ID}" has no holidays for ${y}: deadlines running into ${y} count weekends only ` +
        `and say so (calendarWarnings). Add the SKB 3 Menteri dates for ${y}.`,
    );
}

/**
 * What a start catches up on, in this order: the seed's re-arming job (a release's new year of
 * holidays) run to its end, then letters a crash left in the outbox (however young), then every
 * ladder due by now, then the other jobs a stop interrupted. The ladders wait for the seed's
 * job: due since the last start, they would otherwise write their letters on the deadlines
 * counted on that year's weekends only ("terlambat" by days the new calendar says were off).
 */
export async function catchUp(start: {
  readonly seedJob: string | null;
  readonly jobs: Pick<LocalJobRunner, 'start' | 'idle' | 'resume'>;
  readonly engine: Pick<LocalLadderEngine, 'sweep' | 'runDue'>;
}): Promise<void> {
  if (start.seedJob) {
    await start.jobs.start(start.seedJob);
    await start.jobs.idle();
  }
  await start.engine.sweep({ outboxGraceMs: 0, limit: 1000, letterLimit: 1000 });
  await start.engine.runDue();
  await start.jobs.resume();
}
