/** Cases: central registers, verifies, forwards and closes complaints (their timelines: timeline.ts). */
import {
  type AssignmentRecord,
  canForwardAgain,
  clockFrom,
  isOpen,
  newAssignment,
  settleRedirect,
  viewAssignment,
  withdraw,
} from '../assignment.ts';
import {
  type ActivityPut,
  calledOffByClose,
  holdersOf,
  invitationWrites,
  letterItems,
} from '../activity.ts';
import type { ClockEntry } from '../assignment-clock.ts';
import { mapPage } from '../desk.ts';
import {
  assertForwardable,
  awaitingReforward,
  type CaseRecord,
  close,
  closedAlready,
  markForwarded,
  reconcile,
  verifiedAlready,
  verify,
} from '../case.ts';
import { viewCase } from '../case-view.ts';
import { awaitsDecision } from '../extension.ts';
import { defaultVisibility } from '../documents/attachments.ts';
import { DomainError, invalidInput, savedSince } from '../errors.ts';
import { OUTCOME_LABELS } from '../labels.ts';
import { armLadder } from '../ladder/index.ts';
import { targetWorkingDays } from '../policy.ts';
import {
  type CaseBundle,
  type CaseLetter,
  MAX_COMMIT_ITEMS,
  type Page,
  type VersionedPut,
  WriteConflict,
} from '../ports.ts';
import type {
  AssignmentView,
  CaseListFilter,
  CaseView,
  CloseInput,
  CreateCaseInput,
  ForwardInput,
  VerificationInput,
} from '../schemas.ts';
import { type CounterUpdate, counterDeltas } from '../stats.ts';
import { CENTRAL_TENANT, type Principal } from '../tenancy.ts';
import { actorOf, type EventType, type TimelineEvent } from '../timeline.ts';
import {
  armLadders,
  calendarById,
  calendarsOf,
  CENTRAL_ROLES,
  commitSize,
  defaultPolicy,
  event,
  type Idempotency,
  idempotent,
  inParallel,
  inRuns,
  lapsedRequests,
  loadCase,
  put,
  readableCase,
  requireRole,
  retryOnConflict,
  type ServiceDeps,
  statusEvents,
  touchCase,
} from './kernel/index.ts';
import { pauseEnded } from './assignments.ts';
import { withCancellationLetters } from './invitation-letters.ts';
import { registerCase, verificationDeadline } from './registration.ts';

/** Central registers a complaint received by letter, e-mail, in person or from LAPOR!. */
export async function createCase(
  deps: ServiceDeps,
  p: Principal,
  input: CreateCaseInput,
  idem?: Idempotency,
): Promise<CaseView> {
  requireRole(p, CENTRAL_ROLES);
  return idempotent(deps, p.agency, idem, async (remember) => {
    let body: CaseView | undefined;
    await registerCase(deps, input, {
      actor: actorOf(p),
      remember: (c, now) => remember((body = viewCase(c, [], now, { central: true }))),
    });
    return body!;
  });
}

export async function listCases(
  deps: ServiceDeps,
  p: Principal,
  filter: CaseListFilter,
): Promise<Page<CaseView>> {
  requireRole(p, CENTRAL_ROLES);
  const now = deps.clock();
  const page = await deps.store.listCases(
    {
      status: filter.status,
      agencyId: filter.agencyId,
      overdue: filter.overdue === undefined ? undefined : { overdue: filter.overdue, now },
      order: filter.order,
    },
    filter,
  );
  // A list shows cases, not their assignment details: open the case for those.
  return mapPage(page, (c) => viewCase(c, [], now, { central: true }));
}

export async function getCase(deps: ServiceDeps, p: Principal, caseId: string): Promise<CaseView> {
  const { bundle, reader } = await readableCase(deps, p, caseId);
  return viewCase(
    bundle.case,
    bundle.assignments,
    deps.clock(),
    reader,
    bundle.ladders,
    bundle.activities,
    bundle.extensions,
    await askingCalendars(deps, bundle.assignments, bundle.extensions),
  );
}

/**
 * The calendars of the assignments with a request awaiting a decision: where approving each
 * would put its deadline (`proposedDueAt`). None read when nothing awaits.
 */
const askingCalendars = (
  deps: ServiceDeps,
  assignments: readonly AssignmentRecord[],
  extensions: CaseBundle['extensions'],
) =>
  calendarsOf(
    deps,
    assignments.filter((a) => extensions.some((x) => awaitsDecision(x, [a]))),
  );

