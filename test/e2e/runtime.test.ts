/**
 * The embedded runtime's life: a stop takes DynamoDB Local's JVM with it; a crash leaves the
 * JVM behind, and the next start on the same data dir cleans it up and finds the data intact.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alive, api, startPantau, token, waitFor } from '../support/runtime.ts';

const javaPidOf = (dataDir: string) =>
  (JSON.parse(readFileSync(join(dataDir, 'dynamodb.pid'), 'utf8')) as { javaPid: number }).javaPid;

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('embedded runtime lifecycle', () => {
  it('stops DynamoDB Local on SIGTERM, and survives a SIGKILL with its data', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pantau-life-'));
    dirs.push(dataDir);

    // 1. Start, write a case, crash (SIGKILL): the JVM's watchdog sees the pipe close and stops it.
    const first = await startPantau({ dataDir, ownDynamoDb: true });
    const javaPid = javaPidOf(dataDir);
    expect(alive(javaPid)).toBe(true);
    const central = await token(first.url, {
      sub: 'o1',
      agency: 'setneg',
      role: 'central_officer',
    });
    const created = await api(first.url).post(
      '/v1/cases',
      {
        channel: 'letter',
        complainant: { name: 'Rahmat' },
        subject: 'Listrik padam',
        description: 'Tiga hari.',
      },
      { token: central },
    );
    expect(created.status).toBe(201);
    const agenciesBefore = (await api(first.url).get('/v1/agencies?limit=100', { token: central }))
      .body.items.length;
    await first.crash();
    expect(await waitFor(() => !alive(javaPid))).toBe(true);

    // 2. Start again on the same data dir: the case is still there (under the data dir's own
    //    credential), seeding did not duplicate anything, and the old token still verifies.
    const second = await startPantau({ dataDir, ownDynamoDb: true });
    const newJavaPid = javaPidOf(dataDir);
    expect(newJavaPid).not.toBe(javaPid);
    const read = await api(second.url).get(`/v1/cases/${created.body.id}`, { token: central });
    expect(read.status).toBe(200);
    expect(read.body.trackingCode).toBe(created.body.trackingCode);
    expect(
      (await api(second.url).get('/v1/agencies?limit=100', { token: central })).body.items,
    ).toHaveLength(agenciesBefore);

    // 3. SIGTERM: the runtime exits and takes its JVM with it.
    await second.stop();
    expect(await waitFor(() => !alive(newJavaPid))).toBe(true);
    expect(existsSync(join(dataDir, 'dynamodb.pid'))).toBe(false);
  });

  it('exits, with a CRITICAL line, when its DynamoDB Local dies (so a supervisor restarts it)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pantau-life-'));
    dirs.push(dataDir);
    const pantau = await startPantau({ dataDir, ownDynamoDb: true });
    try {
      // The kernel's OOM killer's way.
      process.kill(javaPidOf(dataDir), 'SIGKILL');
      expect(await waitFor(() => !alive(pantau.pid), 10_000), pantau.output()).toBe(true);
      expect(pantau.output()).toMatch(/"level":"CRITICAL".*DynamoDB Local/);
      expect(existsSync(join(dataDir, 'dynamodb.pid'))).toBe(false);
    } finally {
      await pantau.stop();
    }
  });

  it('refuses to start with a new search key when the table holds cases indexed under the lost one', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pantau-life-'));
    dirs.push(dataDir);
    const first = await startPantau({ dataDir });
    const central = await token(first.url, {
      sub: 'o1',
      agency: 'setneg',
      role: 'central_officer',
    });
    const created = await api(first.url).post(
      '/v1/cases',
      { channel: 'letter', complainant: { name: 'Rahmat' }, subject: 'Listrik', description: 'x' },
      { token: central },
    );
    expect(created.status).toBe(201);
    await first.stop();
    await unlink(join(dataDir, 'search-key'));
    const again = startPantau({ dataDir });
    try {
      await expect(again).rejects.toThrow(
        /search-key is missing, but the table already holds cases/,
      );
      expect(existsSync(join(dataDir, 'search-key'))).toBe(false);
    } finally {
      await again.then((p) => p.stop()).catch(() => undefined);
    }
  });

  // A host clock kept in local time, or Friday's restored after a weekend off: the start's
  // catch-up would close reply windows early. An older release on a newer one's records.
  it('refuses a clock earlier than the data dir last saw, and an older version than last wrote it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pantau-life-'));
    dirs.push(dataDir);
    const anHourAhead = new Date(Date.now() + 3_600_000).toISOString();
    await writeFile(join(dataDir, 'last-seen.json'), JSON.stringify({ lastSeen: anHourAhead }));
    await expect(startPantau({ dataDir })).rejects.toThrow(
      /Pantau failed to start: the system clock .* min earlier than .*PANTAU_CLOCK_CHECK=off/s,
    );
    // Refused before anything started on the data dir.
    expect(existsSync(join(dataDir, 'dynamodb-credentials.json'))).toBe(false);

    // The manual clock (demos, tests) is exempt; a data dir an older version left readable by
    // every account is made private, and the log says so.
    await chmod(dataDir, 0o755);
    const manual = await startPantau({ dataDir, env: { PANTAU_CLOCK: 'manual' } });
    await manual.stop();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(manual.output()).toMatch(/data dir was readable by other accounts \(mode 0755\)/);

    // Told to start anyway (the clock was set right): it says so, and the next start needs no
    // override.
    const forced = await startPantau({ dataDir, env: { PANTAU_CLOCK_CHECK: 'off' } });
    await forced.stop();
    expect(forced.output()).toMatch(/PANTAU_CLOCK_CHECK=off/);
    await (await startPantau({ dataDir })).stop();

    const running = (
      JSON.parse(readFileSync(join(dataDir, 'pantau-data.json'), 'utf8')) as { version: string }
    ).version;
    await writeFile(join(dataDir, 'pantau-data.json'), JSON.stringify({ version: '99.0.0' }));
    await expect(startPantau({ dataDir })).rejects.toThrow(
      new RegExp(
        `Pantau failed to start: .*version ${running.replaceAll('.', '\\.')}, is older than 99\\.0\\.0.*PANTAU_VERSION_CHECK=off`,
        's',
      ),
    );
  });
});
