/**
 * Withdrawals an older release stored (before 7455f5c kept `withdrawnAt` and counted
 * `withdrawn`), dated by the upgrade (version 3) from the case's timeline: one taken back before
 * its follow-up fell due, unanswered, leaves its agency's sample, counted once however often
 * the job runs (again, or twice at once); one taken back after the follow-up was missed stays
 * in it. The older items are made raw, as that release left them: no `withdrawnAt` on the
 * assignment, no `withdrawn` in the counters; the table's upgrade marker at 2.
 */
import {
  type CaseRecord,
  finishJob,
  listJobPage,
  rearmJobChunk,
  Service,
  type Store,
  UPGRADE_VERSION,
} from '@pantau/core';
import { LocalJobRunner } from '@pantau/local';
import { type DynamoStore, keys, seedBaseline } from '@pantau/store';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addAgencies,
  casePk,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
  stripAttributes,
  writtenPartitions,
} from '../support/dynamodb.ts';
import { startRelease, statsReports, upgradedTo, withoutCounters } from '../support/stats.ts';

// Monday 2 March 2026, 09:00 WIB: a normative complaint's follow-up falls due a week later.
const clock = manualClock('2026-03-02T02:00:00.000Z');
let store: DynamoStore;
let service: Service;

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'pln' }, { id: 'bpn' }]);
}, 60_000);

/** The assignments of `caseIds` withdrawn as the release before 7455f5c left them. */
async function asWithdrawnBefore7455f5c(caseIds: readonly string[]): Promise<void> {
  for (const caseId of caseIds)
    for (const a of (await store.getCase(caseId))!.assignments)
      if (a.state === 'withdrawn')
        await stripAttributes(
          store,
          { pk: casePk(caseId), sk: `ASSIGN#${a.agencyId}` },
          'withdrawnAt',
        );
  // Its counters had no `withdrawn`: this release's withdrawals above added it.
  await withoutCounters(store, ['withdrawn']);
  await upgradedTo(store, 2, clock.now());
}

/** The deploy's or the embedded start's: the seed, then the runner resumes what it recorded. */
const start = () => startRelease(store, clock.now);

const withdrawnAtOf = async (caseId: string, agencyId: string) =>
  (await store.getCase(caseId))!.assignments.find((a) => a.agencyId === agencyId)!.withdrawnAt;

/** The service's report (GET /v1/stats/agencies) against the one from the raw records. */
const reports = (caseIds: readonly string[], period: { from: string; to: string }) =>
  statsReports(service, store, caseIds, period);

