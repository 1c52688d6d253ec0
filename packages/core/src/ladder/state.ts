/**
 * The ladder record as the rules see it: its state read (older records included), and the
 * record written under its version when the ladder is armed, re-armed, advanced or given a
 * new timer.
 */
import type { LadderRecord } from '../notification.ts';
import type { LadderStep } from '../policy.ts';
import {
  INITIAL_LADDER_STATE,
  type LadderState,
  rungsOf,
  type WarningContext,
  warnedBy,
} from './rules.ts';

const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

/**
 * The state kept on a record. A record written before episodes existed (1e6f0f2: no `state`,
 * only `level`, `rung` and `lastStepAt`) is read as what the older engine had done: if it had
 * climbed, one open episode at the rung it reached; and, given the ladder's context (the
 * assignment as it stands, its steps and calendar), the warnings it took by `lastStepAt` as
 * warned (`warnedBy`), or a re-arm before their deadline would write them again. Read at every
 * look until the record is written with a state; a change of the deadlines reads it under the
 * old ones first (`rearmedLadder`), so it holds whichever re-arm comes first after the deploy.
 * Without the context (a look at the episode alone) nothing is read as warned.
 */
export function ladderState(record: LadderRecord, ctx?: WarningContext): LadderState {
  if (record.state) return record.state;
  const warned = ctx && record.lastStepAt ? warnedBy(ctx, record.lastStepAt) : {};
  if (record.level > 0 && record.lastStepAt) {
    const base = iso(ms(record.lastStepAt) - 1);
    return {
      ...INITIAL_LADDER_STATE,
      warned,
      episodes: 1,
      episode: {
        n: 1,
        startedAt: record.lastStepAt,
        missedAt: base,
        level: record.level,
        baseAt: base,
        parkedAt: null,
      },
    };
  }
  return { ...INITIAL_LADDER_STATE, warned };
}

/** The record written under its version with a new state and timer. */
export function nextLadderRecord(
  record: LadderRecord,
  state: LadderState,
  wakeAt: string | null,
  now: Date,
  steps: readonly LadderStep[] = [],
): LadderRecord {
  const rungs = rungsOf(steps);
  const level = state.episode?.level ?? 0;
  return {
    ...record,
    state,
    level,
    rung: level > 0 ? (rungs[level - 1]?.action ?? record.rung ?? null) : null,
    lastStepAt: record.lastStepAt,
    wakeAt,
    updatedAt: now.toISOString(),
    version: record.version + 1,
  };
}

/**
 * A ladder (re-)armed for a new forwarding: a new token, due now. The episode count carries
 * over so that a rung's key is never reused; the previous generation's episode has ended.
 */
export function armLadder(
  previous: LadderRecord | undefined,
  ref: { caseId: string; agencyId: string; generation: number },
  now: Date,
): { record: LadderRecord; expectedVersion: number | null } {
  const before = previous ? ladderState(previous) : INITIAL_LADDER_STATE;
  const state: LadderState = {
    ...INITIAL_LADDER_STATE,
    episodes: before.episodes,
    endedAt: before.episode ? now.toISOString() : before.endedAt,
    observedAt: now.toISOString(),
  };
  return {
    record: {
      caseId: ref.caseId,
      agencyId: ref.agencyId,
      generation: ref.generation,
      token: (previous?.token ?? 0) + 1,
      wakeAt: now.toISOString(),
      level: 0,
      rung: null,
      lastStepAt: null,
      state,
      updatedAt: now.toISOString(),
      version: (previous?.version ?? 0) + 1,
    },
    expectedVersion: previous ? previous.version : null,
  };
}

/**
 * A new token due now: the running execution stops at its next wake, a fresh one takes over.
 * Without a state (the sweep's restart, which reads no context) the record keeps the one it
 * has, or none: one written before episodes is still read with its context (`ladderState`).
 */
export function rearmLadder(
  record: LadderRecord,
  now: Date,
  state?: LadderState,
  rungs: readonly LadderStep[] = [],
): LadderRecord {
  const next = state
    ? nextLadderRecord(record, state, now.toISOString(), now, rungs)
    : ladderTimer(record, now.toISOString(), now);
  return { ...next, token: record.token + 1 };
}

/** The same ladder with a new timer (the reply window's ladder has no episodes). */
export function ladderTimer(record: LadderRecord, wakeAt: string | null, now: Date): LadderRecord {
  return { ...record, wakeAt, updatedAt: now.toISOString(), version: record.version + 1 };
}
