/**
 * Re-arming one open assignment after a calendar or policy edit, or its agency's time zone
 * corrected: its deadlines recomputed from the settings as they are now (in the agency's zone as
 * it is now, for the latter), its ladder re-armed. Idempotent: an assignment already current
 * (same zone, same deadlines, same working days, same flags, its ladder planned under the
 * policy's version) is left alone, so a batch retried or a job run twice changes nothing twice.
 */
import { type AssignmentRecord, isOpen, withDeadlines } from '../assignment.ts';
import { mapTargets, type TargetMap } from '../assignment-fields.ts';
import { entriesOn, hasEndedPauses, withPauseDays } from '../assignment-clock.ts';
import { TARGETS, targetWorkingDays } from '../policy.ts';
import type { AssignmentKey, RearmJobRecord } from '../rearm-job.ts';
import { inScope } from '../rearm-job.ts';
import {
  armLadders,
  assignmentChange,
  calendarById,
  event,
  ladderOf,
  policyById,
  retryOnConflict,
  type ServiceDeps,
} from './kernel/index.ts';

/** `moved`: its deadlines moved; `rearmed`: only its ladder or flags; `current`; `gone`. */
export type RearmOutcome = 'moved' | 'rearmed' | 'current' | 'gone';

export async function rearmAssignment(
  deps: ServiceDeps,
  job: Pick<RearmJobRecord, 'id' | 'scope' | 'reason' | 'requestedBy'>,
  ref: AssignmentKey,
): Promise<RearmOutcome> {
  const p = job.requestedBy;
  const result = await retryOnConflict(async () => {
    const bundle = await deps.store.getCase(ref.caseId);
    const a = bundle?.assignments.find((x) => x.agencyId === ref.agencyId);
    // Closed, redirected or moved to another setting since the listing: not this job's.
    if (!bundle || !a || !isOpen(a) || !inScope(job.scope)(a)) return { outcome: 'gone' as const };
    // The settings are read after the assignment: a write that put it under newer settings
    // happened after they were saved, so these reads see them too (and a write racing this
    // one loses its version check and is read again). Their version, read consistently, tells
    // whether what this process kept is that fresh: a chunk reads the calendar once, not twice
    // per assignment (a Query of every page of it).
    // An agency's scope: its zone as saved, in the same consistent read as the version.
    const { agencies, settingsVersion: at } = await deps.store.getAgenciesAndSettingsVersion(
      job.scope.kind === 'agency' ? [a.agencyId] : [],
    );
    const timeZone = agencies[0]?.timeZone ?? a.timeZone;
    const policy = job.scope.kind === 'policy' ? await policyById(deps, a.policyId, at) : undefined;
    const type = bundle.case.classification?.type;
    const based = {
      // The policy's days for the targets still owed: a met one keeps those it was met under.
      ...(policy && type ? { ...a, workingDays: owedDays(a, targetWorkingDays(policy, type)) } : a),
      timeZone,
    };
    const calendar = await calendarById(deps, a.calendarId, at);
    // Its ended pauses counted again on the calendar, in its zone: a day off inside one moves
    // nothing.
    const counted = hasEndedPauses(a)
      ? withPauseDays(
          based,
          entriesOn(
            await deps.store.listClockEntries(a.caseId, a.agencyId, a.generation),
            calendar,
            timeZone,
          ),
        )
      : based;
    const next = withDeadlines(counted, calendar);
    const ladder = ladderOf(bundle, a.agencyId);
    const dueMoved = TARGETS.some((t) => next.due[t] !== a.due[t]);
    const changed =
      dueMoved ||
      next.timeZone !== a.timeZone ||
      TARGETS.some((t) => next.workingDays[t] !== a.workingDays[t]) ||
      TARGETS.some((t) => next.added?.pause[t] !== a.added?.pause[t]) ||
      warningsOf(next) !== warningsOf(a) ||
      // A policy's steps may have changed with nothing else: the timer is planned again.
      (policy !== undefined &&
        ladder?.generation === a.generation &&
        ladder.policyVersion !== policy.version);
    const now = deps.clock();
    if (!changed) {
      // Re-armed by an earlier attempt whose start did not get through: start it (a start
      // names its execution after the token, so one already running is not started twice).
      const due = ladder?.wakeAt && Date.parse(ladder.wakeAt) <= now.getTime();
      return { outcome: 'current' as const, rearm: due && ladder ? ladder : undefined };
    }
    const change = await assignmentChange(
      deps,
      bundle,
      a,
      { ...next, updatedAt: now.toISOString() },
      now,
      true,
      at,
    );
    await deps.store.commit({
      ...change.change,
      events: [
        event(a.caseId, now, 'deadlines_recomputed', p, a.agencyId, {
          ...job.reason,
          jobId: job.id,
          before: a.due,
          after: next.due,
          ...(next.timeZone !== a.timeZone ? { timeZoneBefore: a.timeZone } : {}),
        }),
        ...change.events(p),
      ],
    });
    return { outcome: dueMoved ? ('moved' as const) : ('rearmed' as const), rearm: change.rearm };
  });
  if ('rearm' in result && result.rearm) await armLadders(deps, [result.rearm]);
  return result.outcome;
}

/**
 * Its calendar warnings compared by value: read back from the table a warning's keys come in
 * another order than computed, so comparing them as JSON found every flagged assignment
 * changed, and each calendar edit wrote "deadlines recomputed" on it and re-armed its ladder.
 */
const warningsOf = (a: Pick<AssignmentRecord, 'calendarWarnings'>): string =>
  a.calendarWarnings.map((w) => `${w.target} ${w.year} ${w.message}`).join('\n');

/** The policy's `days` for the targets `a` still owes; its own for those it met. */
const owedDays = (a: AssignmentRecord, days: TargetMap<number>): TargetMap<number> =>
  mapTargets((t) => (a.met[t] === null ? days[t] : a.workingDays[t]));
