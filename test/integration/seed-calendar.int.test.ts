/**
 * A release that brings a new year's holidays (the seed, run at every deploy and every embedded
 * start) moves the deadlines that ran into that year, as an admin's calendar edit does: the
 * seed records a calendar re-arming job with the year it writes, the runtime's start resumes it
 * (the seed Lambda starts it on AWS), and the open assignments counted on weekends only there
 * get their holidays, ladders re-armed, the case's own deadline too. A second seed writes
 * nothing and records no job.
 */
import {
  type AssignmentRecord,
  INDONESIAN_HOLIDAYS,
  type Mailer,
  Service,
  type WorkingCalendar,
} from '@pantau/core';
import { LocalJobRunner, LocalLadderEngine } from '@pantau/local';
import { type DynamoStore, SEED_PRINCIPAL, seedBaseline, seedCalendar } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
} from '../support/dynamodb.ts';

// Monday 21 December 2026, 09:00 WIB: a normative complaint's 14 working days end in 2027.
const clock = manualClock('2026-12-21T02:00:00.000Z');
const mailer: Mailer = { send: async () => undefined };

/** The release after: this release's holidays, and 2027's New Year's Day (a Friday). */
const WITH_2027: WorkingCalendar = {
  ...INDONESIAN_HOLIDAYS,
  years: [...INDONESIAN_HOLIDAYS.years, 2027],
  days: [
    ...INDONESIAN_HOLIDAYS.days,
    { date: '2027-01-01', kind: 'national_holiday', name: 'Tahun Baru Masehi' },
  ],
};

let store: DynamoStore;
let engine: LocalLadderEngine;
let service: Service;

beforeAll(async () => {
  // Seeded with this release's calendar: 2025 and 2026, no 2027.
  store = await freshStore();
  engine = new LocalLadderEngine({ store, clock: clock.now, mailer });
  service = new Service({ store, clock: clock.now, ladders: engine });
  await addAgencies(service, [{ id: 'pln' }]);
}, 60_000);

const assignmentOf = async (caseId: string): Promise<AssignmentRecord> =>
  (await store.getCase(caseId))!.assignments[0]!;

describe('a release that adds a year’s holidays', () => {
  it('re-arms the open deadlines that ran into it, once, on the runtime’s start', async () => {
    const { caseId } = await forwardedCase(service, ['pln']);
    await engine.runDue();
    const before = await assignmentOf(caseId);
    // 14 working days from Monday 21 December: Tuesday 12 January 2027, New Year's Day counted.
    expect(before.due.resolution).toBe('2027-01-12T16:59:59.999Z');
    expect(before.calendarWarnings.map((w) => w.year)).toContain(2027);
    const [ladderBefore] = await store.getLadders([before]);
    // Received on Wednesday 30 December: its 3 working days to verify end in 2027 too.
    clock.set('2026-12-30T03:00:00.000Z');
    const received = await service.createCase(centralOfficer, {
      channel: 'letter',
      complainant: { name: 'Budi Santoso', phone: '0813000000' },
      subject: 'Listrik padam',
      description: 'Tiga hari.',
    });
    const verifyBefore = (await store.getCase(received.id))!.case.verificationDueAt!;

    // The upgrade: the seed at start, then the runtime's runner resumes what it recorded.
    await seedBaseline(store, clock.now(), WITH_2027);
    const runner = new LocalJobRunner({ store, clock: clock.now, ladders: engine });
    expect(await runner.resume()).toBe(1);
    await runner.idle();

    const after = await assignmentOf(caseId);
    // New Year's Day 2027 is no working day now: the deadline a working day later.
    expect(after.due.resolution).toBe('2027-01-13T16:59:59.999Z');
    expect(after.calendarWarnings).toEqual([]);
    const [ladderAfter] = await store.getLadders([after]);
    expect(ladderAfter!.token).toBeGreaterThan(ladderBefore!.token);
    expect((await store.getCase(received.id))!.case.verificationDueAt).toBe(
      '2027-01-05T16:59:59.999Z',
    );
    expect(verifyBefore).toBe('2027-01-04T16:59:59.999Z');
    const jobId = (await store.latestJobId('calendar#id'))!;
    const job = (await store.getJob(jobId))!;
    expect(job).toMatchObject({
      state: 'completed',
      moved: 1,
      reason: { calendarId: 'id', source: 'seed', years: '2027' },
    });
    const timeline = await store.listTimeline(caseId, { limit: 100 });
    expect(timeline.items.filter((e) => e.type === 'deadlines_recomputed')).toHaveLength(1);

    // Seeded again (the next start, the next deploy): nothing new, no job.
    await seedBaseline(store, clock.now(), WITH_2027);
    expect(await store.latestJobId('calendar#id')).toBe(jobId);
    expect(await runner.resume()).toBe(0);
  }, 60_000);
});

