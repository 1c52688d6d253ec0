/**
 * The embedded runtime as a user runs it (`npm start`: `node packages/local/src/main.ts`), as a
 * child process on a free port with a fresh data dir, plus a small HTTP client for end-to-end
 * tests.
 * One runtime per test file: start it in `beforeAll`, stop it in `afterAll`.
 *
 * The runtimes of the e2e tier share one in-memory DynamoDB Local (its global setup starts it;
 * each data dir keeps its own credential, so its own database there): a JVM per file cost more
 * than most files' tests. A file that tests the runtime's own engine (its pid file, its files
 * on disk, what a crash leaves) asks for its own with `ownDynamoDb`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@pantau/local';
import { expect, inject } from 'vitest';
import { SHORT_LIVED_JVM } from './jvm.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const READY = /Pantau ready at (\S+) \(pid (\d+)\)/;
const START_TIMEOUT_MS = 90_000;
/** What `npm start` runs after `node` (package.json's `start`: `exec node <args>`). */
const START_ARGS = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start
  .replace(/^exec node /, '')
  .split(' ');
const STOP_GRACE_MS = 10_000;

export interface RunningPantau {
  readonly url: string;
  /** The runtime's data dir (its DynamoDB files and the local issuer's key). */
  readonly dataDir: string;
  /** The pid of the runtime's own Node process. */
  readonly pid: number;
  /** Everything the process wrote so far (for failure messages). */
  output(): string;
  /** SIGTERM, as an operator would; removes the data dir unless the caller gave one. */
  stop(): Promise<void>;
  /** SIGKILL the runtime's Node process only, as a crash would (its JVM's watchdog then stops it). */
  crash(): Promise<void>;
}

/**
 * The stops of the runtimes started in this process and neither stopped nor crashed yet. Vitest
 * ends its workers with SIGTERM, which runs no `exit` handler: a runtime a file left running
 * outlived the run (and the run's temporary directory, its data dir). The e2e tier's set-up
 * (`e2e-setup.ts`) stops them at each file's end and fails the file that left them.
 */
const running = new Set<() => Promise<void>>();

/** Stops every runtime of this process still running; how many there were. */
export async function stopLeftRunning(): Promise<number> {
  const left = [...running];
  await Promise.all(left.map((stop) => stop()));
  return left.length;
}

