/** Assignments, read: one assignment, an agency's queue, central's worklist, the deadlines. */
import {
  type AssignmentRecord,
  clockFrom,
  ENDED_STATES,
  isOpen,
  isTargetOverdue,
  nextDueAt,
  totalWorkingDays,
  viewAssignment,
} from '../assignment.ts';
import { clockHistory, entriesOn } from '../assignment-clock.ts';
import {
  addWorkingDays,
  type Calendar,
  type TimeZone,
  computeDeadline,
  DEFAULT_TIME_ZONE,
  localDate,
  shiftWorkingDays,
  startOfLocalDay,
  TIME_ZONE_LABELS,
  workingDaysBetween,
} from '../calendar.ts';
import { caseNoticeFor } from '../case-view.ts';
import { chainedPage, mapPage } from '../desk.ts';
import { DomainError, invalidInput } from '../errors.ts';
import { type LadderLetter, ladderState, letterDateOf, projectLadder } from '../ladder/index.ts';
import { workingDaysLate } from '../letters.ts';
import {
  isLadderLetter,
  type LadderRecord,
  letterFailureOf,
  letterRefusedOf,
  letterSendsAt,
  type NotificationRecord,
} from '../notification.ts';
import { type SlaPolicy, type Target, TARGETS } from '../policy.ts';
import type { Page, PageRequest } from '../ports.ts';
import {
  type AssignmentView,
  type DeadlinesView,
  NO_MEMBER_UNIT,
  NOT_A_MEMBER_UNIT,
  type QueueFilter,
  type WorklistFilter,
} from '../schemas.ts';
import type { Principal, Reader } from '../tenancy.ts';
import {
  AGENCY_ROLES,
  calendarById,
  calendarsOf,
  CENTRAL_ROLES,
  defaultPolicy,
  focalPointOf,
  ladderOf,
  policyById,
  readableAssignment,
  requireRole,
  type ServiceDeps,
} from './kernel/index.ts';

export async function getAssignment(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
): Promise<AssignmentView> {
  const { bundle, assignment, reader } = await readableAssignment(deps, p, caseId, agencyId);
  return viewAssignment(assignment, deps.clock(), reader, ladderOf(bundle, agencyId));
}

/** An agency's queue (`scope=members` adds a focal point's member units), soonest deadline first. */
export async function queue(
  deps: ServiceDeps,
  p: Principal,
  filter: QueueFilter,
): Promise<Page<AssignmentView>> {
  requireRole(p, AGENCY_ROLES);
  const agencies = [p.agency as string];
  if (filter.scope === 'members') {
    if (p.role !== 'agency_coordinator')
      throw new DomainError('forbidden', 'only a coordinator sees member units’ queues');
    agencies.push(...(await deps.store.listMemberUnits(p.agency)).map((a) => a.id));
  }
  const delegatedTo = await holderOf(deps, p, filter);
  const now = deps.clock();
  // Assignments a focal point delegated to this unit come along (a focal point's own
  // delegated ones are already in its own queue).
  const list = (state: QueueFilter['state']) => (request: PageRequest) =>
    deps.store.listQueue(
      agencies,
      {
        state,
        overdue: filter.target ? true : filter.overdue,
        target: filter.target,
        forwardedSince: filter.forwardedSince ? new Date(filter.forwardedSince) : undefined,
        reader: p.agency,
        delegatedTo,
        now,
      },
      request,
      // A focal point's own, by who holds them: none of those delegated to it (it has none).
      delegatedTo === undefined ? [p.agency] : [],
    );
  // "All" with the ended ones: the open first (soonest deadline), then those that ended.
  const page =
    filter.ended && !filter.state
      ? await chainedPage([list(undefined), ...ENDED_STATES.map(list)], filter)
      : await list(filter.state)(filter);
  const rows = await stillDelegated(deps, p, page, agencies);
  // Each row says how its case ended or went on (`caseNoticeFor`), and its agenda number (a row
  // named as the case is, by an officer told which could not be acknowledged): its case read
  // with the ladders, in the same batch read.
  // The calendars its rows count on come from the settings cache: no read per row (nor, warm,
  // any), and a cold one alongside the batch read.
  const [{ ladders, cases }, calendars] = await Promise.all([
    deps.store.getLaddersAndCases(rows.items),
    calendarsOf(deps, rows.items),
  ]);
  const reader: Reader = { central: false, agencies: new Set(agencies) };
  return mapPage(rows, (a) => {
    const c = cases.find((x) => x.id === a.caseId);
    return {
      ...viewAssignment(a, now, reader, ladderFor(ladders, a)),
      ...nextDueWorkingDays(a, calendars.get(a.calendarId)!, now),
      agendaNumber: c?.agendaNumber ?? null,
      caseNotice: c ? caseNoticeFor(c, a) : null,
    };
  });
}

