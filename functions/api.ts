import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createApp, createJwtVerifier, currentCorrelationId } from '@pantau/api';
import { DynamoStore } from '@pantau/store';
import { countingCommits, powertoolsMetrics, SfnLadderStarter } from '@pantau/workflow';
import { ORIGIN_SECRET_HEADER, readApiConfig } from './config.ts';
import { observed, powertools } from './observability.ts';

// Module scope: built once per execution environment, reused by every invocation.
const config = readApiConfig();
const tools = powertools(config);
const { logger, metrics, tracer } = tools;

// Registrations and forwards are counted from the events each commit writes.
const store = countingCommits(
  new DynamoStore({
    client: tracer.captureAWSv3Client(new DynamoDBClient({})),
    tableName: config.TABLE_NAME,
  }),
  powertoolsMetrics(metrics),
);

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
    client: tracer.captureAWSv3Client(new SFNClient({})),
    stateMachineArn: config.STATE_MACHINE_ARN,
    correlationId: currentCorrelationId,
  }),
  // Only CloudFront, with its WAF, knows it: the execute-api URL alone gets a 403.
  originSecret: { header: ORIGIN_SECRET_HEADER, value: config.ORIGIN_SECRET },
});

/**
 * API Gateway HTTP API (payload v2) → the Hono app. The app picks each request's correlation
 * id (`x-correlation-id`, else the request id) and names it on its own log lines.
 */
const serve = handle(app);
export const handler = observed((event: LambdaEvent, context) => serve(event, context), tools);