/**
 * The case as central reads it after a change: its records as `bundle` holds them besides, and
 * what approving a request awaiting a decision would give, as the case read again says it.
 */
export const centralView = async (
  deps: ServiceDeps,
  c: CaseRecord,
  assignments: readonly AssignmentRecord[],
  bundle: CaseBundle,
  now: Date,
): Promise<CaseView> =>
  viewCase(
    c,
    assignments,
    now,
    { central: true },
    bundle.ladders,
    bundle.activities,
    bundle.extensions,
    await askingCalendars(deps, assignments, bundle.extensions),
  );

export async function verifyCase(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  input: VerificationInput,
): Promise<CaseView> {
  requireRole(p, CENTRAL_ROLES);
  return retryOnConflict(async () => {
    const bundle = await loadCase(deps, caseId);
    const now = deps.clock();
    if (verifiedAlready(bundle.case, input))
      return centralView(deps, bundle.case, bundle.assignments, bundle, now);
    // Decided on an older version (another officer asked the complainant, accepted or restated
    // since): refused, not taken over a decision the officer never saw.
    if (input.version !== undefined && input.version !== bundle.case.version)
      throw savedSince(`case ${caseId}`, input.version, bundle.case.version);
    // Accepted once the complainant sent what was asked: 3 working days to forward, from now.
    const restarted =
      bundle.case.status === 'needs_info' && input.decision === 'accept'
        ? await verificationDeadline(deps, now)
        : undefined;
    const { legalLimitCalendarDays } = await defaultPolicy(deps);
    const next = verify(bundle.case, input, now, {
      restartedDue: restarted,
      legalLimitDays: legalLimitCalendarDays,
    });
    const hiding = next.identityHidden && !bundle.case.identityHidden;
    const type: EventType =
      input.decision === 'accept'
        ? 'case_verified'
        : input.decision === 'reject'
          ? 'case_rejected'
          : 'case_needs_info';
    const change = {
      case: put(bundle.case, next),
      events: [
        event(caseId, now, type, p, null, {
          type: input.type ?? null,
          category: input.category ?? null,
          ...(input.decision === 'needs_info' ? { missing: input.missing ?? null } : {}),
          // What the complainant reads, and central's own note (an accepted case keeps it in
          // its classification).
          ...(input.decision === 'reject' ? { reason: input.reason ?? null } : {}),
          ...(input.decision !== 'accept' && input.note ? { note: input.note } : {}),
          ...(next.subject === bundle.case.subject
            ? {}
            : { subject: next.subject, previousSubject: bundle.case.subject }),
          ...(next.identityHidden === bundle.case.identityHidden
            ? {}
            : { identityHidden: next.identityHidden }),
          // That it was, not the text: the agencies read the timeline's case-level events.
          ...(next.agencyDescription === bundle.case.agencyDescription
            ? {}
            : { descriptionRestated: true }),
        }),
      ],
    };
    // The files that came with the complaint may show who complained: hiding the identity
    // keeps them with central, as a hidden-identity case's intake files are from the start.
    // What must agree (the case, its event and the search index's rewrite: at most 82 items,
    // a restatement moving every posting) goes in one transaction with as many of them as fit.
    // The rest go first, in transactions of their own: a file with central before the case
    // says so only has fewer readers (central may show it again by hand), and a verification
    // cut short after them moves, sent again, only the files still visible.
    const files = hiding ? await intakeFilesToCentral(deps, caseId, now) : [];
    const room = Math.max(0, MAX_COMMIT_ITEMS - commitSize(change));
    for (const run of inRuns(files.slice(room), MAX_COMMIT_ITEMS))
      await deps.store.commit({ attachments: run });
    await deps.store.commit({
      ...change,
      ...(files.length > 0 ? { attachments: files.slice(0, room) } : {}),
    });
    return centralView(deps, put(bundle.case, next).record, bundle.assignments, bundle, now);
  });
}

/** The case's own files the agencies would read, put with central (under their versions). */
async function intakeFilesToCentral(deps: ServiceDeps, caseId: string, now: Date) {
  const central = defaultVisibility('case', true);
  return (await deps.store.listAttachments(caseId))
    .filter((a) => a.attachedTo.kind === 'case' && a.visibility !== central)
    .map((a) => put(a, { ...a, visibility: central, updatedAt: now.toISOString() }));
}

