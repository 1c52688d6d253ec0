import { handle } from 'hono/aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createApp, createJwtVerifier } from '@pantau/api';
import { DynamoStore } from '@pantau/store';
import { readApiConfig } from './config.ts';

// Module scope: built once per execution environment, reused by every invocation.
const config = readApiConfig();

const store = new DynamoStore({
  client: new DynamoDBClient({}),
  tableName: config.TABLE_NAME,
});

const app = createApp({
  store,
  verifier: createJwtVerifier({
    jwksUrl: config.JWKS_URL,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
  }),
  clock: () => new Date(),
});

/** API Gateway HTTP API (payload v2) → the Hono app. */
export const handler = handle(app);
