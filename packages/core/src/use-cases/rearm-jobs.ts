/**
 * Re-arming jobs: started by a calendar or policy edit or an agency's time zone corrected (and
 * the jobs that share their machinery: a moved unit's give-backs, and the upgrade of what older
 * releases stored, which the seed starts), run as three tasks (list a page, re-arm a chunk,
 * finish) that the Step Functions definition in @pantau/workflow strings together on AWS and
 * the local interpreter embedded. Each task is safe to retry and to run twice: the listing's
 * position and the chunks live in the table, and a chunk counts once.
 */
import { DomainError, notFound } from '../errors.ts';
import { type Page, type PageRequest, WriteConflict } from '../ports.ts';
import {
  type AssignmentKey,
  CHUNK_SIZE,
  FINISHED_JOB_STATES,
  type JobFailure,
  MAX_RECORDED_FAILURES,
  newJob,
  type RearmJobRecord,
  type RearmScope,
  inScope,
  scopeKey,
  UPGRADE_VERSION,
} from '../rearm-job.ts';
import type { JobView } from '../schemas.ts';
import type { Principal } from '../tenancy.ts';
import { newEventId } from '../timeline.ts';
import {
  ADMIN_ROLES,
  calendarById,
  CENTRAL_ROLES,
  defaultPolicy,
  event,
  put,
  requireRole,
  retryOnConflict,
  type ServiceDeps,
} from './kernel/index.ts';
import { type CaseRecord, withCaseDeadlines } from '../case.ts';
import { rearmAssignment } from './rearm-assignment.ts';
import { giveBackDelegation } from './delegation.ts';
import { type AssignmentRecord, ENDED_STATES } from '../assignment.ts';
import { upgradeCase, upgradeRefs } from './upgrade-case.ts';

/** Worklist pages one listing task reads at most (100 assignments each) before it hands back. */
export const PAGES_PER_LISTING = 50;
const WORKLIST_PAGE = 100;

/** A job for an edit about to be saved, to be recorded with it (or by `startRearmJob`). */
export function newRearmJob(
  deps: ServiceDeps,
  p: Principal,
  scope: RearmScope,
  reason: RearmJobRecord['reason'],
): RearmJobRecord {
  const now = deps.clock();
  return newJob(newEventId(now), scope, reason, p, now);
}

/**
 * Starts a recorded job; starting one running changes nothing (the runners run a job once at
 * a time; one whose run ended with its record unfinished runs again, carrying on from the
 * table). Without a runner, as in tests and tools, it runs here to its end first.
 */
export async function startJob(
  deps: ServiceDeps,
  p: Principal,
  job: RearmJobRecord,
): Promise<JobView> {
  if (deps.jobs) {
    await deps.jobs.start(job.id);
    return viewJob(job, []);
  }
  await runRearmJob(deps, job.id);
  return getJob(deps, p, job.id);
}

/** Records the job for an edit just saved, and starts it. */
export async function startRearmJob(
  deps: ServiceDeps,
  p: Principal,
  scope: RearmScope,
  reason: RearmJobRecord['reason'],
): Promise<JobView> {
  const job = newRearmJob(deps, p, scope, reason);
  await deps.store.createJob(job);
  return startJob(deps, p, job);
}

/**
 * The job of an edit saved already, for the same request sent again (its answer lost, or a 503
 * when the job's start was throttled): the scope's latest job when it is that edit's (its
 * `reason`), started (a job started already starts nothing), or as it ended when it completed.
 * One that failed, or none (a policy saved before its job was written with it, whose job's own
 * write failed after the save), is replaced by a new one, recorded and started: the edit
 * stands, and what it governs moves only in a job.
 */
export async function jobOfSavedEdit(
  deps: ServiceDeps,
  p: Principal,
  scope: RearmScope,
  reason: RearmJobRecord['reason'],
): Promise<JobView> {
  const id = await deps.store.latestJobId(scopeKey(scope));
  const latest = id === undefined ? undefined : await deps.store.getJob(id);
  const ofEdit =
    latest && Object.entries(reason).every(([k, v]) => latest.reason[k] === v) ? latest : undefined;
  if (ofEdit?.state === 'completed') return getJob(deps, p, ofEdit.id);
  if (ofEdit && !FINISHED_JOB_STATES.includes(ofEdit.state)) return startJob(deps, p, ofEdit);
  return startRearmJob(deps, p, scope, reason);
}

