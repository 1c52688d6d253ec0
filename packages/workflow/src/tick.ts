/**
 * The `Tick` task: the one handler the state machine calls, on AWS through a Lambda and
 * embedded in process. It re-reads the assignment (the table is the truth), takes each ladder
 * step whose instant has come exactly once (a conditional write keyed by the step's identity,
 * with its letter in the outbox and its timeline event, all in one transaction), delivers the
 * outbox, and answers when to wake next.
 */
import {
  type ActivityRecord,
  Calendar,
  type CaseBundle,
  closeUnanswered,
  composeLetter,
  rungAt,
  type LadderRecord,
  type Mailer,
  type NotificationRecord,
  ladderDue,
  ladderSchedule,
  newEventId,
  type Store,
  WriteConflict,
  CENTRAL_TENANT,
} from '@pantau/core';
import { z } from 'zod';
import { MAX_PASSES_PER_EXECUTION } from './definition.ts';

export const TickInput = z.looseObject({
  caseId: z.string().min(1),
  agencyId: z.string().min(1),
  generation: z.int().min(1),
  token: z.int().min(1),
  segment: z.int().min(0).default(0),
  tick: z.looseObject({ passes: z.int().min(0) }).optional(),
});
export type TickInput = z.input<typeof TickInput>;

export interface TickResult {
  readonly done: boolean;
  readonly wakeAt: string | null;
  readonly continueAsNew: boolean;
  readonly passes: number;
  /** Steps this tick took (0 when another execution had taken them already). */
  readonly taken: number;
}

export interface EngineDeps {
  readonly store: Store;
  readonly clock: () => Date;
  readonly mailer: Mailer;
}

const MAX_ATTEMPTS = 5;
const MAX_DELIVERY_ATTEMPTS = 5;

