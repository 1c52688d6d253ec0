/**
 * The acknowledgement target in central's statistics (`acknowledged`, `acknowledgedOnTime`,
 * `acknowledgeOnTimeRate`), and its counting once across the release that brings it: an
 * assignment an older release stored (no `counted`, its day's bucket without acknowledgements)
 * has its acknowledgement counted by the upgrade (version 4) in the transaction that marks it,
 * whether it was acknowledged before the deploy or after it, however often the job runs (again,
 * twice at once, or beside the agency acknowledging). The older items are made raw, as that
 * release left them: no `counted` on the assignment, no acknowledgement counters; the table's
 * upgrade marker at 3. The maintained counters equal the recomputation from the raw records
 * throughout.
 */
import {
  type AssignmentRecord,
  type CaseRecord,
  cellText,
  finishJob,
  listJobPage,
  rearmJobChunk,
  Service,
  type Store,
  UPGRADE_VERSION,
} from '@pantau/core';
import { LocalJobRunner } from '@pantau/local';
import { type DynamoStore, keys, seedBaseline } from '@pantau/store';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addAgencies,
  casePk,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  officerOf,
  stripAttributes,
  writtenPartitions,
} from '../support/dynamodb.ts';
import { startRelease, statsReports, upgradedTo, withoutCounters } from '../support/stats.ts';

// Monday 2 March 2026, 09:00 WIB: the acknowledgement (3 working days) falls due on Thursday.
const clock = manualClock('2026-03-02T02:00:00.000Z');
let store: DynamoStore;
let service: Service;
const pln = officerOf('pln');
const bpn = officerOf('bpn');

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'pln' }, { id: 'bpn' }]);
}, 60_000);

/** The service's report (GET /v1/stats/agencies) against the one from the raw records. */
const reports = (caseIds: readonly string[], period: { from: string; to: string }) =>
  statsReports(service, store, caseIds, period);

describe('acknowledgements in the statistics', () => {
  const march = { from: '2026-03-01', to: '2026-03-31' };
  const cases: string[] = [];

  it('count the target met, on time by its deadline, over the sample', async () => {
    clock.set('2026-03-02T02:00:00.000Z');
    const forwarded = async (agencies: string[]) => {
      const { caseId } = await forwardedCase(service, agencies);
      cases.push(caseId);
      return caseId;
    };
    const early = await forwarded(['pln']);
    const tardy = await forwarded(['pln']);
    const answered = await forwarded(['pln']);
    await forwarded(['pln']); // silent
    const handedBack = await forwarded(['pln', 'bpn']);
    // The next day: pln acknowledges one, answers another straight away, and acknowledges the
    // fifth before saying "not ours"; bpn acknowledges it before central takes it back.
    clock.set('2026-03-03T03:00:00.000Z');
    await service.acknowledge(pln, early, 'pln');
    await service.respond(pln, answered, 'pln', { kind: 'progress', message: 'Ditangani.' });
    await service.acknowledge(pln, handedBack, 'pln');
    await service.acknowledge(bpn, handedBack, 'bpn');
    await service.redirect(pln, handedBack, 'pln', { reason: 'Bukan wewenang.' });
    await service.withdrawAssignment(centralOfficer, handedBack, 'bpn', { reason: 'Keliru.' });
    // A week later (the deadline was Thursday): the second one, late.
    clock.set('2026-03-10T03:00:00.000Z');
    await service.acknowledge(pln, tardy, 'pln');

    const { maintained, recomputed, row } = await reports(cases, march);
    // pln: 5 forwarded, 1 "not ours": acknowledged 3 of the 4 in its sample, 2 on time.
    expect(row('pln')).toMatchObject({
      assigned: 5,
      redirected: 1,
      acknowledged: 3,
      acknowledgedOnTime: 2,
      acknowledgeOnTimeRate: 0.5,
    });
    // bpn: taken back before it could be failed; its acknowledgement left with it.
    expect(row('bpn')).toMatchObject({
      assigned: 1,
      withdrawn: 1,
      acknowledged: 0,
      acknowledgedOnTime: 0,
      acknowledgeOnTimeRate: null,
    });
    expect(maintained).toEqual(recomputed);
    // The CSV says the same, in its own columns (agencies by name).
    const { sheet } = await service.agencyStatsExport(centralOfficer, march);
    // As the CSV writes it (a rate is a decimal cell: a number in the workbook).
    const cell = (agency: string, column: string) =>
      cellText(
        sheet.rows.find((r) => r[0] === `Agency ${agency}`)![sheet.columns.indexOf(column)]!,
      );
    expect(cell('pln', 'Dikonfirmasi')).toBe(3);
    expect(cell('pln', 'Dikonfirmasi tepat waktu')).toBe(2);
    expect(cell('pln', 'Tingkat konfirmasi tepat waktu (%)')).toBe('50.00');
  }, 60_000);
});