export async function forward(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  input: ForwardInput,
  idem?: Idempotency,
): Promise<{ items: AssignmentView[] }> {
  requireRole(p, CENTRAL_ROLES);
  return idempotent(deps, p.agency, idem, (remember) =>
    retryOnConflict(async () => {
      // The case, the settings and the agencies do not depend on each other: read at once,
      // looked at in the order the checks go (a missing case is still a 404 first). The
      // agencies (their zones) and the settings' version in one consistent read, the policy and
      // the calendar as of that version (this process's copy when it kept one for it), and the
      // commit checks the version: an edit of either, or a zone corrected, landing meanwhile
      // (its re-arming job listing before this forward exists) makes it read again.
      const reads = inParallel(
        loadCase(deps, caseId),
        deps.store
          .getAgenciesAndSettingsVersion(input.assignments.map((item) => item.agencyId))
          .then(async ({ agencies, settingsVersion }) => {
            const policy = await defaultPolicy(deps, settingsVersion);
            const calendar = await calendarById(deps, policy.calendarId, settingsVersion);
            return { agencies, settingsVersion, policy, calendar };
          }),
      );
      const bundle = await reads[0];
      assertForwardable(bundle.case);
      const { policy, calendar, settingsVersion, ...read } = await reads[1];
      const agencies = input.assignments.map((item) =>
        read.agencies.find((a) => a.id === item.agencyId),
      );
      const type = bundle.case.classification?.type;
      if (!type) throw new DomainError('invalid_transition', 'the case has no complaint type yet');
      const now = deps.clock();
      // Forwarding after a redirect answers every redirect awaiting it (linked, so a
      // re-forward in the redirect's own millisecond counts). The new agencies' clocks start
      // fresh, or inherit the earliest redirected clock, as the policy says (recorded).
      const awaiting = awaitingReforward(bundle.assignments);
      const reforwardOf = awaiting.map((a) => ({
        agencyId: a.agencyId,
        generation: a.generation,
      }));
      const inheritFrom =
        policy.reforwardClock === 'inherit'
          ? [...awaiting].sort(
              (x, y) =>
                Date.parse(clockFrom(x)) - Date.parse(clockFrom(y)) ||
                x.agencyId.localeCompare(y.agencyId),
            )[0]
          : undefined;
      const created: VersionedPut<AssignmentRecord>[] = [];
      for (const [i, item] of input.assignments.entries()) {
        const agency = agencies[i];
        if (!agency || agency.id === CENTRAL_TENANT)
          throw invalidInput(`assignments.${i}.agencyId`, 'unknown agency');
        const previous = bundle.assignments.find((a) => a.agencyId === item.agencyId);
        if (previous && !canForwardAgain(previous)) {
          throw new DomainError(
            'already_exists',
            `agency ${item.agencyId} already has an active assignment on this case`,
          );
        }
        const record = newAssignment({
          inheritFrom,
          reforwardOf,
          caseId,
          agencyId: agency.id,
          instructions: item.instructions ?? null,
          forwardedAt: now,
          forwardedBy: p.sub,
          timeZone: agency.timeZone,
          calendar,
          policyId: policy.id,
          complaintType: type,
          subject: bundle.case.subject,
          workingDays: targetWorkingDays(policy, type),
          previous,
        });
        created.push({
          record: await delegationKept(deps, record, previous, now),
          expectedVersion: previous ? previous.version : null,
        });
      }
      const assignments = [
        ...bundle.assignments.filter((a) => !created.some((c) => c.record.agencyId === a.agencyId)),
        ...created.map((c) => c.record),
      ];
      const next = reconcile(markForwarded(bundle.case, now), assignments, now);
      const events = created.map(({ record: a }) =>
        event(caseId, now, 'assignment_forwarded', p, a.agencyId, {
          generation: a.generation,
          clock: a.clock,
          reforwardOf: a.reforwardOf ?? [],
          due: a.due,
          timeZone: a.timeZone,
          ...(a.delegatedTo ? { delegatedTo: a.delegatedTo } : {}),
        }),
      );
      // Each assignment's ladder is written with it, due at once: the engine picks it up even
      // if starting the execution below fails (the table is the truth, an execution a timer).
      const ladders = created.map(({ record: a }) => {
        const armed = armLadder(
          bundle.ladders.find((l) => l.agencyId === a.agencyId),
          a,
          now,
        );
        // Issue 15: the ladder's first tick writes the forwarding letter (surat penerusan).
        return deps.forwardingLetters
          ? { ...armed, record: { ...armed.record, forwardingLetter: 'due' as const } }
          : armed;
      });
      const body = { items: created.map((c) => viewAssignment(c.record, now, { central: true })) };
      // The redirects this forwarding answered leave central's "awaiting re-forward" list.
      const answered = awaiting
        .filter((a) => !created.some((c) => c.record.agencyId === a.agencyId))
        .map((a) => put(a, { ...a, reforwardedAt: now.toISOString() }));
      const change = {
        case: put(bundle.case, next),
        assignments: created,
        counters: created.flatMap(({ record: a }) =>
          counterDeltas(
            bundle.assignments.find((x) => x.agencyId === a.agencyId),
            a,
            calendar,
          ),
        ),
        ladders,
        events: [...events, ...statusEvents(bundle.case, next, now, p)],
        idempotency: remember(body),
        settingsAsRead: settingsVersion,
      };
      // What must agree (at most 94 items: ForwardBody) goes in one transaction with as many of
      // the redirects' markers as fit; the rest follow in transactions of their own.
      const room = Math.max(0, MAX_COMMIT_ITEMS - commitSize(change));
      await deps.store.commit({
        ...change,
        assignments: [...created, ...answered.slice(0, room)],
      });
      await markAnswered(deps, answered.slice(room));
      await armLadders(
        deps,
        ladders.map((l) => l.record),
      );
      return body;
    }),
  );
}

