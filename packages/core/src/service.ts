/**
 * The use cases: what central officers, agency officers and the public can do. Pure: it talks
 * to persistence only through the `Store` port and to time only through `clock`. Roles are
 * checked at the HTTP edge (403); here every read and write is scoped to what the principal
 * may see, and anything else is "not found" (404, no existence leak).
 */
import { contactsFrom, newAgency } from './agency.ts';
import { ulid } from 'ulid';
import {
  acknowledge,
  type AssignmentRecord,
  canForwardAgain,
  type ClockChange,
  clockFrom,
  clockHistory,
  newAssignment,
  redirect,
  respond,
  viewAssignment,
  withdraw,
  extend,
  isOpen,
  isTargetOverdue,
  pause,
  totalWorkingDays,
  resume,
  withDeadlines,
} from './assignment.ts';
import { type ActivityRecord, reportActivity, viewActivity } from './activity.ts';
import { agencyReport, counterDeltas, STATS_TIME_ZONE } from './stats.ts';
import { decideExtension, type ExtensionRequestRecord, viewExtensionRequest } from './extension.ts';
import {
  addWorkingDays,
  Calendar,
  type CalendarDay,
  computeDeadline,
  DEFAULT_TIME_ZONE,
  endOfLocalDay,
  localDate,
  startOfLocalDay,
  TIME_ZONE_LABELS,
} from './calendar.ts';
import {
  armLadder,
  type LadderLetter,
  ladderState,
  ladderTimer,
  observe,
  projectLadder,
  rearmLadder,
  type SkippedStep,
  skippedEvents,
} from './ladder/index.ts';
import { retryOnConflict } from './retry.ts';
import { chainedPage, holidayRemovalImpact, mapPage, pendingExtensions } from './desk.ts';
import {
  answersFrom,
  assertForwardable,
  awaitingReforward,
  type CaseRecord,
  close,
  markForwarded,
  newCase,
  openReplyWindow,
  reconcile,
  reply,
  verify,
  viewCase,
  viewTracking,
} from './case.ts';
import { DomainError, invalidInput, notFound } from './errors.ts';
import { DEFAULT_POLICY_ID, type SlaPolicy, TARGETS, targetWorkingDays } from './policy.ts';
import {
  type LadderRecord,
  type LadderStarter,
  type NotificationRecord,
  viewNotification,
} from './notification.ts';
import {
  type CaseBundle,
  type IdempotencyRecord,
  type Page,
  type PageRequest,
  type Store,
  type VersionedPut,
  WriteConflict,
} from './ports.ts';
import type {
  Agency,
  AssignmentView,
  CaseListFilter,
  CaseView,
  CloseInput,
  CreateAgencyInput,
  ActivitiesFilter,
  ActivityView,
  CreateCaseInput,
  DeadlinesView,
  DelegateInput,
  PlanActivityInput,
  ReplyInput,
  ReportActivityInput,
  StatsPeriod,
  ExtensionDecisionInput,
  ExtensionRequestInput,
  ExtensionRequestView,
  PolicyInput,
  ForwardInput,
  NotificationsFilter,
  NotificationView,
  QueueFilter,
  RedirectInput,
  ResponseInput,
  UpdateAgencyInput,
  VerificationInput,
  WorklistFilter,
} from './schemas.ts';
import { CENTRAL_TENANT, isCentral, type Principal } from './tenancy.ts';
import { actorOf, type EventType, newEventId, type TimelineEvent } from './timeline.ts';
import { newTrackingCode, normalizeTrackingCode } from './tracking-code.ts';

export interface ServiceDeps {
  readonly store: Store;
  readonly clock: () => Date;
  /** Starts each assignment's escalation ladder once it is written. */
  readonly ladders?: LadderStarter;
}

/** An `Idempotency-Key` and a fingerprint of the request it came with. */
export interface Idempotency {
  readonly key: string;
  readonly fingerprint: string;
}

export interface Result<T> {
  readonly status: number;
  readonly body: T;
}

const MAX_ATTEMPTS = 5;

export class Service {
  private readonly store: Store;
  private readonly clock: () => Date;
  private readonly ladders: LadderStarter | undefined;

  constructor(deps: ServiceDeps) {
    this.store = deps.store;
    this.clock = deps.clock;
    this.ladders = deps.ladders;
  }

  // ---- agencies ---------------------------------------------------------------------

  async createAgency(
    p: Principal,
    input: CreateAgencyInput,
    idem?: Idempotency,
  ): Promise<Result<Agency>> {
    return this.idempotent(p, idem, async (record) => {
      if (input.focalPointId !== undefined)
        await this.assertFocalPoint(input.focalPointId, input.id);
      const agency = newAgency(input, this.clock());
      try {
        await this.store.putAgency(agency, null, record(201, agency));
      } catch (error) {
        if (error instanceof WriteConflict && error.kind === 'exists') {
          throw new DomainError('already_exists', `agency ${input.id} already exists`, {
            cause: error,
          });
        }
        throw error;
      }
      return { status: 201, body: agency };
    });
  }

  /** Central: every agency. An agency: itself and its member units. */
  async listAgencies(p: Principal, page: PageRequest): Promise<Page<Agency>> {
    if (isCentral(p)) return this.store.listAgencies(page);
    const own = await this.store.getAgency(p.agency);
    const members = await this.store.listMemberUnits(p.agency);
    return { items: [...(own ? [own] : []), ...members], nextCursor: null };
  }

  async getAgency(p: Principal, id: string): Promise<Agency> {
    const agency = await this.store.getAgency(id);
    if (!agency || !(isCentral(p) || id === p.agency || agency.focalPointId === p.agency)) {
      throw notFound(`agency ${id}`);
    }
    return agency;
  }

  async updateAgency(p: Principal, id: string, input: UpdateAgencyInput): Promise<Agency> {
    return this.retrying(async () => {
      const agency = await this.getAgency(p, id);
      if (input.focalPointId) await this.assertFocalPoint(input.focalPointId, id);
      const next: Agency = {
        ...agency,
        ...definedOnly(input),
        focalPointId: input.focalPointId === undefined ? agency.focalPointId : input.focalPointId,
        contacts: input.contacts ? contactsFrom(input.contacts) : agency.contacts,
        updatedAt: this.clock().toISOString(),
        version: agency.version + 1,
      };
      await this.store.putAgency(next, agency.version);
      return next;
    });
  }

  /** A focal point must exist, be an agency (not central), and not be the unit itself or its member. */
  private async assertFocalPoint(focalPointId: string, memberId: string): Promise<void> {
    const focal = await this.store.getAgency(focalPointId);
    if (!focal || focal.id === CENTRAL_TENANT) throw invalidInput('focalPointId', 'unknown agency');
    if (focalPointId === memberId || focal.focalPointId === memberId) {
      throw invalidInput(
        'focalPointId',
        'an agency cannot coordinate itself or its own focal point',
      );
    }
  }

