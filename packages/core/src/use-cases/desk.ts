/**
 * Central's desk: the API's clock, extension requests waiting for a decision, and what
 * removing a holiday, or adding some, would move before it is saved.
 */
import { viewAssignment } from '../assignment.ts';
import { extendedDueAt } from '../assignment-clock.ts';
import { Calendar, type CalendarDay } from '../calendar.ts';
import { deadlinesMoved } from '../desk.ts';
import { notFound } from '../errors.ts';
import { awaitsDecision, type ExtensionRequestRecord, viewExtensionRequest } from '../extension.ts';
import type { Page, PageRequest } from '../ports.ts';
import { TARGETS } from '../policy.ts';
import type { PendingExtensionView } from '../schemas.ts';
import type { Principal } from '../tenancy.ts';
import {
  ADMIN_ROLES,
  calendarsOf,
  CENTRAL_ROLES,
  ladderOf,
  requireRole,
  type ServiceDeps,
} from './kernel/index.ts';

/** The API's clock: "now" for clients (the manual clock, embedded), never the browser's. */
export function now(deps: ServiceDeps): Date {
  return deps.clock();
}

/** Extension requests waiting for central, oldest first, with their case's subject and agency's name. */
export async function pendingExtensions(
  deps: ServiceDeps,
  p: Principal,
  request: PageRequest,
): Promise<Page<PendingExtensionView>> {
  requireRole(p, CENTRAL_ROLES);
  const { store } = deps;
  const page = await store.listPendingExtensions({ limit: request.limit, cursor: request.cursor });
  const [bundles, names] = await Promise.all([
    casesOf(deps, page.items),
    Promise.all(
      [...new Set(page.items.map((x) => x.agencyId))].map(
        async (id) => [id, (await store.getAgency(id))?.name ?? id] as const,
      ),
    ).then((pairs) => new Map(pairs)),
  ]);
  const waiting = page.items.filter((x) => awaitsDecision(x, bundles.get(x.caseId)?.assignments));
  const now = deps.clock();
  const records = new Map(
    waiting.map((x) => [
      x.id,
      bundles.get(x.caseId)!.assignments.find((a) => a.agencyId === x.agencyId)!,
    ]),
  );
  const calendars = await calendarsOf(deps, [...records.values()]);
  return {
    items: waiting.map((x) => {
      const bundle = bundles.get(x.caseId)!;
      const record = records.get(x.id)!;
      // Whether the agency asks in time or already late, and how far its ladder climbed: what
      // central weighs in deciding (a waiting request belongs to an open assignment).
      const assignment = viewAssignment(
        record,
        now,
        { central: true },
        ladderOf(bundle, x.agencyId),
      );
      const target = TARGETS.find(
        (t) => assignment.met[t] === null && assignment.due[t] === assignment.nextDueAt,
      );
      return {
        ...viewExtensionRequest(x),
        subject: bundle.case.subject ?? null,
        agencyName: names.get(x.agencyId) ?? x.agencyId,
        deadline:
          target && assignment.nextDueAt
            ? { target, dueAt: assignment.nextDueAt, overdue: assignment.overdue[target] }
            : null,
        // And where approving it would put that deadline: counted as the approval counts it,
        // over the agency's holidays, not left to central to count by hand.
        proposedDueAt: extendedDueAt(record, x.workingDays, calendars.get(record.calendarId)!, now),
        timeZone: assignment.timeZone,
        escalationLevel: assignment.escalationLevel,
      };
    }),
    nextCursor: page.nextCursor,
    // A first page that is the whole list is its own count: no second read of its cases.
    ...(request.total
      ? {
          total: !request.cursor && !page.nextCursor ? waiting.length : await countWaiting(deps),
        }
      : {}),
  };
}

const casesOf = async (deps: ServiceDeps, items: readonly ExtensionRequestRecord[]) =>
  new Map(
    await Promise.all(
      [...new Set(items.map((x) => x.caseId))].map(
        async (id) => [id, await deps.store.getCase(id)] as const,
      ),
    ),
  );

/**
 * Every request still to decide. The pending are few: one at most per open assignment, as a
 * request lapses when its assignment ends (those that ended before requests lapsed stay
 * pending in the store, and are read here too, but not counted).
 */
async function countWaiting(deps: ServiceDeps): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.store.listPendingExtensions({ limit: 100, cursor });
    const bundles = await casesOf(deps, page.items);
    count += page.items.filter((x) => awaitsDecision(x, bundles.get(x.caseId)?.assignments)).length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return count;
}

/**
 * What removing a day off would move, without removing it: the admin confirms knowing it.
 * Reads central's open worklist page by page, like the recompute that follows a change. An
 * upper bound: an assignment whose ended pause spans the day gets it back in its pause and does
 * not move, and that needs its clock entries, which the preview does not read.
 */
export async function holidayRemovalImpact(
  deps: ServiceDeps,
  p: Principal,
  calendarId: string,
  date: string,
): Promise<{ date: string; assignments: number; deadlines: number }> {
  requireRole(p, ADMIN_ROLES);
  const stored = await deps.store.getCalendar(calendarId);
  if (!stored?.days.some((d) => d.date === date))
    throw notFound(`day ${date} of calendar ${calendarId}`);
  const after = new Calendar({ ...stored, days: stored.days.filter((d) => d.date !== date) });
  return { date, ...(await movedBy(deps, after)) };
}

/**
 * What adding (or changing) these days would move, before they are saved, as
 * `holidayRemovalImpact` says it for a removal: the admin confirms a pasted year knowing it.
 */
export async function holidayAdditionImpact(
  deps: ServiceDeps,
  p: Principal,
  calendarId: string,
  days: readonly CalendarDay[],
): Promise<{ assignments: number; deadlines: number }> {
  requireRole(p, ADMIN_ROLES);
  const stored = await deps.store.getCalendar(calendarId);
  if (!stored) throw notFound(`calendar ${calendarId}`);
  const listed = new Set(days.map((d) => d.date));
  const after = new Calendar({
    ...stored,
    days: [...stored.days.filter((d) => !listed.has(d.date)), ...days],
  });
  return movedBy(deps, after);
}

/** The open assignments, and their deadlines, that the calendar `after` would move. */
async function movedBy(deps: ServiceDeps, after: Calendar) {
  const now = deps.clock();
  const total = { assignments: 0, deadlines: 0 };
  let cursor: string | undefined;
  do {
    const page = await deps.store.listWorklist({ now }, { limit: 100, cursor });
    const moved = deadlinesMoved(page.items, after);
    total.assignments += moved.assignments;
    total.deadlines += moved.deadlines;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return total;
}
