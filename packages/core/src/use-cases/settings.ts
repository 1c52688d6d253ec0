/**
 * Settings: holiday calendars and SLA policies. An edit moves every open deadline it touches
 * and re-arms those ladders.
 */
import { type AssignmentRecord, isOpen, withDeadlines } from '../assignment.ts';
import type { CalendarDay } from '../calendar.ts';
import { invalidInput, notFound } from '../errors.ts';
import type { LadderRecord } from '../notification.ts';
import { type SlaPolicy, TARGETS, targetWorkingDays } from '../policy.ts';
import type { PolicyInput } from '../schemas.ts';
import type { Principal } from '../tenancy.ts';
import {
  ADMIN_ROLES,
  armLadders,
  assignmentChange,
  calendarById,
  event,
  loadCase,
  requireRole,
  retryOnConflict,
  type ServiceDeps,
} from './kernel/index.ts';

export async function getCalendarDays(
  deps: ServiceDeps,
  calendarId: string,
  year: number | undefined,
) {
  const stored = await deps.store.getCalendar(calendarId);
  if (!stored) throw notFound(`calendar ${calendarId}`);
  const items = stored.days
    .filter((d) => year === undefined || d.date.startsWith(`${year}-`))
    .sort((a, b) => a.date.localeCompare(b.date));
  return { id: calendarId, years: [...stored.years].sort(), items };
}

/** Adds or changes a holiday; every open deadline it touches moves and its ladder re-arms. */
export async function putCalendarDay(
  deps: ServiceDeps,
  p: Principal,
  calendarId: string,
  day: CalendarDay,
) {
  requireRole(p, ADMIN_ROLES);
  if (!(await deps.store.getCalendar(calendarId))) throw notFound(`calendar ${calendarId}`);
  await deps.store.putCalendarDay(calendarId, day);
  return {
    date: day.date,
    recomputed: await recomputeOpen(deps, p, (a) => a.calendarId === calendarId, {
      calendarId,
      date: day.date,
    }),
  };
}

export async function deleteCalendarDay(
  deps: ServiceDeps,
  p: Principal,
  calendarId: string,
  date: string,
) {
  requireRole(p, ADMIN_ROLES);
  if (!(await deps.store.deleteCalendarDay(calendarId, date)))
    throw notFound(`day ${date} of calendar ${calendarId}`);
  return {
    date,
    recomputed: await recomputeOpen(deps, p, (a) => a.calendarId === calendarId, {
      calendarId,
      date,
    }),
  };
}

/** Declares a year's holidays complete (deadlines into it are no longer flagged). */
export async function putCalendarYear(
  deps: ServiceDeps,
  p: Principal,
  calendarId: string,
  year: number,
) {
  requireRole(p, ADMIN_ROLES);
  if (!(await deps.store.getCalendar(calendarId))) throw notFound(`calendar ${calendarId}`);
  await deps.store.putCalendarYear(calendarId, year);
  return {
    date: `${year}`,
    recomputed: await recomputeOpen(deps, p, (a) => a.calendarId === calendarId, {
      calendarId,
      year,
    }),
  };
}

export const listPolicies = (deps: ServiceDeps): Promise<SlaPolicy[]> => deps.store.listPolicies();

export async function getPolicy(deps: ServiceDeps, id: string): Promise<SlaPolicy> {
  const policy = await deps.store.getPolicy(id);
  if (!policy) throw notFound(`policy ${id}`);
  return policy;
}

/** Replaces a policy; open assignments under it get the new targets and re-armed ladders. */
export async function putPolicy(deps: ServiceDeps, p: Principal, id: string, input: PolicyInput) {
  requireRole(p, ADMIN_ROLES);
  const policy = await retryOnConflict(async () => {
    const current = await deps.store.getPolicy(id);
    if (!(await deps.store.getCalendar(input.calendarId)))
      throw invalidInput('calendarId', 'unknown calendar');
    const next: SlaPolicy = {
      ...input,
      id,
      version: (current?.version ?? 0) + 1,
      updatedAt: deps.clock().toISOString(),
    };
    await deps.store.putPolicy(next, current ? current.version : null);
    return next;
  });
  const recomputed = await recomputeOpen(
    deps,
    p,
    (a) => a.policyId === id,
    { policyId: id },
    policy,
  );
  return { policy, recomputed };
}

/**
 * Recomputes the deadlines of every open assignment `which` selects (from central's open
 * worklist, page by page: an admin operation, not a request path that scans) and re-arms
 * each ladder. Returns how many assignments' deadlines moved.
 */
async function recomputeOpen(
  deps: ServiceDeps,
  p: Principal,
  which: (a: AssignmentRecord) => boolean,
  why: Record<string, unknown>,
  policy?: SlaPolicy,
): Promise<number> {
  let moved = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.store.listWorklist({ now: deps.clock() }, { limit: 100, cursor });
    for (const listed of page.items.filter(which)) {
      const result = await retryOnConflict(async () => {
        const bundle = await loadCase(deps, listed.caseId);
        const a = bundle.assignments.find((x) => x.agencyId === listed.agencyId);
        if (!a || !isOpen(a)) return undefined;
        const type = bundle.case.classification?.type;
        const based = policy && type ? { ...a, workingDays: targetWorkingDays(policy, type) } : a;
        const next = withDeadlines(based, await calendarById(deps, a.calendarId));
        const dueMoved = TARGETS.some((t) => next.due[t] !== a.due[t]);
        if (!dueMoved && !policy) return undefined;
        const now = deps.clock();
        const change = await assignmentChange(
          deps,
          bundle,
          a,
          { ...next, updatedAt: now.toISOString() },
          now,
          true,
        );
        await deps.store.commit({
          ...change.change,
          events: [
            event(a.caseId, now, 'deadlines_recomputed', p, a.agencyId, {
              ...why,
              before: a.due,
              after: next.due,
            }),
            ...change.events(p),
          ],
        });
        return { rearm: change.rearm, dueMoved };
      });
      if (result?.dueMoved) moved += 1;
      const rearm: LadderRecord | undefined = result?.rearm;
      if (rearm) await armLadders(deps, [rearm]);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return moved;
}
