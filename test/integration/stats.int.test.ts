/**
 * The maintained statistics counters equal the same figures recomputed from the raw records,
 * over a few hundred generated cases with mixed outcomes, pauses, zones and holidays.
 */
import {
  agencyReport,
  Calendar,
  countersFromRecords,
  type Principal,
  Service,
  type AssignmentRecord,
} from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralOfficer,
  freshStore,
  manualClock,
  officerOf,
} from '../support/dynamodb.ts';

const AGENCIES = [
  { id: 'a-wib-1' },
  { id: 'a-wib-2' },
  { id: 'a-wita', timeZone: 'Asia/Makassar' as const },
  { id: 'a-wit', timeZone: 'Asia/Jayapura' as const },
  { id: 'a-focal' },
  { id: 'a-rare' },
];
const CASES = 240;

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let store: DynamoStore;
let service: Service;
const HOUR = 3_600_000;
/** Cases played at once, each lane with its own clock and Service. */
const LANES = 8;

/** One service call of a case's history, at its hour. */
type Step = { at: number; run: (service: Service, caseId: string) => Promise<unknown> };

/**
 * Each case's history, drawn from one seeded generator in case order: the same 240 histories
 * whatever order the lanes then play them in.
 */
function histories(): Step[][] {
  const rnd = random(20260323);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: Step[][] = [];
  let t0 = Date.parse('2026-02-02T02:00:00.000Z');
  for (let i = 0; i < CASES; i += 1) {
    t0 += Math.floor(rnd() * 10 * HOUR);
    const start = t0;
    const steps: Step[] = [];
    const step = (hours: number, run: Step['run']) => steps.push({ at: start + hours * HOUR, run });
    step(0, (s) =>
      s.createCase(centralOfficer, {
        channel: 'letter',
        complainant: { name: 'Pengadu' },
        subject: `Kasus ${i}`,
        description: 'Uraian',
      }),
    );
    const type = pick(['light', 'normative', 'examination'] as const);
    step(0, (s, id) => s.verifyCase(centralOfficer, id, { decision: 'accept', type }));
    // a-rare gets few assignments: it stays below the minimum sample.
    const pool =
      i % 60 === 0
        ? AGENCIES.map((a) => a.id)
        : AGENCIES.map((a) => a.id).filter((a) => a !== 'a-rare');
    const agencies = [
      ...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(pool))),
    ];
    step(1, (s, id) =>
      s.forward(centralOfficer, id, { assignments: agencies.map((agencyId) => ({ agencyId })) }),
    );
    for (const agencyId of agencies) {
      const officer: Principal = officerOf(agencyId);
      let hours = 2;
      const later = (max: number, run: Step['run']) =>
        step((hours += 1 + Math.floor(rnd() * max)), run);
      const outcome = rnd();
      if (outcome < 0.15) continue; // silent
      if (outcome < 0.25) {
        later(72, (s, id) => s.redirect(officer, id, agencyId, { reason: 'Bukan wewenang' }));
        continue;
      }
      if (rnd() < 0.5) later(48, (s, id) => s.acknowledge(officer, id, agencyId));
      if (rnd() < 0.25) {
        later(24, (s, id) => s.pauseAssignment(officer, id, agencyId, 'Menunggu dokumen pengadu'));
        later(200, (s, id) => s.resumeAssignment(officer, id, agencyId));
      }
      const late = outcome < 0.6 ? 100 : 400; // some answer on time, some late
      const kind = rnd() < 0.5 ? ('final' as const) : ('progress' as const);
      later(late, (s, id) => s.respond(officer, id, agencyId, { kind, message: 'Tindak lanjut' }));
      if (kind === 'progress' && rnd() < 0.3) {
        later(24, (s, id) =>
          s.pauseAssignment(officer, id, agencyId, 'Pause after the first response'),
        );
        later(48, (s, id) => s.resumeAssignment(officer, id, agencyId));
      }
    }
    out.push(steps);
  }
  return out;
}

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: manualClock('2026-07-01T02:00:00.000Z').now });
  await addAgencies(service, AGENCIES);
  const all = histories();
  // 2,000 service calls, 8 cases at a time: one case after another took 23 to 29 s of a full
  // run (14 to 17 s now). Each lane plays its own run of consecutive cases, with its own clock
  // and its own Service, as separate Lambda instances would: about 200 registrations lose their
  // agenda number to another lane's and take the next (registration.ts).
  const per = Math.ceil(CASES / LANES);
  await Promise.all(
    Array.from({ length: LANES }, async (_, lane) => {
      const clock = manualClock('2026-02-02T02:00:00.000Z');
      const service = new Service({ store, clock: clock.now });
      for (const steps of all.slice(lane * per, (lane + 1) * per)) {
        let id = '';
        for (const { at, run } of steps) {
          clock.set(new Date(at).toISOString());
          const result = await run(service, id);
          if (!id) id = (result as { id: string }).id;
        }
      }
    }),
  );
}, 300_000);

async function rawAssignments(): Promise<AssignmentRecord[]> {
  const out: AssignmentRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listCases({}, { limit: 100, cursor });
    for (const c of page.items) out.push(...(await store.getCase(c.id))!.assignments);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe('agency statistics', () => {
  it.each([
    ['the whole span', '2026-02-01', '2026-06-30'],
    ['one month, Nyepi and Idulfitri included', '2026-03-01', '2026-03-31'],
    ['a single day', '2026-02-16', '2026-02-16'],
  ])('counters equal the raw records over %s', async (_, from, to) => {
    const report = await service.agencyStats(centralOfficer, { from, to });
    const calendar = new Calendar((await store.getCalendar('id'))!);
    const raw = agencyReport(
      countersFromRecords(await rawAssignments(), calendar, { from, to }),
      5,
    );
    const byAgency = (xs: readonly { agencyId: string; assigned: number }[]) =>
      [...xs].filter((x) => x.assigned > 0).sort((a, b) => a.agencyId.localeCompare(b.agencyId));
    expect(byAgency(report.items)).toEqual(byAgency(raw.items));
    expect(report.totals).toEqual(raw.totals);
  });

  it('has mixed outcomes, keeps a rare agency’s figures unranked, and ranks the rest', async () => {
    const report = await service.agencyStats(centralOfficer, {
      from: '2026-02-01',
      to: '2026-06-30',
    });
    expect(report.totals.assigned).toBeGreaterThan(300);
    expect(report.totals.redirected).toBeGreaterThan(0);
    expect(report.totals.responded).toBeGreaterThan(report.totals.respondedOnTime);
    expect(report.totals.respondedOnTime).toBeGreaterThan(0);
    // Acknowledged (or answered) late as well as on time: the counters above compare both.
    expect(report.totals.acknowledged).toBeGreaterThan(report.totals.acknowledgedOnTime);
    expect(report.totals.acknowledgedOnTime).toBeGreaterThan(0);
    const rare = report.items.find((s) => s.agencyId === 'a-rare')!;
    expect(rare).toMatchObject({ belowMinimumSample: true, rank: null });
    expect(rare.assigned).toBeGreaterThan(0);
    const ranked = report.items.filter((s) => s.rank !== null);
    expect(ranked.length).toBeGreaterThanOrEqual(2);
    // 1 + those better by response rate, then on-time rate: equal ones share a rank.
    const better = (a: (typeof ranked)[number], b: (typeof ranked)[number]) =>
      a.responseRate! > b.responseRate! ||
      (a.responseRate === b.responseRate && a.onTimeRate! > b.onTimeRate!);
    for (const s of ranked)
      expect(s.rank).toBe(1 + ranked.filter((other) => better(other, s)).length);
  });
});