/** The scope's latest job while it is under way (listing or running). */
export async function unfinishedJob(
  deps: ServiceDeps,
  scope: RearmScope,
): Promise<RearmJobRecord | undefined> {
  const id = await deps.store.latestJobId(scopeKey(scope));
  const job = id === undefined ? undefined : await deps.store.getJob(id);
  return job && !FINISHED_JOB_STATES.includes(job.state) ? job : undefined;
}

/** A job's progress (central only: the ids of its failures are cases'). */
export async function getJob(deps: ServiceDeps, p: Principal, id: string): Promise<JobView> {
  requireRole(p, CENTRAL_ROLES);
  const job = await deps.store.getJob(id);
  if (!job) throw notFound(`job ${id}`);
  const failures =
    job.failed > 0 ? await deps.store.listJobFailures(id, MAX_RECORDED_FAILURES) : [];
  return viewJob(job, failures);
}

/**
 * How long an unfinished job's record may stand still before it counts as stopped: every
 * listing page and every chunk moves it, each within a task's timeout (a minute on AWS).
 */
export const JOB_STALLED_AFTER_MS = 15 * 60_000;

const stalled = (job: RearmJobRecord, now: Date) =>
  now.getTime() - Date.parse(job.updatedAt) > JOB_STALLED_AFTER_MS;

/**
 * Carries on a job that stopped (`failed`: a task kept failing after its retries, the table
 * throttled for minutes), or that completed with assignments it could not re-arm: a new job of
 * the same scope and reason, which supersedes it and goes over its whole scope again (an
 * assignment already current is left alone). Before, the console told the admin to save the
 * edit again, which a removed holiday (no longer listed) or a time zone already saved could not
 * be. The scope's latest job carries on instead when a newer edit took over (one under way is
 * started: one started already starts nothing; one whose record has stood still past
 * `JOB_STALLED_AFTER_MS` is carried on by a new job); one that completed with nothing failed is
 * answered as it is. The asked job itself completed with nothing failed: 409. Two admins
 * pressing at once make two jobs, the second superseding the first: no work is done twice.
 */
export async function retryJob(deps: ServiceDeps, p: Principal, id: string): Promise<JobView> {
  requireRole(p, ADMIN_ROLES);
  const asked = await deps.store.getJob(id);
  if (!asked) throw notFound(`job ${id}`);
  const latestId = await deps.store.latestJobId(scopeKey(asked.scope));
  const job = (latestId && latestId !== id && (await deps.store.getJob(latestId))) || asked;
  // Under way: started (one running starts nothing; one whose execution ended, stopped or
  // failed with its record unfinished, runs again: on AWS under the next name), unless its
  // record has not moved for so long that a new job had better carry it on.
  if (!FINISHED_JOB_STATES.includes(job.state) && !stalled(job, deps.clock()))
    return startJob(deps, p, job);
  if (job.state === 'completed' && job.failed === 0) {
    if (job.id !== id) return getJob(deps, p, job.id);
    throw new DomainError('invalid_transition', `job ${id} completed with nothing failed`);
  }
  return startRearmJob(deps, p, job.scope, job.reason);
}

const viewJob = (job: RearmJobRecord, failures: readonly JobFailure[]): JobView => ({
  id: job.id,
  kind: job.scope.kind,
  scope: job.scope,
  state: job.state,
  total: job.total,
  done: job.done,
  failed: job.failed,
  moved: job.moved,
  skipped: job.skipped,
  supersededBy: job.supersededBy,
  createdAt: job.createdAt,
  updatedAt: job.updatedAt,
  finishedAt: job.finishedAt,
  failures: failures.map((f) => ({ ...f })),
});

async function loadJob(deps: ServiceDeps, jobId: string): Promise<RearmJobRecord> {
  const job = await deps.store.getJob(jobId);
  // A task for a job that does not exist is a bug in whoever started it, not a retryable error.
  if (!job) throw new Error(`job ${jobId} does not exist`);
  return job;
}