export async function startPantau(
  options: { env?: Record<string, string>; dataDir?: string; ownDynamoDb?: boolean } = {},
): Promise<RunningPantau> {
  const shared = options.ownDynamoDb ? undefined : sharedDynamoDb();
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'pantau-e2e-')));
  const port = await freePort();
  // The Node running the tests (Node 24 from the `node@24` devDependency), as `npm start` runs
  // it: Node strips the types itself.
  const path = [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);
  const child = spawn(process.execPath, START_ARGS, {
    cwd: ROOT,
    env: {
      ...process.env,
      PATH: path,
      PORT: String(port),
      PANTAU_DATA_DIR: dataDir,
      LOG_LEVEL: 'WARN',
      ...(shared ? { PANTAU_DYNAMODB_ENDPOINT: shared } : SHORT_LIVED_JVM),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a last-resort SIGKILL also reaches DynamoDB Local's JVM.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  // Whole: the log tests read all of it for identity and codes (warnings and errors go to
  // stderr; a tail would miss a leak early in a long file). A failure quotes only its end.
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const output = () => `--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;
  const tail = () => output().slice(-20_000);

  // If the test process itself goes away, take the runtime (and its JVM) with it.
  const killGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killGroup);

  const stop = async () => {
    running.delete(stop);
    await terminate(child, exited);
    process.off('exit', killGroup);
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  running.add(stop);

  let pid = 0;
  const crash = async () => {
    running.delete(stop);
    process.kill(pid, 'SIGKILL');
    await exited;
    process.off('exit', killGroup);
  };
  try {
    const url = await new Promise<string>((ready, fail) => {
      const timer = setTimeout(
        () =>
          fail(new Error(`Pantau was not ready within ${START_TIMEOUT_MS / 1000} s\n${tail()}`)),
        START_TIMEOUT_MS,
      );
      const onData = () => {
        const match = READY.exec(stdout);
        if (match) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          pid = Number(match[2]);
          ready(match[1]!);
        }
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`Pantau exited (${code ?? signal}) before it was ready\n${tail()}`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        fail(error);
      });
    });
    return { url, dataDir, pid, output, stop, crash };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The e2e tier's shared engine, when the global setup provides one (not in benchmarks). */
function sharedDynamoDb(): string | undefined {
  try {
    return inject('dynamoDbEndpoint');
  } catch {
    return undefined;
  }
}

async function terminate(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const forced = new Promise<void>((done) => {
    timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL'); // the whole group: Node, the JVM's watchdog, the JVM
      } catch {
        child.kill('SIGKILL');
      }
      done();
    }, STOP_GRACE_MS);
  });
  await Promise.race([exited, forced]);
  clearTimeout(timer);
  await exited;
}

// ---- tokens ---------------------------------------------------------------------------

/** Whether a process is still running. */
export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Polls `check` every 100 ms until it holds or `ms` pass; its last answer. */
export async function waitFor(check: () => boolean, ms = 10_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  return check();
}

export type Role = 'central_admin' | 'central_officer' | 'agency_coordinator' | 'agency_officer';

export interface TokenRequest {
  sub: string;
  agency: string;
  role: Role;
  expiresInSeconds?: number;
}

/** A Bearer token from the embedded runtime's own issuer (`POST /dev/tokens`). */
export async function token(url: string, claims: TokenRequest): Promise<string> {
  const res = await fetch(`${url}/dev/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(claims),
  });
  if (res.status !== 200) throw new Error(`POST /dev/tokens → ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

// ---- HTTP client ----------------------------------------------------------------------

/** Loosely typed JSON: tests read fields and assert on them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Json;
  /** The body as received. */
  readonly text: string;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent as is instead of JSON-encoding `body` (e.g. malformed JSON). */
  raw?: string;
  contentType?: string;
}

export interface Api {
  get(path: string, options?: RequestOptions): Promise<ApiResponse>;
  post(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse>;
  patch(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse>;
  request(
    method: string,
    path: string,
    body?: unknown,
    options?: RequestOptions,
  ): Promise<ApiResponse>;
  /**
   * An upload form's or download link's URL fetched as the console's page fetches it: the
   * runtime's are root-relative (`/blobs/...`), so resolved against this origin.
   */
  fetch(link: string, init?: RequestInit): Promise<Response>;
}

export function api(url: string): Api {
  const request = async (
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const res = await fetch(`${url}${path}`, { method, headers, body: payload });
    const text = await res.text();
    let parsed: Json = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') {
      parsed = JSON.parse(text);
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return {
    get: (path, options) => request('GET', path, undefined, options),
    post: (path, body, options) => request('POST', path, body ?? {}, options),
    patch: (path, body, options) => request('PATCH', path, body ?? {}, options),
    request,
    fetch: (link, init) => fetch(new URL(link, url), init),
  };
}

/**
 * Tokens for demo users, minted once per (agency, role): `as('polri', 'agency_officer')`.
 * The subject is `<agency>-<role>` unless given.
 */
export function users(url: string) {
  const cache = new Map<string, Promise<string>>();
  return (agency: string, role: Role, sub = `${agency}-${role}`): Promise<string> => {
    const key = `${agency}|${role}|${sub}`;
    let minted = cache.get(key);
    if (!minted) {
      minted = token(url, { sub, agency, role });
      cache.set(key, minted);
    }
    return minted;
  };
}

// ---- fixtures and assertions ----------------------------------------------------------

/** A valid complaint as the central unit registers it; `overrides` replace top-level fields. */
export function complaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'letter',
    complainant: {
      name: 'Siti Rahmawati',
      idNumber: '5171034407850002',
      email: 'siti.rahmawati@example.com',
      phone: '+62 812 3456 7890',
      address: 'Jl. Melati No. 7, Denpasar',
    },
    subject: 'Sertifikat tanah tidak kunjung terbit',
    description: 'Permohonan sertifikat diajukan sejak 2024 dan belum ada kejelasan.',
    location: { province: 'Bali', regency: 'Kota Denpasar' },
    ...overrides,
  };
}

/** A fresh `Idempotency-Key` header. */
/**
 * A complaint central registered (`body` overriding the fixture), verified as `type` and
 * forwarded to `agencyIds`, each step checked: the case as registered (`id`, `trackingCode`…).
 */
export async function forwardedCase(
  http: Api,
  token: string,
  agencyIds: readonly string[],
  options: { type?: 'light' | 'normative' | 'examination'; body?: Record<string, unknown> } = {},
): Promise<Json> {
  const created = await http.post('/v1/cases', complaint(options.body), { token });
  expect(created.status, created.text).toBe(201);
  await verifyAndForward(http, token, created.body.id, agencyIds, options.type);
  return created.body;
}

/** Central verifies a received case as `type` and forwards it to `agencyIds`, each step checked. */
export async function verifyAndForward(
  http: Api,
  token: string,
  id: string,
  agencyIds: readonly string[],
  type: 'light' | 'normative' | 'examination' = 'normative',
): Promise<void> {
  const verified = await http.post(
    `/v1/cases/${id}/verification`,
    { decision: 'accept', type },
    { token },
  );
  expect(verified.status, verified.text).toBe(200);
  const sent = await http.post(
    `/v1/cases/${id}/assignments`,
    { assignments: agencyIds.map((agencyId) => ({ agencyId })) },
    { token },
  );
  expect(sent.status, sent.text).toBe(201);
}

/** A job an edit started (re-arming, a moved unit's give-backs), polled as the console does until it ends. */
export async function waitForJob(http: Api, token: string, id: string): Promise<Json> {
  // As long as a poll may wait (15 s), four times over: a job on a busy machine.
  for (const until = Date.now() + 60_000; Date.now() < until;) {
    const res = await http.get(`/v1/jobs/${id}`, { token });
    expect(res.status, res.text).toBe(200);
    if (!['listing', 'running'].includes(res.body.state)) return res.body;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`job ${id} did not end`);
}

export const idempotencyKey = (): Record<string, string> => ({
  'idempotency-key': `e2e-${crypto.randomUUID()}`,
});

/** What every error answer must be: RFC 9457 problem+json with a stable code. */
export function expectProblem(res: ApiResponse, status: number, code?: string): void {
  const context = `${res.status} ${res.text}`;
  expect(res.status, context).toBe(status);
  expect(res.headers.get('content-type'), context).toMatch(/^application\/problem\+json/);
  expect(res.body, context).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    code: code ?? expect.any(String),
    detail: expect.any(String),
    requestId: expect.any(String),
  });
}

/** A 400 whose `errors[]` names `path` among the invalid fields. */
export function expectInvalid(res: ApiResponse, path: string): void {
  expectProblem(res, 400, 'validation_failed');
  const paths = (res.body.errors as { path: string }[]).map((e) => e.path);
  expect(paths, res.text).toContain(path);
}

/**
 * A solved proof of work for the public complaint form, as the ALTCHA widget sends it: a
 * challenge from the runtime, solved here with altcha-lib (start the runtime with a low
 * PANTAU_POW_MAX_COUNTER so it takes milliseconds).
 */
export async function solvedAltcha(http: Api): Promise<string> {
  const { solveChallenge } = await import('altcha-lib');
  const { deriveKey } = await import('altcha-lib/algorithms/pbkdf2');
  const res = await http.get('/v1/complaints/challenge');
  expect(res.status, res.text).toBe(200);
  const solution = await solveChallenge({ challenge: res.body, deriveKey });
  expect(solution, 'the challenge was solved').not.toBeNull();
  return Buffer.from(JSON.stringify({ challenge: res.body, solution })).toString('base64');
}
