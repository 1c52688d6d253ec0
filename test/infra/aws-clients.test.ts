/**
 * Every AWS client of the functions gives up on a stalled call (functions/aws-clients.ts). A
 * local server that accepts connections and never answers stands in for a stalled endpoint:
 * with the SDK's defaults each call would wait forever, that is until the Lambda's timeout.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SDK_TIMEOUTS, sdkOptions } from '../../functions/aws-clients.ts';

const FUNCTIONS = join(import.meta.dirname, '../../functions');
let server: Server;
const sockets: Socket[] = [];
let endpoint: string;

beforeAll(async () => {
  server = createServer((socket) => sockets.push(socket)); // accepts, never answers
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('AWS calls from the functions', () => {
  it('fail with a TimeoutError when the endpoint stalls, for every client the functions build', async () => {
    // One attempt each, so the time is the limit's (the SDK retries 3 times on AWS).
    const local = {
      ...sdkOptions,
      endpoint,
      region: 'ap-southeast-3',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
    };
    const calls = {
      DynamoDB: () => new DynamoDBClient(local).send(new ListTablesCommand({})),
      SES: () => new SESv2Client(local).send(new GetAccountCommand({})),
      'Step Functions': () => new SFNClient(local).send(new ListStateMachinesCommand({})),
      'Secrets Manager': () =>
        new SecretsManagerClient(local).send(new GetSecretValueCommand({ SecretId: 'k' })),
      S3: () =>
        new S3Client({ ...local, forcePathStyle: true }).send(
          new HeadBucketCommand({ Bucket: 'attachments' }),
        ),
    };
    const outcomes = await Promise.all(
      Object.entries(calls).map(async ([service, call]) => {
        const started = performance.now();
        const error = await call().then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        return { service, name: error?.name, ms: performance.now() - started };
      }),
    );
    for (const { service, name, ms } of outcomes) {
      expect({ service, name }).toEqual({ service, name: 'TimeoutError' });
      expect(ms, service).toBeGreaterThanOrEqual(SDK_TIMEOUTS.requestTimeout - 50);
      expect(ms, service).toBeLessThan(SDK_TIMEOUTS.requestTimeout + 3_000);
    }
  });

  it('are all built with those limits', async () => {
    const files = (await readdir(FUNCTIONS)).filter((f) => f.endsWith('.ts'));
    const built: string[] = [];
    for (const file of files) {
      const source = await readFile(join(FUNCTIONS, file), 'utf8');
      for (const match of source.matchAll(/new (\w+Client)\(([^)]*)\)/g)) {
        built.push(match[1]!);
        expect(match[2], `${file}: new ${match[1]}(…)`).toBe('sdkOptions');
      }
    }
    expect(new Set(built)).toEqual(
      new Set(['DynamoDBClient', 'SFNClient', 'S3Client', 'SESv2Client', 'SecretsManagerClient']),
    );
  });
});