describe('the seed’s job', () => {
  /** A calendar of its own (none of the table's assignments is on it), `years` one day each. */
  const calendarOf = (...years: number[]): WorkingCalendar => ({
    id: 'uji',
    years,
    days: years.map((y) => ({ date: `${y}-08-17`, kind: 'national_holiday', name: 'Kemerdekaan' })),
  });

  it('is none for a calendar that did not exist, one for the years a later release adds', async () => {
    const now = clock.now();
    expect(await seedCalendar(store, calendarOf(2026), now)).toBeNull();
    expect(await store.latestJobId('calendar#uji')).toBeUndefined();

    // Two years at once: one job, naming both; its calendar holds them when it runs.
    const jobId = await seedCalendar(store, calendarOf(2026, 2027, 2028), now);
    expect(jobId).not.toBeNull();
    expect(await store.latestJobId('calendar#uji')).toBe(jobId);
    expect(await store.getJob(jobId!)).toMatchObject({
      scope: { kind: 'calendar', calendarId: 'uji' },
      reason: { calendarId: 'uji', source: 'seed', years: '2027, 2028' },
      requestedBy: SEED_PRINCIPAL,
      state: 'listing',
    });
    expect([...(await store.getCalendar('uji'))!.years].sort()).toEqual([2026, 2027, 2028]);

    // Not started (the deploy that recorded it failed before its start): the next seed records
    // none and hands it back to start; once it has run, there is nothing to start.
    expect(await seedCalendar(store, calendarOf(2026, 2027, 2028), now)).toBe(jobId);
    expect(await store.latestJobId('calendar#uji')).toBe(jobId);
    const runner = new LocalJobRunner({ store, clock: clock.now, ladders: engine });
    await runner.run(jobId!);
    expect(await store.getJob(jobId!)).toMatchObject({ state: 'completed', total: 0 });
    expect(await seedCalendar(store, calendarOf(2026, 2027, 2028), now)).toBeNull();
  }, 60_000);

  it('replaces a day an admin entered in a year it brings one version on, as an edit would', async () => {
    const own = { ...calendarOf(2026), id: 'uji-versi' };
    await seedCalendar(store, own, clock.now());
    const day = { date: '2029-08-17', kind: 'other', name: 'Libur admin' } as const;
    await service.putCalendarDay(centralAdmin, own.id, day);
    await service.putCalendarDay(centralAdmin, own.id, { ...day, name: 'Diganti', version: 1 });
    await seedCalendar(
      store,
      { ...own, years: [2026, 2029], days: calendarOf(2029).days },
      clock.now(),
    );
    const seeded = (await service.getCalendarDays(own.id, 2029)).items;
    expect(seeded).toEqual([
      { date: '2029-08-17', kind: 'national_holiday', name: 'Kemerdekaan', version: 3 },
    ]);
    // A page that read the admin's day (version 2) cannot save over the seed's unseen.
    await expect(
      service.putCalendarDay(centralAdmin, own.id, { ...day, version: 2 }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
  }, 60_000);
});
