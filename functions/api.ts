import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { fileURLToPath } from 'node:url';
import { SFNClient } from '@aws-sdk/client-sfn';
import { onDemand, onDemandBlobStore } from '@pantau/documents/on-demand';
import {
  createApp,
  createJwtVerifier,
  currentCorrelationId,
  derivedSecret,
  type PdfRenderer,
} from '@pantau/api';
import { API_SETTINGS_TTL_MS } from '@pantau/store';
import {
  countingCommits,
  powertoolsMetrics,
  SfnJobRunner,
  SfnLadderStarter,
} from '@pantau/workflow';
import { ORIGIN_SECRET_HEADER, readApiConfig } from './config.ts';
import { sdkOptions } from './aws-clients.ts';
import { observed, powertools } from './observability.ts';
import { tracedStore } from './table.ts';
import { readSecrets } from './secrets.ts';
import type * as PdfModule from './pdf-renderer.ts';

/**
 * The PDF renderer, a second bundle beside this one (infra/api.ts), imported on the first PDF
 * request. The specifier is computed so that esbuild leaves the import to run time instead of
 * bundling the renderer into this file.
 */
const RENDERER = new URL('./pdf-renderer.mjs', import.meta.url).href;
const renderer = onDemand(() => import(RENDERER) as Promise<typeof PdfModule>);
const renderPdf: PdfRenderer = async (doc) => (await renderer()).renderLetterFile(doc);

// Module scope: built once per execution environment, reused by every invocation.
const config = readApiConfig();
const tools = powertools(config);
const { logger, metrics, tracer } = tools;

// Both at cold start, in parallel: neither is in the function's environment.
const { searchKey, originSecret } = await readSecrets(tracer, {
  searchKey: config.SEARCH_KEY_SECRET_ARN,
  originSecret: config.ORIGIN_SECRET_ARN,
});

// Registrations and forwards are counted from the events each commit writes.
const store = countingCommits(
  tracedStore(tracer, {
    tableName: config.TABLE_NAME,
    searchKey,
    // Policy, calendar and document settings kept a few seconds per instance (an edit on
    // another instance is seen within them; packages/store/README.md "Settings cache").
    settingsTtlMs: API_SETTINGS_TTL_MS,
  }),
  powertoolsMetrics(metrics),
);

const sfn = tracer.captureAWSv3Client(new SFNClient(sdkOptions));

const app = createApp({
  store,
  verifier: createJwtVerifier({
    jwksUrl: config.JWKS_URL,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  }),
  clock: () => new Date(),
  logger,
  // Swagger UI's files, copied beside the bundle at synth (infra/api.ts).
  swaggerUiDir: fileURLToPath(new URL('./swagger-ui/', import.meta.url)),
  // Forwarding a case arms each assignment's escalation ladder: one execution per ladder ref,
  // its input carrying the request's correlation id on to Tick and the mailer.
  ladders: new SfnLadderStarter({
    client: sfn,
    stateMachineArn: config.STATE_MACHINE_ARN,
    correlationId: currentCorrelationId,
  }),
  // A calendar or policy edit (202), or an agency zone correction, re-arms in a job: one execution per job.
  jobs: new SfnJobRunner({ client: sfn, stateMachineArn: config.REARM_STATE_MACHINE_ARN }),
  // Only CloudFront, with its WAF, knows it: the execute-api URL alone gets a 403.
  originSecret: { header: ORIGIN_SECRET_HEADER, value: originSecret },
  // The public form's challenges are signed with a key every instance shares, so an answer
  // solved against one instance is accepted by another.
  proofOfWork: { secret: derivedSecret(originSecret, 'pantau-proof-of-work') },
  // Issue 15: attachments in S3 (presigned POST and GET), loaded with the first attachment
  // request (functions/attachments-s3.ts); the receipt's tracking link.
  blobs: onDemandBlobStore(async () =>
    (await import('./attachments-s3.ts')).s3BlobStore(tracer, config.ATTACHMENTS_BUCKET),
  ),
  ...(config.TRACKING_URL ? { trackingUrl: config.TRACKING_URL } : {}),
  ...(config.CONSOLE_URL ? { consoleUrl: config.CONSOLE_URL } : {}),
  // Refused as the unit's e-mail in the document settings (the letters' Reply-To).
  complaintAddresses: config.MAIL_INTAKE_RECIPIENTS,
  renderPdf,
});

/**
 * API Gateway HTTP API (payload v2) → the Hono app. The app picks each request's correlation
 * id (`x-correlation-id`, else the request id) and names it on its own log lines.
 */
const serve = handle(app);
export const handler = observed((event: LambdaEvent, context) => serve(event, context), tools);
