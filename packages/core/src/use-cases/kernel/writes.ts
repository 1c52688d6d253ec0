import type { AssignmentRecord } from '../../assignment.ts';
import type { CaseRecord } from '../../case.ts';
import { type ExtensionRequestRecord, lapse } from '../../extension.ts';
import { type LadderRecord, ladderRefOf } from '../../notification.ts';
import type { CaseBundle, CaseChange, VersionedPut } from '../../ports.ts';
import type { ServiceDeps } from './deps.ts';

/** A versioned put of `next` replacing `before`: exactly one version higher. */
export const put = <T extends { version: number }>(before: T, next: T): VersionedPut<T> => ({
  record: { ...next, version: before.version + 1 },
  expectedVersion: before.version,
  previous: before,
});

/**
 * The items the store's transaction holds for `change` (against `MAX_COMMIT_ITEMS`), the search
 * index's aside: those move only with a case's indexed fields (subject, description, parties,
 * numbers), which forwarding and closing never touch.
 */
export function commitSize(change: CaseChange): number {
  const creates = change.case?.expectedVersion === null;
  const lists = [
    change.assignments,
    change.events,
    change.ladders,
    change.extensions,
    change.activities,
    change.clockEntries,
    change.counters,
    change.attachments,
    change.attachmentsRemoved,
    change.agenciesAsRead,
    creates ? change.claims : undefined,
  ];
  return (
    (change.case ? 1 : 0) +
    (creates ? 1 : 0) + // the tracking code
    (change.idempotency ? 1 : 0) +
    (change.sequence ? 1 : 0) +
    (change.settingsAsRead !== undefined ? 1 : 0) +
    lists.reduce((n, list) => n + (list?.length ?? 0), 0)
  );
}

/** `items` in order, in runs of at most `size`. */
export const inRuns = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

/**
 * The pending extension requests of assignments that have just ended, lapsed: nothing is left
 * to extend, and central's desk stops waiting on them.
 */
export const lapsedRequests = (
  bundle: CaseBundle,
  ended: readonly AssignmentRecord[],
  now: Date,
): VersionedPut<ExtensionRequestRecord>[] =>
  bundle.extensions
    .filter(
      (x) =>
        x.status === 'pending' &&
        ended.some((a) => a.agencyId === x.agencyId && a.generation === x.generation),
    )
    .map((x) => ({ record: lapse(x, now), expectedVersion: x.version }));

/** The case touched by a change that does not move its status (to serialize writers). */
export const touchCase = (c: CaseRecord, now: Date): CaseRecord => ({
  ...c,
  updatedAt: now.toISOString(),
});

export const ladderOf = (bundle: CaseBundle, agencyId: string) =>
  bundle.ladders.find((l) => l.agencyId === agencyId);

/** Starts the executions of ladders just committed (the table is the truth, an execution a timer). */
export async function armLadders(
  deps: ServiceDeps,
  ladders: readonly LadderRecord[],
): Promise<void> {
  for (const l of ladders) await deps.ladders?.arm(ladderRefOf(l));
}
