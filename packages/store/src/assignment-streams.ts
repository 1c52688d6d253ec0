/** How the queue and the worklist read assignments: streams over the buckets, and the filter. */
import { type AssignmentQuery, type AssignmentRecord, isTargetOverdue } from '@pantau/core';
import type { Item } from './items.ts';
import type { Stream } from './paging.ts';

const OPEN_STATES = new Set(['pending', 'acknowledged', 'responded']);

/**
 * The stream for an assignment list: the open bucket (soonest deadline first, overdue and
 * due-before as sort-key ranges) unless an ended state is asked for (most recent first).
 */
export function assignmentStream(
  index: 'gsi1' | 'gsi2' | 'gsi3',
  partition: (bucket: string) => string,
  filter: AssignmentQuery,
): Stream {
  if (filter.state && !OPEN_STATES.has(filter.state)) {
    return { index, partition: partition(filter.state), descending: true };
  }
  const now = filter.now.toISOString();
  // DynamoDB refuses a BETWEEN whose bounds are reversed: a range that is empty by its
  // bounds (an instant after now, a due-before already past) is asked as an empty one.
  const between = (from: string, to: string) =>
    ({ op: 'between', from: from <= to ? from : to, to }) as const;
  if (filter.overdueSince) {
    return {
      index,
      partition: partition('open'),
      range: between(filter.overdueSince.toISOString(), now),
    };
  }
  // Due by `dueBefore`, a deadline at the bound itself included (the end of the n-th working
  // day, as WIB deadlines are): keys are `<due>#<case>#<agency>`, and `~` sorts after `#`.
  let upper = filter.dueBefore && `${filter.dueBefore.toISOString()}~`;
  if (filter.overdue === true && (!upper || now < upper)) upper = now;
  if (filter.overdue === false) {
    return upper
      ? { index, partition: partition('open'), range: between(now, upper) }
      : { index, partition: partition('open'), range: { op: '>=', value: now } };
  }
  return upper
    ? { index, partition: partition('open'), range: { op: '<', value: upper } }
    : { index, partition: partition('open') };
}

export const assignmentFilter = (filter: AssignmentQuery) => {
  // None asked for after reading: no filter, so a total is DynamoDB's own count. (An ended
  // state is its own partition; an open one is read from the open bucket and filtered.)
  const filtered = Boolean(
    (filter.state && OPEN_STATES.has(filter.state)) ||
    filter.target ||
    filter.complaintType ||
    filter.forwardedSince ||
    filter.awaitingReforward ||
    filter.delegatedTo !== undefined ||
    filter.overdue === true,
  );
  return filtered ? (item: Item) => accepts(filter, item) : undefined;
};

const accepts = (filter: AssignmentQuery, item: Item) => {
  const a = item as unknown as AssignmentRecord;
  if (filter.state && a.state !== filter.state) return false;
  if (filter.overdue === true && filter.state && !OPEN_STATES.has(filter.state)) return false;
  if (filter.target && !isTargetOverdue(a, filter.target, filter.now)) return false;
  if (filter.complaintType && a.complaintType !== filter.complaintType) return false;
  // What arrived since: forwarded, or delegated to a member unit (forwarded earlier).
  if (filter.forwardedSince && !arrivedAfter(a, filter.forwardedSince.toISOString(), filter.reader))
    return false;
  // A forwarding answered this redirect, or central settled it without one: not awaiting.
  if (
    filter.awaitingReforward &&
    (a.state !== 'redirected' || a.reforwardedAt || a.redirectSettled)
  )
    return false;
  if (filter.delegatedTo !== undefined && (a.delegatedTo ?? null) !== filter.delegatedTo)
    return false;
  // A paused clock has nothing overdue, whatever its dates.
  if (filter.overdue === true && a.paused) return false;
  return true;
};

/**
 * What arrived for `reader` since: forwarded; delegated to it (a member unit); or given back to it
 * by its member unit (the coordinator's own agency's).
 */
const arrivedAfter = (a: AssignmentRecord, since: string, reader: string | undefined) =>
  a.forwardedAt > since ||
  Boolean(a.delegatedTo && a.delegatedTo === reader && a.delegatedAt && a.delegatedAt > since) ||
  Boolean(a.agencyId === reader && a.returnedAt && a.returnedAt > since);