const isSuperseded = async (deps: ServiceDeps, job: RearmJobRecord) =>
  (await deps.store.latestJobId(scopeKey(job.scope))) !== job.id;

const chunkIds = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * The listing task: reads up to `PAGES_PER_LISTING` pages of the scope's open list from where
 * the job's listing stands and writes the assignments in its scope as chunks. `listed` once the
 * worklist is exhausted, with every chunk's index (what the batches run over). A superseded job
 * lists no further.
 */
export async function listJobPage(
  deps: ServiceDeps,
  jobId: string,
): Promise<{ readonly listed: boolean; readonly chunks: number[] }> {
  const job = await loadJob(deps, jobId);
  if (job.state !== 'listing' || (await isSuperseded(deps, job)))
    return { listed: true, chunks: chunkIds(job.chunks) };
  let from = { cursor: job.cursor, chunks: job.chunks };
  let cursor = job.cursor;
  let refs: AssignmentKey[] = [];
  for (let pages = 1; ; pages += 1) {
    const page = await listRefs(deps, job.scope, {
      limit: WORKLIST_PAGE,
      cursor: cursor ?? undefined,
    });
    refs.push(...page.items);
    cursor = page.nextCursor;
    const last = cursor === null || pages >= PAGES_PER_LISTING;
    if (refs.length >= CHUNK_SIZE || last) {
      // Another run of this task that got here first wins (a WriteConflict, retried by the
      // caller, which then continues from there).
      await deps.store.advanceJobListing(jobId, from, { cursor, refs }, deps.clock());
      from = { cursor, chunks: from.chunks + (refs.length > 0 ? 1 : 0) };
      refs = [];
    }
    if (cursor === null) return { listed: true, chunks: chunkIds(from.chunks) };
    if (last) return { listed: false, chunks: [] };
  }
}

/**
 * What a job works on, one page: the assignments in its scope, or for the upgrade every case
 * (central's list of them all, gsi1), named with central as their agency.
 */
async function listRefs(
  deps: ServiceDeps,
  scope: RearmScope,
  page: PageRequest,
): Promise<Page<AssignmentKey>> {
  if (scope.kind === 'upgrade') return upgradeRefs(deps, page);
  const open = await listOpen(deps, scope, page);
  return {
    items: open.items
      .filter(inScope(scope))
      .map((a) => ({ caseId: a.caseId, agencyId: a.agencyId })),
    nextCursor: open.nextCursor,
  };
}

/**
 * Where a scope's open assignments are listed: an agency's own queue (those it delegated to its
 * member units are in it: they stay its assignments), else central's worklist of them all; a
 * member unit's, what was delegated to it, open and ended.
 */
const listOpen = (deps: ServiceDeps, scope: RearmScope, page: PageRequest) =>
  scope.kind === 'member'
    ? listDelegated(deps, scope.memberId, page)
    : scope.kind === 'agency'
      ? deps.store.listQueue([scope.agencyId], { now: deps.clock() }, page)
      : deps.store.listWorklist({ now: deps.clock() }, page);

/** The queue's states a member unit's delegations are listed in, one after another. */
const DELEGATED_STATES = [undefined, ...ENDED_STATES] as const;

/**
 * What was delegated to a member unit, open first, then each ended state: one page of one state
 * at a time, the cursor saying which state and where in it (`<state index>:<queue cursor>`).
 */
async function listDelegated(
  deps: ServiceDeps,
  memberId: string,
  page: PageRequest,
): Promise<Page<AssignmentRecord>> {
  const at = page.cursor ? page.cursor.indexOf(':') : -1;
  const index = at < 0 ? 0 : Number(page.cursor!.slice(0, at));
  const inner = at < 0 ? undefined : page.cursor!.slice(at + 1) || undefined;
  const listed = await deps.store.listQueue(
    [],
    { state: DELEGATED_STATES[index], now: deps.clock() },
    { limit: page.limit, cursor: inner },
    [memberId],
  );
  const next = listed.nextCursor
    ? `${index}:${listed.nextCursor}`
    : index + 1 < DELEGATED_STATES.length
      ? `${index + 1}:`
      : null;
  return { items: listed.items, nextCursor: next };
}

