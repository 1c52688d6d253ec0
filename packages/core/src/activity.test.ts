import { describe, expect, it } from 'vitest';
import {
  type ActivityRecord,
  calledOffByClose,
  calledOffWrites,
  closingRuns,
  delegatedInvitations,
  holdersOf,
  invitationsOf,
  invitationWrites,
} from './activity.ts';
import type { NotificationRecord } from './notification.ts';
import { commitSize } from './use-cases/kernel/writes.ts';
import { MAX_COMMIT_ITEMS } from './ports.ts';

const NOW = new Date('2026-09-07T01:00:00.000Z');

const activity = (
  i: number,
  agencies: number,
  status: ActivityRecord['status'],
): ActivityRecord => ({
  id: `act-${String(i).padStart(3, '0')}`,
  caseId: 'case-1',
  kind: 'mediation',
  status,
  scheduledAt: status === 'planned' ? '2026-09-10T02:00:00.000Z' : null,
  agencyIds: Array.from({ length: agencies }, (_, j) => `agency-${j}`),
  participants: [],
  plan: null,
  heldAt: null,
  outcome: null,
  summary: null,
  createdBy: 'officer-1',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  version: 1,
});

/** The items a run of called-off activities writes: each, its event, its invitations' writes. */
const items = (run: ReturnType<typeof closingRuns>['withClose']) =>
  run.activities.length +
  run.events.length +
  run.activities.reduce((n, a) => n + invitationWrites(a.record, a.holders), 0);

describe('an activity’s invitations', () => {
  it('are one per agency while planned with a date, and none otherwise', () => {
    expect(invitationsOf(activity(1, 2, 'planned')).map((i) => i.agencyId)).toEqual([
      'agency-0',
      'agency-1',
    ]);
    expect(invitationsOf({ ...activity(1, 2, 'planned'), scheduledAt: null })).toEqual([]);
    expect(invitationsOf({ ...activity(1, 2, 'planned'), status: 'cancelled' })).toEqual([]);
  });

  it('are a member unit’s too while it holds an invited agency’s assignment, unless invited itself', () => {
    const a = { ...activity(1, 3, 'planned'), agencyIds: ['polri', 'pln', 'polda-bali'] };
    const holders = holdersOf([
      { agencyId: 'polri', delegatedTo: 'polda-ntt' },
      { agencyId: 'pln', delegatedTo: 'polda-bali' },
      { agencyId: 'polda-bali', delegatedTo: null },
    ]);
    expect(invitationsOf(a, holders).map((i) => [i.agencyId, i.via])).toEqual([
      ['polri', undefined],
      ['polda-ntt', 'polri'],
      ['pln', undefined],
      ['polda-bali', undefined],
    ]);
    // Reported: each removed, the unit's with them.
    const done = { ...a, status: 'done' as const };
    expect(invitationWrites(done, holders)).toBe(4);
    expect(invitationsOf(done, holders)).toEqual([]);
  });

  it('move with a delegation: put for the new holder, removed from the old one, none without a date', () => {
    const planned = { ...activity(1, 1, 'planned'), agencyIds: ['polri'] };
    const undated = { ...planned, id: 'act-undated', scheduledAt: null };
    const done = { ...planned, id: 'act-done', status: 'done' as const };
    const writes = (from: string | null, to: string | null) =>
      delegatedInvitations([planned, undated, done], 'polri', from, to).map((w) => [
        w.invitation.activityId,
        w.invitation.agencyId,
        w.invitation.via,
        w.removed ?? false,
      ]);
    expect(writes(null, 'polda-bali')).toEqual([[planned.id, 'polda-bali', 'polri', false]]);
    expect(writes('polda-bali', 'polda-ntt')).toEqual([[planned.id, 'polda-ntt', 'polri', false]]);
    expect(writes('polda-bali', null)).toEqual([[planned.id, 'polda-bali', 'polri', true]]);
    expect(delegatedInvitations([planned], 'pln', null, 'polda-bali')).toEqual([]);
  });
});

