/**
 * Central restates a verified case for the agencies (`PATCH /v1/cases/{id}`): its subject and the
 * complaint as they read it, with the search index, the assignments' copy of the subject and
 * the postings an earlier release left.
 */
import type { AssignmentRecord } from '../assignment.ts';
import { restate, restatedAlready } from '../case.ts';
import { savedSince } from '../errors.ts';
import { type CaseBundle, MAX_COMMIT_ITEMS, WriteConflict } from '../ports.ts';
import type { CaseView, RestateCaseInput } from '../schemas.ts';
import { stalePostingHeads } from '../search/document.ts';
import type { Principal } from '../tenancy.ts';
import {
  CENTRAL_ROLES,
  commitSize,
  event,
  inRuns,
  loadCase,
  put,
  requireRole,
  retryOnConflict,
  type ServiceDeps,
} from './kernel/index.ts';
import { centralView } from './cases.ts';

/**
 * Central restates a verified case for the agencies (its subject, the complaint as they read
 * it), e.g. an e-mail accepted with its identity hidden before a restatement was required,
 * which they cannot read until it is. The case, its event and the search index's rewrite (the
 * agencies find it by the new words, the old ones gone) go in one transaction: at most 82
 * items, as a verification's. The event tells the agencies that it was restated; what it read
 * before stays in it for central (the timeline keeps every text the agencies were given).
 * A new subject goes on to the assignments (their queues show it): as many as fit with the
 * case, the rest after it (and again on a retry: a restatement cut short is finished by sending
 * it again).
 */
export async function restateCase(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  input: RestateCaseInput,
): Promise<CaseView> {
  requireRole(p, CENTRAL_ROLES);
  const restated = await retryOnConflict(async () => {
    const bundle = await loadCase(deps, caseId);
    const now = deps.clock();
    const before = bundle.case;
    // A case that cannot be restated is refused, even with what it holds (`restate` says why).
    const next = restate(before, input, now);
    // Sent again after its answer was lost (or restated alike meanwhile): the case as it is.
    if (restatedAlready(before, input)) return bundle;
    // Written on an older version (another officer restated, or an agency acted, since):
    // refused, not written over what they read meanwhile.
    if (input.version !== undefined && input.version !== before.version)
      throw savedSince(`case ${caseId}`, input.version, before.version);
    const change = {
      case: put(before, next),
      events: [
        event(caseId, now, 'case_restated', p, null, {
          // That it was, for the agencies; the subjects and what they read before, for central
          // (a subject restated to take a name out is not given back through the timeline).
          ...(next.subject === before.subject
            ? {}
            : { subjectRestated: true, subject: next.subject, previousSubject: before.subject }),
          ...(next.agencyDescription === before.agencyDescription
            ? {}
            : {
                descriptionRestated: true,
                previousDescription: before.agencyDescription ?? null,
              }),
        }),
      ],
    };
    const room = Math.max(0, MAX_COMMIT_ITEMS - commitSize(change));
    const assignments = withSubject(bundle.assignments, next.subject).slice(0, room);
    await deps.store.commit({ ...change, assignments });
    const written = new Map(assignments.map((a) => [a.record.agencyId, a.record]));
    return {
      ...bundle,
      case: change.case.record,
      assignments: bundle.assignments.map((a) => written.get(a.agencyId) ?? a),
    };
  });
  const settled = await subjectToAssignments(deps, restated);
  // Postings an earlier release wrote that its document no longer gives (the signature of an
  // e-mail indexed whole): dropped, after the case's write, and again on a retry.
  await deps.store.dropPostings(settled.case, stalePostingHeads(settled.case));
  return centralView(deps, settled.case, settled.assignments, settled, deps.clock());
}

/** The assignments whose copy of the case's subject (their queue's) is not `subject`. */
const withSubject = (assignments: readonly AssignmentRecord[], subject: string) =>
  assignments.filter((a) => a.subject !== subject).map((a) => put(a, { ...a, subject }));

/**
 * The case's subject on every assignment still showing another (those a restatement did not
 * fit with the case), each at the version read: an agency's action meanwhile makes it read
 * again. Returns the case and its assignments as they are now.
 */
async function subjectToAssignments(deps: ServiceDeps, bundle: CaseBundle): Promise<CaseBundle> {
  let current: CaseBundle | undefined = bundle;
  return retryOnConflict(async () => {
    // Read again after a conflict's pause, not before it.
    const read = (current ??= await loadCase(deps, bundle.case.id));
    const stale = withSubject(read.assignments, read.case.subject);
    try {
      for (const run of inRuns(stale, MAX_COMMIT_ITEMS))
        await deps.store.commit({ assignments: run });
    } catch (e) {
      if (e instanceof WriteConflict) current = undefined;
      throw e;
    }
    const written = new Map(stale.map((a) => [a.record.agencyId, a.record]));
    return {
      ...read,
      assignments: read.assignments.map((a) => written.get(a.agencyId) ?? a),
    };
  });
}