/** What one chunk did. */
export interface ChunkResult {
  readonly chunk: number;
  /** false: the chunk was gone (done before) and nothing ran. */
  readonly ran: boolean;
  readonly done: number;
  readonly failed: number;
  readonly moved: number;
  readonly skipped: number;
}

/**
 * The batch task: re-arms each assignment of one chunk, then deletes the chunk and adds its
 * counts to the job in one transaction. An assignment that cannot be re-armed (bad data, a
 * conflict that outlasted its retries) is counted and recorded as failed, and the batch goes
 * on; the store being unavailable fails the whole batch, to be retried (its assignments done
 * so far are current by then and change nothing twice).
 */
export async function rearmJobChunk(
  deps: ServiceDeps,
  jobId: string,
  index: number,
): Promise<ChunkResult> {
  const none = { chunk: index, ran: false, done: 0, failed: 0, moved: 0, skipped: 0 };
  const job = await loadJob(deps, jobId);
  const chunk = await deps.store.getJobChunk(jobId, index);
  if (!chunk) return none;
  const counts = { done: 0, failed: 0, moved: 0, skipped: 0 };
  if (await isSuperseded(deps, job)) {
    // The newer job re-arms every assignment in scope from the latest settings.
    counts.skipped = chunk.refs.length;
  } else {
    let recordable = Math.max(0, MAX_RECORDED_FAILURES - job.failed);
    await inCaseLanes(chunk.refs, async (ref) => {
      try {
        const outcome =
          job.scope.kind === 'member'
            ? await giveBackDelegation(deps, job, job.scope, ref)
            : job.scope.kind === 'upgrade'
              ? await upgradeCase(deps, ref)
              : await rearmAssignment(deps, job, ref);
        counts.done += 1;
        if (outcome === 'moved') counts.moved += 1;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'service_unavailable') throw error;
        counts.failed += 1;
        if (recordable-- > 0) await deps.store.putJobFailure(jobId, failureOf(ref, error, deps));
      }
    });
  }
  try {
    // Concurrent batches add to the same job item: a transaction that met another one's
    // write goes again (the chunk's work is done; only its count is at stake).
    await retryOnConflict(() => deps.store.completeJobChunk(jobId, index, counts, deps.clock()));
  } catch (error) {
    // The chunk is gone: a concurrent run of it counted it first.
    if (error instanceof WriteConflict && error.kind === 'exists') return none;
    throw error;
  }
  return { chunk: index, ran: true, ...counts };
}

/** Cases of one chunk re-armed at once; each case's assignments one after another. */
export const CHUNK_LANES = 4;

/**
 * Runs `work` over a chunk's assignments in `CHUNK_LANES` lanes, a case's assignments in one
 * lane one after another (they write the same case item: side by side they would only meet
 * each other's version and go again). Most of a re-arm is waiting on the table, so a chunk
 * takes about a lane's share of the time. A failure stops the lanes taking more, and is thrown
 * once all have stopped: nothing runs on after the task has answered.
 */
async function inCaseLanes(
  refs: readonly AssignmentKey[],
  work: (ref: AssignmentKey) => Promise<void>,
): Promise<void> {
  const byCase = new Map<string, AssignmentKey[]>();
  for (const ref of refs) byCase.set(ref.caseId, [...(byCase.get(ref.caseId) ?? []), ref]);
  const queue = [...byCase.values()];
  let stopped = false;
  const lane = async () => {
    for (let next = queue.shift(); next && !stopped; next = queue.shift())
      for (const ref of next) {
        if (stopped) return;
        await work(ref).catch((error: unknown) => {
          stopped = true;
          throw error;
        });
      }
  };
  const lanes = await Promise.allSettled(
    Array.from({ length: Math.min(CHUNK_LANES, queue.length) }, lane),
  );
  const failed = lanes.find((l) => l.status === 'rejected');
  if (failed) throw failed.reason;
}

function failureOf(ref: AssignmentKey, error: unknown, deps: ServiceDeps): JobFailure {
  const code = error instanceof DomainError ? error.code : 'internal';
  // Operators read these; a domain message names records, never a complainant.
  const message = error instanceof DomainError ? error.message : 'unexpected error (see the logs)';
  return { ...ref, code, message: message.slice(0, 300), at: deps.clock().toISOString() };
}