/**
 * The member unit the coordinator's queue is filtered by (`delegatedTo`; null: none), checked:
 * only a focal point's coordinator delegates, so only it may ask, of its own queue, naming a
 * unit that is its member now (one the admin moved away holds nothing of its cases any more).
 */
async function holderOf(
  deps: ServiceDeps,
  p: Principal,
  filter: QueueFilter,
): Promise<string | null | undefined> {
  const asked = filter.delegatedTo;
  if (asked === undefined) return undefined;
  if (p.role !== 'agency_coordinator')
    throw new DomainError('forbidden', 'only a coordinator lists the queue by member unit');
  if (filter.scope === 'members')
    throw invalidInput(
      'delegatedTo',
      'member units’ own assignments are delegated by no one: list the own queue',
    );
  const members = await deps.store.listMemberUnits(p.agency);
  if (members.length === 0)
    throw invalidInput(
      'delegatedTo',
      'only a focal point with member units delegates its assignments',
    );
  if (asked === NO_MEMBER_UNIT) return null;
  if (!members.some((m) => m.id === asked)) throw invalidInput('delegatedTo', NOT_A_MEMBER_UNIT);
  return asked;
}

/**
 * A delegation counts while the unit is its focal point's member (as `readableCase` has it):
 * a unit just moved out lists none of its former focal point's assignments, though the job
 * that gives them back has not reached them yet (the page may come out short meanwhile).
 */
async function stillDelegated(
  deps: ServiceDeps,
  p: Principal,
  page: Page<AssignmentRecord>,
  agencies: readonly string[],
): Promise<Page<AssignmentRecord>> {
  const delegated = page.items.filter((a) => !agencies.includes(a.agencyId));
  if (delegated.length === 0) return page;
  const focalPointId = await focalPointOf(deps, p);
  const kept = page.items.filter(
    (a) => agencies.includes(a.agencyId) || a.agencyId === focalPointId,
  );
  return kept.length === page.items.length ? page : { ...page, items: kept };
}

/** Reads one page of the monitoring worklist may take to fill (each a query and a batch read). */
const MONITORING_READS_PER_PAGE = 10;