export async function tick(deps: EngineDeps, raw: unknown): Promise<TickResult> {
  const input = TickInput.parse(raw);
  const passes = (input.tick?.passes ?? 0) + 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await tickOnce(deps, input, passes);
    } catch (error) {
      // Another execution of the same ladder moved first: read again, decide again.
      if (error instanceof WriteConflict && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}

async function tickOnce(
  deps: EngineDeps,
  ref: z.output<typeof TickInput>,
  passes: number,
): Promise<TickResult> {
  const { store } = deps;
  const stop: TickResult = { done: true, wakeAt: null, continueAsNew: false, passes, taken: 0 };
  const bundle = await store.getCase(ref.caseId);
  if (bundle && ref.agencyId === CENTRAL_TENANT) return replyWindowTick(deps, ref, passes, bundle);
  const assignment = bundle?.assignments.find((a) => a.agencyId === ref.agencyId);
  const ladder = bundle?.ladders.find((l) => l.agencyId === ref.agencyId);
  // A re-armed or re-forwarded ladder has a newer token or generation: this execution is done.
  if (
    !bundle ||
    !assignment ||
    !ladder ||
    ladder.token !== ref.token ||
    ladder.generation !== ref.generation ||
    assignment.generation !== ref.generation
  ) {
    return stop;
  }
  const [policy, storedCalendar] = await Promise.all([
    store.getPolicy(assignment.policyId),
    store.getCalendar(assignment.calendarId),
  ]);
  if (!policy || !storedCalendar)
    throw new Error(`policy ${assignment.policyId} or calendar ${assignment.calendarId} missing`);
  const calendar = new Calendar(storedCalendar);
  const now = deps.clock();
  const events = ladderSchedule(assignment, policy.ladder, calendar);
  const { due, next } = ladderDue(events, now);
  const takenBefore =
    due.length > 0
      ? await store.listStepsTaken(ref.caseId, ref.agencyId, ref.generation)
      : new Set<string>();
  const toTake = due.filter((e) => !takenBefore.has(e.id));

  let current: LadderRecord = ladder;
  if (toTake.length > 0) {
    const agency = await store.getAgency(assignment.agencyId);
    if (!agency) throw new Error(`agency ${assignment.agencyId} missing`);
    const [focalPoint, central] = await Promise.all([
      agency.focalPointId ? store.getAgency(agency.focalPointId) : undefined,
      store.getAgency(CENTRAL_TENANT),
    ]);
    for (const event of toTake) {
      const step = policy.ladder.find((s) => s.name === event.step)!;
      const letter = composeLetter({
        event,
        step,
        case: bundle.case,
        assignment,
        parties: { agency, focalPoint, central },
        calendar,
      });
      const notification: NotificationRecord = {
        id: newEventId(now),
        caseId: ref.caseId,
        agencyId: ref.agencyId,
        generation: ref.generation,
        stepId: event.id,
        step: event.step,
        action: event.action,
        target: event.targets[0]!,
        targets: event.targets,
        channel: 'email',
        recipients: letter.to,
        cc: letter.cc,
        status: 'pending',
        subject: letter.subject,
        body: letter.body,
        scheduledAt: event.at,
        createdAt: now.toISOString(),
        sentAt: null,
        attempts: 0,
        lastError: null,
      };
      const rung = rungAt(events, new Date(event.at));
      const nextLadder: LadderRecord = {
        ...current,
        level: rung?.level ?? 0,
        rung: rung?.action ?? null,
        lastStepAt: event.at,
        updatedAt: now.toISOString(),
        version: current.version + 1,
      };
      // Central intervention lands on central's calendar as a proposed clarification.
      const activity: ActivityRecord | undefined =
        event.action === 'central_intervention'
          ? {
              id: newEventId(now),
              caseId: ref.caseId,
              kind: 'clarification',
              status: 'proposed',
              scheduledAt: null,
              agencyIds: [ref.agencyId],
              participants: [],
              plan: `Diusulkan oleh tangga eskalasi: ${agency.name} belum memenuhi ${event.targets.length} target.`,
              heldAt: null,
              outcome: null,
              summary: null,
              createdBy: 'escalation',
              createdAt: now.toISOString(),
              updatedAt: now.toISOString(),
              version: 1,
            }
          : undefined;
      await store.commitLadderStep({
        ladder: { record: nextLadder, expectedVersion: current.version },
        stepId: event.id,
        notification,
        ...(activity ? { activity } : {}),
        event: {
          id: newEventId(now),
          caseId: ref.caseId,
          at: now.toISOString(),
          type: 'escalation_step',
          actor: { system: 'escalation' },
          agencyId: ref.agencyId,
          data: {
            step: event.step,
            action: event.action,
            targets: event.targets,
            scheduledAt: event.at,
            notificationId: notification.id,
          },
        },
      });
      current = nextLadder;
    }
  }

  if (current.wakeAt !== next) {
    const timer: LadderRecord = {
      ...current,
      wakeAt: next,
      updatedAt: now.toISOString(),
      version: current.version + 1,
    };
    await store.putLadder({ record: timer, expectedVersion: current.version });
  }
  await deliverOutbox(deps, ref.caseId, ref.agencyId);
  return {
    done: next === null,
    wakeAt: next,
    continueAsNew: next !== null && passes >= MAX_PASSES_PER_EXECUTION,
    passes,
    taken: toTake.length,
  };
}

/**
 * The case's own ladder (keyed by the central tenant): the complainant's reply window. When
 * it ends in silence the case closes as resolved, exactly once (under the case's version, so a
 * reply that came in meanwhile wins and this finds nothing left to do).
 */
async function replyWindowTick(
  deps: EngineDeps,
  ref: z.output<typeof TickInput>,
  passes: number,
  bundle: CaseBundle,
): Promise<TickResult> {
  const { store } = deps;
  const ladder = bundle.ladders.find((l) => l.agencyId === CENTRAL_TENANT);
  const stop: TickResult = { done: true, wakeAt: null, continueAsNew: false, passes, taken: 0 };
  if (!ladder || ladder.token !== ref.token || ladder.generation !== ref.generation) return stop;
  const c = bundle.case;
  const now = deps.clock();
  const closesAt = c.status === 'resolved' && c.replyWindow ? c.replyWindow.closesAt : null;
  const settle = (wakeAt: string | null) =>
    store.putLadder({
      record: { ...ladder, wakeAt, updatedAt: now.toISOString(), version: ladder.version + 1 },
      expectedVersion: ladder.version,
    });
  if (closesAt === null) {
    if (ladder.wakeAt !== null) await settle(null);
    return stop;
  }
  if (now.getTime() <= Date.parse(closesAt)) {
    if (ladder.wakeAt !== closesAt) await settle(closesAt);
    return { done: false, wakeAt: closesAt, continueAsNew: false, passes, taken: 0 };
  }
  const closed = closeUnanswered(c, now);
  const actor = { system: 'escalation' as const };
  await store.commit({
    case: { record: { ...closed, version: c.version + 1 }, expectedVersion: c.version },
    ladders: [
      {
        record: {
          ...ladder,
          wakeAt: null,
          lastStepAt: closesAt,
          updatedAt: now.toISOString(),
          version: ladder.version + 1,
        },
        expectedVersion: ladder.version,
      },
    ],
    events: [
      {
        id: newEventId(now),
        caseId: c.id,
        at: now.toISOString(),
        type: 'reply_window_ended',
        actor,
        agencyId: null,
        data: { closesAt },
      },
      {
        id: newEventId(now),
        caseId: c.id,
        at: now.toISOString(),
        type: 'case_closed',
        actor,
        agencyId: null,
        data: { outcome: 'resolved', reason: 'no reply within the reply window' },
      },
    ],
  });
  return { ...stop, taken: 1 };
}

/**
 * Sends the letters of one assignment still in the outbox. A crash between the step's commit
 * and here leaves them pending; the next tick (or the embedded runtime's start) sends them.
 * Delivery is at least once; the mailers make a repeat harmless (one file, one message id).
 */
export async function deliverOutbox(
  deps: EngineDeps,
  caseId: string,
  agencyId: string,
): Promise<void> {
  for (const n of await deps.store.listUndelivered(caseId, agencyId)) await deliver(deps, n);
}

export async function deliver(deps: EngineDeps, n: NotificationRecord): Promise<void> {
  if (n.status === 'failed') return;
  const attempts = n.attempts + 1;
  try {
    await deps.mailer.send(n);
    await deps.store.putNotification({
      ...n,
      status: 'sent',
      sentAt: deps.clock().toISOString(),
      attempts,
      lastError: null,
    });
  } catch (error) {
    const lastError = error instanceof Error ? error.message.slice(0, 500) : 'delivery failed';
    await deps.store.putNotification({
      ...n,
      status: attempts >= MAX_DELIVERY_ATTEMPTS ? 'failed' : 'pending',
      attempts,
      lastError,
    });
  }
}