/**
 * The last task: `completed` when every chunk ran, `superseded` when a newer job of its scope
 * took over, `failed` when the run stopped (`error`). A job that ended already keeps its end.
 * The job as it ended (a completed one with `failed` items is the runner's to report).
 */
export async function finishJob(
  deps: ServiceDeps,
  jobId: string,
  error?: string,
): Promise<RearmJobRecord> {
  const job = await loadJob(deps, jobId);
  const latest = await deps.store.latestJobId(scopeKey(job.scope));
  const now = deps.clock();
  if (latest !== job.id)
    await deps.store.endJob(
      jobId,
      { state: 'superseded', ...(latest ? { supersededBy: latest } : {}) },
      now,
    );
  else if (error !== undefined)
    await deps.store.endJob(jobId, { state: 'failed', error: error.slice(0, 300) }, now);
  else {
    await rearmCaseDeadlines(deps, job);
    // The upgrade is recorded as done only when every case was: one it could not do is done
    // by the next deploy's or start's job, or by carrying this one on. Only as far as this
    // code's steps go: a newer release's job run by older task code (a deploy rolled back
    // under it) did none of the newer steps, which that release's next deploy must still do.
    if (job.scope.kind === 'upgrade' && job.failed === 0)
      await deps.store.markUpgraded(Math.min(job.scope.version, UPGRADE_VERSION), job.id, now);
    await deps.store.endJob(jobId, { state: 'completed' }, now);
  }
  return loadJob(deps, jobId);
}

/**
 * The cases' own deadlines the edit moves, once its assignments are done: the deadline to verify
 * and forward of cases received or verified, and the reply window of resolved cases whose
 * window is open (central's lists by status, a page at a time). Each case is written only when
 * one moved, under its version; a task run again finds them current and writes nothing.
 */
async function rearmCaseDeadlines(deps: ServiceDeps, job: RearmJobRecord): Promise<number> {
  // An agency's zone moves none: a case's own deadlines are central's, in WIB (nor does a
  // member unit's move, nor the upgrade).
  if (job.scope.kind !== 'calendar' && job.scope.kind !== 'policy') return 0;
  const policy = await defaultPolicy(deps);
  const touches =
    job.scope.kind === 'calendar'
      ? job.scope.calendarId === policy.calendarId
      : job.scope.policyId === policy.id;
  if (!touches) return 0;
  const calendar = await calendarById(deps, policy.calendarId);
  let moved = 0;
  for (const status of ['received', 'verified', 'resolved'] as const) {
    let cursor: string | undefined;
    do {
      const page = await deps.store.listCases({ status }, { limit: 100, cursor });
      for (const listed of page.items) {
        if (!withCaseDeadlines(listed, calendar, policy, deps.clock())) continue;
        await retryOnConflict(async () => {
          const now = deps.clock();
          const current = (await deps.store.getCase(listed.id))?.case;
          const next = current && withCaseDeadlines(current, calendar, policy, now);
          if (!current || !next) return;
          await deps.store.commit({
            case: put(current, next),
            // As an assignment's: what moved, from when to when, and the edit that moved it.
            events: [
              event(current.id, now, 'deadlines_recomputed', job.requestedBy, null, {
                ...job.reason,
                jobId: job.id,
                ...caseDeadlinesMoved(current, next),
              }),
            ],
          });
          moved += 1;
        });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return moved;
}

/** The case's own deadline that moved (`withCaseDeadlines` moves one), as the timeline names it. */
function caseDeadlinesMoved(before: CaseRecord, after: CaseRecord) {
  const named = (c: CaseRecord) =>
    before.verificationDueAt !== after.verificationDueAt
      ? { verification: c.verificationDueAt }
      : { reply_window: c.replyWindow?.closesAt ?? null };
  return { before: named(before), after: named(after) };
}

/** The whole job in this process, task after task (no runner: tests, tools, the benchmark). */
export async function runRearmJob(deps: ServiceDeps, jobId: string): Promise<void> {
  let listing = await listJobPage(deps, jobId);
  while (!listing.listed) listing = await listJobPage(deps, jobId);
  for (const chunk of listing.chunks) await rearmJobChunk(deps, jobId, chunk);
  await finishJob(deps, jobId);
}
