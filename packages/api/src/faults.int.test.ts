/**
 * DynamoDB failing under the API: throttling and 5xx injected at the HTTP layer under the SDK
 * (the real engine cannot be made to throttle), so the SDK's own retries with backoff run for
 * real against DynamoDB Local. A passing fault is retried away; a lasting one becomes a 503
 * problem, and nothing is half-written.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { DynamoStore } from '@pantau/store';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { freshStore } from '../../../test/support/dynamodb.ts';
import { createApp } from './app.ts';
import { createJwtVerifier } from './auth.ts';

type Handle = NodeHttpHandler['handle'];

type Fault = 'throttle' | 'server_error' | 'transaction_throttle';

/**
 * A request handler that fails the next `n` DynamoDB calls with `fault`, then passes through.
 * `transaction_throttle` fails only TransactWriteItems, as DynamoDB cancels a transaction one
 * of whose items (an index key many writers share) is throttled: not retried by the SDK.
 */
class FaultyHandler extends NodeHttpHandler {
  failures = 0;
  calls = 0;
  times: number[] = [];
  private fault: Fault;
  private remaining: number;
  constructor(fault: Fault, remaining: number) {
    super();
    this.fault = fault;
    this.remaining = remaining;
  }
  override handle: Handle = async (request, options) => {
    this.calls += 1;
    this.times.push(performance.now());
    const target = String(request.headers['x-amz-target'] ?? '');
    if (this.fault === 'transaction_throttle' && target.endsWith('.TransactWriteItems')) {
      this.failures += 1;
      const { Readable } = await import('node:stream');
      const body = JSON.stringify({
        __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
        message:
          'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ThrottlingError]',
        CancellationReasons: [
          { Code: 'None' },
          { Code: 'ThrottlingError', Message: 'Throughput exceeds the current capacity' },
        ],
      });
      return {
        response: {
          statusCode: 400,
          headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'fault' },
          body: Readable.from([Buffer.from(body)]),
        },
      };
    }
    if (this.fault !== 'transaction_throttle' && this.remaining > 0) {
      this.remaining -= 1;
      this.failures += 1;
      const { Readable } = await import('node:stream');
      const throttle = this.fault === 'throttle';
      const body = JSON.stringify({
        __type: throttle
          ? 'com.amazonaws.dynamodb.v20120810#ThrottlingException'
          : 'com.amazonaws.dynamodb.v20120810#InternalServerError',
        message: throttle
          ? 'Rate of requests exceeds the allowed throughput (table pantau-secret)'
          : 'Internal server error',
      });
      return {
        response: {
          statusCode: throttle ? 400 : 500,
          headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'fault' },
          body: Readable.from([Buffer.from(body)]),
        },
      };
    }
    return super.handle(request, options);
  };
}

let base: DynamoStore;
let verifier: ReturnType<typeof createJwtVerifier>;
let token: string;

beforeAll(async () => {
  base = await freshStore();
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  verifier = createJwtVerifier({
    jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256' }] },
    issuer: 'faults',
    audience: 'pantau',
  });
  token = await new SignJWT({ agency: 'setneg', role: 'central_officer' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k' })
    .setSubject('o')
    .setIssuer('faults')
    .setAudience('pantau')
    .setExpirationTime('1h')
    .sign(privateKey);
});

function appWith(handler: FaultyHandler, maxAttempts = 4) {
  const client = new DynamoDBClient({
    endpoint: inject('dynamoDbEndpoint'),
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts,
    requestHandler: handler,
  });
  return createApp({
    store: new DynamoStore({ client, tableName: base.tableName, searchKey: 'faults-test' }),
    verifier,
    clock: () => new Date(),
  });
}

const createCase = (app: ReturnType<typeof createApp>, subject: string) =>
  app.request('/v1/cases', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      channel: 'letter',
      complainant: { name: 'A' },
      subject,
      description: 'D',
    }),
  });

describe('DynamoDB faults under the API', () => {
  it.each(['throttle', 'server_error'] as const)(
    'retries a passing %s with backoff and succeeds',
    async (fault) => {
      const handler = new FaultyHandler(fault, 2);
      const res = await createCase(appWith(handler), `Passing ${fault}`);
      expect(res.status).toBe(201);
      expect(handler.failures).toBe(2);
      // The SDK retried on its own, waiting between attempts (backoff with full jitter).
      const gaps = handler.times.slice(1, 3).map((t, i) => t - handler.times[i]!);
      expect(Math.max(...gaps)).toBeGreaterThan(0);
    },
  );

  it('answers a lasting throttle with a 503 problem that leaks nothing, and writes nothing', async () => {
    const before = (await base.listCases({}, { limit: 100 })).items.length;
    const handler = new FaultyHandler('throttle', 1_000);
    const res = await createCase(appWith(handler, 3), 'Lasting throttle');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(text).not.toContain('pantau-secret');
    // The first read (the SLA policy) was tried maxAttempts times, then the request gave up.
    expect(handler.calls).toBe(3);
    expect((await base.listCases({}, { limit: 100 })).items.length).toBe(before);
  });

  it('answers a transaction cancelled for throttling with a 503, not a 500', async () => {
    const before = (await base.listCases({}, { limit: 100 })).items.length;
    const handler = new FaultyHandler('transaction_throttle', 1);
    const res = await createCase(appWith(handler), 'Throttled transaction');
    expect(handler.failures).toBeGreaterThan(0);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect((await base.listCases({}, { limit: 100 })).items.length).toBe(before);
  });
});
