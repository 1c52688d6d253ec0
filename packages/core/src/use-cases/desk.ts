/**
 * Central's desk: the API's clock, extension requests waiting for a decision, and what
 * removing a holiday would move before it is removed.
 */
import { Calendar } from '../calendar.ts';
import { deadlinesMoved, mapPage } from '../desk.ts';
import { notFound } from '../errors.ts';
import { viewExtensionRequest } from '../extension.ts';
import type { Page, PageRequest } from '../ports.ts';
import type { PendingExtensionView } from '../schemas.ts';
import type { Principal } from '../tenancy.ts';
import { ADMIN_ROLES, CENTRAL_ROLES, requireRole, type ServiceDeps } from './kernel/index.ts';

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

/**
 * What removing a day off would move, without removing it: the admin confirms knowing it.
 * Reads central's open worklist page by page, like the recompute that follows a change.
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
  return { date, ...total };
}