/**
 * A re-forward to a focal point whose previous assignment it had delegated to a member unit
 * keeps the delegation while the unit is still its member (a reopened case goes on with the
 * unit that handled it): before, the new forwarding dropped it without a word, the unit lost
 * the case from its queue and the coordinator's timeline still ended with the delegation. A
 * unit that left meanwhile gets nothing (its focal point's coordinator delegates anew). A move
 * landing between this read and the commit is given back by the move's own second pass, and a
 * unit never reads a delegated case of a focal point it has left (`readableCase`).
 */
async function delegationKept(
  deps: ServiceDeps,
  record: AssignmentRecord,
  previous: AssignmentRecord | undefined,
  now: Date,
): Promise<AssignmentRecord> {
  const memberId = previous?.delegatedTo;
  if (!memberId) return record;
  const member = await deps.store.getAgency(memberId);
  if (member?.focalPointId !== record.agencyId) return record;
  return { ...record, delegatedTo: memberId, delegatedAt: now.toISOString() };
}

/**
 * Redirect markers a forward's transaction had no room for, in transactions of their own. They
 * only take a redirect off central's "awaiting re-forward" list (the case's status reads the
 * re-forward's `reforwardOf` link, written with it), so one that fails is not retried and not
 * reported: the forward is written, a repeat of it would be refused (the agencies hold open
 * assignments now), and the redirect merely stays listed. No data is lost.
 */
async function markAnswered(
  deps: ServiceDeps,
  answered: readonly VersionedPut<AssignmentRecord>[],
): Promise<void> {
  for (const run of inRuns(answered, MAX_COMMIT_ITEMS)) {
    try {
      await deps.store.commit({ assignments: run });
    } catch {
      // See above: the redirects of this run stay listed.
    }
  }
}

/** Items one transaction of a close holds beside the case and its `case_closed` event. */
const CLOSING_ITEMS_PER_COMMIT = MAX_COMMIT_ITEMS - 2;

/**
 * One record a close changes, with its timeline events: two items, or four for a paused
 * assignment, whose pause ends first (its clock entry and `assignment_resumed`), and two more
 * for a withdrawal that takes the assignment out of its agency's statistics sample (its day
 * and month counters, written with it so a close retried after a conflict counts it once); an
 * activity called off, one more for each agency invited to it and each member unit holding one's
 * assignment (`invitationWrites`), and its cancellation letters, each with its event and its
 * share with that unit (at most 92 items in all, within one run: a letter is written with its
 * activity's cancellation or not at all).
 */
interface ClosingChange {
  readonly assignment?: VersionedPut<AssignmentRecord>;
  readonly activity?: ActivityPut;
  readonly clockEntry?: ClockEntry;
  readonly counters?: readonly CounterUpdate[];
  readonly letters?: readonly CaseLetter[];
  readonly events: readonly TimelineEvent[];
}

const closingItems = (c: ClosingChange) =>
  1 +
  c.events.length +
  (c.clockEntry ? 1 : 0) +
  (c.counters?.length ?? 0) +
  (c.activity ? invitationWrites(c.activity.record, c.activity.holders) : 0) +
  // Each letter, and its share with a member unit (its event is counted in `events`).
  letterItems({ letters: c.letters ?? [], events: [] });