/** Central's cross-agency worklist. */
export async function worklist(
  deps: ServiceDeps,
  p: Principal,
  filter: WorklistFilter,
): Promise<Page<AssignmentView>> {
  requireRole(p, CENTRAL_ROLES);
  const now = deps.clock();
  const calendar =
    filter.dueWithin !== undefined || filter.newlyOverdue
      ? await calendarById(deps, (await defaultPolicy(deps)).calendarId)
      : undefined;
  const dueBefore =
    calendar && filter.dueWithin !== undefined
      ? computeDeadline(calendar, now, filter.dueWithin, DEFAULT_TIME_ZONE).dueAt
      : undefined;
  // "Newly overdue" by the API's own clock (the manual one, embedded), never the caller's:
  // what went overdue since the previous working day began (WIB). Deadlines end at the end of
  // a working day, so on a Monday that is Friday's, after a holiday the last working day's.
  const overdueSince =
    calendar && filter.newlyOverdue
      ? startOfLocalDay(
          shiftWorkingDays(calendar, localDate(now, DEFAULT_TIME_ZONE), -1),
          DEFAULT_TIME_ZONE,
        )
      : filter.newlyOverdueSince
        ? new Date(filter.newlyOverdueSince)
        : undefined;
  const query = {
    state: filter.awaitingReforward ? ('redirected' as const) : filter.state,
    // "Due within n working days" is what is not overdue yet: the overdue have their own list.
    overdue:
      filter.target || overdueSince
        ? true
        : filter.dueWithin !== undefined
          ? (filter.overdue ?? false)
          : filter.overdue,
    target: filter.target,
    dueBefore,
    overdueSince,
    complaintType: filter.type,
    awaitingReforward: filter.awaitingReforward,
    now,
  };
  const read = (request: PageRequest) =>
    filter.agencyId
      ? deps.store.listQueue([filter.agencyId], query, request)
      : deps.store.listWorklist(query, request);
  const monitoring = filter.monitoring;
  if (monitoring === undefined)
    return assignmentPage(deps, await read(filter), now, { central: true });
  // Under monitoring lives on the ladder, read with the page: filtered here, and counted here
  // too (the store's count is of the unfiltered list).
  const { total, ...request } = filter;
  const kept = async (r: PageRequest) => {
    const views = await assignmentPage(deps, await read(r), now, { central: true });
    return { ...views, items: views.items.filter((a) => a.monitoring === monitoring) };
  };
  // A page is filled by reading on, each read asking only for what the page still lacks (so
  // none reads past where the next page starts), up to a few reads: an empty page with more to
  // come was "load more" under nothing. Past them the page is short, its cursor goes on.
  const items: AssignmentView[] = [];
  let page: Page<AssignmentView> = { items, nextCursor: request.cursor ?? null };
  for (let reads = 0; reads < MONITORING_READS_PER_PAGE; reads++) {
    const lacking = request.limit - items.length;
    page = await kept({ limit: lacking, ...(page.nextCursor ? { cursor: page.nextCursor } : {}) });
    items.push(...page.items);
    if (items.length === request.limit || page.nextCursor === null) break;
  }
  page = { ...page, items };
  if (!total) return page;
  let count = 0;
  let cursor: string | undefined;
  do {
    const next = await kept({ limit: 100, ...(cursor ? { cursor } : {}) });
    count += next.items.length;
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
  return { ...page, total: count };
}

/**
 * A page of assignments with their ladders' rungs and their cases' agenda numbers (one batch
 * read: a row named by its subject alone was two alike for two cases of one subject), and how
 * far each one's next deadline is (its calendar from the settings cache).
 */
async function assignmentPage(
  deps: ServiceDeps,
  page: Page<AssignmentRecord>,
  now: Date,
  reader: Reader,
): Promise<Page<AssignmentView>> {
  const [{ ladders, cases }, calendars] = await Promise.all([
    deps.store.getLaddersAndCases(page.items),
    calendarsOf(deps, page.items),
  ]);
  return mapPage(page, (a) => ({
    ...viewAssignment(a, now, reader, ladderFor(ladders, a)),
    ...nextDueWorkingDays(a, calendars.get(a.calendarId)!, now),
    agendaNumber: cases.find((c) => c.id === a.caseId)?.agendaNumber ?? null,
  }));
}

/**
 * How far one target's deadline is at `now`, in working days of the assignment's calendar in
 * its zone: left after today while it runs (0 on its last working day; not while the clock is
 * paused, when its date is not the deadline), or late by, once passed, as its letters say it.
 * Neither once met, nor once the assignment has ended.
 */
function workingDaysTo(
  a: AssignmentRecord,
  target: Target,
  calendar: Calendar,
  now: Date,
): { workingDaysLeft: number | null; workingDaysLate: number | null } {
  if (!isOpen(a) || a.met[target] !== null || a.paused)
    return { workingDaysLeft: null, workingDaysLate: null };
  const { left, late } = dueDistance(calendar, a.due[target], now, a.timeZone);
  return { workingDaysLeft: left, workingDaysLate: late };
}

/**
 * How far an assignment's next deadline (`nextDueAt`) is at `now`, for a list's row (which
 * carries no `skipped` days to count by), as `workingDaysTo` counts a target's. Neither while
 * paused or once nothing is due.
 */
function nextDueWorkingDays(
  a: AssignmentRecord,
  calendar: Calendar,
  now: Date,
): { nextDueWorkingDaysLeft: number | null; nextDueWorkingDaysLate: number | null } {
  const due = nextDueAt(a);
  if (due === null) return { nextDueWorkingDaysLeft: null, nextDueWorkingDaysLate: null };
  const { left, late } = dueDistance(calendar, due, now, a.timeZone);
  return { nextDueWorkingDaysLeft: left, nextDueWorkingDaysLate: late };
}

/**
 * A deadline `due` at `now`, in working days of `calendar` in `tz`: left after today while it
 * runs (0 on its last working day), or, once passed (as `isTargetOverdue` has it), late by as
 * its letters say it (`workingDaysLate`).
 */
function dueDistance(
  calendar: Calendar,
  due: string,
  now: Date,
  tz: TimeZone,
): { left: number | null; late: number | null } {
  if (Date.parse(due) < now.getTime())
    return { left: null, late: workingDaysLate(calendar, due, now, tz) };
  return { left: workingDaysBetween(calendar, now, new Date(due), tz), late: null };
}

/** The ladder of assignment `a` among those read. */
const ladderFor = <L extends Pick<LadderRecord, 'caseId' | 'agencyId'>>(
  ladders: readonly L[],
  a: AssignmentRecord,
) => ladders.find((l) => l.caseId === a.caseId && l.agencyId === a.agencyId);

/**
 * How each deadline of an assignment was computed (start, working days, zone, the holidays
 * skipped and why) and the ladder steps taken and still to come.
 */
export async function deadlines(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
): Promise<DeadlinesView> {
  const { bundle, assignment: a } = await readableAssignment(deps, p, caseId, agencyId);
  const policy = await policyById(deps, a.policyId);
  const calendar = await calendarById(deps, a.calendarId);
  // Pauses as the calendar counts them, as the deadlines were (a day off added inside one).
  const history = clockHistory(
    a,
    entriesOn(
      await deps.store.listClockEntries(caseId, agencyId, a.generation),
      calendar,
      a.timeZone,
    ),
  );
  const now = deps.clock();
  const countedFrom = localDate(new Date(clockFrom(a)), a.timeZone);
  const ladder = ladderOf(bundle, agencyId);
  const toCome =
    ladder && ladder.generation === a.generation
      ? projectLadder(ladderState(ladder, { assignment: a, steps: policy.ladder, calendar }), {
          assignment: a,
          steps: policy.ladder,
          calendar,
          now,
        })
      : [];
  const taken = await lettersOf(deps, caseId, agencyId, a.generation);
  // A step to come is written at its instant (most at 00:00) and goes in letter hours: the day
  // it will bear, not "00.00", is when the agency receives it.
  const view = (e: LadderLetter) => ({
    id: e.id,
    step: e.step,
    action: e.action,
    at: e.at,
    datedOn: letterDateOf(calendar, a.timeZone, new Date(e.at)),
    targets: [...e.targets],
    level: e.level,
    letter: null,
  });
  return {
    caseId,
    agencyId,
    generation: a.generation,
    forwardedAt: a.forwardedAt,
    timeZone: a.timeZone,
    timeZoneLabel: TIME_ZONE_LABELS[a.timeZone],
    calendarId: a.calendarId,
    policyId: a.policyId,
    targets: TARGETS.map((target) => {
      const total = totalWorkingDays(a, target);
      const span = addWorkingDays(calendar, countedFrom, total);
      return {
        target,
        workingDays: total,
        policyWorkingDays: a.workingDays[target],
        adjustments: history.adjustments
          .filter((adj) => adj.targets.includes(target))
          .map((adj) => ({
            kind: adj.kind,
            workingDays: adj.workingDays,
            at: adj.at,
            reason: adj.reason,
          })),
        countedFrom,
        lastWorkingDay: span.end,
        due: a.due[target],
        met: a.met[target],
        overdue: isTargetOverdue(a, target, now),
        ...workingDaysTo(a, target, calendar, now),
        skipped: span.skipped.map((d) => ({ ...d })),
        uncoveredYears: [...span.uncoveredYears],
        pausedIntervals: history.pauses.map((x) => ({
          from: x.from,
          to: x.to,
          reason: x.reason,
        })),
      };
    }),
    ladder: {
      taken: taken.map((n) => ({
        id: n.stepId,
        step: n.step,
        action: n.action,
        at: n.createdAt,
        datedOn: n.datedOn ?? null,
        targets: [...n.targets],
        level: n.episode === null || n.episode === undefined ? 0 : levelOf(policy, n.step),
        // Taken by the ladder, but a letter that failed reached no one: said with the step, where
        // central looks before escalating further.
        letter: {
          status: n.status,
          failure: letterFailureOf(n),
          refused: letterRefusedOf(n),
          sendsAt: letterSendsAt(n),
          handled: n.handled !== undefined,
          cancelled: n.cancelled?.reason ?? null,
          refusedAddresses: (n.refusedAddresses ?? []).map((r) => r.address),
        },
      })),
      toCome: toCome.map(view),
    },
  };
}

/** The letters the ladder wrote for one generation of an assignment, oldest first (every page). */
async function lettersOf(deps: ServiceDeps, caseId: string, agencyId: string, generation: number) {
  const out: NotificationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listNotifications({ caseId }, { limit: 100, cursor });
    out.push(
      ...page.items.filter(
        // A forwarding letter (issue 15) or an invitation is not a ladder step.
        (n) => n.agencyId === agencyId && n.generation === generation && isLadderLetter(n),
      ),
    );
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** A rung's position in the policy's ladder (1 = the first rung). */
const levelOf = (policy: SlaPolicy, step: string) =>
  policy.ladder.filter((s) => s.action !== 'warning').findIndex((s) => s.name === step) + 1;
