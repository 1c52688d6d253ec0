/**
 * Crash safety: the embedded runtime is SIGKILLed at random moments of a busy run (clients
 * registering and forwarding complaints while the clock drives ladders), several times, and
 * restarted on the same data dir. No acknowledged write is lost; every ladder step that was
 * due is taken exactly once, at its own instant.
 */
import {
  Calendar,
  DEFAULT_LADDER,
  INDONESIAN_HOLIDAYS,
  INITIAL_LADDER_STATE,
  projectLadder,
  type AssignmentView,
} from '@pantau/core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { api, complaint, type RunningPantau, startPantau, token } from '../support/runtime.ts';

const AGENCIES = ['polri', 'pln', 'pemprov-bali', 'pemkot-jayapura'];
const ROUNDS = 3;
let dataDir = '';
const running: RunningPantau[] = [];

afterAll(async () => {
  for (const p of running) await p.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const start = async () => {
  const p = await startPantau({
    dataDir,
    // Its own engine on disk: a crash here is the runtime's and the JVM's, as on a server.
    ownDynamoDb: true,
    env: {
      PANTAU_CLOCK: 'manual',
      PANTAU_CLOCK_START: '2026-03-16T01:00:00.000Z',
      LOG_LEVEL: 'ERROR',
    },
  });
  running.push(p);
  return p;
};

describe('crash safety', () => {
  it(`loses no acknowledged write and misses or doubles no ladder step across ${ROUNDS} SIGKILLs`, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pantau-crash-'));
    const acknowledged = new Map<string, string>(); // case id → the agency it was forwarded to (acknowledged)
    const registered = new Set<string>();

    for (let round = 0; round < ROUNDS; round += 1) {
      const pantau = await start();
      const http = api(pantau.url);
      const central = await token(pantau.url, {
        sub: 'o1',
        agency: 'setneg',
        role: 'central_officer',
      });
      let stop = false;
      const client = async (n: number) => {
        for (let i = 0; !stop; i += 1) {
          try {
            const created = await http.post(
              '/v1/cases',
              complaint({ subject: `Round ${round} client ${n} #${i}` }),
              { token: central, headers: { 'idempotency-key': `r${round}-c${n}-${i}` } },
            );
            if (created.status !== 201) continue;
            registered.add(created.body.id);
            const id = created.body.id as string;
            await http.post(
              `/v1/cases/${id}/verification`,
              { decision: 'accept', type: 'normative' },
              { token: central },
            );
            const agencyId = AGENCIES[(n + i) % AGENCIES.length]!;
            const forwarded = await http.post(
              `/v1/cases/${id}/assignments`,
              { assignments: [{ agencyId }] },
              { token: central },
            );
            if (forwarded.status === 201) acknowledged.set(id, agencyId);
          } catch {
            return; // the runtime died under this request: not acknowledged
          }
        }
      };
      const clock = async () => {
        while (!stop) {
          try {
            await http.post('/dev/clock', { advance: 'PT20H' });
          } catch {
            return;
          }
        }
      };
      const work = [client(0), client(1), client(2), clock()];
      // Crash mid-work: once this round has had a forward acknowledged (however busy the
      // machine), then after a random moment more.
      const before = acknowledged.size;
      for (let waited = 0; acknowledged.size === before && waited < 60_000; waited += 100)
        await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 300 + Math.floor(Math.random() * 1500)));
      await pantau.crash();
      stop = true;
      await Promise.all(work);
    }

    // Restart once more, let every ladder run out, and check.
    const pantau = await start();
    const http = api(pantau.url);
    const central = await token(pantau.url, {
      sub: 'o1',
      agency: 'setneg',
      role: 'central_officer',
    });
    expect(acknowledged.size).toBeGreaterThan(3);
    // The manual clock passes time: each step is written at its own instant on the way.
    await http.post('/dev/clock', { advance: 'P120D' });
    const calendar = new Calendar(INDONESIAN_HOLIDAYS);
    const now = Date.parse((await http.get('/dev/clock')).body.now);
    for (const id of registered)
      expect((await http.get(`/v1/cases/${id}`, { token: central })).status).toBe(200);
    for (const [id, agencyId] of acknowledged) {
      const assignment = (
        await http.get(`/v1/cases/${id}/assignments/${agencyId}`, { token: central })
      ).body as AssignmentView;
      expect(assignment.state).toBe('pending');
      const expected = projectLadder(
        { ...INITIAL_LADDER_STATE, observedAt: assignment.forwardedAt },
        {
          assignment: { ...assignment, redirect: null },
          steps: DEFAULT_LADDER,
          calendar,
          now: new Date(assignment.forwardedAt),
        },
        32,
      )
        .filter((e) => Date.parse(e.at) <= now)
        .map((e) => `${e.step}@${e.at}`);
      const letters = (
        await http.get(`/v1/notifications?caseId=${id}&limit=100`, { token: central })
      ).body.items.filter(
        // The ladder's letters (each forwarding's own letter, issue 15, is not a rung).
        (n: { action: string }) => n.action !== 'forwarding',
      ) as { step: string; scheduledAt: string }[];
      // Oldest first; letters of the same instant (a warning and a reminder) in no set order.
      const instants = letters.map((n) => n.scheduledAt);
      expect(instants, `case ${id}`).toEqual(instants.toSorted());
      const byInstant = (a: string, b: string) =>
        a.split('@')[1]!.localeCompare(b.split('@')[1]!) || a.localeCompare(b);
      expect(
        letters.map((n) => `${n.step}@${n.scheduledAt}`).toSorted(byInstant),
        `case ${id}`,
      ).toEqual(expected.toSorted(byInstant));
    }
  }, 400_000); // 40 to 60 s quiet, 113 s on a busy 2-core machine: three restarts, a 120-day ladder
});