/** `changes` in order, in runs of at most `max` items each. */
function inRunsOfItems(changes: readonly ClosingChange[], max: number): ClosingChange[][] {
  const runs: ClosingChange[][] = [];
  let size = max;
  for (const c of changes) {
    if (size + closingItems(c) > max) {
      runs.push([]);
      size = 0;
    }
    runs.at(-1)!.push(c);
    size += closingItems(c);
  }
  return runs;
}

/**
 * Why a close withdrew an assignment, settled a redirect or called off an activity: the close's
 * outcome. Never its note, which stays central's: agencies read these (the withdrawal, the
 * settled redirect, the activity's events).
 */
const closingReason = (input: CloseInput): string =>
  `Pengaduan ditutup (${OUTCOME_LABELS[input.outcome]})`;

/**
 * Central closes the case, and settles what it was waiting for: its open assignments are
 * withdrawn (`assignment_withdrawn`, its `code` `closed_by_central`: the agency reads why), a
 * redirect still awaiting its re-forward is settled (`redirect_settled`: none will come), and
 * its monitoring activities not yet held are called off (`calledOffByClose`: a held one stays,
 * to be reported), all for the close's outcome (`closingReason`, never its note); each agency
 * holding an invitation letter to one gets a "pembatalan" naming it (`withCancellationLetters`),
 * in that activity's transaction. Otherwise
 * they would stay on central's desk ("awaiting re-forward",
 * proposals, the activity calendar) with nothing left to do on them. A paused assignment's
 * pause ends first (its clock entry and `assignment_resumed`): an ended assignment is never
 * left paused. Up to 98 items of such changes (two each, four for a paused one, two more for a
 * withdrawal before the follow-up fell due: its statistics counters) beside the
 * case and its event, that is one transaction. Past it, runs of up to 98 items go first (the
 * withdrawals first), each in a transaction that also rewrites the case under the version read (its status
 * kept, its soonest deadline following the assignments still open), so a concurrent change
 * makes the close read and decide again; the last transaction holds the rest and closes the
 * case. A close interrupted between them leaves the case open with some of them done (a
 * withdrawn assignment's ladder stops: the engine reads the assignment's state, not the
 * case's), and the next try finishes it: only what is still open or awaiting is changed, so
 * each gets one event.
 */
