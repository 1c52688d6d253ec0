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

/** `case_status_changed` when a change moved the case's status, else nothing. */
export function statusEvents(
  before: CaseRecord,
  after: CaseRecord,
  now: Date,
  p: Principal,
): TimelineEvent[] {
  if (before.status === after.status) return [];
  return [
    event(before.id, now, 'case_status_changed', p, null, {
      from: before.status,
      to: after.status,
    }),
  ];
}
