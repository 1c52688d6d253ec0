/** Agencies: the registry of tenants, their focal points and contacts (central's admin edits). */
import { contactsFrom, newAgency, sameName } from '../agency.ts';
import { DomainError, invalidInput, notFound, savedSince } from '../errors.ts';
import { type AgencyWrite, type Page, type PageRequest, WriteConflict } from '../ports.ts';
import { type RearmJobRecord, scopeKey } from '../rearm-job.ts';
import { AGENCY_ID_TAKEN, AGENCY_NAME_TAKEN } from '../schemas/agencies.ts';
import type {
  Agency,
  AgencyChange,
  AgencyName,
  CreateAgencyInput,
  JobView,
  UpdateAgencyInput,
} from '../schemas.ts';
import { CENTRAL_TENANT, isCentral, type Principal } from '../tenancy.ts';
import {
  ADMIN_ROLES,
  type Idempotency,
  idempotent,
  requireRole,
  retryOnConflict,
  savedAlready,
  type ServiceDeps,
} from './kernel/index.ts';
import { jobOfSavedEdit, newRearmJob, startJob, unfinishedJob } from './rearm-jobs.ts';

export async function createAgency(
  deps: ServiceDeps,
  p: Principal,
  input: CreateAgencyInput,
  idem?: Idempotency,
): Promise<Agency> {
  requireRole(p, ADMIN_ROLES);
  return idempotent(deps, p.agency, idem, async (remember) => {
    const agency = newAgency(input, deps.clock());
    await assertNameFree(deps, input.name, input.id);
    try {
      // Its focal point edited meanwhile: checked again on what it is now.
      await retryOnConflict(async () => {
        const focal =
          input.focalPointId === undefined
            ? undefined
            : await assertFocalPoint(deps, input.focalPointId, input.id);
        await putAgency(deps, agency, null, {
          idempotency: remember(agency),
          ...(focal ? { focalPoint: focal } : {}),
        });
      });
    } catch (error) {
      if (error instanceof WriteConflict && error.kind === 'exists') {
        throw new DomainError('already_exists', `agency ${input.id} already exists`, {
          cause: error,
          errors: [{ path: 'id', message: AGENCY_ID_TAKEN }],
        });
      }
      throw error;
    }
    return agency;
  });
}

/**
 * Central: every agency. An agency: itself (on the first page), then its member units, paged
 * like every list (a focal point may coordinate hundreds of land offices).
 */
export async function listAgencies(
  deps: ServiceDeps,
  p: Principal,
  page: PageRequest,
): Promise<Page<Agency>> {
  if (isCentral(p)) return deps.store.listAgencies(page);
  const own = page.cursor === undefined ? await deps.store.getAgency(p.agency) : undefined;
  const members = await deps.store.listMemberUnitsPage(p.agency, {
    ...page,
    limit: own && page.limit > 1 ? page.limit - 1 : page.limit,
  });
  return { ...members, items: [...(own ? [own] : []), ...members.items] };
}

/**
 * Every agency's id and name, for anyone signed in (issue 14): the console shows names, not
 * codes, and an agency saying "not ours" searches the competent one among all of them. No
 * contacts: those stay with central and the agency itself.
 */