describe('a close’s runs of called-off activities', () => {
  it('weigh each activity’s invitations: 50 planned with 18 agencies each fit DynamoDB’s 100', () => {
    const planned = Array.from({ length: 50 }, (_, i) => activity(i, 18, 'planned'));
    const calledOff = calledOffByClose(planned, 'Pengaduan ditutup', { system: 'escalation' }, NOW);
    const { runs, withClose } = closingRuns(calledOff);
    for (const run of runs) expect(items(run)).toBeLessThanOrEqual(MAX_COMMIT_ITEMS - 2);
    // Room beside the case, its ladder and a few events.
    expect(items(withClose)).toBeLessThanOrEqual(80);
    // Every one, once, in order, each with its own event.
    const all = [...runs, withClose];
    expect(all.flatMap((r) => r.activities.map((a) => a.record.id))).toEqual(
      planned.map((a) => a.id),
    );
    for (const r of all)
      expect(r.events.map((e) => e.data.activityId)).toEqual(r.activities.map((a) => a.record.id));
  });

  it('weigh the member units’ invitations too: 18 agencies each delegated still fit', () => {
    const planned = Array.from({ length: 50 }, (_, i) => activity(i, 18, 'planned'));
    const holders = holdersOf(
      planned[0]!.agencyIds.map((agencyId) => ({ agencyId, delegatedTo: `${agencyId}-unit` })),
    );
    const calledOff = calledOffByClose(
      planned,
      'Pengaduan ditutup',
      { system: 'escalation' },
      NOW,
      holders,
    );
    expect(invitationWrites(calledOff.activities[0]!.record, holders)).toBe(36);
    const { runs, withClose } = closingRuns(calledOff);
    for (const run of runs) expect(items(run)).toBeLessThanOrEqual(MAX_COMMIT_ITEMS - 2);
    expect(items(withClose)).toBeLessThanOrEqual(80);
    expect([...runs, withClose].flatMap((r) => r.activities)).toHaveLength(50);
  });

  it('weigh each activity’s cancellation letters, shared with the units: one never straddles two', () => {
    const planned = Array.from({ length: 5 }, (_, i) => activity(i, 18, 'planned'));
    const holders = holdersOf(
      planned[0]!.agencyIds.map((agencyId) => ({ agencyId, delegatedTo: `${agencyId}-unit` })),
    );
    const calledOff = calledOffByClose(
      planned,
      'Pengaduan ditutup',
      { system: 'escalation' },
      NOW,
      holders,
    );
    // A letter to each agency, shared with its unit, and its event: 54 items beside the 38.
    const letters = calledOff.activities.map(({ record }, i) => ({
      letters: record.agencyIds.map((agencyId) => ({
        notification: { id: `${record.id}-${agencyId}` } as NotificationRecord,
        sharedWith: `${agencyId}-unit`,
      })),
      events: record.agencyIds.map(() => calledOff.events[i]!),
    }));
    const { runs, withClose } = closingRuns({ ...calledOff, letters });
    // 92 items each: one a run, and none with the close (80).
    expect(runs.map((r) => r.activities.length)).toEqual([1, 1, 1, 1, 1]);
    expect(withClose.activities).toEqual([]);
    for (const run of runs) {
      expect(run.letters?.[0]?.letters[0]?.notification.id).toBe(
        `${run.activities[0]!.record.id}-agency-0`,
      );
      expect(commitSize(calledOffWrites(run))).toBe(92);
    }
  });

  it('of proposals (no invitations) stay as they were: 40 with the close, runs of 49', () => {
    const proposed = Array.from({ length: 140 }, (_, i) => activity(i, 1, 'proposed'));
    const { runs, withClose } = closingRuns(
      calledOffByClose(proposed, 'Pengaduan ditutup', { system: 'escalation' }, NOW),
    );
    expect(withClose.activities).toHaveLength(40);
    expect(runs.map((r) => r.activities.length)).toEqual([49, 49, 2]);
  });
});
