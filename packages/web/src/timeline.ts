/** What a case's timeline implies: extension requests awaiting a decision, activities to report. */
import type { Schemas } from './api/client';

type Event = Schemas['TimelineEvent'];

export interface PendingExtension {
  requestId: string;
  agencyId: string;
  workingDays: number;
  reason: string;
  at: string;
}

export function pendingExtensions(events: readonly Event[]): PendingExtension[] {
  const decided = new Set(
    events
      .filter((e) => e.type === 'extension_approved' || e.type === 'extension_refused')
      .map((e) => String(e.data.requestId)),
  );
  return events
    .filter((e) => e.type === 'extension_requested' && !decided.has(String(e.data.requestId)))
    .map((e) => ({
      requestId: String(e.data.requestId),
      agencyId: e.agencyId ?? '',
      workingDays: Number(e.data.workingDays),
      reason: String(e.data.reason ?? ''),
      at: e.at,
    }));
}

export interface OpenActivity {
  activityId: string;
  kind: string;
  scheduledAt: string | null;
}

export function openActivities(events: readonly Event[]): OpenActivity[] {
  const reported = new Set(
    events.filter((e) => e.type === 'activity_reported').map((e) => String(e.data.activityId)),
  );
  return events
    .filter(
      (e) =>
        (e.type === 'activity_planned' || e.type === 'activity_proposed') &&
        !reported.has(String(e.data.activityId)),
    )
    .map((e) => ({
      activityId: String(e.data.activityId),
      kind: String(e.data.kind),
      scheduledAt: typeof e.data.scheduledAt === 'string' ? e.data.scheduledAt : null,
    }));
}

/** Who did it: `role` and `agency` of a person, or `escalation` / `complainant`. */
export function actorKind(
  actor: Event['actor'],
): { kind: 'person'; agency: string; role: string } | { kind: 'escalation' | 'complainant' } {
  if ('system' in actor) return { kind: 'escalation' };
  if ('complainant' in actor) return { kind: 'complainant' };
  return { kind: 'person', agency: actor.agency, role: actor.role };
}
