/**
 * The upgrade job's work on one case (rearm-job.ts `UPGRADE_VERSION`): what an older release
 * stored, brought to what this one writes. Idempotent: a case already current is read and left
 * alone, so a batch retried or the job run again writes nothing twice.
 * - its redirects a later forwarding answered get `reforwardedAt` (`unmarkedAnsweredRedirects`),
 *   which takes them off central's list of redirects awaiting a re-forward;
 * - its assignments forwarded before they kept the case's complaint type get it (the worklist's
 *   `type=` filter reads it), and those whose stored index keys are not the ones this release
 *   writes (`staleAssignmentIndexes`: one paused before 69365b7 was keyed by its earliest
 *   deadline, in neither the overdue nor the not-overdue list) are written again as they are;
 * - its search index is written as a new case's is (`reindexCase`): the items missing (a case
 *   registered before the index existed had none) or not as this release writes them;
 * - its assignments withdrawn before 7455f5c kept `withdrawnAt` get it from the case's timeline
 *   (`withdrawalInstants`), and one that then left its agency's sample (`leftTheSample`) is
 *   counted `withdrawn` (`upgradeCounters`), in the transaction that dates it;
 * - its assignments stored before acknowledgements were counted (no `counted`) get it, and one
 *   whose acknowledgement target was met has it counted (`acknowledged`, `acknowledgedOnTime`;
 *   `upgradeCounters`) in the transaction that marks it.
 * - its assignments delegated to a member unit have their letters shared with it
 *   (`sharedLetters`): a letter written before shares were has none, and the unit's letters
 *   log listed it not;
 * - its letters and their shares keyed by when each was written, each share marked when its
 *   letter was cancelled (`reindexLetters`): the logs and the badge went by the due date;
 * - its planned activities' invitations (`invitedActivities`), for each agency invited and for
 *   the member unit holding one's assignment (`via`): an activity planned before they were kept
 *   was on no agency's list of coming activities, and one planned or delegated before a unit's
 *   were kept on no unit's.
 * Each assignment is written at most once, under its version, with what it needs.
 */
import { type ActivityInvitation, holdersOf, invitationsOf } from '../activity.ts';
import { type AssignmentRecord, COUNTS_ACKNOWLEDGEMENT } from '../assignment.ts';
import {
  type CaseBundle,
  type LetterShares,
  MAX_COMMIT_ITEMS,
  type Page,
  type PageRequest,
} from '../ports.ts';
import { CENTRAL_TENANT } from '../tenancy.ts';
import { unmarkedAnsweredRedirects } from '../case.ts';
import type { AssignmentKey } from '../rearm-job.ts';
import { upgradeCounters } from '../stats.ts';
import { inRuns, ladderOf, put, retryOnConflict, type ServiceDeps } from './kernel/index.ts';

/** The cases the upgrade works on, one page: every case (central's list, gsi1), oldest first. */
export async function upgradeRefs(
  deps: ServiceDeps,
  page: PageRequest,
): Promise<Page<AssignmentKey>> {
  const cases = await deps.store.listCases({ order: 'oldest' }, page);
  return {
    // Named as a job's refs are, with central as their agency (a failure item names the case).
    items: cases.items.map((c) => ({ caseId: c.id, agencyId: CENTRAL_TENANT })),
    nextCursor: cases.nextCursor,
  };
}

/** `moved`: something of it was written; `current`: nothing needed to be; `gone`: no case. */
export type UpgradeOutcome = 'moved' | 'current' | 'gone';

export async function upgradeCase(deps: ServiceDeps, ref: AssignmentKey): Promise<UpgradeOutcome> {
  return retryOnConflict(async () => {
    // Consistent: the index is written under the version read.
    const bundle = await deps.store.getCase(ref.caseId, { consistent: true });
    if (!bundle) return 'gone';
    const answered = new Map(
      unmarkedAnsweredRedirects(bundle.assignments).map(({ redirect, answeredAt }) => [
        redirect.agencyId,
        answeredAt,
      ]),
    );
    const type = bundle.case.classification?.type;
    const stale = new Set(
      (await deps.store.staleAssignmentIndexes(bundle.assignments)).map((a) => a.agencyId),
    );
    const withdrawnAt = await withdrawalInstants(
      deps,
      bundle.case.id,
      bundle.assignments.filter((a) => a.state === 'withdrawn' && a.withdrawnAt === undefined),
    );
    const upgraded = (a: AssignmentRecord): AssignmentRecord | undefined => {
      const reforwardedAt = answered.get(a.agencyId);
      const typed = a.complaintType == null && type != null;
      const dated = withdrawnAt.get(a.agencyId);
      const uncounted = a.counted !== COUNTS_ACKNOWLEDGEMENT;
      if (
        reforwardedAt === undefined &&
        !typed &&
        !stale.has(a.agencyId) &&
        dated === undefined &&
        !uncounted
      )
        return undefined;
      return {
        ...a,
        ...(reforwardedAt !== undefined ? { reforwardedAt } : {}),
        ...(typed ? { complaintType: type } : {}),
        ...(dated !== undefined ? { withdrawnAt: dated } : {}),
        counted: COUNTS_ACKNOWLEDGEMENT,
      };
    };
    // Before the assignments' own writes: its shares are written on them as read.
    const shared = await sharedLetters(deps, bundle);
    const writes = bundle.assignments.flatMap((a) => {
      const next = upgraded(a);
      return next ? [{ assignment: put(a, next), counters: upgradeCounters(a, next) }] : [];
    });
    // Each under its version, with the counters its dating and marking move: an assignment
    // changed meanwhile (settled, acknowledged, forwarded to again, upgraded by another run of
    // the job) is read again, and its `withdrawn` and acknowledgement are added by the one
    // transaction that dated and marked it. Every write to an assignment raises its version, so
    // one still at the version read was neither dated nor marked since. At most three
    // items each (the assignment, its day's and month's counters: one update each).
    for (const run of inRuns(writes, Math.floor(MAX_COMMIT_ITEMS / 3)))
      await deps.store.commit({
        assignments: run.map((w) => w.assignment),
        counters: run.flatMap((w) => w.counters),
      });
    const indexed = await deps.store.reindexCase(bundle.case);
    // After the shares' writes: those this run wrote are keyed as this release keys them.
    const letters = await deps.store.reindexLetters(bundle.case.id);
    const invited = await invitations(deps, bundle);
    return writes.length > 0 || indexed > 0 || shared > 0 || letters > 0 || invited > 0
      ? 'moved'
      : 'current';
  });
}

