/**
 * Who may do what. Each use case checks the caller's role first (403, before any record is
 * read, so a refusal says nothing about which ids exist), then scopes every read to what the
 * principal may see: anything else is "not found" (404, no existence leak).
 */
import type { AssignmentRecord } from '../../assignment.ts';
import { partEndedAt } from '../../case.ts';
import { DomainError, notFound } from '../../errors.ts';
import {
  isCentral,
  type Principal,
  type Reader,
  type Role,
  roleFitsTenant,
} from '../../tenancy.ts';
import type { CaseBundle } from '../../ports.ts';
import type { ServiceDeps } from './deps.ts';
import { loadCase } from './loaders.ts';

export const CENTRAL_ROLES = ['central_admin', 'central_officer'] as const satisfies Role[];
export const AGENCY_ROLES = ['agency_coordinator', 'agency_officer'] as const satisfies Role[];
export const ADMIN_ROLES = ['central_admin'] as const satisfies Role[];

/** Allows only these roles (in their own kind of tenant); 403 otherwise. */
export function requireRole(p: Principal, roles: readonly Role[]): void {
  if (!roles.includes(p.role) || !roleFitsTenant(p.agency, p.role)) {
    throw new DomainError('forbidden', `this operation needs one of: ${roles.join(', ')}`);
  }
}

/** The agencies whose assignments an agency user may read: its own and its member units'. */
export async function readerAgencies(deps: ServiceDeps, p: Principal): Promise<Set<string>> {
  const members = await deps.store.listMemberUnits(p.agency);
  return new Set([p.agency, ...members.map((m) => m.id)]);
}

/**
 * The caller's agency's focal point, now. A delegation counts only while the delegate is still
 * the member unit of the assignment's agency: an admin may move a unit to another focal point,
 * or make it stand alone, with delegations open.
 */
export async function focalPointOf(deps: ServiceDeps, p: Principal): Promise<string | null> {
  return (await deps.store.getAgency(p.agency))?.focalPointId ?? null;
}

/**
 * A case the caller may read (central: any; an agency: one with an assignment it sees), and
 * how: an agency whose part in it ended without its doing the work reads it with `endedAt`
 * (`partEndedAt`: as a hidden identity's, and nothing of it after then).
 */
export async function readableCase(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  loaded?: CaseBundle,
) {
  const bundle = loaded ?? (await loadCase(deps, caseId));
  if (isCentral(p)) return { bundle, reader: { central: true as const } };
  const agencies = await readerAgencies(deps, p);
  // A member unit also sees the focal point's assignment delegated to it, while it is still
  // that focal point's member.
  const delegated = bundle.assignments.filter((a) => a.delegatedTo === p.agency);
  let focalPointId: string | null | undefined;
  if (delegated.length > 0) {
    focalPointId = await focalPointOf(deps, p);
    for (const a of delegated) if (a.agencyId === focalPointId) agencies.add(a.agencyId);
  }
  if (!bundle.assignments.some((a) => agencies.has(a.agencyId)))
    throw notFound(`case ${caseId}`, await takenBackBy(deps, p, bundle, focalPointId));
  const endedAt = partEndedAt(bundle.assignments, agencies, bundle.case.closure);
  return { bundle, reader: { central: false as const, agencies, endedAt } };
}

/**
 * Whose a case is that this agency may not read, when it is a member unit that held it by
 * delegation: its focal point (which it knows anyway), so that a link it kept says the case was
 * taken back rather than the general 404; nothing else of the case. Only its focal point's
 * assignment counts, delegated to it before (the timeline says), while it is still that focal
 * point's member. Read on the 404 path alone: its own agency record (unless read already), and
 * the case's delegations only when its focal point is on the case.
 */
async function takenBackBy(
  deps: ServiceDeps,
  p: Principal,
  bundle: CaseBundle,
  known: string | null | undefined,
): Promise<string | undefined> {
  const focalPointId = known === undefined ? await focalPointOf(deps, p) : known;
  if (!focalPointId || !bundle.assignments.some((a) => a.agencyId === focalPointId))
    return undefined;
  return (await deps.store.wasDelegatedTo(bundle.case.id, focalPointId, p.agency))
    ? focalPointId
    : undefined;
}

export async function readableAssignment(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
): Promise<{ bundle: CaseBundle; assignment: AssignmentRecord; reader: Reader }> {
  const bundle = await loadCase(deps, caseId);
  const assignment = bundle.assignments.find((a) => a.agencyId === agencyId);
  // The caller's own assignment (or one delegated to it) needs no list of member units: the
  // common case of an agency answering reads only the case (and reads it as itself alone).
  if (assignment && !isCentral(p) && assignment.agencyId === p.agency) {
    return { bundle, assignment, reader: { central: false, agencies: new Set([p.agency]) } };
  }
  const { reader } = await readableCase(deps, p, caseId, bundle);
  if (!assignment || (!reader.central && !reader.agencies.has(agencyId))) {
    throw notFound(`assignment of ${agencyId} on case ${caseId}`);
  }
  return { bundle, assignment, reader };
}

/** An assignment the caller may see (else 404) and act on as an agency (else 403). */
export async function actableAssignment(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
) {
  const found = await readableAssignment(deps, p, caseId, agencyId);
  await assertCanAct(deps, p, agencyId, found.assignment.delegatedTo);
  return found;
}

/**
 * Agency actions: that agency's users, its focal point's coordinator, or the member unit the
 * focal point delegated the assignment to.
 */
export async function assertCanAct(
  deps: ServiceDeps,
  p: Principal,
  agencyId: string,
  delegatedTo?: string | null,
): Promise<void> {
  if (p.agency === agencyId && !isCentral(p)) return;
  if (delegatedTo && p.agency === delegatedTo && (await focalPointOf(deps, p)) === agencyId) return;
  if (p.role === 'agency_coordinator') {
    const agency = await deps.store.getAgency(agencyId);
    if (agency?.focalPointId === p.agency) return;
  }
  throw new DomainError(
    'forbidden',
    'only the assigned agency or its focal-point coordinator may act on this assignment',
  );
}
