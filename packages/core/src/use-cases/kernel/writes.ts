import { invitationWrites } from '../../activity.ts';
import type { AssignmentRecord } from '../../assignment.ts';
import type { CaseRecord } from '../../case.ts';
import { type ExtensionRequestRecord, lapse } from '../../extension.ts';
import { type LadderRecord, ladderRefOf } from '../../notification.ts';
import type { CaseBundle, CaseChange, VersionedPut } from '../../ports.ts';
import { indexWriteCount } from '../../search/document.ts';
import type { ServiceDeps } from './deps.ts';

/** A versioned put of `next` replacing `before`: exactly one version higher. */
export const put = <T extends { version: number }>(before: T, next: T): VersionedPut<T> => ({
  record: { ...next, version: before.version + 1 },
  expectedVersion: before.version,
  previous: before,
});

/**
 * A save made on version `seen` (the one its form was loaded at) that is stored already: the
 * same request sent again after its answer was lost, or was a 503 (its job's start throttled).
 * The stored record is exactly the next version, and `asked`, the record the request would
 * write on top of it, is the same, its version and time of saving aside. Returns the stored
 * record then (to answer as the first save did, not refuse it as another admin's save since).
 */
export const savedAlready = <T extends { readonly version: number }>(
  stored: T | undefined,
  seen: number | undefined,
  asked: T,
): T | undefined =>
  stored !== undefined &&
  seen !== undefined &&
  stored.version === seen + 1 &&
  sameValue(stored, asked, new Set(['version', 'updatedAt']))
    ? stored
    : undefined;

/**
 * Equal as JSON values: objects by their defined keys in any order (a record read back from the
 * table has its own order), arrays in order; `skip`: the top level's keys left out.
 */
function sameValue(a: unknown, b: unknown, skip: ReadonlySet<string> = new Set()): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => sameValue(x, b[i]))
    );
  const defined = (o: object) =>
    Object.entries(o).filter(([k, v]) => v !== undefined && !skip.has(k));
  const left = defined(a);
  const right = new Map(defined(b));
  return (
    left.length === right.size && left.every(([k, v]) => right.has(k) && sameValue(v, right.get(k)))
  );
}

/**
 * The items the store's transaction holds for `change` (against `MAX_COMMIT_ITEMS`), each
 * activity's invitations (`invitationWrites`, its holders' included), a delegation's
 * (`invitations`) and the search index's rewrite included
 * (`indexWriteCount`: none when the case's search document stays as it was, as forwarding and
 * closing leave it, or for a replace that does not say what it replaces).
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
    change.assignmentsAsRead,
    change.invitations,
    change.case ? change.claims : undefined,
  ];
  return (
    (change.case ? 1 : 0) +
    (creates ? 1 : 0) + // the tracking code
    indexed(change.case) +
    (change.idempotency ? 1 : 0) +
    (change.sequence ? 1 : 0) +
    (change.settingsAsRead !== undefined ? 1 : 0) +
    sharesSize(change.letterShares) +
    // Each letter, and its share with the member unit holding its agency's assignment.
    (change.letters ?? []).reduce((n, l) => n + (l.sharedWith ? 2 : 1), 0) +
    // Each activity's invitations beside it: a write for each of its agencies, and for the
    // member unit holding each one's assignment.
    (change.activities ?? []).reduce((n, x) => n + invitationWrites(x.record, x.holders), 0) +
    lists.reduce((n, list) => n + (list?.length ?? 0), 0)
  );
}

/** A letter share each, and the checks of the ladder and the assignment they are written on. */
const sharesSize = (s: CaseChange['letterShares']): number =>
  s
    ? s.letters.length +
      (s.ladderVersion !== undefined ? 1 : 0) +
      (s.assignmentVersion !== undefined ? 1 : 0)
    : 0;

/**
 * The search index's writes with a case's put: a replace writes them only when it says what it
 * replaces (`previous`).
 */
function indexed(c: CaseChange['case']): number {
  const before = c?.expectedVersion === null ? null : c?.previous;
  return c && before !== undefined ? indexWriteCount(before, c.record) : 0;
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