/** The assignments of `caseIds` as the release before this one left them, and their buckets. */
async function asStoredBeforeCounted(caseIds: readonly string[], month: string): Promise<void> {
  for (const caseId of caseIds)
    for (const a of (await store.getCase(caseId))!.assignments)
      await stripAttributes(store, { pk: casePk(caseId), sk: `ASSIGN#${a.agencyId}` }, 'counted');
  // Its counters had no acknowledgements: this release's above added them.
  await withoutCounters(store, ['acknowledged', 'acknowledgedOnTime'], month);
  await upgradedTo(store, 3, clock.now());
}

/** The deploy's or the embedded start's: the seed, then the runner resumes what it recorded. */
const start = () => startRelease(store, clock.now);

const countedOf = async (caseId: string) =>
  (await store.getCase(caseId))!.assignments.map((a) => a.counted);

/**
 * The upgrade's job run by hand over `deps`, each chunk twice at once (two runs of the job,
 * or a task retried while the first still runs).
 */
async function runTwiceAtOnce(deps: { store: Store; clock: () => Date }, jobId: string) {
  let listing = await listJobPage(deps, jobId);
  while (!listing.listed) listing = await listJobPage(deps, jobId);
  for (const chunk of listing.chunks)
    await Promise.all([rearmJobChunk(deps, jobId, chunk), rearmJobChunk(deps, jobId, chunk)]);
  await finishJob(deps, jobId);
}

/** `store`, its upgrade's read of `caseId` held at `hold` (the search index called on it). */
const holding = (caseId: string, hold: () => Promise<void>): Store =>
  Object.create(store, {
    staleAssignmentIndexes: {
      value: async (assignments: readonly AssignmentRecord[]) => {
        const stale = await store.staleAssignmentIndexes(assignments);
        if (assignments[0]?.caseId === caseId) await hold();
        return stale;
      },
    },
    // The search index's key is a private field of the store: called on the store itself.
    reindexCase: { value: (c: CaseRecord) => store.reindexCase(c) },
  });

