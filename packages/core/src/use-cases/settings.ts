/**
 * Settings: holiday calendars and SLA policies. An edit is saved and answered at once; the
 * open deadlines it touches move, and their ladders re-arm, in a job it starts (rearm-jobs.ts).
 */
import type { CalendarDay } from '../calendar.ts';
import { DomainError, invalidInput, notFound, savedSince } from '../errors.ts';
import type { SlaPolicy } from '../policy.ts';
import { CALENDAR_DAY_TWICE, type PolicyInput } from '../schemas.ts';
import { WriteConflict } from '../ports.ts';
import type { Principal } from '../tenancy.ts';
import {
  ADMIN_ROLES,
  requireRole,
  retryOnConflict,
  savedAlready,
  type ServiceDeps,
  settingsVersion,
} from './kernel/index.ts';
import { jobOfSavedEdit, newRearmJob, startJob, unfinishedJob } from './rearm-jobs.ts';

const calendarScope = (calendarId: string) => ({ kind: 'calendar' as const, calendarId });

/** The job a calendar edit records with itself, then starts (it moves what the edit touches). */
const calendarJob = (
  deps: ServiceDeps,
  p: Principal,
  calendarId: string,
  reason: Record<string, string | number>,
) => newRearmJob(deps, p, calendarScope(calendarId), { calendarId, ...reason });

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

/**
 * Adds or changes a holiday; a job moves every open deadline it touches and re-arms its ladder.
 * `createOnly` (the API's `If-None-Match: *`): only adds it; a day already there, another
 * admin's added since the console read the calendar, is `precondition_failed` and nothing is
 * written (checked in the write, so two admins adding one date at once cannot both succeed).
 */
export async function putCalendarDay(
  deps: ServiceDeps,
  p: Principal,
  calendarId: string,
  day: CalendarDay,
  { createOnly = false }: { readonly createOnly?: boolean } = {},
) {
  requireRole(p, ADMIN_ROLES);
  if (!(await deps.store.getCalendar(calendarId))) throw notFound(`calendar ${calendarId}`);
  const job = calendarJob(deps, p, calendarId, { date: day.date });
  try {
    await deps.store.putCalendarDay(calendarId, day, job, createOnly);
  } catch (error) {
    if (createOnly && error instanceof WriteConflict && error.kind === 'exists')
      throw new DomainError(
        'precondition_failed',
        `day ${day.date} of calendar ${calendarId} exists already (If-None-Match: *): nothing was written`,
        { cause: error },
      );
    throw error;
  }
  return { date: day.date, job: await startJob(deps, p, job) };
}

/**
 * Adds or changes several days in one edit (a year's decree entered at once): all of them or
 * none, in one write with one job, so the open deadlines they touch move once, not once a day.
 * A day listed twice is refused (the API's schema refuses it first).
 */
export async function putCalendarDays(
  deps: ServiceDeps,
  p: Principal,
  calendarId: string,
  days: readonly CalendarDay[],
) {
  requireRole(p, ADMIN_ROLES);
  const twice = days.findIndex((d, i) => days.findIndex((o) => o.date === d.date) !== i);
  if (twice >= 0) throw invalidInput(`days.${twice}.date`, CALENDAR_DAY_TWICE);
  if (!(await deps.store.getCalendar(calendarId))) throw notFound(`calendar ${calendarId}`);
  const dates = days.map((d) => d.date).sort();
  const job = calendarJob(deps, p, calendarId, {
    from: dates[0] ?? '',
    to: dates.at(-1) ?? '',
    days: dates.length,
  });
  await deps.store.putCalendarDays(calendarId, days, job);
  return { dates, job: await startJob(deps, p, job) };
}

/**
 * Removes a holiday, as `putCalendarDay`. A day already gone is a 404, unless its removal's job
 * is the calendar's latest and still under way: a DELETE sent again after its answer was lost
 * (the runner was unreachable, so its job was recorded but perhaps never started) is answered
 * that job, started.
 */
export async function deleteCalendarDay(
  deps: ServiceDeps,
  p: Principal,
  calendarId: string,
  date: string,
) {
  requireRole(p, ADMIN_ROLES);
  const job = calendarJob(deps, p, calendarId, { date });
  if (await deps.store.deleteCalendarDay(calendarId, date, job))
    return { date, job: await startJob(deps, p, job) };
  // Only the removal's own job: a day never there, while another edit's job runs, is a 404.
  const pending = await unfinishedJob(deps, calendarScope(calendarId));
  if (!pending || pending.reason.date !== date)
    throw notFound(`day ${date} of calendar ${calendarId}`);
  return { date, job: await startJob(deps, p, pending) };
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
  const job = calendarJob(deps, p, calendarId, { year });
  await deps.store.putCalendarYear(calendarId, year, job);
  return { date: `${year}`, job: await startJob(deps, p, job) };
}

export const listPolicies = (deps: ServiceDeps): Promise<SlaPolicy[]> => deps.store.listPolicies();

export async function getPolicy(deps: ServiceDeps, id: string): Promise<SlaPolicy> {
  const policy = await deps.store.getPolicy(id);
  if (!policy) throw notFound(`policy ${id}`);
  return policy;
}

/**
 * Replaces a policy; a job gives the open assignments under it the new targets and ladders,
 * recorded with the policy (never saved without it) and started once saved. The same save sent
 * again on its version, after its answer was lost or was a 503 (the job's start throttled),
 * finds it saved: answered with the policy and its job, started (`jobOfSavedEdit`).
 */
export async function putPolicy(deps: ServiceDeps, p: Principal, id: string, input: PolicyInput) {
  requireRole(p, ADMIN_ROLES);
  const { version: seen, ...fields } = input;
  const scope = { kind: 'policy' as const, policyId: id };
  const reason = (policy: SlaPolicy) => ({ policyId: id, policyVersion: policy.version });
  // Made on the version the admin loaded: another admin's save since is refused, not reverted
  // (nor a policy that does not exist yet: there was no such version). Without it the last save
  // wins, the first save of a new policy too ('exists': another admin's landed).
  const saved = await retryOnConflict(async () => {
    const current = await deps.store.getPolicy(id, await settingsVersion(deps));
    const next: SlaPolicy = {
      ...fields,
      id,
      version: (current?.version ?? 0) + 1,
      updatedAt: deps.clock().toISOString(),
    };
    const again = savedAlready(current, seen, next);
    if (again) return { policy: again, job: undefined };
    if (seen !== undefined && current?.version !== seen)
      throw current
        ? savedSince(`policy ${id}`, seen, current.version)
        : new DomainError(
            'version_conflict',
            `policy ${id} does not exist (no version ${seen}): read the policies again`,
          );
    if (!(await deps.store.getCalendar(input.calendarId)))
      throw invalidInput('calendarId', 'unknown calendar');
    const job = newRearmJob(deps, p, scope, reason(next));
    await deps.store.putPolicy(next, current ? current.version : null, job);
    return { policy: next, job };
  }, ['version', 'exists']);
  const job = saved.job
    ? await startJob(deps, p, saved.job)
    : await jobOfSavedEdit(deps, p, scope, reason(saved.policy));
  return { policy: saved.policy, job };
}
