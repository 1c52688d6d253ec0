/**
 * The embedded database is the runtime's alone: DynamoDB Local listens on every interface and
 * accepts any credential, so it runs without `-sharedDb` under a random credential kept in the
 * data dir (file mode 0600). Another client sees an empty database, and a browser page on
 * another origin gets no CORS permission.
 */
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SHORT_LIVED_JVM } from '../../../test/support/jvm.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.ts';

let dataDir = '';
let db: DynamoDbLocal;
const dirs: string[] = [];
/** Exits reported by every start below that a test does not kill: a stop is no such exit. */
const unexpected = vi.fn();

const client = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
  new DynamoDBClient({ endpoint: db.endpoint, region: 'local', credentials, maxAttempts: 1 });

beforeAll(async () => {
  for (const [name, value] of Object.entries(SHORT_LIVED_JVM)) vi.stubEnv(name, value);
  dataDir = await mkdtemp(join(tmpdir(), 'pantau-ddb-'));
  // The umask most accounts start with: the JVM's files would be world-readable under it.
  const umask = process.umask(0o022);
  try {
    db = await startDynamoDbLocal({ dataDir, onExit: unexpected });
  } finally {
    process.umask(umask);
  }
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
  expect(unexpected).not.toHaveBeenCalled();
  for (const dir of [dataDir, ...dirs]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the embedded DynamoDB Local', () => {
  it('keeps a random credential of its own in the data dir, readable by its owner only', async () => {
    expect(db.credentials.accessKeyId).toMatch(/^[A-Za-z0-9]{32,}$/);
    expect(db.credentials.accessKeyId).not.toBe('local');
    const file = await stat(join(dataDir, 'dynamodb-credentials.json'));
    expect(file.mode & 0o777).toBe(0o600);
  });

  // The table holds complainants' identities: no other account on the server reads it.
  it('keeps its database readable by its owner only (0600, 0700), whatever the umask', async () => {
    const dir = join(dataDir, 'dynamodb');
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.db'));
    expect(files).toContain(`${db.credentials.accessKeyId}_local.db`);
    for (const file of files) expect((await stat(join(dir, file))).mode & 0o777, file).toBe(0o600);
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
    db = await startDynamoDbLocal({ dataDir, onExit: unexpected });
    expect(db.credentials).toEqual(before);
    const tables = await client(db.credentials).send(new ListTablesCommand({}));
    expect(tables.TableNames).toEqual(['pantau']);
  }, 90_000);

  // Java's own temporary directory is /tmp whatever TMPDIR says: each start left its unpacked
  // SQLite library there (1 MB), outside a test run's directory, which is removed at its end.
  it("unpacks what it needs in Node's temporary directory (TMPDIR), not Java's /tmp", async () => {
    const outer = tmpdir();
    const tmp = await mkdtemp(join(outer, 'pantau-jvm-tmp-'));
    dirs.push(tmp);
    vi.stubEnv('TMPDIR', tmp);
    try {
      await db.stop();
      db = await startDynamoDbLocal({ dataDir, onExit: unexpected });
      await client(db.credentials).send(new ListTablesCommand({}));
    } finally {
      vi.stubEnv('TMPDIR', outer);
    }
    expect((await readdir(tmp)).filter((f) => /sqlite.*\.so$/.test(f))).toHaveLength(1);
  }, 90_000);

  it('adopts its database again when the credential file is lost', async () => {
    const before = db.credentials;
    // Any key a client sends leaves an empty database of its own beside the unit's.
    await client({ accessKeyId: 'probe', secretAccessKey: 'x' }).send(new ListTablesCommand({}));
    expect(await readdir(join(dataDir, 'dynamodb'))).toContain('probe_local.db');
    await db.stop();
    // E.g. the data dir restored from a backup without that small file.
    await rm(join(dataDir, 'dynamodb-credentials.json'));
    db = await startDynamoDbLocal({ dataDir, onExit: unexpected });
    expect(db.credentials.accessKeyId).toBe(before.accessKeyId);
    const tables = await client(db.credentials).send(new ListTablesCommand({}));
    expect(tables.TableNames).toEqual(['pantau']);
    const file = await stat(join(dataDir, 'dynamodb-credentials.json'));
    expect(file.mode & 0o777).toBe(0o600);
    // Written atomically: no temporary file is left beside it.
    expect((await readdir(dataDir)).filter((f) => f.includes('dynamodb-credentials'))).toEqual([
      'dynamodb-credentials.json',
    ]);
  }, 90_000);

  it('refuses to start, naming them, when the credential file is lost and several databases hold tables', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pantau-ddb-'));
    dirs.push(dir);
    await mkdir(join(dir, 'dynamodb'));
    // Two copies of a database with a table (the engine is idle: a copy is whole), and an empty one.
    const own = join(dataDir, 'dynamodb', `${db.credentials.accessKeyId}_local.db`);
    for (const key of ['a1b2c3', 'd4e5f6'])
      await copyFile(own, join(dir, 'dynamodb', `${key}_local.db`));
    await writeFile(join(dir, 'dynamodb', 'probe_local.db'), '');
    const start = startDynamoDbLocal({ dataDir: dir, onExit: unexpected });
    try {
      const refusal = /2 databases .* hold tables \(a1b2c3_local\.db, d4e5f6_local\.db\)/s;
      await expect(start).rejects.toThrow(refusal);
      await expect(start).rejects.toThrow(/dynamodb-credentials\.json is missing/);
      // Its JVM stopped: no pid file, and no credential written.
      expect(await readdir(dir)).toEqual(['dynamodb']);
    } finally {
      await start.then((started) => started.stop()).catch(() => undefined);
    }
  }, 90_000);

  it("reports its JVM's death (an OOM kill) and passes on what the JVM wrote", async () => {
    const exits: unknown[] = [];
    const lines: string[] = [];
    const jvm = await startDynamoDbLocal({
      inMemory: true,
      onExit: (exit) => exits.push(exit),
      onOutput: (line) => lines.push(line),
    });
    try {
      process.kill(jvm.pid!, 'SIGKILL');
      await expect.poll(() => exits, { timeout: 10_000 }).toHaveLength(1);
      expect(exits[0]).toMatchObject({ javaPid: jvm.pid, code: 137 });
      // DynamoDB Local's own banner, on its stdout.
      expect(lines.join('\n')).toMatch(/DynamoDB Local/);
    } finally {
      await jvm.stop();
    }
  }, 90_000);
});
