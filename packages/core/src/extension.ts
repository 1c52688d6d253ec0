/** An agency's request for more time on an assignment, decided by central. */
import { type AssignmentRecord, isOpen } from './assignment.ts';
import { invalidTransition } from './errors.ts';
import type { ExtensionRequestView } from './schemas.ts';

export interface ExtensionRequestRecord {
  readonly id: string;
  readonly caseId: string;
  readonly agencyId: string;
  readonly generation: number;
  readonly workingDays: number;
  readonly reason: string;
  /** `lapsed`: its assignment ended (answered, redirected, withdrawn) before a decision. */
  readonly status: 'pending' | 'approved' | 'refused' | 'lapsed';
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly note: string | null;
  readonly version: number;
}

/**
 * A request still to decide: its assignment, of the forwarding it was asked in, is open. One
 * whose assignment ended since (answered, redirected, withdrawn) asks for nothing any more:
 * no deadline is left to extend. So a case has at most one per open assignment.
 */
export const awaitsDecision = (
  x: ExtensionRequestRecord,
  assignments: readonly AssignmentRecord[] | undefined,
): boolean => {
  const a = assignments?.find((y) => y.agencyId === x.agencyId);
  return x.status === 'pending' && a !== undefined && a.generation === x.generation && isOpen(a);
};

export function decideExtension(
  r: ExtensionRequestRecord,
  approve: boolean,
  note: string | null,
  by: string,
  now: Date,
): ExtensionRequestRecord {
  if (r.status !== 'pending')
    throw invalidTransition(`this extension request was already ${r.status}`);
  return {
    ...r,
    status: approve ? 'approved' : 'refused',
    decidedBy: by,
    decidedAt: now.toISOString(),
    note,
    version: r.version + 1,
  };
}

/**
 * The request no longer waits: its assignment ended before central decided (an answer, a
 * redirect, the case closed). Nothing is left to extend; it leaves central's desk.
 */
export const lapse = (r: ExtensionRequestRecord, now: Date): ExtensionRequestRecord => ({
  ...r,
  status: 'lapsed',
  decidedAt: now.toISOString(),
  version: r.version + 1,
});

export const viewExtensionRequest = (r: ExtensionRequestRecord): ExtensionRequestView => ({
  id: r.id,
  caseId: r.caseId,
  agencyId: r.agencyId,
  workingDays: r.workingDays,
  reason: r.reason,
  status: r.status,
  requestedAt: r.requestedAt,
  decidedAt: r.decidedAt,
  note: r.note,
});