describe('withdrawals stored before 7455f5c, dated by the upgrade (version 3)', () => {
  const march = { from: '2026-03-01', to: '2026-03-31' };
  const cases: string[] = [];
  let mistaken: string;
  let complainantWithdrew: string;
  let ignored: string;
  let undated: string;

  it('counts those taken back before the follow-up fell due out of the sample, as the records say, and keeps one taken back after it', async () => {
    clock.set('2026-03-02T02:00:00.000Z');
    const forwarded = async (agencies: string[]) => {
      const { caseId } = await forwardedCase(service, agencies);
      cases.push(caseId);
      return caseId;
    };
    mistaken = await forwarded(['pln', 'bpn']);
    complainantWithdrew = await forwarded(['bpn']);
    ignored = await forwarded(['bpn']);
    undated = await forwarded(['pln']);
    // The next day: pln was not the agency for the first case (withdrawn), the complainant of
    // the second withdraws the complaint (closed), and the fourth is withdrawn too.
    clock.set('2026-03-03T03:00:00.000Z');
    await service.withdrawAssignment(centralOfficer, mistaken, 'pln', { reason: 'Keliru.' });
    await service.closeCase(centralOfficer, complainantWithdrew, { outcome: 'withdrawn' });
    await service.withdrawAssignment(centralOfficer, undated, 'pln', { reason: 'Keliru.' });
    // Three weeks later the third, never answered, is closed: its follow-up was missed.
    clock.set('2026-03-23T03:00:00.000Z');
    await service.closeCase(centralOfficer, ignored, { outcome: 'withdrawn' });
    // The fourth's withdrawal left no event (none a release wrote; made so here): nothing
    // dates it, so it is left as it is, in the sample on both sides.
    const events = await store.listTimeline(undated, { limit: 100 }, undefined, {
      type: 'assignment_withdrawn',
    });
    expect(events.items).toHaveLength(1);
    await store.client.send(
      new DeleteCommand({
        TableName: store.tableName,
        Key: keys.event(undated, events.items[0]!.id),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
    await asWithdrawnBefore7455f5c(cases);
    // What the older release's counters show: no withdrawal left the sample.
    const before = await service.agencyStats(centralOfficer, march);
    expect(before.totals).toMatchObject({ assigned: 5, withdrawn: 0 });

    const jobId = await start();
    expect(jobId).not.toBeNull();
    expect(await store.getJob(jobId!)).toMatchObject({ state: 'completed', failed: 0 });
    expect(await store.upgradedVersion()).toBe(UPGRADE_VERSION);
    // Dated by their `assignment_withdrawn` events; the one without is left undated.
    expect(await withdrawnAtOf(mistaken, 'pln')).toBe('2026-03-03T03:00:00.000Z');
    expect(await withdrawnAtOf(complainantWithdrew, 'bpn')).toBe('2026-03-03T03:00:00.000Z');
    expect(await withdrawnAtOf(ignored, 'bpn')).toBe('2026-03-23T03:00:00.000Z');
    expect(await withdrawnAtOf(undated, 'pln')).toBeUndefined();
    const { maintained, recomputed } = await reports(cases, march);
    const row = (agencyId: string) => maintained.items.find((s) => s.agencyId === agencyId);
    // pln: the mistaken forwarding is out of its sample; the undated one stays in it.
    expect(row('pln')).toMatchObject({ assigned: 2, withdrawn: 1, responded: 0 });
    // bpn: the close the day after is out of its sample; the one after its missed follow-up
    // stays in it, unanswered, as does its open assignment of the first case.
    expect(row('bpn')).toMatchObject({ assigned: 3, withdrawn: 1, responded: 0 });
    expect(maintained.totals).toMatchObject({ assigned: 5, withdrawn: 2 });
    expect(maintained).toEqual(recomputed);
  }, 60_000);

  it('writes nothing when run again (a marker lost)', async () => {
    await upgradedTo(store, 2, clock.now());
    const { upgradeJobId: jobId } = await seedBaseline(store, clock.now());
    expect(jobId).not.toBeNull();
    const send = vi.spyOn(store.client, 'send');
    try {
      const runner = new LocalJobRunner({ store, clock: clock.now });
      await runner.resume();
      await runner.idle();
      expect(await store.getJob(jobId!)).toMatchObject({
        state: 'completed',
        failed: 0,
        moved: 0,
        done: cases.length,
      });
      // Every write the job made went to its own items (its record, chunks, the marker).
      const written = send.mock.calls.flatMap(([command]) => writtenPartitions(command));
      expect(written.length).toBeGreaterThan(0);
      expect(
        written.filter((pk) => !pk.startsWith('setneg#JOB') && pk !== keys.upgrade.pk),
      ).toEqual([]);
    } finally {
      send.mockRestore();
    }
    const { maintained, recomputed } = await reports(cases, march);
    expect(maintained.totals).toMatchObject({ withdrawn: 2 });
    expect(maintained).toEqual(recomputed);
  }, 60_000);

  it('dates a re-forwarded agency’s assignment by its own generation’s withdrawal, not an earlier one’s', async () => {
    // April: pln forwarded, taken back the next day; forwarded again, and that generation
    // taken back after its follow-up was missed.
    clock.set('2026-04-06T02:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['pln']);
    cases.push(caseId);
    clock.set('2026-04-07T03:00:00.000Z');
    await service.withdrawAssignment(centralOfficer, caseId, 'pln', { reason: 'Keliru.' });
    clock.set('2026-04-08T03:00:00.000Z');
    await service.forward(centralOfficer, caseId, { assignments: [{ agencyId: 'pln' }] });
    clock.set('2026-04-28T03:00:00.000Z');
    await service.withdrawAssignment(centralOfficer, caseId, 'pln', { reason: 'Dialihkan.' });
    const stored = (await store.getCase(caseId))!.assignments[0]!;
    expect(stored).toMatchObject({ generation: 2, withdrawnAt: '2026-04-28T03:00:00.000Z' });
    expect(Date.parse(stored.due.followUp)).toBeLessThan(Date.parse('2026-04-28T03:00:00.000Z'));
    await asWithdrawnBefore7455f5c([caseId]);

    await start();
    expect(await withdrawnAtOf(caseId, 'pln')).toBe('2026-04-28T03:00:00.000Z');
    // The second generation stays in the sample (the first's record is gone: not counted).
    const april = await service.agencyStats(centralOfficer, {
      from: '2026-04-01',
      to: '2026-04-30',
    });
    expect(april.items.find((s) => s.agencyId === 'pln')).toMatchObject({
      assigned: 2,
      withdrawn: 0,
    });
  }, 60_000);

  it('counts a withdrawal once when two runs of the job date it at the same time', async () => {
    clock.set('2026-05-04T02:00:00.000Z');
    const { caseId } = await forwardedCase(service, ['bpn']);
    cases.push(caseId);
    clock.set('2026-05-05T03:00:00.000Z');
    await service.closeCase(centralOfficer, caseId, { outcome: 'withdrawn' });
    await asWithdrawnBefore7455f5c([caseId]);
    const { upgradeJobId: jobId } = await seedBaseline(store, clock.now());
    expect(jobId).not.toBeNull();
    // Both runs read the case before either writes: each reads the timeline, then waits for
    // the other's read.
    let arrived = 0;
    let bothRead!: () => void;
    const met = new Promise<void>((resolve) => (bothRead = resolve));
    const raced: Store = Object.create(store, {
      listTimeline: {
        value: async (...args: Parameters<Store['listTimeline']>) => {
          const page = await store.listTimeline(...args);
          if (args[0] === caseId && arrived < 2) {
            if (++arrived === 2) bothRead();
            await Promise.race([met, new Promise((r) => setTimeout(r, 5_000))]);
          }
          return page;
        },
      },
      // The search index's key is a private field of the store: called on the store itself.
      reindexCase: { value: (c: CaseRecord) => store.reindexCase(c) },
    });
    const deps = { store: raced, clock: clock.now };
    let listing = await listJobPage(deps, jobId!);
    while (!listing.listed) listing = await listJobPage(deps, jobId!);
    for (const chunk of listing.chunks)
      await Promise.all([rearmJobChunk(deps, jobId!, chunk), rearmJobChunk(deps, jobId!, chunk)]);
    await finishJob(deps, jobId!);
    expect(arrived).toBe(2);
    expect(await store.getJob(jobId!)).toMatchObject({ state: 'completed', failed: 0 });
    expect(await withdrawnAtOf(caseId, 'bpn')).toBe('2026-05-05T03:00:00.000Z');
    const may = { from: '2026-05-01', to: '2026-05-31' };
    const { maintained, recomputed } = await reports([caseId], may);
    expect(maintained.items.find((s) => s.agencyId === 'bpn')).toMatchObject({
      assigned: 1,
      withdrawn: 1,
    });
    expect(maintained).toEqual(recomputed);
  }, 60_000);
});