  // ---- cases ------------------------------------------------------------------------

  async createCase(
    p: Principal,
    input: CreateCaseInput,
    idem?: Idempotency,
  ): Promise<Result<CaseView>> {
    return this.idempotent(p, idem, async (record) => {
      const now = this.clock();
      const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
      if (receivedAt.getTime() > now.getTime())
        throw invalidInput('receivedAt', 'must not be in the future');
      const policy = await this.policy();
      const calendar = await this.calendar(policy.calendarId);
      const verificationDue = computeDeadline(
        calendar,
        receivedAt,
        policy.verificationWorkingDays,
        DEFAULT_TIME_ZONE,
      );
      for (let attempt = 1; ; attempt += 1) {
        const c = newCase({
          id: ulid(),
          trackingCode: newTrackingCode(),
          body: input,
          now,
          verificationDueAt: verificationDue.dueAt,
        });
        const body = viewCase(c, [], now, { central: true });
        try {
          await this.store.commit({
            case: { record: c, expectedVersion: null },
            events: [
              this.event(c.id, now, 'case_registered', p, null, {
                channel: c.channel,
                subject: c.subject,
              }),
            ],
            idempotency: record(201, body),
          });
          return { status: 201, body };
        } catch (error) {
          // A tracking-code collision (1 in 2^65 per pair) just draws again.
          if (error instanceof WriteConflict && error.kind === 'unique' && attempt < MAX_ATTEMPTS)
            continue;
          throw error;
        }
      }
    });
  }

  async listCases(p: Principal, filter: CaseListFilter): Promise<Page<CaseView>> {
    this.assertCentral(p);
    const now = this.clock();
    const page = await this.store.listCases(
      {
        status: filter.status,
        agencyId: filter.agencyId,
        overdue: filter.overdue === undefined ? undefined : { overdue: filter.overdue, now },
      },
      filter,
    );
    // A list shows cases, not their assignment details: open the case for those.
    return mapPage(page, (c) => viewCase(c, [], now, { central: true }));
  }

  async getCase(p: Principal, caseId: string): Promise<CaseView> {
    const { bundle, reader } = await this.readableCase(p, caseId);
    return viewCase(
      bundle.case,
      bundle.assignments,
      this.clock(),
      reader,
      bundle.ladders,
      bundle.activities,
    );
  }

  async verifyCase(p: Principal, caseId: string, input: VerificationInput): Promise<CaseView> {
    return this.retrying(async () => {
      const bundle = await this.centralCase(p, caseId);
      const now = this.clock();
      const next = verify(bundle.case, input, now);
      const type: EventType =
        input.decision === 'accept'
          ? 'case_verified'
          : input.decision === 'reject'
            ? 'case_rejected'
            : 'case_needs_info';
      await this.store.commit({
        case: put(bundle.case, next),
        events: [
          this.event(caseId, now, type, p, null, {
            type: input.type ?? null,
            category: input.category ?? null,
            ...(input.decision === 'needs_info' ? { missing: input.missing ?? null } : {}),
          }),
        ],
      });
      return viewCase(put(bundle.case, next).record, bundle.assignments, now, { central: true });
    });
  }

