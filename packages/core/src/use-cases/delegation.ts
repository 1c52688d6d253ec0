/**
 * A focal point's coordinator and its member units: delegating an assignment to a unit, taking
 * it back, the unit giving it back, and a delegation given back when its unit leaves (each one a
 * task of the job the move starts).
 */
import { delegatedInvitations } from '../activity.ts';
import { type AssignmentRecord, isOpen, viewAssignment } from '../assignment.ts';
import { DomainError, invalidInput } from '../errors.ts';
import { type CaseBundle, type LetterShares, MAX_COMMIT_ITEMS, WriteConflict } from '../ports.ts';
import { type AssignmentKey, inScope, type RearmJobRecord, type RearmScope } from '../rearm-job.ts';
import type { Agency, AssignmentView, DelegateInput } from '../schemas.ts';
import { NOT_A_MEMBER_UNIT } from '../schemas/assignments.ts';
import type { Principal, Reader } from '../tenancy.ts';
import {
  AGENCY_ROLES,
  assignmentChange,
  commitSize,
  event,
  type Idempotency,
  idempotent,
  inRuns,
  ladderOf,
  loadCase,
  readableAssignment,
  type Remember,
  requireRole,
  retryOnConflict,
  type ServiceDeps,
} from './kernel/index.ts';

/**
 * A focal point's coordinator hands an assignment to one of its member units to work on,
 * staying accountable for it (its deadlines, letters and statistics stay the focal
 * point's); `memberId: null` takes it back. The member unit may send `memberId: null` too: it
 * gives the assignment back to its coordinator, with why in `note` (`returnedBy` on the event).
 * The coordinator's request sent again (its answer lost) finds the assignment as it asked and
 * writes nothing; the unit's cannot (it no longer reads the case): its `Idempotency-Key`
 * replays the first answer.
 */
export async function delegate(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  agencyId: string,
  input: DelegateInput,
  idem?: Idempotency,
): Promise<AssignmentView> {
  requireRole(p, AGENCY_ROLES);
  const coordinator = p.role === 'agency_coordinator' && p.agency === agencyId;
  const forbidden = () =>
    new DomainError('forbidden', 'only the assigned agency’s coordinator may delegate it');
  // The agency's other users never hold its assignment as a member unit (no agency is its own).
  if (!coordinator && (input.memberId !== null || p.agency === agencyId)) {
    await readableAssignment(deps, p, caseId, agencyId); // not visible: 404 before 403
    throw forbidden();
  }
  // Authorised before a replay, except the unit giving it back: once it has, it no longer reads
  // the case, so its retry is answered from its key first. The key and its answer are the
  // unit's own tenant's, which gave it back: no way in for anyone else.
  if (idem && coordinator) await readableAssignment(deps, p, caseId, agencyId);
  return idempotent(deps, p.agency, idem, (remember) =>
    retryOnConflict(async () => {
      const { bundle, assignment, reader } = await readableAssignment(deps, p, caseId, agencyId);
      if (!coordinator) {
        // The member unit it was delegated to gives it back to its coordinator ("not our
        // region"): the coordinator delegates it to the right unit, or answers for the agency.
        // ("Not ours" for the whole agency stays the redirect to central.)
        if (assignment.delegatedTo !== p.agency) throw forbidden();
        if (!isOpen(assignment))
          throw new DomainError(
            'invalid_transition',
            `an assignment that is ${assignment.state} is not given back: it has ended`,
          );
        return setDelegation(
          deps,
          p,
          reader,
          bundle,
          assignment,
          null,
          { memberId: null, note: input.note ?? null, returnedBy: p.agency },
          undefined,
          remember,
        );
      }
      // Authorised first: the member unit is looked up once the assignment is the caller's, and
      // the delegation written only while the unit is as read (one that left the focal point
      // meanwhile, its delegations given back already, is refused on reading it again).
      let member: Agency | undefined;
      if (input.memberId !== null) {
        member = await deps.store.getAgency(input.memberId);
        if (!member || member.focalPointId !== agencyId)
          throw invalidInput('memberId', NOT_A_MEMBER_UNIT);
      }
      // Already as asked (the same request sent again, its answer lost; a take-back of none):
      // nothing to write, and no second event on the timeline.
      if (assignment.delegatedTo === input.memberId)
        return viewAssignment(assignment, deps.clock(), reader, ladderOf(bundle, agencyId));
      // Asked on a page that showed another holder (another coordinator delegated it, or took
      // it back, since): refused, not moved away from the unit they chose without their knowing.
      const holder = assignment.delegatedTo ?? null;
      if (input.from !== undefined && input.from !== holder)
        throw new DomainError(
          'version_conflict',
          `the assignment of ${agencyId} on case ${caseId} is held by ${holder ?? 'no member unit'} now, not ${input.from ?? 'no member unit'}: read it again`,
        );
      // Taking a delegation back is always possible (an ended assignment still lets its member
      // unit read the case); delegating is for open assignments only.
      if (!isOpen(assignment) && input.memberId !== null)
        throw new DomainError(
          'invalid_transition',
          `an assignment that is ${assignment.state} cannot be delegated`,
        );
      return setDelegation(
        deps,
        p,
        reader,
        bundle,
        assignment,
        input.memberId,
        { memberId: input.memberId, note: input.note ?? null },
        member,
        remember,
      );
    }),
  );
}