export async function closeCase(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  input: CloseInput,
): Promise<CaseView> {
  requireRole(p, CENTRAL_ROLES);
  // The version the close was confirmed on; then the one this close's own first runs left (a
  // conflict after them reads the case again, and finds it as it wrote it).
  let confirmedOn = input.version;
  const { view, lapsed } = await retryOnConflict(async () => {
    const bundle = await loadCase(deps, caseId);
    const now = deps.clock();
    // Sent again after its answer was lost: the case as that close left it.
    if (closedAlready(bundle.case, input))
      return {
        view: await centralView(deps, bundle.case, bundle.assignments, bundle, now),
        lapsed: [],
      };
    // A case that cannot be closed is refused before anything is withdrawn, and first: one
    // closed since the page was read (the complainant satisfied, the reply window ended) is a
    // 409 `invalid_transition`, not a colleague's change to load and close again.
    close(bundle.case, input, now);
    // Confirmed on an older version (another officer forwarded, an agency answered since): it
    // would withdraw what the confirmation never named. Refused, nothing withdrawn.
    if (confirmedOn !== undefined && confirmedOn !== bundle.case.version)
      throw savedSince(`case ${caseId}`, confirmedOn, bundle.case.version);
    const reason = closingReason(input);
    const open = bundle.assignments.filter(isOpen);
    // A pause running ends first (`pauseEnded`): a withdrawn assignment's clock waits no more.
    const resumed = await Promise.all(open.map((a) => pauseEnded(deps, a, now)));
    // Each marked as the close's (`endedByClose`): its agency reads the close, however many
    // tries it takes to close the case.
    const withdrawn = open.map((a, i) =>
      put(a, { ...withdraw(resumed[i]?.assignment ?? a, now), endedByClose: true as const }),
    );
    const settled = awaitingReforward(bundle.assignments)
      .filter((a) => !a.reforwardedAt)
      .map((a) =>
        put(a, {
          ...settleRedirect(a, bundle.assignments, reason, now),
          endedByClose: true as const,
        }),
      );
    // The units holding assignments keep them through the close (a withdrawal keeps
    // `delegatedTo`): their invitations go with their activities.
    const calledOff = await withCancellationLetters(
      deps,
      bundle,
      calledOffByClose(bundle.activities, reason, actorOf(p), now, holdersOf(bundle.assignments)),
      actorOf(p),
      now,
    );
    // The withdrawals first: the case's soonest deadline follows the assignments still open.
    const changes: ClosingChange[] = [
      ...withdrawn.map((w, i): ClosingChange => {
        const agencyId = w.record.agencyId;
        const pause = resumed[i];
        // Withdrawn before its follow-up fell due, unanswered: out of the agency's sample (a
        // withdrawal moves no first response, so no calendar is needed).
        const counters = counterDeltas(open[i], w.record, undefined);
        return {
          assignment: w,
          ...(pause ? { clockEntry: pause.entry } : {}),
          ...(counters.length > 0 ? { counters } : {}),
          events: [
            ...(pause
              ? [
                  event(caseId, now, 'assignment_resumed', p, agencyId, {
                    dueBefore: open[i]!.due,
                    due: pause.assignment.due,
                  }),
                ]
              : []),
            // Why, for the agency: central closed the case, and how (never the note).
            event(caseId, now, 'assignment_withdrawn', p, agencyId, {
              code: 'closed_by_central',
              outcome: input.outcome,
              reason,
            }),
          ],
        };
      }),
      ...settled.map((s) => ({
        assignment: s,
        events: [event(caseId, now, 'redirect_settled', p, s.record.agencyId, { reason })],
      })),
      ...calledOff.activities.map((activity, i): ClosingChange => {
        const letters = calledOff.letters?.[i];
        return {
          activity,
          ...(letters ? { letters: letters.letters } : {}),
          events: [calledOff.events[i]!, ...(letters?.events ?? [])],
        };
      }),
    ];
    const written = (run: readonly ClosingChange[]) => ({
      assignments: run.flatMap((c) => (c.assignment ? [c.assignment] : [])),
      activities: run.flatMap((c) => (c.activity ? [c.activity] : [])),
      clockEntries: run.flatMap((c) => (c.clockEntry ? [c.clockEntry] : [])),
      counters: run.flatMap((c) => c.counters ?? []),
      letters: run.flatMap((c) => c.letters ?? []),
      events: run.flatMap((c) => c.events),
    });
    const runs = inRunsOfItems(changes, CLOSING_ITEMS_PER_COMMIT);
    const last = runs.pop() ?? [];
    let current = bundle.case;
    const gone = new Set<string>();
    for (const run of runs) {
      // The case keeps its status; its soonest deadline is the assignments' still open.
      for (const c of run) if (c.assignment) gone.add(c.assignment.record.agencyId);
      const stillOpen = open.filter((a) => !gone.has(a.agencyId));
      const touched = put(current, {
        ...touchCase(current, now),
        nextDueAt: reconcile(current, stillOpen, now).nextDueAt,
      });
      await deps.store.commit({ case: touched, ...written(run) });
      current = touched.record;
      if (confirmedOn !== undefined) confirmedOn = current.version;
    }
    const closed = put(current, close(current, input, now));
    const final = written(last);
    await deps.store.commit({
      case: closed,
      assignments: final.assignments,
      activities: final.activities,
      clockEntries: final.clockEntries,
      counters: final.counters,
      letters: final.letters,
      events: [
        ...final.events,
        event(caseId, now, 'case_closed', p, null, {
          outcome: input.outcome,
          code: 'closed_by_central',
        }),
      ],
    });
    const changed = [...withdrawn, ...settled].map((w) => w.record);
    const assignments = bundle.assignments.map(
      (a) => changed.find((w) => w.agencyId === a.agencyId) ?? a,
    );
    const activities = bundle.activities.map(
      (a) => calledOff.activities.find((c) => c.record.id === a.id)?.record ?? a,
    );
    const lapsed = lapsedRequests(
      bundle,
      withdrawn.map((w) => w.record),
      now,
    );
    return {
      view: await centralView(deps, closed.record, assignments, { ...bundle, activities }, now),
      lapsed,
    };
  });
  // Then their pending requests for more time lapse (at most one each), in runs of their own,
  // once the case is closed: a close cut short before them leaves them pending (central's desk
  // lists only requests whose assignment is open, so it shows them either way), and one
  // decided meanwhile keeps its decision.
  for (const run of inRuns(lapsed, MAX_COMMIT_ITEMS))
    await deps.store.commit({ extensions: run }).catch((error: unknown) => {
      if (!(error instanceof WriteConflict)) throw error;
    });
  return view;
}