/**
 * Version 8: each planned activity with a date whose invitations are not all stored (planned
 * before they were kept; a member unit's, planned or delegated before those were) written
 * again, as it is, under its version: the store writes its invitations with it (one per agency
 * invited, one per member unit holding an invited agency's assignment: `holdersOf`), in the same
 * transaction, so a report or cancellation meanwhile (which takes them off) makes it a conflict,
 * read again, and so does a delegation (the invited agencies' assignments as read). One read of
 * the case's invitations, none on a case with no such activity (most).
 */
async function invitations(deps: ServiceDeps, bundle: CaseBundle): Promise<number> {
  const holders = holdersOf(bundle.assignments);
  const due = bundle.activities.filter((a) => invitationsOf(a, holders).length > 0);
  if (due.length === 0) return 0;
  const key = (i: ActivityInvitation) =>
    `${i.activityId}#${i.agencyId}#${i.via ?? ''}#${i.scheduledAt}`;
  const stored = new Set((await deps.store.listCaseInvitations(bundle.case.id)).map(key));
  const missing = due.filter((a) => invitationsOf(a, holders).some((i) => !stored.has(key(i))));
  // One transaction each: an activity, its invitations and its agencies' assignments are at
  // most 55 items (18 agencies).
  for (const a of missing)
    await deps.store.commit({
      activities: [{ ...put(a, a), holders }],
      assignmentsAsRead: bundle.assignments.filter((x) => a.agencyIds.includes(x.agencyId)),
    });
  return missing.length;
}

/**
 * Version 6: each assignment's letters shared with the member unit it is delegated to, as this
 * release's delegations and ladders share them (`LetterShares`), and shares left with none taken
 * off (a delegation taken back whose shares did not all fit its transaction and whose last ones
 * were never written). Under the ladder and the assignment as read; the shares written or
 * removed. Reads the case's shares (none on most), and the letters of a delegated assignment.
 */
async function sharedLetters(deps: ServiceDeps, bundle: CaseBundle): Promise<number> {
  const shares = await deps.store.listLetterShares(bundle.case.id);
  let written = 0;
  for (const a of bundle.assignments) {
    const member = a.delegatedTo ?? null;
    const held = shares.filter((s) => s.agencyId === a.agencyId);
    if (member === null && held.length === 0) continue;
    const letters =
      member === null
        ? held.map((s) => s.letter)
        : (await deps.store.listAssignmentLetters(a.caseId, a.agencyId)).filter(
            (l) => !held.some((s) => s.memberId === member && s.letter.id === l.id),
          );
    const ladder = ladderOf(bundle, a.agencyId);
    for (const run of inRuns(letters, MAX_COMMIT_ITEMS - 2)) {
      const letterShares: LetterShares = {
        caseId: a.caseId,
        agencyId: a.agencyId,
        memberId: member,
        letters: run,
        ...(ladder ? { ladderVersion: ladder.version } : {}),
        assignmentVersion: a.version,
      };
      await deps.store.commit({ letterShares });
      written += run.length;
    }
  }
  return written;
}

/**
 * When each of `undated` (assignments withdrawn before 7455f5c kept `withdrawnAt`) was taken
 * back: its agency's `assignment_withdrawn` event on the case's timeline, which every
 * withdrawal wrote in its own transaction, at its instant (`withdrawAssignment`; `closeCase`
 * one per assignment it withdrew, since the first release). Events name no generation, but an
 * agency is forwarded a case again only once its assignment ended, so the agency's latest
 * withdrawal is its current generation's when at or after that generation's forwarding (one
 * before it was an earlier generation's). Without such an event (none a release wrote, but a
 * timeline edited by hand) an assignment gets no instant and is left as it is: undated, in its
 * agency's sample, read again by each run. One read of the case's withdrawals, none when no
 * assignment needs it.
 */
async function withdrawalInstants(
  deps: ServiceDeps,
  caseId: string,
  undated: readonly AssignmentRecord[],
): Promise<Map<string, string>> {
  if (undated.length === 0) return new Map();
  const latest = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await deps.store.listTimeline(caseId, { limit: 100, cursor }, undefined, {
      type: 'assignment_withdrawn',
    });
    // Oldest first: an agency's later withdrawal replaces its earlier one.
    for (const e of page.items) if (e.agencyId !== null) latest.set(e.agencyId, e.at);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return new Map(
    undated.flatMap((a): [string, string][] => {
      const at = latest.get(a.agencyId);
      return at !== undefined && Date.parse(at) >= Date.parse(a.forwardedAt)
        ? [[a.agencyId, at]]
        : [];
    }),
  );
}
