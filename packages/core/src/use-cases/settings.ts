/**
 * Settings: holiday calendars and SLA policies. An edit is saved and answered at once; the
 * open deadlines it touches move, and their ladders re-arm, in a job it starts (rearm-jobs.ts).
 */
import { type CalendarDay, dayVersion } from '../calendar.ts';
import { DomainError, type FieldIssue, invalidInput, notFound, savedSince } from '../errors.ts';
import type { SlaPolicy } from '../policy.ts';
import { CALENDAR_DAY_TWICE, type PolicyInput, SAVED_STEP_KEEPS_ACTION } from '../schemas.ts';
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
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => ({ ...d, version: dayVersion(d) }));
  return { id: calendarId, years: [...stored.years].sort(), items };
}

/**
 * A day as an admin sends it: `version`, the day's version the edit was made on (0: the
 * calendar did not have it), if given.
 */
export interface CalendarDayEdit extends CalendarDay {
  readonly version?: number;
}

/**
 * Adds or changes a holiday; a job moves every open deadline it touches and re-arms its ladder.
 * With `version` (the day's as the admin's page read it; 0: it had none) the edit is made on
 * that day only: saved since by another admin (or added, for 0), `version_conflict` naming
 * `version`, and nothing is written. `createOnly` (the API's `If-None-Match: *`): only adds
 * it; a day already there, another admin's added since the console read the calendar, is
 * `precondition_failed` and nothing is written. Both are checked in the write, so of two
 * admins saving one day at once on the same version the second is refused.
 */
export async function putCalendarDay(
  deps: ServiceDeps,
  p: Principal,
  calendarId: string,
  day: CalendarDayEdit,
  { createOnly = false }: { readonly createOnly?: boolean } = {},
) {
  requireRole(p, ADMIN_ROLES);
  if (createOnly && day.version !== undefined && day.version !== 0)
    throw invalidInput('version', 'with If-None-Match: * the day is added only: 0 or none');
  const job = await saveCalendarDays(deps, p, calendarId, [day], {
    reason: { date: day.date },
    field: () => 'version',
    createOnly,
  });
  return { date: day.date, job };
}

/**
 * Adds or changes several days in one edit (a year's decree entered at once): all of them or
 * none, in one write with one job, so the open deadlines they touch move once, not once a day.
 * A day listed twice is refused (the API's schema refuses it first). Each day may carry its
 * `version`, as `putCalendarDay`'s: one another admin saved since is `version_conflict` naming
 * its entry (`days.3.version`), and none of the list is written.
 */
export async function putCalendarDays(
  deps: ServiceDeps,
  p: Principal,
  calendarId: string,
  days: readonly CalendarDayEdit[],
) {
  requireRole(p, ADMIN_ROLES);
  const twice = days.findIndex((d, i) => days.findIndex((o) => o.date === d.date) !== i);
  if (twice >= 0) throw invalidInput(`days.${twice}.date`, CALENDAR_DAY_TWICE);
  const dates = days.map((d) => d.date).sort();
  const job = await saveCalendarDays(deps, p, calendarId, days, {
    reason: { from: dates[0] ?? '', to: dates.at(-1) ?? '', days: dates.length },
    field: (i) => `days.${i}.version`,
  });
  return { dates, job };
}

/**
 * Writes days on the calendar as read now, each at one version on (1: a new day), checked in
 * the write against that read: a day saved between the read and the write (another admin's)
 * loses the write, and the days are read again and checked again, so that a day sent with its
 * `version` is then refused, one sent without replaces theirs. Answers the job, started; the
 * same edit sent again after its answer was lost (each day as it wrote it, at one version on
 * from the one sent) is answered its job, as a policy's is (`jobOfSavedEdit`).
 */
async function saveCalendarDays(
  deps: ServiceDeps,
  p: Principal,
  calendarId: string,
  days: readonly CalendarDayEdit[],
  edit: {
    readonly reason: Record<string, string | number>;
    /** The field a day's stale `version` is named by (its entry's in a list). */
    readonly field: (index: number) => string;
    readonly createOnly?: boolean;
  },
) {
  const job = await retryOnConflict(async () => {
    const stored = await deps.store.getCalendar(calendarId, await settingsVersion(deps));
    if (!stored) throw notFound(`calendar ${calendarId}`);
    const held = new Map(stored.days.map((d) => [d.date, dayVersion(d)]));
    // This very edit, sent again after its answer was lost: every day is as it wrote it, one
    // version on from the one it was made on. Answered saved (with its job), not refused as
    // another admin's change.
    const byDate = new Map(stored.days.map((d) => [d.date, d]));
    const savedAlready = days.every((d) => {
      const now = byDate.get(d.date);
      return (
        d.version !== undefined &&
        now !== undefined &&
        dayVersion(now) === d.version + 1 &&
        now.kind === d.kind &&
        now.name === d.name
      );
    });
    if (savedAlready) return undefined;
    if (edit.createOnly && days.some((d) => held.has(d.date)))
      throw new DomainError(
        'precondition_failed',
        `day ${days[0]?.date} of calendar ${calendarId} exists already (If-None-Match: *): nothing was written`,
      );
    const stale: FieldIssue[] = days.flatMap((d, i) => {
      const now = held.get(d.date) ?? 0;
      if (d.version === undefined || d.version === now) return [];
      const message =
        now === 0
          ? `the day is not in the calendar (not version ${d.version}): read it again`
          : d.version === 0
            ? `the day is in the calendar already, at version ${now}: read it again`
            : `the day was saved since version ${d.version} (now ${now}): read it again`;
      return [{ path: edit.field(i), message }];
    });
    if (stale.length > 0)
      throw new DomainError(
        'version_conflict',
        `${stale.map((s) => `${s.path}: ${s.message}`).join('; ')} (calendar ${calendarId}): nothing was written`,
        { errors: stale },
      );
    const job = calendarJob(deps, p, calendarId, edit.reason);
    await deps.store.putCalendarDays(
      calendarId,
      days.map((d) => ({
        date: d.date,
        kind: d.kind,
        name: d.name,
        version: (held.get(d.date) ?? 0) + 1,
      })),
      job,
    );
    return job;
  }, ['version', 'exists']);
  const reason = { calendarId, ...edit.reason };
  return job ? startJob(deps, p, job) : jobOfSavedEdit(deps, p, calendarScope(calendarId), reason);
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
 * A saved step keeps what it does: the ladder writes each step once per episode by its name, so
 * a reminder turned into a warning under its name would not be sent where the reminder was,
 * and its letters would be listed as the reminder's. Removed and added anew, it is a step of
 * its own (a new name), sent in its turn.
 */
function assertStepsKeepActions(saved: SlaPolicy['ladder'], next: SlaPolicy['ladder']): void {
  next.forEach((step, i) => {
    const before = saved.find((s) => s.name === step.name);
    if (before && before.action !== step.action)
      throw invalidInput(`ladder.${i}.action`, SAVED_STEP_KEEPS_ACTION);
  });
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
    assertStepsKeepActions(current?.ladder ?? [], next.ladder);
    const job = newRearmJob(deps, p, scope, reason(next));
    await deps.store.putPolicy(next, current ? current.version : null, job);
    return { policy: next, job };
  }, ['version', 'exists']);
  const job = saved.job
    ? await startJob(deps, p, saved.job)
    : await jobOfSavedEdit(deps, p, scope, reason(saved.policy));
  return { policy: saved.policy, job };
}
