/**
 * The one Hono app: the same on Lambda (`hono/aws-lambda`) and on Node (embedded runtime).
 * Composition: middleware (request id, body limit, context, auth), the route modules under
 * /v1, the OpenAPI document generated from the same zod schemas, one error mapping.
 */
import './context.ts';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Logger } from '@aws-lambda-powertools/logger';
import {
  type BlobStore,
  DomainError,
  type JobRunner,
  type LadderStarter,
  PUBLIC_COMPLAINT_MAX_BODY,
  Service,
  type Store,
} from '@pantau/core';
import { documentRoutes, type PdfRenderer } from './routes/documents.ts';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { checkedPrincipal, type TokenVerifier } from './auth.ts';
import { CORRELATION_HEADER, correlationIdOf, withCorrelationId } from './correlation.ts';
import { mountDocs } from './docs.ts';
import {
  COMPLAINT_RATE_LIMIT,
  type OriginSecret,
  type PublicRateLimit,
  publicRateLimit,
  requireOriginSecret,
} from './edge.ts';
import { issuesOf, problemResponse, toProblem, validationError } from './problem.ts';
import {
  COMPLAINT_PATHS,
  COMPLAINT_ROUTES,
  isPublicRoute,
  TRACKING_ROUTES,
} from './public-routes.ts';
import { ephemeralSecret, proofOfWork, type ProofOfWorkOptions } from './proof-of-work.ts';
import { complaints, imports } from './routes/intake.ts';
import { agencies } from './routes/agencies.ts';
import { agencyNames } from './routes/agency-names.ts';
import { assignments, clock, queue, worklist } from './routes/assignments.ts';
import { cases } from './routes/cases.ts';
import { clockNow, extensionRequests } from './routes/desk.ts';
import { activities, caseActivities } from './routes/monitoring.ts';
import { notifications } from './routes/notifications.ts';
import { health, track } from './routes/public.ts';
import { jobs } from './routes/jobs.ts';
import { search } from './routes/search.ts';
import { calendars, policies } from './routes/settings.ts';
import { exports, stats } from './routes/stats.ts';

export interface AppDeps {
  readonly store: Store;
  readonly verifier: TokenVerifier;
  readonly clock: () => Date;
  /** Starts assignments' escalation ladders (Step Functions on AWS, the embedded engine locally). */
  readonly ladders?: LadderStarter;
  /** Runs the re-arming jobs of settings edits (Step Functions on AWS, the local interpreter). */
  readonly jobs?: JobRunner;
  readonly logger?: Logger;
  /** Where Swagger UI's files are (`swagger-ui-dist`); `/docs` needs them. */
  readonly swaggerUiDir?: string;
  /** Extra routes (the embedded runtime's /dev/*); never given on AWS. */
  readonly extend?: (app: OpenAPIHono) => void;
  /**
   * AWS: the header CloudFront adds to every request it forwards; without it a request is a
   * 403, so the execute-api URL cannot go around the WAF. Not given embedded.
   */
  readonly originSecret?: OriginSecret;
  /**
   * The public complaint form's proof of work: the secret its challenges are signed with (the
   * same on every instance) and, for tests, less work. Without it, a secret of this process.
   */
  readonly proofOfWork?: ProofOfWorkOptions;
  /**
   * Embedded: a per-client limit on the public tracking routes. Not given on AWS, where the
   * WAF limits per client and API Gateway per route (one Lambda instance sees a fraction).
   */
  readonly publicRateLimit?: PublicRateLimit;
  /** Issue 15: where attachments' bytes live (S3 on AWS, the data dir embedded). */
  readonly blobs?: BlobStore;
  /**
   * For tests: fewer reads for one export (the cases', the worklist's) than `MAX_EXPORT_READS`
   * and `MAX_WORKLIST_EXPORT_READS`, which the stack keeps.
   */
  readonly exportReads?: number;
  /** Issue 15: the public tracking page's URL, for the receipt's QR code. */
  readonly trackingUrl?: string;
  /**
   * The addresses complaints arrive at by e-mail (AWS: `MAIL_INTAKE_RECIPIENTS`): refused as the
   * unit's e-mail in the document settings. None embedded (its SMTP listener names none).
   */
  readonly complaintAddresses?: readonly string[];
  /**
   * Issue 15: renders letters and receipts as PDF for their download routes. The composition
   * root loads the renderer on the first call, so it is not in the API's cold start.
   */
  readonly renderPdf?: PdfRenderer;
  /**
   * How long one spreadsheet import takes rows before reporting the rest `pending`
   * (`IMPORT_BUDGET_MS`, 20 s: API Gateway's limit is 29 s). Tests give less.
   */
  readonly importBudgetMs?: number;
  /**
   * The console's address: central's invitation letters name the case's page there
   * (`caseLink`). None: they say "melalui Pantau" alone.
   */
  readonly consoleUrl?: string | undefined;
}

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A body past `maxSize` is a 400 on `body`, refused before it is read. A request that states
 * its length (every client's but a chunked upload's) is judged by it, as Hono's `bodyLimit`
 * judges it, but without touching the body first: `bodyLimit` asks whether there is one
 * (`c.req.raw.body`), which makes @hono/node-server build a web `Request` and a stream around
 * the socket, and the JSON is then read through them instead of straight from the socket:
 * about 0.12 ms of every POST and 0.07 ms of every GET embedded (issue 17, P1). A GET or HEAD
 * that states no length carries nothing to count; a chunked body is counted as it streams.
 */