  async forward(
    p: Principal,
    caseId: string,
    input: ForwardInput,
    idem?: Idempotency,
  ): Promise<Result<{ items: AssignmentView[] }>> {
    return this.idempotent(p, idem, (record) =>
      this.retrying(async () => {
        const bundle = await this.centralCase(p, caseId);
        assertForwardable(bundle.case);
        const policy = await this.policy();
        const calendar = await this.calendar(policy.calendarId);
        const type = bundle.case.classification?.type;
        if (!type)
          throw new DomainError('invalid_transition', 'the case has no complaint type yet');
        const now = this.clock();
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
          const agency = await this.store.getAgency(item.agencyId);
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
          created.push({ record, expectedVersion: previous ? previous.version : null });
        }
        const assignments = [
          ...bundle.assignments.filter(
            (a) => !created.some((c) => c.record.agencyId === a.agencyId),
          ),
          ...created.map((c) => c.record),
        ];
        const next = reconcile(markForwarded(bundle.case, now), assignments, now);
        const events = created.map(({ record: a }) =>
          this.event(caseId, now, 'assignment_forwarded', p, a.agencyId, {
            generation: a.generation,
            clock: a.clock,
            reforwardOf: a.reforwardOf ?? [],
            due: a.due,
            timeZone: a.timeZone,
          }),
        );
        // Each assignment's ladder is written with it, due at once: the engine picks it up even
        // if starting the execution below fails (the table is the truth, an execution a timer).
        const ladders = created.map(({ record: a }) =>
          armLadder(
            bundle.ladders.find((l) => l.agencyId === a.agencyId),
            a,
            now,
          ),
        );
        const body = { items: created.map((c) => viewAssignment(c.record, now)) };
        // The redirects this forwarding answered leave central's "awaiting re-forward" list.
        const answered = awaiting
          .filter((a) => !created.some((c) => c.record.agencyId === a.agencyId))
          .map((a) => put(a, { ...a, reforwardedAt: now.toISOString() }));
        await this.store.commit({
          case: put(bundle.case, next),
          assignments: [...created, ...answered],
          counters: created.flatMap(({ record: a }) =>
            counterDeltas(
              bundle.assignments.find((x) => x.agencyId === a.agencyId),
              a,
              calendar,
            ),
          ),
          ladders,
          events: [...events, ...this.statusEvents(bundle.case, next, now, p)],
          idempotency: record(201, body),
        });
        for (const { record: l } of ladders) {
          await this.ladders?.arm({
            caseId,
            agencyId: l.agencyId,
            generation: l.generation,
            token: l.token,
          });
        }
        return { status: 201, body };
      }),
    );
  }

  async closeCase(p: Principal, caseId: string, input: CloseInput): Promise<CaseView> {
    return this.retrying(async () => {
      const bundle = await this.centralCase(p, caseId);
      const now = this.clock();
      const withdrawn = bundle.assignments.filter(isOpen).map((a) => put(a, withdraw(a, now)));
      const next = put(bundle.case, close(bundle.case, input, now));
      await this.store.commit({
        case: next,
        assignments: withdrawn,
        events: [
          ...withdrawn.map((w) =>
            this.event(caseId, now, 'assignment_withdrawn', p, w.record.agencyId, {}),
          ),
          this.event(caseId, now, 'case_closed', p, null, { outcome: input.outcome }),
        ],
      });
      const assignments = bundle.assignments.map(
        (a) => withdrawn.find((w) => w.record.agencyId === a.agencyId)?.record ?? a,
      );
      return viewCase(next.record, assignments, now, { central: true });
    });
  }

  async timeline(p: Principal, caseId: string, page: PageRequest): Promise<Page<TimelineEvent>> {
    const { reader } = await this.readableCase(p, caseId);
    if (reader.central) return this.store.listTimeline(caseId, page);
    const events = await this.store.listTimeline(caseId, page, reader.agencies);
    // What central asked the complainant for is between them (it may name the complainant's
    // papers), like central's verification note.
    return {
      ...events,
      items: events.items.map((e) =>
        e.type === 'case_needs_info' && 'missing' in e.data
          ? {
              ...e,
              data: Object.fromEntries(Object.entries(e.data).filter(([k]) => k !== 'missing')),
            }
          : e,
      ),
    };
  }

  /**
   * The public tracking page: status steps, the agencies' answers by agency name and date,
   * what central asks the complainant to send; nothing about who they are.
   */
  async track(code: string) {
    const normalized = normalizeTrackingCode(code);
    const caseId = normalized && (await this.store.findCaseIdByTrackingCode(normalized));
    const bundle = caseId ? await this.store.getCase(caseId) : undefined;
    if (!bundle) throw notFound('tracking code');
    return this.trackingView(bundle.case, this.clock());
  }

  private async trackingView(c: CaseRecord, now: Date) {
    const [answers, sendTo] = await Promise.all([
      c.confidential ? [] : this.answers(c.id),
      c.status === 'needs_info' ? this.centralContact() : null,
    ]);
    return viewTracking(c, now, { answers, sendTo });
  }

  /**
   * Every answer the agencies gave on a case, from its timeline (responses are recorded there
   * and nowhere else), paging through it all; agency names read once each.
   */
  private async answers(caseId: string) {
    const events: TimelineEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.listTimeline(caseId, { limit: 100, cursor });
      events.push(...page.items.filter((e) => e.type === 'response_submitted'));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const names = new Map<string, string>();
    for (const id of new Set(events.map((e) => e.agencyId))) {
      if (id !== null) names.set(id, (await this.store.getAgency(id))?.name ?? id);
    }
    return answersFrom(events, (id) => names.get(id) ?? id);
  }

  /** Where a complainant sends what central asked for: the central unit's first contact. */
  private async centralContact() {
    const contact = (await this.store.getAgency(CENTRAL_TENANT))?.contacts[0];
    return contact ? { name: contact.name, email: contact.email } : null;
  }

  /**
   * The complainant replies to the final answer through the tracking code: satisfied closes
   * the case, not satisfied reopens it to central. Only inside the reply window (else 409).
   */
  async reply(code: string, input: ReplyInput) {
    const normalized = normalizeTrackingCode(code);
    const caseId = normalized && (await this.store.findCaseIdByTrackingCode(normalized));
    if (!caseId) throw notFound('tracking code');
    return this.retrying(async () => {
      const bundle = await this.loadCase(caseId);
      const now = this.clock();
      const next = reply(
        bundle.case,
        { satisfied: input.satisfied, rating: input.rating, message: input.message ?? null },
        now,
      );
      const actor = { complainant: true as const };
      await this.store.commit({
        case: put(bundle.case, next),
        events: [
          {
            id: newEventId(now),
            caseId,
            at: now.toISOString(),
            type: 'complainant_replied',
            actor,
            agencyId: null,
            data: {
              satisfied: input.satisfied,
              rating: input.rating,
              message: input.message ?? null,
            },
          },
          {
            id: newEventId(now),
            caseId,
            at: now.toISOString(),
            type: 'case_status_changed',
            actor,
            agencyId: null,
            data: { from: bundle.case.status, to: next.status },
          },
        ],
      });
      return this.trackingView(put(bundle.case, next).record, now);
    });
  }

  // ---- assignments ------------------------------------------------------------------

  async getAssignment(p: Principal, caseId: string, agencyId: string): Promise<AssignmentView> {
    const { bundle, assignment } = await this.readableAssignment(p, caseId, agencyId);
    return viewAssignment(assignment, this.clock(), ladderOf(bundle, agencyId));
  }

  async acknowledge(p: Principal, caseId: string, agencyId: string): Promise<AssignmentView> {
    const result = await this.changeAssignment(p, caseId, agencyId, undefined, (a, now) => ({
      next: acknowledge(a, now),
      type: 'assignment_acknowledged',
      data: {},
    }));
    return result.body;
  }

  async respond(
    p: Principal,
    caseId: string,
    agencyId: string,
    input: ResponseInput,
    idem?: Idempotency,
  ) {
    return this.changeAssignment(p, caseId, agencyId, idem, (a, now) => ({
      next: respond(a, input, now),
      type: 'response_submitted',
      data: { kind: input.kind, message: input.message },
    }));
  }

  async redirect(
    p: Principal,
    caseId: string,
    agencyId: string,
    input: RedirectInput,
  ): Promise<AssignmentView> {
    const result = await this.changeAssignment(p, caseId, agencyId, undefined, async (a, now) => {
      // Checked once the caller may act on the assignment: before that, 400 or 404 would tell
      // a stranger which agency ids exist.
      if (input.suggestedAgencyId && !(await this.store.getAgency(input.suggestedAgencyId)))
        throw invalidInput('suggestedAgencyId', 'unknown agency');
      return {
        next: redirect(a, input, now),
        type: 'assignment_redirected',
        data: { reason: input.reason, suggestedAgencyId: input.suggestedAgencyId ?? null },
      };
    });
    return result.body;
  }

  /** An agency's queue (`scope=members` adds a focal point's member units), soonest deadline first. */
  async queue(p: Principal, filter: QueueFilter): Promise<Page<AssignmentView>> {
    if (isCentral(p))
      throw new DomainError(
        'forbidden',
        'the queue is for agency users; central uses /v1/assignments',
      );
    const agencies = [p.agency as string];
    if (filter.scope === 'members') {
      if (p.role !== 'agency_coordinator')
        throw new DomainError('forbidden', 'only a coordinator sees member units’ queues');
      agencies.push(...(await this.store.listMemberUnits(p.agency)).map((a) => a.id));
    }
    const now = this.clock();
    // Assignments a focal point delegated to this unit come along (a focal point's own
    // delegated ones are already in its own queue).
    const list = (state: QueueFilter['state']) => (request: PageRequest) =>
      this.store.listQueue(
        agencies,
        {
          state,
          overdue: filter.target ? true : filter.overdue,
          target: filter.target,
          forwardedSince: filter.forwardedSince ? new Date(filter.forwardedSince) : undefined,
          now,
        },
        request,
        [p.agency],
      );
    // "All" with the ended ones: the open first (soonest deadline), then those that ended.
    const page =
      filter.ended && !filter.state
        ? await chainedPage(
            [list(undefined), list('completed'), list('redirected'), list('withdrawn')],
            filter,
          )
        : await list(filter.state)(filter);
    return this.assignmentPage(page, now);
  }

  /** Central's cross-agency worklist. */
  async worklist(p: Principal, filter: WorklistFilter): Promise<Page<AssignmentView>> {
    this.assertCentral(p);
    const now = this.clock();
    let dueBefore: Date | undefined;
    if (filter.dueWithin !== undefined) {
      const calendar = await this.calendar((await this.policy()).calendarId);
      dueBefore = computeDeadline(calendar, now, filter.dueWithin, DEFAULT_TIME_ZONE).dueAt;
    }
    // "Newly overdue" by the API's own clock (the manual one, embedded), never the caller's.
    const overdueSince = filter.newlyOverdue
      ? new Date(now.getTime() - 86_400_000)
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
    const page = filter.agencyId
      ? await this.store.listQueue([filter.agencyId], query, filter)
      : await this.store.listWorklist(query, filter);
    const views = await this.assignmentPage(page, now);
    // Under monitoring lives on the ladder, read with the page: filtered here (pages may be short).
    return filter.monitoring === undefined
      ? views
      : {
          // A total would count the unfiltered list: left out rather than wrong.
          items: views.items.filter((a) => a.monitoring === filter.monitoring),
          nextCursor: views.nextCursor,
        };
  }

  /** A page of assignments with their ladders' rungs (one batch read). */
  private async assignmentPage(
    page: Page<AssignmentRecord>,
    now: Date,
  ): Promise<Page<AssignmentView>> {
    const ladders = await this.store.getLadders(page.items);
    return mapPage(page, (a) =>
      viewAssignment(
        a,
        now,
        ladders.find((l) => l.caseId === a.caseId && l.agencyId === a.agencyId),
      ),
    );
  }

  /**
   * How each deadline of an assignment was computed (start, working days, zone, the holidays
   * skipped and why) and the ladder steps taken and still to come.
   */
  async deadlines(p: Principal, caseId: string, agencyId: string): Promise<DeadlinesView> {
    const { bundle, assignment: a } = await this.readableAssignment(p, caseId, agencyId);
    const history = clockHistory(
      a,
      await this.store.listClockEntries(caseId, agencyId, a.generation),
    );
    const policy = await this.policyById(a.policyId);
    const calendar = await this.calendar(a.calendarId);
    const now = this.clock();
    const countedFrom = localDate(new Date(clockFrom(a)), a.timeZone);
    const ladder = ladderOf(bundle, agencyId);
    const toCome =
      ladder && ladder.generation === a.generation
        ? projectLadder(ladderState(ladder), {
            assignment: a,
            steps: policy.ladder,
            calendar,
            now,
          })
        : [];
    const taken = await this.lettersOf(caseId, agencyId, a.generation);
    const view = (e: LadderLetter) => ({
      id: e.id,
      step: e.step,
      action: e.action,
      at: e.at,
      targets: [...e.targets],
      level: e.level,
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
          targets: [...n.targets],
          level: n.episode === null || n.episode === undefined ? 0 : levelOf(policy, n.step),
        })),
        toCome: toCome.map(view),
      },
    };
  }

  /** The letters the ladder wrote for one generation of an assignment, oldest first (every page). */
  private async lettersOf(caseId: string, agencyId: string, generation: number) {
    const out: NotificationRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.listNotifications({ caseId }, { limit: 100, cursor });
      out.push(...page.items.filter((n) => n.agencyId === agencyId && n.generation === generation));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  // ---- extensions and pauses --------------------------------------------------------

  /** The agency (or its focal point's coordinator) asks for more time. */
  async requestExtension(
    p: Principal,
    caseId: string,
    agencyId: string,
    input: ExtensionRequestInput,
    idem?: Idempotency,
  ): Promise<Result<ExtensionRequestView>> {
    if (idem) await this.actableAssignment(p, caseId, agencyId); // authorised before a replay
    return this.idempotent(p, idem, (record) =>
      this.retrying(async () => {
        const { bundle, assignment } = await this.actableAssignment(p, caseId, agencyId);
        if (!isOpen(assignment)) {
          throw new DomainError(
            'invalid_transition',
            `an assignment that is ${assignment.state} cannot be extended`,
          );
        }
        const pending = bundle.extensions.find(
          (x) =>
            x.agencyId === agencyId &&
            x.generation === assignment.generation &&
            x.status === 'pending',
        );
        if (pending)
          throw new DomainError(
            'already_exists',
            `extension request ${pending.id} is still pending`,
          );
        const now = this.clock();
        const request: ExtensionRequestRecord = {
          id: ulid(now.getTime()),
          caseId,
          agencyId,
          generation: assignment.generation,
          workingDays: input.workingDays,
          reason: input.reason,
          status: 'pending',
          requestedBy: p.sub,
          requestedAt: now.toISOString(),
          decidedBy: null,
          decidedAt: null,
          note: null,
          version: 1,
        };
        const body = viewExtensionRequest(request);
        await this.store.commit({
          case: put(bundle.case, touchCase(bundle.case, now)),
          extensions: [{ record: request, expectedVersion: null }],
          events: [
            this.event(caseId, now, 'extension_requested', p, agencyId, {
              requestId: request.id,
              workingDays: input.workingDays,
              reason: input.reason,
            }),
          ],
          idempotency: record(201, body),
        });
        return { status: 201, body };
      }),
    );
  }

  /** Central approves (the open targets move and the ladder re-arms) or refuses. */
  async decideExtension(
    p: Principal,
    caseId: string,
    agencyId: string,
    requestId: string,
    input: ExtensionDecisionInput,
  ): Promise<ExtensionRequestView & { assignment: AssignmentView }> {
    const result = await this.retrying(async () => {
      const bundle = await this.centralCase(p, caseId);
      const request = bundle.extensions.find((x) => x.id === requestId && x.agencyId === agencyId);
      const assignment = bundle.assignments.find((a) => a.agencyId === agencyId);
      if (!request || !assignment) throw notFound(`extension request ${requestId}`);
      const now = this.clock();
      const decided = decideExtension(request, input.approve, input.note ?? null, p.sub, now);
      let extended: ClockChange | undefined;
      if (input.approve) {
        if (request.generation !== assignment.generation) {
          throw new DomainError(
            'invalid_transition',
            'the assignment was forwarded again since this request',
          );
        }
        extended = extend(
          assignment,
          request.workingDays,
          request.reason,
          await this.calendar(assignment.calendarId),
          now,
          newEventId(now),
        );
      }
      const next = extended?.assignment ?? assignment;
      const change = await this.assignmentChange(bundle, assignment, next, now, input.approve);
      await this.store.commit({
        ...change.change,
        extensions: [{ record: decided, expectedVersion: request.version }],
        ...(extended ? { clockEntries: [extended.entry] } : {}),
        events: [
          this.event(
            caseId,
            now,
            input.approve ? 'extension_approved' : 'extension_refused',
            p,
            agencyId,
            {
              requestId,
              workingDays: request.workingDays,
              due: next.due,
            },
          ),
          ...change.events(p),
        ],
      });
      return { decided, view: change.view, rearm: change.rearm };
    });
    if (result.rearm) await this.ladders?.arm(result.rearm);
    return { ...viewExtensionRequest(result.decided), assignment: result.view };
  }

  /** Pause the assignment's clock (waiting for the complainant), with the reason recorded. */
  async pauseAssignment(
    p: Principal,
    caseId: string,
    agencyId: string,
    reason: string,
  ): Promise<AssignmentView> {
    return this.clockChange(p, caseId, agencyId, 'assignment_paused', { reason }, (a, now) => ({
      assignment: pause(a, reason, p.sub, now),
    }));
  }

  /** Resume it: open deadlines move by the paused working days and the ladder re-arms. */
  async resumeAssignment(p: Principal, caseId: string, agencyId: string): Promise<AssignmentView> {
    return this.clockChange(p, caseId, agencyId, 'assignment_resumed', {}, async (a, now) =>
      resume(a, await this.calendar(a.calendarId), now, newEventId(now)),
    );
  }

  private async clockChange(
    p: Principal,
    caseId: string,
    agencyId: string,
    type: EventType,
    data: Record<string, unknown>,
    apply: (
      a: AssignmentRecord,
      now: Date,
    ) => (Partial<ClockChange> & Pick<ClockChange, 'assignment'>) | Promise<ClockChange>,
  ): Promise<AssignmentView> {
    const result = await this.retrying(async () => {
      const { bundle, assignment } = await this.readableAssignment(p, caseId, agencyId);
      if (!isCentral(p)) await this.assertCanAct(p, agencyId, assignment.delegatedTo);
      const now = this.clock();
      const { assignment: next, entry } = await apply(assignment, now);
      const change = await this.assignmentChange(bundle, assignment, next, now, true);
      await this.store.commit({
        ...change.change,
        ...(entry ? { clockEntries: [entry] } : {}),
        events: [
          this.event(caseId, now, type, p, agencyId, { ...data, due: next.due }),
          ...change.events(p),
        ],
      });
      return change;
    });
    if (result.rearm) await this.ladders?.arm(result.rearm);
    return result.view;
  }

  /**
   * The writes for an assignment whose clock changed: the assignment, its case (reconciled,
   * under version), and, when `rearm`, its ladder with a new token due now (the running
   * execution stops when it sees the old token; the new one carries on from the same episode).
   * The ladder first looks at what happened up to now under the old deadlines, then under the
   * new ones, so an episode that ended meanwhile (or ends by this change) is closed here.
   */
  private async assignmentChange(
    bundle: CaseBundle,
    before: AssignmentRecord,
    after: AssignmentRecord,
    now: Date,
    rearm: boolean,
  ) {
    const written = put(before, after);
    const assignments = bundle.assignments.map((a) => (a === before ? written.record : a));
    const nextCase = reconcile(bundle.case, assignments, now);
    const ladder = ladderOf(bundle, before.agencyId);
    let ladderPut: VersionedPut<LadderRecord> | undefined;
    let skipped: SkippedStep[] = [];
    if (rearm && ladder && ladder.generation === before.generation && isOpen(after)) {
      const [policy, calendar] = await Promise.all([
        this.policyById(before.policyId),
        this.calendar(before.calendarId),
      ]);
      const ctx = { steps: policy.ladder, calendar, now };
      const seen = observe(ladderState(ladder), { ...ctx, assignment: before });
      const rearmed = observe(seen.state, { ...ctx, assignment: after });
      skipped = [...seen.skipped, ...rearmed.skipped];
      ladderPut = {
        record: rearmLadder(ladder, now, rearmed.state, policy.ladder),
        expectedVersion: ladder.version,
      };
    }
    return {
      change: {
        case: put(bundle.case, nextCase),
        assignments: [written],
        ...(ladderPut ? { ladders: [ladderPut] } : {}),
      },
      events: (p: Principal) => [
        ...skippedEvents(skipped, before, actorOf(p), now),
        ...this.statusEvents(bundle.case, nextCase, now, p),
      ],
      view: viewAssignment(written.record, now, ladderPut?.record ?? ladder),
      rearm: ladderPut
        ? {
            caseId: before.caseId,
            agencyId: before.agencyId,
            generation: ladderPut.record.generation,
            token: ladderPut.record.token,
          }
        : undefined,
    };
  }

  // ---- calendars and policies -------------------------------------------------------

  async getCalendarDays(calendarId: string, year: number | undefined) {
    const stored = await this.store.getCalendar(calendarId);
    if (!stored) throw notFound(`calendar ${calendarId}`);
    const items = stored.days
      .filter((d) => year === undefined || d.date.startsWith(`${year}-`))
      .sort((a, b) => a.date.localeCompare(b.date));
    return { id: calendarId, years: [...stored.years].sort(), items };
  }

  /** Adds or changes a holiday; every open deadline it touches moves and its ladder re-arms. */
  async putCalendarDay(p: Principal, calendarId: string, day: CalendarDay) {
    if (!(await this.store.getCalendar(calendarId))) throw notFound(`calendar ${calendarId}`);
    await this.store.putCalendarDay(calendarId, day);
    return {
      date: day.date,
      recomputed: await this.recomputeOpen(p, (a) => a.calendarId === calendarId, {
        calendarId,
        date: day.date,
      }),
    };
  }

  async deleteCalendarDay(p: Principal, calendarId: string, date: string) {
    if (!(await this.store.deleteCalendarDay(calendarId, date)))
      throw notFound(`day ${date} of calendar ${calendarId}`);
    return {
      date,
      recomputed: await this.recomputeOpen(p, (a) => a.calendarId === calendarId, {
        calendarId,
        date,
      }),
    };
  }

  /** Declares a year's holidays complete (deadlines into it are no longer flagged). */
  async putCalendarYear(p: Principal, calendarId: string, year: number) {
    if (!(await this.store.getCalendar(calendarId))) throw notFound(`calendar ${calendarId}`);
    await this.store.putCalendarYear(calendarId, year);
    return {
      date: `${year}`,
      recomputed: await this.recomputeOpen(p, (a) => a.calendarId === calendarId, {
        calendarId,
        year,
      }),
    };
  }

  listPolicies(): Promise<SlaPolicy[]> {
    return this.store.listPolicies();
  }

  async getPolicy(id: string): Promise<SlaPolicy> {
    const policy = await this.store.getPolicy(id);
    if (!policy) throw notFound(`policy ${id}`);
    return policy;
  }

  /** Replaces a policy; open assignments under it get the new targets and re-armed ladders. */
  async putPolicy(p: Principal, id: string, input: PolicyInput) {
    const policy = await this.retrying(async () => {
      const current = await this.store.getPolicy(id);
      if (!(await this.store.getCalendar(input.calendarId)))
        throw invalidInput('calendarId', 'unknown calendar');
      const next: SlaPolicy = {
        ...input,
        id,
        version: (current?.version ?? 0) + 1,
        updatedAt: this.clock().toISOString(),
      };
      await this.store.putPolicy(next, current ? current.version : null);
      return next;
    });
    const recomputed = await this.recomputeOpen(
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
  private async recomputeOpen(
    p: Principal,
    which: (a: AssignmentRecord) => boolean,
    why: Record<string, unknown>,
    policy?: SlaPolicy,
  ): Promise<number> {
    let moved = 0;
    let cursor: string | undefined;
    do {
      const page = await this.store.listWorklist({ now: this.clock() }, { limit: 100, cursor });
      for (const listed of page.items.filter(which)) {
        const result = await this.retrying(async () => {
          const bundle = await this.loadCase(listed.caseId);
          const a = bundle.assignments.find((x) => x.agencyId === listed.agencyId);
          if (!a || !isOpen(a)) return undefined;
          const type = bundle.case.classification?.type;
          const based = policy && type ? { ...a, workingDays: targetWorkingDays(policy, type) } : a;
          const next = withDeadlines(based, await this.calendar(a.calendarId));
          const dueMoved = TARGETS.some((t) => next.due[t] !== a.due[t]);
          if (!dueMoved && !policy) return undefined;
          const now = this.clock();
          const change = await this.assignmentChange(
            bundle,
            a,
            { ...next, updatedAt: now.toISOString() },
            now,
            true,
          );
          await this.store.commit({
            ...change.change,
            events: [
              this.event(a.caseId, now, 'deadlines_recomputed', p, a.agencyId, {
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
        if (result?.rearm) await this.ladders?.arm(result.rearm);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return moved;
  }

  // ---- monitoring activities --------------------------------------------------------

  /** Central plans a monitoring activity on a case (the case is then under monitoring). */
  async planActivity(
    p: Principal,
    caseId: string,
    input: PlanActivityInput,
    idem?: Idempotency,
  ): Promise<Result<ActivityView>> {
    return this.idempotent(p, idem, (record) =>
      this.retrying(async () => {
        const bundle = await this.centralCase(p, caseId);
        for (const [i, agencyId] of (input.agencyIds ?? []).entries()) {
          if (!(await this.store.getAgency(agencyId)))
            throw invalidInput(`agencyIds.${i}`, 'unknown agency');
        }
        const now = this.clock();
        const activity: ActivityRecord = {
          id: ulid(now.getTime()),
          caseId,
          kind: input.kind,
          status: 'planned',
          scheduledAt: input.scheduledAt ? new Date(input.scheduledAt).toISOString() : null,
          agencyIds: input.agencyIds ?? [],
          participants: input.participants ?? [],
          plan: input.plan ?? null,
          heldAt: null,
          outcome: null,
          summary: null,
          createdBy: p.sub,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
          version: 1,
        };
        const body = viewActivity(activity, now);
        await this.store.commit({
          case: put(bundle.case, touchCase(bundle.case, now)),
          activities: [{ record: activity, expectedVersion: null }],
          events: [
            this.event(caseId, now, 'activity_planned', p, null, {
              activityId: activity.id,
              kind: activity.kind,
              scheduledAt: activity.scheduledAt,
            }),
          ],
          idempotency: record(201, body),
        });
        return { status: 201, body };
      }),
    );
  }

  /** Central reports how a planned (or ladder-proposed) activity went. */
  async reportActivity(
    p: Principal,
    caseId: string,
    activityId: string,
    input: ReportActivityInput,
  ): Promise<ActivityView> {
    return this.retrying(async () => {
      const bundle = await this.centralCase(p, caseId);
      const activity = bundle.activities.find((a) => a.id === activityId);
      if (!activity) throw notFound(`activity ${activityId}`);
      const now = this.clock();
      const done = reportActivity(activity, input, now);
      await this.store.commit({
        case: put(bundle.case, touchCase(bundle.case, now)),
        activities: [{ record: done, expectedVersion: activity.version }],
        events: [
          this.event(caseId, now, 'activity_reported', p, null, {
            activityId,
            kind: done.kind,
            outcome: input.outcome,
          }),
        ],
      });
      return viewActivity(done, now);
    });
  }

  /** The central unit's calendar of activities: proposed, planned (overdue to report), done. */
  async listActivities(p: Principal, filter: ActivitiesFilter): Promise<Page<ActivityView>> {
    this.assertCentral(p);
    const now = this.clock();
    const page = await this.store.listActivities(filter, filter);
    return mapPage(page, (a) => viewActivity(a, now));
  }

  // ---- statistics and exports -------------------------------------------------------

  /**
   * Response-rate statistics per agency for assignments forwarded from–to (WIB dates,
   * inclusive), from the maintained counters: one Query per agency, whatever the volume.
   */
  async agencyStats(p: Principal, period: StatsPeriod) {
    this.assertCentral(p);
    const agencies: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.store.listAgencies({ limit: 100, cursor });
      agencies.push(...page.items.map((a) => a.id).filter((id) => id !== CENTRAL_TENANT));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const selected = period.agencyId ? agencies.filter((id) => id === period.agencyId) : agencies;
    const { from, to } = this.periodOf(period);
    const counters = await this.store.getAgencyCounters(selected, from, to);
    const policy = await this.policy();
    return {
      from,
      to,
      minimumSample: policy.minimumSample,
      ...agencyReport(counters, policy.minimumSample),
    };
  }

  /** Cases received from–to (WIB dates), newest first, without the complainant's identity. */
  async *exportCases(p: Principal, period: StatsPeriod): AsyncGenerator<CaseView[]> {
    this.assertCentral(p);
    const { from, to } = this.periodOf(period);
    const now = this.clock();
    let cursor: string | undefined;
    do {
      const page = await this.store.listCases(
        {
          received: {
            from: startOfLocalDay(from, STATS_TIME_ZONE),
            to: endOfLocalDay(to, STATS_TIME_ZONE),
          },
        },
        { limit: 100, cursor },
      );
      yield page.items.map((c) => viewCase(c, [], now, { central: true }));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** The period asked for, by default the current year up to today (WIB). */
  private periodOf(period: StatsPeriod): { from: string; to: string } {
    const today = localDate(this.clock(), STATS_TIME_ZONE);
    const from = period.from ?? `${today.slice(0, 4)}-01-01`;
    const to = period.to ?? today;
    if (from > to) throw invalidInput('from', 'must not be after to');
    return { from, to };
  }

  /**
   * A focal point's coordinator hands an assignment to one of its member units to work on,
   * staying accountable for it (its deadlines, letters and statistics stay the focal
   * point's); `memberId: null` takes it back.
   */
  async delegate(
    p: Principal,
    caseId: string,
    agencyId: string,
    input: DelegateInput,
  ): Promise<AssignmentView> {
    if (p.role !== 'agency_coordinator' || p.agency !== agencyId) {
      await this.readableAssignment(p, caseId, agencyId); // not visible: 404 before 403
      throw new DomainError('forbidden', 'only the assigned agency’s coordinator may delegate it');
    }
    return this.retrying(async () => {
      const { bundle, assignment } = await this.readableAssignment(p, caseId, agencyId);
      // Authorised first: the member unit is looked up once the assignment is the caller's.
      if (input.memberId !== null) {
        const member = await this.store.getAgency(input.memberId);
        if (!member || member.focalPointId !== agencyId)
          throw invalidInput('memberId', `not a member unit of ${agencyId}`);
      }
      if (!isOpen(assignment))
        throw new DomainError(
          'invalid_transition',
          `an assignment that is ${assignment.state} cannot be delegated`,
        );
      const now = this.clock();
      const next: AssignmentRecord = {
        ...assignment,
        delegatedTo: input.memberId,
        updatedAt: now.toISOString(),
      };
      const change = await this.assignmentChange(bundle, assignment, next, now, false);
      await this.store.commit({
        ...change.change,
        events: [
          this.event(caseId, now, 'assignment_delegated', p, agencyId, {
            memberId: input.memberId,
            note: input.note ?? null,
          }),
        ],
      });
      return change.view;
    });
  }

  // ---- the central desk ---------------------------------------------------------------

  /** The API's clock: "now" for clients (the manual clock, embedded), never the browser's. */
  now(): Date {
    return this.clock();
  }

  /** Extension requests waiting for central's decision, oldest first. */
  async pendingExtensions(p: Principal, page: PageRequest) {
    this.assertCentral(p);
    return pendingExtensions(this.store, page);
  }

  /** What removing a day off would move (for the admin to confirm), without removing it. */
  async holidayRemovalImpact(calendarId: string, date: string) {
    return holidayRemovalImpact(this.store, this.clock(), calendarId, date);
  }

  // ---- notifications ----------------------------------------------------------------

  /** Every letter the ladders sent, oldest first; by case or agency. */
  async listNotifications(
    p: Principal,
    filter: NotificationsFilter,
  ): Promise<Page<NotificationView>> {
    // An agency reads the letters sent to it (a focal point's coordinator: its member units'
    // too); another agency's are not found.
    let agencyId = filter.agencyId;
    if (!isCentral(p)) {
      agencyId ??= p.agency;
      if (agencyId !== p.agency) {
        const members =
          p.role === 'agency_coordinator' ? await this.store.listMemberUnits(p.agency) : [];
        if (!members.some((m) => m.id === agencyId)) throw notFound(`agency ${agencyId}`);
      }
    }
    const page = await this.store.listNotifications(
      {
        caseId: filter.caseId,
        agencyId,
        since: filter.since ? new Date(filter.since) : undefined,
      },
      filter,
    );
    return mapPage(page, viewNotification);
  }

  // ---- helpers ----------------------------------------------------------------------

  private async changeAssignment(
    p: Principal,
    caseId: string,
    agencyId: string,
    idem: Idempotency | undefined,
    apply: (a: AssignmentRecord, now: Date) => AssignmentStep | Promise<AssignmentStep>,
  ): Promise<Result<AssignmentView>> {
    if (idem) await this.actableAssignment(p, caseId, agencyId); // authorised before a replay
    return this.idempotent(p, idem, (record) =>
      this.retrying(async () => {
        const { bundle, assignment } = await this.actableAssignment(p, caseId, agencyId);
        const now = this.clock();
        const { next, type, data } = await apply(assignment, now);
        const ladder = ladderOf(bundle, agencyId);
        if (!next) return { status: 200, body: viewAssignment(assignment, now, ladder) };
        const written = put(assignment, next);
        const assignments = bundle.assignments.map((a) => (a === assignment ? written.record : a));
        // The case is always rewritten under its version, so that concurrent changes to
        // different assignments of one case serialize and its status stays true.
        let nextCase = reconcile(bundle.case, assignments, now);
        // The last final answer opens the complainant's reply window; its end is a ladder
        // step on the same engine (a timer on the case's own ladder).
        let replyLadder: VersionedPut<LadderRecord> | undefined;
        if (nextCase.status === 'resolved' && bundle.case.status !== 'resolved') {
          const policy = await this.policy();
          const closesAt = computeDeadline(
            await this.calendar(policy.calendarId),
            now,
            policy.replyWindowWorkingDays,
            DEFAULT_TIME_ZONE,
          ).dueAt;
          nextCase = openReplyWindow(nextCase, now, closesAt);
          const previous = ladderOf(bundle, CENTRAL_TENANT);
          const armed = armLadder(
            previous,
            { caseId, agencyId: CENTRAL_TENANT, generation: (previous?.generation ?? 0) + 1 },
            now,
          );
          const timer = ladderTimer(armed.record, closesAt.toISOString(), now);
          const version = armed.record.version;
          replyLadder = { record: { ...timer, version }, expectedVersion: armed.expectedVersion };
        }
        const body = viewAssignment(written.record, now, ladder);
        // The calendar is read only when a first response needs its working days counted.
        const firstResponse =
          assignment.met.followUp === null && written.record.met.followUp !== null;
        const calendar = firstResponse ? await this.calendar(assignment.calendarId) : undefined;
        await this.store.commit({
          case: put(bundle.case, nextCase),
          assignments: [written],
          ...(replyLadder ? { ladders: [replyLadder] } : {}),
          counters: counterDeltas(assignment, written.record, calendar),
          events: [
            this.event(caseId, now, type, p, agencyId, data),
            ...this.statusEvents(bundle.case, nextCase, now, p),
          ],
          idempotency: record(200, body),
        });
        if (replyLadder) {
          const l = replyLadder.record;
          await this.ladders?.arm({
            caseId,
            agencyId: l.agencyId,
            generation: l.generation,
            token: l.token,
          });
        }
        return { status: 200, body };
      }),
    );
  }

  /**
   * Runs a command; with an idempotency key, replays its first result or refuses a different
   * body. The stored answer is the tenant's: a command whose access check is finer than the
   * tenant (the assignment's agency, its focal point's coordinator) makes it before calling
   * this, so that a replay answers only a caller who may make the request now.
   */
  private async idempotent<T>(
    p: Principal,
    idem: Idempotency | undefined,
    run: (
      record: (status: number, body: unknown) => IdempotencyRecord | undefined,
    ) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    if (!idem) return run(() => undefined);
    const replay = async (): Promise<Result<T> | undefined> => {
      const found = await this.store.getIdempotency(p.agency, idem.key);
      if (!found) return undefined;
      if (found.fingerprint !== idem.fingerprint) {
        throw new DomainError(
          'idempotency_key_reused',
          'this Idempotency-Key was used with a different request',
        );
      }
      return { status: found.status, body: found.body as T };
    };
    const earlier = await replay();
    if (earlier) return earlier;
    try {
      return await run((status, body) => ({
        tenant: p.agency,
        key: idem.key,
        fingerprint: idem.fingerprint,
        status,
        body,
        createdAt: this.clock().toISOString(),
      }));
    } catch (error) {
      if (error instanceof WriteConflict && error.kind === 'idempotency') {
        const raced = await replay();
        if (raced) return raced;
      }
      throw error;
    }
  }

  /**
   * Read-decide-write with optimistic concurrency: when another writer got there first, read
   * again and decide again (the transition may now be illegal: then that 409 is the answer).
   */
  private retrying<T>(attempt: () => Promise<T>): Promise<T> {
    return retryOnConflict(attempt);
  }

  private assertCentral(p: Principal): void {
    if (!isCentral(p)) throw new DomainError('forbidden', 'central unit only');
  }

  private policy(): Promise<SlaPolicy> {
    return this.policyById(DEFAULT_POLICY_ID);
  }

  private async policyById(id: string): Promise<SlaPolicy> {
    const policy = await this.store.getPolicy(id);
    if (!policy) throw new Error(`policy ${id} is missing: the table was not seeded`);
    return policy;
  }

  private async calendar(id: string): Promise<Calendar> {
    const calendar = await this.store.getCalendar(id);
    if (!calendar) throw new Error(`calendar ${id} is missing: the table was not seeded`);
    return new Calendar(calendar);
  }

  private async loadCase(caseId: string) {
    const bundle = await this.store.getCase(caseId);
    if (!bundle) throw notFound(`case ${caseId}`);
    return bundle;
  }

  private async centralCase(p: Principal, caseId: string) {
    this.assertCentral(p);
    return this.loadCase(caseId);
  }

  /** The agencies whose assignments an agency user may read: its own and its member units'. */
  private async readerAgencies(p: Principal): Promise<Set<string>> {
    const members = await this.store.listMemberUnits(p.agency);
    return new Set([p.agency, ...members.map((m) => m.id)]);
  }

  private async readableCase(p: Principal, caseId: string) {
    const bundle = await this.loadCase(caseId);
    if (isCentral(p)) return { bundle, reader: { central: true as const } };
    const agencies = await this.readerAgencies(p);
    // A member unit also sees the focal point's assignment delegated to it.
    for (const a of bundle.assignments) if (a.delegatedTo === p.agency) agencies.add(a.agencyId);
    if (!bundle.assignments.some((a) => agencies.has(a.agencyId))) throw notFound(`case ${caseId}`);
    return { bundle, reader: { central: false as const, agencies } };
  }

  private async readableAssignment(p: Principal, caseId: string, agencyId: string) {
    const { bundle, reader } = await this.readableCase(p, caseId);
    const assignment = bundle.assignments.find((a) => a.agencyId === agencyId);
    if (!assignment || (!reader.central && !reader.agencies.has(agencyId))) {
      throw notFound(`assignment of ${agencyId} on case ${caseId}`);
    }
    return { bundle, assignment };
  }

  /** An assignment the caller may see (else 404) and act on as an agency (else 403). */
  private async actableAssignment(p: Principal, caseId: string, agencyId: string) {
    const found = await this.readableAssignment(p, caseId, agencyId);
    await this.assertCanAct(p, agencyId, found.assignment.delegatedTo);
    return found;
  }

  /**
   * Agency actions: that agency's users, its focal point's coordinator, or the member unit the
   * focal point delegated the assignment to.
   */
  private async assertCanAct(
    p: Principal,
    agencyId: string,
    delegatedTo?: string | null,
  ): Promise<void> {
    if (p.agency === agencyId && !isCentral(p)) return;
    if (delegatedTo && p.agency === delegatedTo) return;
    if (p.role === 'agency_coordinator') {
      const agency = await this.store.getAgency(agencyId);
      if (agency?.focalPointId === p.agency) return;
    }
    throw new DomainError(
      'forbidden',
      'only the assigned agency or its focal-point coordinator may act on this assignment',
    );
  }

  private event(
    caseId: string,
    now: Date,
    type: EventType,
    p: Principal,
    agencyId: string | null,
    data: Record<string, unknown>,
  ): TimelineEvent {
    return {
      id: newEventId(now),
      caseId,
      at: now.toISOString(),
      type,
      actor: actorOf(p),
      agencyId,
      data,
    };
  }

  private statusEvents(
    before: CaseRecord,
    after: CaseRecord,
    now: Date,
    p: Principal,
  ): TimelineEvent[] {
    if (before.status === after.status) return [];
    return [
      this.event(before.id, now, 'case_status_changed', p, null, {
        from: before.status,
        to: after.status,
      }),
    ];
  }
}

/** What an agency action makes of an assignment (`next` undefined: nothing to write). */
interface AssignmentStep {
  readonly next: AssignmentRecord | undefined;
  readonly type: EventType;
  readonly data: Record<string, unknown>;
}

/** The case touched by a change that does not move its status (to serialize writers). */
const touchCase = (c: CaseRecord, now: Date): CaseRecord => ({
  ...c,
  updatedAt: now.toISOString(),
});

/** A rung's position in the policy's ladder (1 = the first rung). */
const levelOf = (policy: SlaPolicy, step: string) =>
  policy.ladder.filter((s) => s.action !== 'warning').findIndex((s) => s.name === step) + 1;

const ladderOf = (bundle: CaseBundle, agencyId: string) =>
  bundle.ladders.find((l) => l.agencyId === agencyId);

/** A versioned put of `next` replacing `before`: exactly one version higher. */
const put = <T extends { version: number }>(before: T, next: T): VersionedPut<T> => ({
  record: { ...next, version: before.version + 1 },
  expectedVersion: before.version,
});

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
