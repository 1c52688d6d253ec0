import { type AssignmentRecord, isOpen, viewAssignment } from '../../assignment.ts';
import { reconcile } from '../../case.ts';
import {
  inZone,
  ladderState,
  observe,
  rearmLadder,
  type SkippedStep,
  skippedEvents,
} from '../../ladder/index.ts';
import type { LadderRecord } from '../../notification.ts';
import type { CaseBundle, VersionedPut } from '../../ports.ts';
import type { Principal, Reader } from '../../tenancy.ts';
import { actorOf } from '../../timeline.ts';
import type { ServiceDeps } from './deps.ts';
import { statusEvents } from './events.ts';
import { calendarById, policyById } from './loaders.ts';
import { ladderOf, put } from './writes.ts';

/**
 * The writes for an assignment whose clock changed: the assignment, its case (reconciled,
 * under version), and, when `rearm`, its ladder with a new token due now (the running
 * execution stops when it sees the old token; the new one carries on from the same episode).
 * The ladder first looks at what happened up to now under the old deadlines, then under the
 * new ones, so an episode that ended meanwhile (or ends by this change) is closed here.
 * `at`: the settings' version the caller read after the bundle (`rearmedLadder`).
 */
export async function assignmentChange(
  deps: ServiceDeps,
  bundle: CaseBundle,
  before: AssignmentRecord,
  after: AssignmentRecord,
  now: Date,
  rearm: boolean,
  at?: number,
) {
  const written = put(before, after);
  const assignments = bundle.assignments.map((a) => (a === before ? written.record : a));
  const nextCase = reconcile(bundle.case, assignments, now);
  const ladder = ladderOf(bundle, before.agencyId);
  const rearmed = rearm ? await rearmedLadder(deps, ladder, before, after, now, { at }) : undefined;
  const ladderPut = rearmed?.put;
  const skipped = rearmed?.skipped ?? [];
  return {
    change: {
      case: put(bundle.case, nextCase),
      assignments: [written],
      ...(ladderPut ? { ladders: [ladderPut] } : {}),
    },
    events: (p: Principal) => [
      ...skippedEvents(skipped, before, actorOf(p), now),
      ...statusEvents(bundle.case, nextCase, now, p, before.agencyId),
    ],
    /** The assignment after the change, as `reader` reads it. */
    view: (reader: Reader) =>
      viewAssignment(written.record, now, reader, ladderPut?.record ?? ladder),
    /** The ladder to start once the change is committed (none when it was not re-armed). */
    rearm: ladderPut?.record,
  };
}

/**
 * The assignment's ladder re-armed for a change of it: it first looks at what happened up to
 * now under the old record, then under the new one (an episode that ended meanwhile, or ends
 * by this change, is closed here), and takes a new token due now. None when the ladder is not
 * this generation's or the assignment is no longer open; with `ifEpisodeEnds`, none unless an
 * overdue episode was open and this change ends it. With `at`, the settings' version read
 * after the ladder, the policy and calendar may come from what this process kept for it.
 */
export async function rearmedLadder(
  deps: ServiceDeps,
  ladder: LadderRecord | undefined,
  before: AssignmentRecord,
  after: AssignmentRecord,
  now: Date,
  options: { readonly ifEpisodeEnds?: boolean; readonly at?: number } = {},
): Promise<{ put: VersionedPut<LadderRecord>; skipped: SkippedStep[] } | undefined> {
  if (!ladder || ladder.generation !== before.generation || !isOpen(after)) return undefined;
  if (options.ifEpisodeEnds && ladderState(ladder).episode === null) return undefined;
  const [policy, calendar] = await Promise.all([
    policyById(deps, before.policyId, options.at),
    calendarById(deps, before.calendarId, options.at),
  ]);
  const ctx = { steps: policy.ladder, calendar, now };
  // A record from before episodes is read with what it warned under the old deadlines.
  const seen = observe(ladderState(ladder, { ...ctx, assignment: before }), {
    ...ctx,
    assignment: before,
  });
  // An agency's zone corrected: the open episode's anchors (ends of local days) are read as the
  // same local dates in the new zone, or its later rungs would come a working day late.
  const rearmed = observe(inZone(seen.state, before.timeZone, after.timeZone), {
    ...ctx,
    assignment: after,
  });
  if (options.ifEpisodeEnds && rearmed.state.episode !== null) return undefined;
  return {
    put: {
      record: {
        ...rearmLadder(ladder, now, rearmed.state, policy.ladder),
        policyVersion: policy.version,
      },
      expectedVersion: ladder.version,
    },
    skipped: [...seen.skipped, ...rearmed.skipped],
  };
}
