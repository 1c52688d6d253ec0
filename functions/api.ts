import { handle } from 'hono/aws-lambda';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createApp, createJwtVerifier } from '@pantau/api';
import { DynamoStore } from '@pantau/store';
import { SfnLadderStarter } from '@pantau/workflow';
import { ORIGIN_SECRET_HEADER, readApiConfig } from './config.ts';

// Module scope: built once per execution environment, reused by every invocation.
const config = readApiConfig();

// The search index's HMAC key, once per cold start (top-level await): never in the
// environment, where whoever may read the function's configuration would see it.
const searchKey = (
  await new SecretsManagerClient({}).send(
    new GetSecretValueCommand({ SecretId: config.SEARCH_KEY_SECRET_ARN }),
  )
).SecretString;
if (!searchKey) throw new Error('the search key secret has no value');

const store = new DynamoStore({
  client: new DynamoDBClient({}),
  tableName: config.TABLE_NAME,
  searchKey,
});

const app = createApp({
  store,
  verifier: createJwtVerifier({
    jwksUrl: config.JWKS_URL,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  }),
  clock: () => new Date(),
  // Swagger UI's files, copied beside the bundle at synth (infra/api.ts).
  swaggerUiDir: fileURLToPath(new URL('./swagger-ui/', import.meta.url)),
  // Forwarding a case arms each assignment's escalation ladder: one execution per ladder ref.
  ladders: new SfnLadderStarter({
    client: new SFNClient({}),
    stateMachineArn: config.STATE_MACHINE_ARN,
  }),
  // Only CloudFront, with its WAF, knows it: the execute-api URL alone gets a 403.
  originSecret: { header: ORIGIN_SECRET_HEADER, value: config.ORIGIN_SECRET },
});

/** API Gateway HTTP API (payload v2) → the Hono app. */
export const handler = handle(app);
