/**
 * Monitoring activities: what makes the central unit a monitor rather than a post office
 * (evaluasi awal, klarifikasi, konfirmasi, koordinasi, mediasi, investigasi, gelar pengaduan).
 * Each is planned (or proposed by the escalation ladder), then reported.
 */
import { invalidTransition } from './errors.ts';
import type { ActivityView } from './schemas.ts';

export const ACTIVITY_KINDS = [
  'initial_evaluation',
  'clarification',
  'confirmation',
  'coordination',
  'mediation',
  'investigation',
  'case_conference',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_STATUSES = ['proposed', 'planned', 'done'] as const;

export interface ActivityRecord {
  readonly id: string;
  readonly caseId: string;
  readonly kind: ActivityKind;
  readonly status: (typeof ACTIVITY_STATUSES)[number];
  readonly scheduledAt: string | null;
  readonly agencyIds: readonly string[];
  readonly participants: readonly string[];
  readonly plan: string | null;
  readonly heldAt: string | null;
  readonly outcome: string | null;
  readonly summary: string | null;
  /** `ladder` when central intervention proposed it. */
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** Open activities keep a case under monitoring. */
export const isActivityOpen = (a: Pick<ActivityRecord, 'status'>): boolean => a.status !== 'done';

/** The same report sent again (its answer lost on the way): done, with that report. */
export const reportedAlready = (
  a: ActivityRecord,
  report: { heldAt: string; outcome: string; summary: string },
): boolean =>
  a.status === 'done' &&
  a.heldAt === new Date(report.heldAt).toISOString() &&
  a.outcome === report.outcome &&
  a.summary === report.summary;

export function reportActivity(
  a: ActivityRecord,
  report: { heldAt: string; outcome: string; summary: string },
  now: Date,
): ActivityRecord {
  if (a.status === 'done') throw invalidTransition('this activity was already reported');
  if (Date.parse(report.heldAt) > now.getTime()) {
    throw invalidTransition('an activity cannot be reported as held in the future');
  }
  return {
    ...a,
    status: 'done',
    heldAt: new Date(report.heldAt).toISOString(),
    outcome: report.outcome,
    summary: report.summary,
    updatedAt: now.toISOString(),
    version: a.version + 1,
  };
}

/** Overdue to report: planned for a moment that has passed. */
export const viewActivity = (a: ActivityRecord, now: Date): ActivityView => ({
  id: a.id,
  caseId: a.caseId,
  kind: a.kind,
  status: a.status,
  scheduledAt: a.scheduledAt,
  agencyIds: [...a.agencyIds],
  participants: [...a.participants],
  plan: a.plan,
  heldAt: a.heldAt,
  outcome: a.outcome,
  summary: a.summary,
  overdueToReport:
    a.status !== 'done' && a.scheduledAt !== null && Date.parse(a.scheduledAt) < now.getTime(),
  createdBy: a.createdBy,
  createdAt: a.createdAt,
});
