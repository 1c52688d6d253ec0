/**
 * The embedded database is the runtime's alone: DynamoDB Local listens on every interface and
 * accepts any credential, so it runs without `-sharedDb` under a random credential kept in the
 * data dir (file mode 0600). Another client sees an empty database, and a browser page on
 * another origin gets no CORS permission.
 */
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SHORT_LIVED_JVM } from '../../../test/support/jvm.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.ts';

let dataDir = '';
let db: DynamoDbLocal;

const client = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
  new DynamoDBClient({ endpoint: db.endpoint, region: 'local', credentials, maxAttempts: 1 });

beforeAll(async () => {
  for (const [name, value] of Object.entries(SHORT_LIVED_JVM)) vi.stubEnv(name, value);
  dataDir = await mkdtemp(join(tmpdir(), 'pantau-ddb-'));
  db = await startDynamoDbLocal({ dataDir });
  await client(db.credentials).send(
    new CreateTableCommand({
      TableName: 'pantau',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}, 90_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  await db?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the embedded DynamoDB Local', () => {
  it('keeps a random credential of its own in the data dir, readable by its owner only', async () => {
    expect(db.credentials.accessKeyId).toMatch(/^[A-Za-z0-9]{32,}$/);
    expect(db.credentials.accessKeyId).not.toBe('local');
    const file = await stat(join(dataDir, 'dynamodb-credentials.json'));
    expect(file.mode & 0o777).toBe(0o600);
  });

  it('shows another credential an empty database', async () => {
    const own = await client(db.credentials).send(new ListTablesCommand({}));
    expect(own.TableNames).toEqual(['pantau']);
    for (const accessKeyId of ['anything', 'local', 'AKIAIOSFODNN7EXAMPLE']) {
      const other = await client({ accessKeyId, secretAccessKey: 'x' }).send(
        new ListTablesCommand({}),
      );
      expect(other.TableNames, accessKeyId).toEqual([]);
    }
  });

  it('grants no CORS permission to a page on another origin', async () => {
    for (const method of ['OPTIONS', 'POST'] as const) {
      const res = await fetch(db.endpoint, {
        method,
        headers: {
          origin: 'http://evil.example',
          'access-control-request-method': 'POST',
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
        },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect(res.headers.get('access-control-allow-origin'), method).toBeNull();
    }
  });

  it('finds its data again after a restart, under the same credential', async () => {
    const before = db.credentials;
    await db.stop();
    db = await startDynamoDbLocal({ dataDir });
    expect(db.credentials).toEqual(before);
    const tables = await client(db.credentials).send(new ListTablesCommand({}));
    expect(tables.TableNames).toEqual(['pantau']);
  }, 90_000);
});
