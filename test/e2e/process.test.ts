/**
 * Process hygiene, as a user meets it: stopping the `npm start` they ran stops everything it
 * started (the runtime and DynamoDB Local's JVM), and a runtime killed outright takes its JVM
 * with it instead of leaving it for the next start to find.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SHORT_LIVED_JVM } from '../support/jvm.ts';
import { alive, startPantau, stopLeftRunning, waitFor } from '../support/runtime.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const READY = /Pantau ready at \S+ \(pid (\d+)\)/;

/** Every process below `pid`, depth first. */
function descendants(pid: number): number[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    return []; // none
  }
  const children = out.split('\n').map(Number).filter(Boolean);
  return children.flatMap((c) => [c, ...descendants(c)]);
}

const started: { child: ChildProcess; dataDir: string; pids: number[] }[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) {
    for (const pid of [s.child.pid!, ...s.pids]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await rm(s.dataDir, { recursive: true, force: true });
  }
});

/** `npm start` in the project, as the README says, on a free port with a fresh data dir. */
async function npmStart() {
  const dataDir = await mkdtemp(join(tmpdir(), 'pantau-proc-'));
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      PANTAU_DATA_DIR: dataDir,
      LOG_LEVEL: 'WARN',
      ...SHORT_LIVED_JVM,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const entry = { child, dataDir, pids: [] as number[] };
  started.push(entry);
  let output = '';
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const runtimePid = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`not ready in 90 s:\n${output}`)), 90_000);
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      const m = READY.exec(output);
      if (m) {
        clearTimeout(timer);
        done(Number(m[1]));
      }
    });
    child.once('exit', (code) => fail(new Error(`npm start exited ${code}:\n${output}`)));
  });
  const { javaPid } = JSON.parse(await readFile(join(dataDir, 'dynamodb.pid'), 'utf8')) as {
    javaPid: number;
  };
  entry.pids.push(...descendants(child.pid!));
  return { npmPid: child.pid!, runtimePid, javaPid, tree: entry.pids };
}

describe('stopping the embedded runtime', () => {
  it('SIGTERM to the `npm start` process stops everything it started, the JVM included', async () => {
    const { npmPid, runtimePid, javaPid, tree } = await npmStart();
    expect(tree).toEqual(expect.arrayContaining([runtimePid, javaPid]));
    process.kill(npmPid, 'SIGTERM');
    const gone = await waitFor(() => [npmPid, ...tree].every((pid) => !alive(pid)), 20_000);
    expect(
      [npmPid, ...tree]
        .filter(alive)
        .map((pid) =>
          execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim(),
        ),
    ).toEqual([]);
    expect(gone).toBe(true);
  }, 150_000);

  it('a runtime killed with SIGKILL takes its JVM with it', async () => {
    const { runtimePid, javaPid } = await npmStart();
    process.kill(runtimePid, 'SIGKILL');
    expect(await waitFor(() => !alive(javaPid), 15_000)).toBe(true);
  }, 150_000);
});

// The tests' own runtimes: Vitest ends a worker with SIGTERM, which runs no `exit` handler, so a
// runtime a file forgot to stop outlived the run (found with a file that threw before its stop).
describe('a runtime a test file leaves running', () => {
  it('is stopped at the end of the file by the e2e set-up (test/support/e2e-setup.ts)', async () => {
    const pantau = await startPantau();
    expect(alive(pantau.pid)).toBe(true);
    expect(await stopLeftRunning()).toBe(1);
    expect(alive(pantau.pid)).toBe(false);
    expect(await stopLeftRunning()).toBe(0);
  }, 150_000);
});
