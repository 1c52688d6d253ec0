/**
 * Operating the embedded runtime: one correlation id from an API request through the ladder it
 * armed to the tick and the delivery of its letter, in the runtime's own log lines; and a step
 * killed between writing its letter and delivering it, whose letter the restarted runtime's
 * sweep delivers, once, without taking the step again.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  alive,
  api,
  complaint,
  type RunningPantau,
  startPantau,
  token,
  waitFor,
} from '../support/runtime.ts';

const running: RunningPantau[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const p of running) await p.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const MANUAL = { PANTAU_CLOCK: 'manual', PANTAU_CLOCK_START: '2026-03-16T01:00:00.000Z' };
const CENTRAL = { sub: 'o1', agency: 'setneg', role: 'central_officer' } as const;

/** The runtime's JSON log lines (Powertools), parsed. */
const logLines = (p: RunningPantau): Record<string, unknown>[] =>
  p
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });

/** Registers, verifies and forwards a complaint to polri; the forward under `headers`. */
async function forward(url: string, central: string, headers: Record<string, string> = {}) {
  const http = api(url);
  const created = await http.post('/v1/cases', complaint(), { token: central });
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  const verified = await http.post(
    `/v1/cases/${id}/verification`,
    { decision: 'accept', type: 'normative' },
    { token: central },
  );
  expect(verified.status, verified.text).toBe(200);
  const forwarded = await http.post(
    `/v1/cases/${id}/assignments`,
    { assignments: [{ agencyId: 'polri' }] },
    { token: central, headers },
  );
  expect(forwarded.status, forwarded.text).toBe(201);
  return { id, forwarded };
}

describe('the correlation id', () => {
  it('names the request, the ticks of the ladder it armed and the delivery of their letter', async () => {
    const pantau = await startPantau({ env: { ...MANUAL, LOG_LEVEL: 'INFO' } });
    running.push(pantau);
    const central = await token(pantau.url, CENTRAL);
    const { id, forwarded } = await forward(pantau.url, central, {
      'x-correlation-id': 'e2e-forward-1',
    });
    expect(forwarded.headers.get('x-correlation-id')).toBe('e2e-forward-1');
    // Ten days on the ladder writes its first letters and delivers them.
    const http = api(pantau.url);
    expect((await http.post('/dev/clock', { advance: 'P10D' })).status).toBe(200);
    const letters = (await http.get(`/v1/notifications?caseId=${id}`, { token: central })).body
      .items as { status: string }[];
    expect(letters.length).toBeGreaterThan(0);
    expect(letters.every((n) => n.status === 'sent')).toBe(true);

    await expect
      .poll(() =>
        logLines(pantau)
          .filter((line) => line.correlation_id === 'e2e-forward-1')
          .map((line) => `${String(line.service)} ${String(line.message)}`),
      )
      .toEqual(
        expect.arrayContaining([
          'pantau-api request',
          'pantau-local ladder tick',
          'pantau-local letter delivered',
        ]),
      );
    const ticks = logLines(pantau).filter(
      (line) => line.message === 'ladder tick' && line.caseId === id,
    );
    expect(ticks.length).toBeGreaterThan(1); // the forward's, and the one ten days on
    expect(ticks.every((line) => line.correlation_id === 'e2e-forward-1')).toBe(true);
    // Nothing failed to send: central's list of failed letters is empty, and it is central's.
    const failed = await http.get('/v1/notifications/failed', { token: central });
    expect(failed.status, failed.text).toBe(200);
    expect(failed.body).toEqual({ items: [], nextCursor: null });
    const polri = await token(pantau.url, {
      sub: 'p1',
      agency: 'polri',
      role: 'agency_officer',
    });
    expect((await http.get('/v1/notifications/failed', { token: polri })).status).toBe(403);
    // A caller's id that is not a plain token is not echoed: the request id stands in.
    const odd = await http.get('/health', { headers: { 'x-correlation-id': 'a b\u00e9' } });
    expect(odd.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('a step killed between its write and its delivery', () => {
  it('has its letter delivered once by the sweep after the restart, and is not taken again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pantau-ops-'));
    dirs.push(dataDir);
    const preload = fileURLToPath(new URL('../support/kill-at-delivery.mjs', import.meta.url));
    const doomed = await startPantau({
      dataDir,
      env: { ...MANUAL, NODE_OPTIONS: `--import=${preload}` },
    });
    running.push(doomed);
    const central = await token(doomed.url, CENTRAL);
    const { id } = await forward(doomed.url, central);
    // The first letter's delivery kills the runtime: the clock request dies with it.
    await api(doomed.url)
      .post('/dev/clock', { advance: 'P10D' })
      .catch(() => undefined);
    expect(await waitFor(() => !alive(doomed.pid), 30_000)).toBe(true);
    await doomed.stop();
    const mail = join(dataDir, 'mail');
    const files = async () =>
      (await readdir(mail, { recursive: true }).catch(() => []))
        .filter((f) => f.endsWith('.eml'))
        .map((f) => basename(f))
        .sort();
    expect(await files()).toEqual([]); // written to the outbox, not delivered

    const pantau = await startPantau({ dataDir, env: MANUAL });
    running.push(pantau);
    const http = api(pantau.url);
    const again = await token(pantau.url, CENTRAL);
    // The letter killed while it went was claimed by that sender: it is due again once its
    // claim has lapsed (5 minutes), and the sweep that runs then sends it.
    expect((await http.post('/dev/clock', { advance: 'PT6M' })).status).toBe(200);
    const letters = (await http.get(`/v1/notifications?caseId=${id}`, { token: again })).body
      .items as { id: string; step: string; status: string; attempts: number }[];
    expect(letters.length).toBeGreaterThan(0);
    for (const n of letters) expect(n.status).toBe('sent');
    // The letter killed while it went counts that attempt (it was claimed): it went once, on
    // its second; the others on their first.
    expect(letters.map((n) => n.attempts).sort()).toEqual([...letters.slice(1).map(() => 1), 2]);
    // One file per letter, and each step once (its exactly-once marker held across the kill).
    expect(await files()).toEqual(letters.map((n) => `${n.id}.eml`).sort());
    expect(new Set(letters.map((n) => n.step)).size).toBe(letters.length);
    const steps = (
      await http.get(`/v1/cases/${id}/timeline?limit=100`, { token: again })
    ).body.items.filter((e: { type: string }) =>
      // The forwarding letter is the ladder's first letter; the rungs' letters follow.
      ['forwarding_letter', 'escalation_step'].includes(e.type),
    );
    expect(steps).toHaveLength(letters.length);
  }, 180_000); // two runtimes started one after the other: ~20 s idle, past 60 s on a busy machine
});
