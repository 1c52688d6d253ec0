import { describe, expect, it } from 'vitest';
import {
  type ActivityRecord,
  calledOffByClose,
  closingRuns,
  invitationsOf,
  invitationWrites,
} from './activity.ts';
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
  run.activities.reduce((n, a) => n + invitationWrites(a.record), 0);

describe('an activity’s invitations', () => {
  it('are one per agency while planned with a date, and none otherwise', () => {
    expect(invitationsOf(activity(1, 2, 'planned')).map((i) => i.agencyId)).toEqual([
      'agency-0',
      'agency-1',
    ]);
    expect(invitationsOf({ ...activity(1, 2, 'planned'), scheduledAt: null })).toEqual([]);
    expect(invitationsOf({ ...activity(1, 2, 'planned'), status: 'cancelled' })).toEqual([]);
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

  it('of proposals (no invitations) stay as they were: 40 with the close, runs of 49', () => {
    const proposed = Array.from({ length: 140 }, (_, i) => activity(i, 1, 'proposed'));
    const { runs, withClose } = closingRuns(
      calledOffByClose(proposed, 'Pengaduan ditutup', { system: 'escalation' }, NOW),
    );
    expect(withClose.activities).toHaveLength(40);
    expect(runs.map((r) => r.activities.length)).toEqual([49, 49, 2]);
  });
});
