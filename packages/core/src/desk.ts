/**
 * What central's desk and the agencies' queues need beyond single lists: pages that carry
 * their total, a queue that runs on into ended assignments, and how many deadlines a
 * calendar change would move (the use cases are in `use-cases/desk.ts`).
 */
import { type AssignmentRecord, isOpen, withDeadlines } from './assignment.ts';
import type { Calendar } from './calendar.ts';
import { invalidInput } from './errors.ts';
import { TARGETS } from './policy.ts';
import type { Page, PageRequest } from './ports.ts';

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