describe('acknowledgements stored before they were counted, counted by the upgrade (version 4)', () => {
  const april = { from: '2026-04-01', to: '2026-04-30' };
  const cases: string[] = [];
  let waiting: string;

  it('counts each once: acknowledged before the deploy, after it, and after the upgrade', async () => {
    // Monday 6 April: five cases to pln.
    clock.set('2026-04-06T02:00:00.000Z');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await forwardedCase(service, ['pln'])).caseId);
    cases.push(...ids);
    const [early, tardy, afterDeploy, afterUpgrade, handedBack] = ids as [
      string,
      string,
      string,
      string,
      string,
    ];
    waiting = afterUpgrade;
    // The older release: one acknowledged on time, one acknowledged then "not ours", and (a
    // week later) one acknowledged late.
    clock.set('2026-04-07T03:00:00.000Z');
    await service.acknowledge(pln, early, 'pln');
    await service.acknowledge(pln, handedBack, 'pln');
    await service.redirect(pln, handedBack, 'pln', { reason: 'Bukan wewenang.' });
    clock.set('2026-04-14T03:00:00.000Z');
    await service.acknowledge(pln, tardy, 'pln');
    await asStoredBeforeCounted(cases, '2026-04');
    // This release deployed, its upgrade not yet run: an acknowledgement of a record the older
    // release stored counts nowhere yet (its bucket holds none of the others).
    clock.set('2026-04-15T03:00:00.000Z');
    await service.acknowledge(pln, afterDeploy, 'pln');
    const before = await reports(cases, april);
    expect(before.row('pln')).toMatchObject({ assigned: 5, acknowledged: 0 });
    expect(before.maintained).toEqual(before.recomputed);

    const jobId = await start();
    expect(jobId).not.toBeNull();
    expect(await store.getJob(jobId!)).toMatchObject({
      state: 'completed',
      failed: 0,
      moved: cases.length,
    });
    expect(await store.upgradedVersion()).toBe(UPGRADE_VERSION);
    for (const id of cases) expect(await countedOf(id)).toEqual([2]);
    const upgraded = await reports(cases, april);
    // 4 in the sample (one "not ours"): three acknowledged, one on time.
    expect(upgraded.row('pln')).toMatchObject({
      assigned: 5,
      redirected: 1,
      acknowledged: 3,
      acknowledgedOnTime: 1,
      acknowledgeOnTimeRate: 0.25,
    });
    expect(upgraded.maintained).toEqual(upgraded.recomputed);

    // After the upgrade, the change that meets the target counts it (late, here).
    await service.acknowledge(pln, afterUpgrade, 'pln');
    const after = await reports(cases, april);
    expect(after.row('pln')).toMatchObject({ acknowledged: 4, acknowledgedOnTime: 1 });
    expect(after.maintained).toEqual(after.recomputed);
  }, 60_000);

  it('writes nothing when run again (a marker lost)', async () => {
    await upgradedTo(store, 3, clock.now());
    const { upgradeJobId: jobId } = await seedBaseline(store, clock.now());
    expect(jobId).not.toBeNull();
    const send = vi.spyOn(store.client, 'send');
    try {
      const runner = new LocalJobRunner({ store, clock: clock.now });
      await runner.resume();
      await runner.idle();
      expect(await store.getJob(jobId!)).toMatchObject({ state: 'completed', failed: 0, moved: 0 });
      // Every write the job made went to its own items (its record, chunks, the marker).
      const written = send.mock.calls.flatMap(([command]) => writtenPartitions(command));
      expect(written.length).toBeGreaterThan(0);
      expect(
        written.filter((pk) => !pk.startsWith('setneg#JOB') && pk !== keys.upgrade.pk),
      ).toEqual([]);
    } finally {
      send.mockRestore();
    }
    const { maintained, recomputed, row } = await reports(cases, april);
    expect(row('pln')).toMatchObject({ acknowledged: 4, acknowledgedOnTime: 1 });
    expect(maintained).toEqual(recomputed);
    expect(waiting).toBeDefined();
  }, 60_000);

  it('counts an acknowledgement once when two runs of the job mark it at the same time', async () => {
    clock.set('2026-05-04T02:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['bpn']);
    clock.set('2026-05-05T03:00:00.000Z');
    await service.acknowledge(bpn, caseId, 'bpn');
    await asStoredBeforeCounted([caseId], '2026-05');
    const { upgradeJobId: jobId } = await seedBaseline(store, clock.now());
    expect(jobId).not.toBeNull();
    // Both runs read the case before either writes: each waits there for the other's read.
    let arrived = 0;
    let bothRead!: () => void;
    const met = new Promise<void>((resolve) => (bothRead = resolve));
    const raced = holding(caseId, async () => {
      if (arrived >= 2) return;
      if (++arrived === 2) bothRead();
      await Promise.race([met, new Promise((r) => setTimeout(r, 5_000))]);
    });
    await runTwiceAtOnce({ store: raced, clock: clock.now }, jobId!);
    expect(arrived).toBe(2);
    expect(await store.getJob(jobId!)).toMatchObject({ state: 'completed', failed: 0 });
    expect(await countedOf(caseId)).toEqual([2]);
    const { maintained, recomputed, row } = await reports([caseId], {
      from: '2026-05-01',
      to: '2026-05-31',
    });
    expect(row('bpn')).toMatchObject({ assigned: 1, acknowledged: 1, acknowledgedOnTime: 1 });
    expect(maintained).toEqual(recomputed);
  }, 60_000);

  it('counts an acknowledgement once when the agency acknowledges while the job marks it', async () => {
    clock.set('2026-06-01T02:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['bpn']);
    await asStoredBeforeCounted([caseId], '2026-06');
    const { upgradeJobId: jobId } = await seedBaseline(store, clock.now());
    expect(jobId).not.toBeNull();
    // The job has read the case, pending and unmarked; the agency acknowledges before it
    // writes (the new code counts nothing on the unmarked record): the job's write under the
    // version it read fails, it reads the case again and counts the acknowledgement.
    clock.set('2026-06-02T03:00:00.000Z');
    let acknowledged = 0;
    const raced = holding(caseId, async () => {
      if (acknowledged++ === 0) await service.acknowledge(bpn, caseId, 'bpn');
    });
    const deps = { store: raced, clock: clock.now };
    let listing = await listJobPage(deps, jobId!);
    while (!listing.listed) listing = await listJobPage(deps, jobId!);
    for (const chunk of listing.chunks) await rearmJobChunk(deps, jobId!, chunk);
    await finishJob(deps, jobId!);
    // Read twice: before the agency's write, and again after the conflict.
    expect(acknowledged).toBeGreaterThanOrEqual(2);
    expect(await store.getJob(jobId!)).toMatchObject({ state: 'completed', failed: 0 });
    expect(await countedOf(caseId)).toEqual([2]);
    const { maintained, recomputed, row } = await reports([caseId], {
      from: '2026-06-01',
      to: '2026-06-30',
    });
    expect(row('bpn')).toMatchObject({ assigned: 1, acknowledged: 1, acknowledgedOnTime: 1 });
    expect(maintained).toEqual(recomputed);
  }, 60_000);
});