/**
 * Writes an assignment's member unit (`null`: none) with its `assignment_delegated` event; the
 * assignment's letters (`LetterShares`) and its invitations to the activities planned with the
 * agency (`delegatedInvitations`) follow it to the unit, or leave it.
 */
async function setDelegation(
  deps: ServiceDeps,
  p: Principal,
  reader: Reader,
  bundle: CaseBundle,
  assignment: AssignmentRecord,
  memberId: string | null,
  data: Record<string, unknown>,
  member?: Agency,
  remember?: Remember,
): Promise<AssignmentView> {
  const now = deps.clock();
  const next: AssignmentRecord = {
    ...assignment,
    delegatedTo: memberId,
    // When it reached the unit (its "new since" counts it): kept if delegated to it again.
    delegatedAt:
      memberId === null
        ? null
        : memberId === assignment.delegatedTo
          ? (assignment.delegatedAt ?? now.toISOString())
          : now.toISOString(),
    // Given back by the unit, or back because the unit left: news to the coordinator (a
    // take-back is its own act).
    ...(data['returnedBy'] || data['reason'] === 'member_left'
      ? { returnedAt: now.toISOString() }
      : {}),
    updatedAt: now.toISOString(),
  };
  const change = await assignmentChange(deps, bundle, assignment, next, now, false);
  const body = change.view(reader);
  const idempotency = remember?.(body);
  // The activities planned with the agency, as read with the case (its version orders this with
  // their changes), go with it to the unit's list of coming activities, or leave it: one item
  // each, at most 50 (`MAX_OPEN_ACTIVITIES`), so with the delegation's own (about ten) they
  // always fit its transaction, the letters taking the room left.
  const invitations = delegatedInvitations(
    bundle.activities,
    assignment.agencyId,
    assignment.delegatedTo ?? null,
    memberId,
  );
  const commit = {
    ...change.change,
    ...(member ? { agenciesAsRead: [member] } : {}),
    ...(invitations.length > 0 ? { invitations } : {}),
    events: [event(assignment.caseId, now, 'assignment_delegated', p, assignment.agencyId, data)],
    ...(idempotency ? { idempotency } : {}),
  };
  // The assignment's letters go with it to the unit's letters log (or leave it), newest first in
  // the delegation's own transaction; those it has no room for (an assignment with more letters
  // than one transaction holds, far past what its ladders write) right after it.
  const shares = await letterShares(deps, bundle, assignment, memberId);
  const room = Math.max(
    0,
    MAX_COMMIT_ITEMS - commitSize({ ...commit, letterShares: { ...shares, letters: [] } }),
  );
  await deps.store.commit({
    ...commit,
    letterShares: { ...shares, letters: shares.letters.slice(0, room) },
  });
  for (const run of inRuns(shares.letters.slice(room), MAX_COMMIT_ITEMS - 1)) {
    try {
      await deps.store.commit({
        letterShares: {
          caseId: shares.caseId,
          agencyId: shares.agencyId,
          memberId,
          letters: run,
          // The assignment as this delegation wrote it.
          assignmentVersion: assignment.version + 1,
        },
      });
    } catch (error) {
      // Delegated again (or taken back) since: that change shared every letter itself.
      if (error instanceof WriteConflict) break;
      throw error;
    }
  }
  return body;
}

/**
 * Every letter of the assignment, newest first, shared with `memberId` (null: with no unit),
 * on its ladder as read in `bundle`: a letter written since the case was read changes the
 * ladder, and the delegation, refused, reads both again.
 */
async function letterShares(
  deps: ServiceDeps,
  bundle: CaseBundle,
  assignment: AssignmentRecord,
  memberId: string | null,
): Promise<LetterShares> {
  const ladder = ladderOf(bundle, assignment.agencyId);
  const letters = await deps.store.listAssignmentLetters(assignment.caseId, assignment.agencyId);
  return {
    caseId: assignment.caseId,
    agencyId: assignment.agencyId,
    memberId,
    letters: [...letters].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    ...(ladder ? { ladderVersion: ladder.version } : {}),
  };
}

/**
 * One assignment given back because its member unit stopped being its focal point's member
 * (central's admin moved it, or made it stand alone): a task of the job the move recorded
 * (`RearmScope` of kind `member`), run after the move is saved. Taken back with its event
 * (`reason: member_left`), so the focal point's queue shows it as its own again, news to its
 * coordinator, and the unit's queue no longer lists what it cannot open; open or ended alike.
 * `moved` when given back; `current` when it was no longer the unit's (taken back, given back
 * already: a batch run again changes nothing twice).
 */
export async function giveBackDelegation(
  deps: ServiceDeps,
  job: Pick<RearmJobRecord, 'id' | 'requestedBy'>,
  scope: Extract<RearmScope, { kind: 'member' }>,
  ref: AssignmentKey,
): Promise<'moved' | 'current'> {
  return retryOnConflict(async () => {
    const bundle = await loadCase(deps, ref.caseId);
    const assignment = bundle.assignments.find((x) => x.agencyId === ref.agencyId);
    if (!assignment || !inScope(scope)(assignment)) return 'current';
    // Still (or again) that focal point's member, the move not saved: its delegation stands.
    const member = await deps.store.getAgency(scope.memberId);
    if (member?.focalPointId === assignment.agencyId) return 'current';
    await setDelegation(deps, job.requestedBy, { central: true }, bundle, assignment, null, {
      memberId: null,
      note: null,
      reason: 'member_left',
      formerMemberId: scope.memberId,
      jobId: job.id,
    });
    return 'moved';
  });
}