const sizeLimit = (maxSize: number): MiddlewareHandler => {
  const mib = `${Math.round((maxSize / 1024 / 1024) * 10) / 10} MiB`;
  const refuse = () => {
    throw new DomainError('validation_failed', `the request body is larger than ${mib}`, {
      errors: [{ path: 'body', message: `larger than ${mib}` }],
    });
  };
  const streamed = bodyLimit({ maxSize, onError: refuse });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number.parseInt(length, 10) > maxSize ? refuse() : next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return streamed(c, next);
  };
};
/** What an upload really is: the sniffer loads on the first upload (on-demand/sniff.ts). */
const inspectUpload = async (bytes: Uint8Array) =>
  (await import('./on-demand/sniff.ts')).inspectUpload(bytes);

export function createApp(deps: AppDeps): OpenAPIHono {
  const service = new Service({
    store: deps.store,
    clock: deps.clock,
    ...(deps.ladders ? { ladders: deps.ladders } : {}),
    ...(deps.jobs ? { jobs: deps.jobs } : {}),
    // Issue 15: each forwarding's ladder writes its forwarding letter first.
    forwardingLetters: true,
    // Central's invitation letters to an activity's agencies, written with the activity.
    invitationLetters: true,
    ...(deps.consoleUrl ? { consoleUrl: deps.consoleUrl } : {}),
    ...(deps.blobs ? { blobs: deps.blobs, inspect: inspectUpload } : {}),
    ...(deps.exportReads ? { exportReads: deps.exportReads } : {}),
    ...(deps.complaintAddresses ? { complaintAddresses: deps.complaintAddresses } : {}),
  });
  const logger = deps.logger ?? new Logger({ serviceName: 'pantau-api' });

  const app = new OpenAPIHono({
    // Every validation failure (body, query, params, headers) becomes one 400 naming the fields.
    defaultHook: (result) => {
      if (!result.success) throw validationError(issuesOf(result.error));
    },
  });

  app.use(requestId({ headerName: 'x-request-id' }));
  app.use(async (c, next) => {
    const correlationId = correlationIdOf(c.req.header(CORRELATION_HEADER), c.get('requestId'));
    // The id goes on each of the request's log lines (this one and an unexpected error's),
    // never on the shared logger: requests interleave on it embedded. Not a child logger per
    // request either: two lines do not pay for building one (issue 17, P1).
    c.set('service', service);
    c.set('correlationId', correlationId);
    c.header(CORRELATION_HEADER, correlationId);
    const started = performance.now();
    await withCorrelationId(correlationId, next);
    // Route patterns, never raw paths or bodies: no identity or tracking code reaches the logs.
    logger.info('request', {
      correlation_id: correlationId,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      tenant: c.var.auth?.agency,
      requestId: c.get('requestId'),
    });
  });
  if (deps.originSecret) app.use(requireOriginSecret(deps.originSecret));
  if (deps.publicRateLimit) {
    // One limiter (one count per client) on every route that takes a tracking code, and one
    // on the complaint form's: a complainant following a case is not slowed by sending one.
    const limit = publicRateLimit(deps.publicRateLimit);
    for (const route of TRACKING_ROUTES) app.use(route.path, limit);
    const complaintLimit = publicRateLimit(deps.publicRateLimit);
    for (const route of COMPLAINT_ROUTES) app.use(route.path, complaintLimit);
    // Sending one is limited harder still: each is a case central must verify.
    const sending = deps.publicRateLimit.complaints;
    if (sending !== null)
      app.on(
        'POST',
        COMPLAINT_PATHS.submit,
        publicRateLimit({ ...deps.publicRateLimit, ...(sending ?? COMPLAINT_RATE_LIMIT) }),
      );
  }
  // A public complaint carries its files inline (at most 4 MiB, base64); everything else is
  // JSON text, 1 MiB at most.
  const complaintBody = sizeLimit(PUBLIC_COMPLAINT_MAX_BODY);
  const otherBody = sizeLimit(MAX_BODY_BYTES);
  app.use((c, next) =>
    c.req.method === 'POST' && c.req.path === COMPLAINT_PATHS.submit
      ? complaintBody(c, next)
      : otherBody(c, next),
  );
  app.use('/v1/*', async (c, next) => {
    // Only the exact public routes go without a token: anything else under /v1/track (the old
    // `/v1/track/{code}` paths) is like any other path, 401 without a token and 404 with one.
    if (isPublicRoute(c.req.method, c.req.path)) return next();
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new DomainError('unauthorized', 'a Bearer token is required');
    c.set('auth', checkedPrincipal(await deps.verifier(token)));
    await next();
  });

  app.route('/', health);
  app.route('/', track);
  app.route('/', complaints(proofOfWork(deps.proofOfWork ?? { secret: ephemeralSecret() })));
  app.route('/v1/imports', imports(logger, deps.importBudgetMs));
  app.route('/v1/agencies', agencies);
  app.route('/v1/agency-names', agencyNames);
  app.route('/v1/cases', cases);
  app.route('/v1/cases', assignments);
  app.route('/v1/cases', clock);
  app.route('/v1/cases', caseActivities);
  app.route('/v1/activities', activities);
  app.route('/v1/calendars', calendars);
  app.route('/v1/policies', policies);
  app.route('/v1/jobs', jobs);
  app.route('/v1/queue', queue);
  app.route('/v1/assignments', worklist);
  app.route('/v1/notifications', notifications);
  app.route('/v1/clock', clockNow);
  app.route('/v1/extension-requests', extensionRequests);
  app.route('/v1/stats', stats);
  app.route('/v1/exports', exports);
  app.route(
    '/v1',
    documentRoutes({
      ...(deps.renderPdf ? { renderPdf: deps.renderPdf } : {}),
      ...(deps.trackingUrl ? { trackingUrl: deps.trackingUrl } : {}),
    }),
  );
  app.route('/v1/search', search);
  deps.extend?.(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Pantau API',
      version: '0.1.0',
      description:
        'Follow-up of public complaints forwarded by the central unit (Kemensetneg) to agencies.',
    },
    security: [{ bearer: [] }],
  });
  mountDocs(app, deps.swaggerUiDir);

  app.notFound((c) => {
    throw new DomainError('not_found', `no route for ${c.req.method} ${c.req.path}`);
  });
  app.onError((error, c) => {
    const problem = toProblem(error, c.get('requestId') ?? 'unknown');
    if (problem.unexpected) {
      logger.error('unexpected error', {
        correlation_id: c.get('correlationId'),
        error: error as Error,
        requestId: problem.requestId,
        route: c.req.routePath,
      });
    }
    return problemResponse(c, problem);
  });
  return app;
}
