/**
 * The upgrade job's work on one case (rearm-job.ts `UPGRADE_VERSION`): what an older release
 * stored, brought to what this one writes. Idempotent: a case already current is read and left
 * alone, so a batch retried or the job run again writes nothing twice.
 * - its redirects a later forwarding answered get `reforwardedAt` (`unmarkedAnsweredRedirects`),
 *   which takes them off central's list of redirects awaiting a re-forward;
 * - its search index is written as a new case's is (`reindexCase`): the items missing (a case
 *   registered before the index existed had none) or not as this release writes them.
 */
import { MAX_COMMIT_ITEMS } from '../ports.ts';
import { unmarkedAnsweredRedirects } from '../case.ts';
import type { AssignmentKey } from '../rearm-job.ts';
import { inRuns, put, retryOnConflict, type ServiceDeps } from './kernel/index.ts';

/** `moved`: something of it was written; `current`: nothing needed to be; `gone`: no case. */
export type UpgradeOutcome = 'moved' | 'current' | 'gone';

export async function upgradeCase(deps: ServiceDeps, ref: AssignmentKey): Promise<UpgradeOutcome> {
  return retryOnConflict(async () => {
    // Consistent: the index is written under the version read.
    const bundle = await deps.store.getCase(ref.caseId, { consistent: true });
    if (!bundle) return 'gone';
    const answered = unmarkedAnsweredRedirects(bundle.assignments).map(({ redirect, answeredAt }) =>
      put(redirect, { ...redirect, reforwardedAt: answeredAt }),
    );
    // Each under its version: a redirect settled or forwarded to again meanwhile is read again.
    for (const run of inRuns(answered, MAX_COMMIT_ITEMS))
      await deps.store.commit({ assignments: run });
    const indexed = await deps.store.reindexCase(bundle.case);
    return answered.length > 0 || indexed > 0 ? 'moved' : 'current';
  });
}
