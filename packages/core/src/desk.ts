/**
 * What central's desk and the agencies' queues need beyond single lists: pages that carry
 * their total, a queue that runs on into ended assignments, extension requests waiting for a
 * decision, and what removing a holiday would move before it is removed.
 */
import { type AssignmentRecord, isOpen, withDeadlines } from './assignment.ts';
import { Calendar } from './calendar.ts';
import { invalidInput, notFound } from './errors.ts';
import { viewExtensionRequest } from './extension.ts';
import { TARGETS } from './policy.ts';
import type { Page, PageRequest, Store } from './ports.ts';
import type { PendingExtensionView } from './schemas.ts';

/** A page with its items mapped, its cursor and (when counted) its total kept. */
export const mapPage = <A, B>(page: Page<A>, f: (item: A) => B): Page<B> => ({
  items: page.items.map(f),
  nextCursor: page.nextCursor,
  ...(page.total === undefined ? {} : { total: page.total }),
});

/** Reads one page of a list, from a cursor of that list. */
export type PageReader<T> = (request: PageRequest) => Promise<Page<T>>;

/**
 * One list made of several read one after the other (an agency's open assignments, then its
 * ended ones): a page fills from the next list once one runs out. The cursor says which list
 * and where in it (`<list>~<its cursor>`).
 */
export async function chainedPage<T>(
  lists: readonly PageReader<T>[],
  request: PageRequest,
): Promise<Page<T>> {
  let index = 0;
  let cursor: string | undefined;
  if (request.cursor !== undefined) {
    const match = /^(\d{1,2})~(.*)$/s.exec(request.cursor);
    if (!match || Number(match[1]) >= lists.length)
      throw invalidInput('cursor', 'not a cursor of this list');
    index = Number(match[1]);
    cursor = match[2] === '' ? undefined : match[2];
  }
  const items: T[] = [];
  let nextCursor: string | null = null;
  for (; index < lists.length; index += 1) {
    if (items.length >= request.limit) {
      nextCursor = `${index}~`;
      break;
    }
    const page = await lists[index]!({ limit: request.limit - items.length, cursor });
    cursor = undefined;
    items.push(...page.items);
    if (page.nextCursor !== null) {
      nextCursor = `${index}~${page.nextCursor}`;
      break;
    }
  }
  if (!request.total) return { items, nextCursor };
  const totals = await Promise.all(lists.map((list) => list({ limit: 1, total: true })));
  return { items, nextCursor, total: totals.reduce((sum, p) => sum + (p.total ?? 0), 0) };
}

/** Extension requests waiting for central, oldest first, with their case's subject and agency's name. */
export async function pendingExtensions(
  store: Store,
  request: PageRequest,
): Promise<Page<PendingExtensionView>> {
  const page = await store.listPendingExtensions(request);
  const caseIds = [...new Set(page.items.map((x) => x.caseId))];
  const agencyIds = [...new Set(page.items.map((x) => x.agencyId))];
  const [subjects, names] = await Promise.all([
    Promise.all(
      caseIds.map(async (id) => [id, (await store.getCase(id))?.case.subject ?? null] as const),
    ).then((pairs) => new Map(pairs)),
    Promise.all(
      agencyIds.map(async (id) => [id, (await store.getAgency(id))?.name ?? id] as const),
    ).then((pairs) => new Map(pairs)),
  ]);
  return mapPage(page, (x) => ({
    ...viewExtensionRequest(x),
    subject: subjects.get(x.caseId) ?? null,
    agencyName: names.get(x.agencyId) ?? x.agencyId,
  }));
}

/** How many open assignments, and how many of their deadlines, a calendar change would move. */
export function deadlinesMoved(
  open: readonly AssignmentRecord[],
  after: Calendar,
): { assignments: number; deadlines: number } {
  let assignments = 0;
  let deadlines = 0;
  for (const a of open) {
    if (!isOpen(a) || a.calendarId !== after.id) continue;
    const next = withDeadlines(a, after);
    const moved = TARGETS.filter((t) => next.due[t] !== a.due[t]).length;
    if (moved > 0) {
      assignments += 1;
      deadlines += moved;
    }
  }
  return { assignments, deadlines };
}

/**
 * What removing a day off would move, without removing it: the admin confirms knowing it.
 * Reads central's open worklist page by page, like the recompute that follows a change.
 */
export async function holidayRemovalImpact(
  store: Store,
  now: Date,
  calendarId: string,
  date: string,
): Promise<{ date: string; assignments: number; deadlines: number }> {
  const stored = await store.getCalendar(calendarId);
  if (!stored?.days.some((d) => d.date === date))
    throw notFound(`day ${date} of calendar ${calendarId}`);
  const after = new Calendar({ ...stored, days: stored.days.filter((d) => d.date !== date) });
  const total = { assignments: 0, deadlines: 0 };
  let cursor: string | undefined;
  do {
    const page = await store.listWorklist({ now }, { limit: 100, cursor });
    const moved = deadlinesMoved(page.items, after);
    total.assignments += moved.assignments;
    total.deadlines += moved.deadlines;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { date, ...total };
}
