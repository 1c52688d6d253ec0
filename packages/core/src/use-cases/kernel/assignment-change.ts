import { type AssignmentRecord, isOpen, viewAssignment } from '../../assignment.ts';
import { reconcile } from '../../case.ts';
import {
  ladderState,
  observe,
  rearmLadder,
  type SkippedStep,
  skippedEvents,
} from '../../ladder/index.ts';
import type { LadderRecord } from '../../notification.ts';
import type { CaseBundle, VersionedPut } from '../../ports.ts';
import type { Principal } from '../../tenancy.ts';
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
 */
export async function assignmentChange(
  deps: ServiceDeps,
  bundle: CaseBundle,
  before: AssignmentRecord,
  after: AssignmentRecord,
  now: Date,
  rearm: boolean,
) {
  const written = put(before, after);
  const assignments = bundle.assignments.map((a) => (a === before ? written.record : a));
  const nextCase = reconcile(bundle.case, assignments, now);
  const ladder = ladderOf(bundle, before.agencyId);
  let ladderPut: VersionedPut<LadderRecord> | undefined;
  let skipped: SkippedStep[] = [];
  if (rearm && ladder && ladder.generation === before.generation && isOpen(after)) {
    const [policy, calendar] = await Promise.all([
      policyById(deps, before.policyId),
      calendarById(deps, before.calendarId),
    ]);
    const ctx = { steps: policy.ladder, calendar, now };
    const seen = observe(ladderState(ladder), { ...ctx, assignment: before });
    const rearmed = observe(seen.state, { ...ctx, assignment: after });
    skipped = [...seen.skipped, ...rearmed.skipped];
    ladderPut = {
      record: rearmLadder(ladder, now, rearmed.state, policy.ladder),
      expectedVersion: ladder.version,
    };
  }
  return {
    change: {
      case: put(bundle.case, nextCase),
      assignments: [written],
      ...(ladderPut ? { ladders: [ladderPut] } : {}),
    },
    events: (p: Principal) => [
      ...skippedEvents(skipped, before, actorOf(p), now),
      ...statusEvents(bundle.case, nextCase, now, p),
    ],
    view: viewAssignment(written.record, now, ladderPut?.record ?? ladder),
    /** The ladder to start once the change is committed (none when it was not re-armed). */
    rearm: ladderPut?.record,
  };
}
