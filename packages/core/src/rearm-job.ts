/**
 * A re-arming job: what a calendar or policy edit, or an agency's time zone corrected, leaves to
 * run after it answers. The job is recorded with the edit; it then walks every open assignment
 * the edit governs and recomputes its deadlines and ladder from the settings as they are *when
 * it gets there* (never from a copy taken at the edit), so a later edit can only make it more
 * current.
 *
 * It runs in two phases, both resumable from the job record alone:
 * 1. listing: central's open worklist (an agency's: its own open queue), page by page, into
 *    chunks of refs (a snapshot, so the re-arming, which moves assignments in that
 *    deadline-ordered list, cannot make the walk skip or repeat them); the cursor lives on the
 *    job, written with each chunk;
 * 2. re-arming: each chunk, as a batch; a chunk is deleted in the same transaction that adds
 *    its counts to the job, so a retried or repeated batch counts once.
 * The record keeps counters only; failures are items of their own, at most
 * `MAX_RECORDED_FAILURES`, so nothing about a job grows with its size but its chunks, which go
 * as they are done.
 */
import type { Principal } from './tenancy.ts';

export const JOB_STATES = ['listing', 'running', 'completed', 'failed', 'superseded'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** States a job no longer leaves. */
export const FINISHED_JOB_STATES: readonly JobState[] = ['completed', 'failed', 'superseded'];

/**
 * Which open assignments a job re-arms: those on a calendar, under a policy, or of an agency
 * (its time zone corrected: they take it). An agency's are those it was forwarded, the ones
 * its coordinator delegated to a member unit included (still its own, in its zone).
 */
export type RearmScope =
  | { readonly kind: 'calendar'; readonly calendarId: string }
  | { readonly kind: 'policy'; readonly policyId: string }
  | { readonly kind: 'agency'; readonly agencyId: string }
  /**
   * Not a re-arming: a member unit moved out of a focal point gives back, open or ended, every
   * assignment a focal point other than `focalPointId` (the one it belongs to now; null: none)
   * delegated to it. The same job's listing, chunks and counts; `moved` counts those given back.
   */
  | { readonly kind: 'member'; readonly memberId: string; readonly focalPointId: string | null }
  /**
   * Not a re-arming: the upgrade of what older releases stored (`UPGRADE_VERSION`), over every
   * case of the central tenant. Its chunks' refs name the case, with central as their agency;
   * `moved` counts the cases it changed (an index item or an assignment written).
   */
  | { readonly kind: 'upgrade'; readonly version: number };

/**
 * The version of the stored data this release brings, which the seed compares with the table's
 * marker (the version an upgrade job last completed) to start the job on deploy and on the
 * embedded runtime's start. A release whose rules change what a case stores (its search index
 * above all) raises it: the next deploy runs the upgrade over every case again.
 * 1: every case's search index written as a new case's is (cases registered before the index
 *    had none); a redirect a later forwarding answered marked `reforwardedAt` (before 3b1ef37
 *    nothing marked it, and central's list of redirects awaiting a re-forward kept it).
 * 2: every assignment item written again whose stored index keys are not the ones this release
 *    writes (one paused before 69365b7 kept its earliest deadline as its key, `9999` today, and
 *    was in neither the overdue nor the not-overdue list while it stayed paused); one forwarded
 *    before 97cdf3b given its case's complaint type (the worklist's `type=` filter missed it).
 *    Ladders from before episodes (1e6f0f2) need no step: `ladderState` reads what they warned.
 * 3: every assignment withdrawn before 7455f5c kept `withdrawnAt` dated by its agency's
 *    `assignment_withdrawn` event, and counted `withdrawn` (out of its agency's sample) when it
 *    was taken back before its follow-up fell due, unanswered, in the transaction that dates it
 *    (those counters had no `withdrawn`: such a withdrawal counted as a non-response).
 * 4: every assignment stored before acknowledgements were counted marked `counted`, and one whose
 *    acknowledgement target was met, in its agency's sample, counted `acknowledged` (and
 *    `acknowledgedOnTime`) in the transaction that marks it (its release counted neither, and
 *    this one counts an acknowledgement only on a marked record: none is counted twice or in part).
 * 5: every case's search index written again with its words also unstemmed (`searchDocumentOf`:
 *    its release indexed stems only, so `pelay` found no `pelayanan`, stemmed `layan`); the
 *    stems' postings are rewritten (each carries the whole token set), none is deleted.
 * 6: the letters of every assignment delegated to a member unit shared with it (`LetterShares`):
 *    its release listed on the unit's letters log only those sent to the unit itself.
 * 7: every letter's index keys, and its shares', by when it was written (`createdAt`), and each
 *    share marked when its letter was cancelled (`reindexLetters`): its release ordered the logs
 *    and counted the unread badge by when a letter fell due, so one written late (the ladder ran
 *    after the clock jumped, a re-arm) was never new and sorted among the past, and a cancelled
 *    letter was new to a member unit.
 * 8: every planned activity with a date given its invitations, one per agency invited and one
 *    per member unit holding an invited agency's assignment (its release kept none, so the
 *    agencies' lists of coming activities, `GET /v1/activities/invited`, missed what was planned
 *    before it, and a unit's what was planned with its focal point).
 */
export const UPGRADE_VERSION = 8;

/** One key per scope: the latest job of a scope supersedes the ones before it. */
export const scopeKey = (s: RearmScope): string =>
  s.kind === 'calendar'
    ? `calendar#${s.calendarId}`
    : s.kind === 'policy'
      ? `policy#${s.policyId}`
      : s.kind === 'agency'
        ? `agency#${s.agencyId}`
        : s.kind === 'member'
          ? `member#${s.memberId}`
          : // One upgrade at a time: a newer version's job supersedes an older one's.
            'upgrade';

export const inScope =
  (s: RearmScope) =>
  (a: {
    calendarId: string;
    policyId: string;
    agencyId: string;
    delegatedTo?: string | null;
  }): boolean =>
    s.kind === 'calendar'
      ? a.calendarId === s.calendarId
      : s.kind === 'policy'
        ? a.policyId === s.policyId
        : s.kind === 'agency'
          ? a.agencyId === s.agencyId
          : s.kind === 'member'
            ? a.delegatedTo === s.memberId && a.agencyId !== s.focalPointId
            : // The upgrade lists cases, not assignments.
              false;

/** Assignments per chunk (at least; a chunk ends on a worklist page boundary). */
export const CHUNK_SIZE = 100;
/** Failures kept as items per job (the count goes on). */
export const MAX_RECORDED_FAILURES = 100;

export interface RearmJobRecord {
  readonly id: string;
  readonly scope: RearmScope;
  /** What the edit was (a date, a year, a policy version): the timeline events carry it. */
  readonly reason: Readonly<Record<string, string | number>>;
  readonly requestedBy: Principal;
  readonly state: JobState;
  /** Assignments listed so far (final once the state leaves `listing`). */
  readonly total: number;
  /** Re-armed or found already current. */
  readonly done: number;
  /** Could not be re-armed (see the failure items). */
  readonly failed: number;
  /** Whose deadlines moved. */
  readonly moved: number;
  /** Left to the job that superseded this one. */
  readonly skipped: number;
  /** Chunks written so far; the listing's position in the worklist (null: from the start). */
  readonly chunks: number;
  readonly cursor: string | null;
  readonly supersededBy: string | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
}

export interface AssignmentKey {
  readonly caseId: string;
  readonly agencyId: string;
}

export interface JobChunk {
  readonly jobId: string;
  readonly index: number;
  readonly refs: readonly AssignmentKey[];
}

export interface JobFailure extends AssignmentKey {
  readonly code: string;
  readonly message: string;
  readonly at: string;
}

/** What a batch adds to its job's counters. */
export interface JobCounts {
  readonly done: number;
  readonly failed: number;
  readonly moved: number;
  readonly skipped: number;
}

/** How a job ended. */
export interface JobEnd {
  readonly state: Exclude<JobState, 'listing' | 'running'>;
  readonly supersededBy?: string;
  readonly error?: string;
}

/** Runs a job: a Step Functions execution on AWS, the local interpreter embedded. */
export interface JobRunner {
  /** Starts the job's run; starting one already started starts nothing. */
  start(jobId: string): Promise<void>;
}

export const newJob = (
  id: string,
  scope: RearmScope,
  reason: RearmJobRecord['reason'],
  p: Principal,
  now: Date,
): RearmJobRecord => ({
  id,
  scope,
  reason,
  requestedBy: { sub: p.sub, agency: p.agency, role: p.role },
  state: 'listing',
  total: 0,
  done: 0,
  failed: 0,
  moved: 0,
  skipped: 0,
  chunks: 0,
  cursor: null,
  supersededBy: null,
  error: null,
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  finishedAt: null,
});
