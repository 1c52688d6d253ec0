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
 *   registered before the index existed had none) or not as this release writes them.
 * Each assignment is written at most once, under its version, with what it needs.
 */
import type { AssignmentRecord } from '../assignment.ts';
import { MAX_COMMIT_ITEMS, type Page, type PageRequest } from '../ports.ts';
import { CENTRAL_TENANT } from '../tenancy.ts';
import { unmarkedAnsweredRedirects } from '../case.ts';
import type { AssignmentKey } from '../rearm-job.ts';
import { inRuns, put, retryOnConflict, type ServiceDeps } from './kernel/index.ts';

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
    const upgraded = (a: AssignmentRecord): AssignmentRecord | undefined => {
      const reforwardedAt = answered.get(a.agencyId);
      const typed = a.complaintType == null && type != null;
      if (reforwardedAt === undefined && !typed && !stale.has(a.agencyId)) return undefined;
      return {
        ...a,
        ...(reforwardedAt !== undefined ? { reforwardedAt } : {}),
        ...(typed ? { complaintType: type } : {}),
      };
    };
    const writes = bundle.assignments.flatMap((a) => {
      const next = upgraded(a);
      return next ? [put(a, next)] : [];
    });
    // Each under its version: an assignment changed meanwhile (settled, forwarded to again,
    // written by this release) is read again.
    for (const run of inRuns(writes, MAX_COMMIT_ITEMS))
      await deps.store.commit({ assignments: run });
    const indexed = await deps.store.reindexCase(bundle.case);
    return writes.length > 0 || indexed > 0 ? 'moved' : 'current';
  });
}
