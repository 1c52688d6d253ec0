import type { CaseRecord } from '../../case.ts';
import type { Principal } from '../../tenancy.ts';
import { actorOf, type EventType, newEventId, type TimelineEvent } from '../../timeline.ts';

/** A timeline event the principal caused. */
export function event(
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

/**
 * `case_status_changed` when a change moved the case's status, else nothing. `on`: the agency
 * whose assignment the change was on, when it was an assignment's (a member unit reads its
 * focal point's acts on the case only when they were on its own assignment: `agencySeesEvent`).
 */
export function statusEvents(
  before: CaseRecord,
  after: CaseRecord,
  now: Date,
  p: Principal,
  on?: string,
): TimelineEvent[] {
  if (before.status === after.status) return [];
  return [
    event(before.id, now, 'case_status_changed', p, null, {
      from: before.status,
      to: after.status,
      ...(on ? { on } : {}),
    }),
  ];
}