export async function agencyNames(deps: ServiceDeps, _p: Principal): Promise<AgencyName[]> {
  const names: AgencyName[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listAgencies({ limit: 100, cursor });
    names.push(...page.items.map(({ id, name, kind }) => ({ id, name, kind })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return names;
}

/** Central: any agency; an agency: itself, or a member unit it is the focal point of. */
export async function getAgency(deps: ServiceDeps, p: Principal, id: string): Promise<Agency> {
  const agency = await deps.store.getAgency(id);
  if (!agency || !(isCentral(p) || id === p.agency || agency.focalPointId === p.agency)) {
    throw notFound(`agency ${id}`);
  }
  return agency;
}

/** The open assignments of one agency (its time zone corrected: they take it). */
const agencyScope = (agencyId: string) => ({ kind: 'agency' as const, agencyId });
/** What a member unit was delegated by focal points other than the one it now has. */
const memberScope = (memberId: string, focalPointId: string | null) => ({
  kind: 'member' as const,
  memberId,
  focalPointId,
});
/** The member unit's job's reason: the focal point it now has ('' none), the one it left. */
const moveReason = (focalPointId: string | null, left?: string) => ({
  focalPointId: focalPointId ?? '',
  ...(left ? { formerFocalPointId: left } : {}),
});

/**
 * Changes an agency. A time zone corrected re-arms its open assignments in the new zone (each
 * keeps the zone it was forwarded in until then): a job, recorded before the agency is saved so
 * the change is never saved without it, and started whatever the save did (run where the agency
 * is as saved, it moves nothing when the save did not happen). The answer carries the job; an
 * edit naming the zone the agency already has carries the job to that zone while it is under
 * way: a retry whose answer was lost, or was a 503 because the job's start was throttled,
 * starts it, as the calendar's removals do. Sent with the `version` it was made on, that retry
 * finds the agency one version on, holding what it asks: answered as saved (`saveAgency`).
 *
 * A member unit moved out of its focal point (to another, or standing alone) gives back every
 * assignment that focal point delegated to it, open or ended, in a job of its own recorded and
 * started the same way (`delegationsJob`): a unit given thousands over the years is moved in one
 * request's time, the give-backs done after it answers. Its tasks give back only what the unit's
 * focal point, as it is when they run, did not delegate: a save that did not happen gives back
 * nothing. The unit's delegations stop counting at the save (it reads and acts on a focal point's
 * assignment only while it is that focal point's member; a delegation racing the move is
 * refused); the job clears them from the queues.
 */
export async function updateAgency(
  deps: ServiceDeps,
  p: Principal,
  id: string,
  input: UpdateAgencyInput,
): Promise<AgencyChange> {
  requireRole(p, ADMIN_ROLES);
  let job: RearmJobRecord | undefined;
  let moved: RearmJobRecord | undefined;
  let saved: Agency;
  let again: boolean;
  try {
    ({ saved, again } = await saveAgency(deps, p, id, input, async (agency) => {
      if (!job && input.timeZone !== undefined && input.timeZone !== agency.timeZone) {
        job = newRearmJob(deps, p, agencyScope(id), { agencyId: id, timeZone: input.timeZone });
        await deps.store.createJob(job);
      }
      const left = agency.focalPointId;
      if (!moved && left && input.focalPointId !== undefined && input.focalPointId !== left) {
        const scope = memberScope(id, input.focalPointId);
        moved = newRearmJob(deps, p, scope, moveReason(input.focalPointId, left));
        await deps.store.createJob(moved);
      }
    }));
  } catch (error) {
    // The job superseded the zone's last: it runs, or the last one's work would be left undone.
    if (job) await startJob(deps, p, job).catch(() => undefined);
    if (moved) await startJob(deps, p, moved).catch(() => undefined);
    throw error;
  }
  const pending =
    job || input.timeZone === undefined ? undefined : await unfinishedJob(deps, agencyScope(id));
  const started = job ?? (pending?.reason['timeZone'] === saved.timeZone ? pending : undefined);
  // The same move sent again (its answer lost, or its job's start throttled): its job, started
  // (one started already starts nothing), or as it ended.
  const movedAgain =
    !moved && again && input.focalPointId !== undefined
      ? await moveOfSavedEdit(deps, p, id, saved.focalPointId)
      : undefined;
  return {
    ...saved,
    ...(started ? { job: await startJob(deps, p, started) } : {}),
    ...(moved ? { delegationsJob: await startJob(deps, p, moved) } : {}),
    ...(movedAgain ? { delegationsJob: movedAgain } : {}),
  };
}

/** The job of a move saved already, when the unit's latest is that move's; else none. */
async function moveOfSavedEdit(
  deps: ServiceDeps,
  p: Principal,
  id: string,
  focalPointId: string | null,
): Promise<JobView | undefined> {
  const scope = memberScope(id, focalPointId);
  const latest = await deps.store.latestJobId(scopeKey(scope));
  const job = latest === undefined ? undefined : await deps.store.getJob(latest);
  if (job?.reason['focalPointId'] !== moveReason(focalPointId).focalPointId) return undefined;
  return jobOfSavedEdit(deps, p, scope, job.reason);
}

async function saveAgency(
  deps: ServiceDeps,
  p: Principal,
  id: string,
  input: UpdateAgencyInput,
  beforeSave: (agency: Agency) => Promise<void>,
): Promise<{ saved: Agency; again: boolean }> {
  const { version: seen, ...changes } = input;
  return retryOnConflict(async () => {
    const agency = await getAgency(deps, p, id);
    const next: Agency = {
      ...agency,
      ...definedOnly(changes),
      focalPointId: input.focalPointId === undefined ? agency.focalPointId : input.focalPointId,
      contacts: input.contacts ? contactsFrom(input.contacts) : agency.contacts,
      updatedAt: deps.clock().toISOString(),
      version: agency.version + 1,
    };
    // The same edit sent again on its version (its answer lost, or a 503 when its zone's job
    // did not start): answered as saved; the caller then starts the jobs still to run.
    const again = savedAlready(agency, seen, next);
    if (again) return { saved: again, again: true };
    // Made on an older version (another admin saved since): refused, not applied over theirs.
    if (seen !== undefined && agency.version !== seen)
      throw savedSince(`agency ${id}`, seen, agency.version);
    const renamed = changes.name !== undefined && sameName(changes.name) !== sameName(agency.name);
    if (renamed) await assertNameFree(deps, next.name, id);
    const focal = input.focalPointId
      ? await assertFocalPoint(deps, input.focalPointId, id)
      : undefined;
    await beforeSave(agency);
    await putAgency(deps, next, agency.version, {
      ...(focal ? { focalPoint: focal } : {}),
      zoneChanged: next.timeZone !== agency.timeZone,
      ...(renamed ? { renamedFrom: agency.name } : {}),
    });
    return { saved: next, again: false };
  });
}

/**
 * A focal point must exist, be an agency (not central), and not be the unit itself or its member;
 * central is no one's member. Returns the focal point as read: the write is conditioned on it.
 */
async function assertFocalPoint(
  deps: ServiceDeps,
  focalPointId: string,
  memberId: string,
): Promise<Agency> {
  const focal = await deps.store.getAgency(focalPointId);
  if (!focal || focal.id === CENTRAL_TENANT) throw invalidInput('focalPointId', 'unknown agency');
  // Central coordinates every agency; no agency's users may read it as their member unit.
  if (memberId === CENTRAL_TENANT)
    throw invalidInput('focalPointId', 'the central unit is no agency’s member unit');
  if (focalPointId === memberId || focal.focalPointId === memberId) {
    throw invalidInput('focalPointId', 'an agency cannot coordinate itself or its own focal point');
  }
  return focal;
}

/**
 * No agency other than `id` has `name`: read over every agency (an admin's edit, a few hundred
 * agencies at most). Two admins naming two agencies alike at the same moment both pass here;
 * the name's claim in the write refuses the second (`putAgency`). The read stays for the
 * agencies written without a claim: before claims, by the seed (central), by the benchmarks.
 */
async function assertNameFree(deps: ServiceDeps, name: string, id: string): Promise<void> {
  const wanted = sameName(name);
  let cursor: string | undefined;
  do {
    const page = await deps.store.listAgencies({ limit: 100, cursor });
    if (page.items.some((a) => a.id !== id && sameName(a.name) === wanted))
      throw invalidInput('name', AGENCY_NAME_TAKEN);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * The agency's write; its name claimed by another agency meanwhile (two admins naming two
 * agencies alike at the same moment) is the same 400 at `name` as a name the read found taken.
 */
async function putAgency(
  deps: ServiceDeps,
  agency: Agency,
  expectedVersion: number | null,
  write: AgencyWrite,
): Promise<void> {
  try {
    await deps.store.putAgency(agency, expectedVersion, write);
  } catch (error) {
    if (error instanceof WriteConflict && error.kind === 'name') {
      throw new DomainError('validation_failed', `name: ${AGENCY_NAME_TAKEN}`, {
        cause: error,
        errors: [{ path: 'name', message: AGENCY_NAME_TAKEN }],
      });
    }
    throw error;
  }
}

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
