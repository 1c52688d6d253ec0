/** Small helpers the assignment modules share (not exported from the package). */
import type { AssignmentRecord } from './assignment.ts';
import type { Target } from './policy.ts';

export type TargetMap<T> = { [K in Target]: T };

export const ZERO_DAYS: TargetMap<number> = { acknowledge: 0, followUp: 0, resolution: 0 };

export const mapTargets = <T>(f: (t: Target) => T): TargetMap<T> => ({
  acknowledge: f('acknowledge'),
  followUp: f('followUp'),
  resolution: f('resolution'),
});

/** The assignment with `patch` applied, stamped `now`, one version higher. */
export const touch = (
  a: AssignmentRecord,
  now: Date,
  patch: Partial<AssignmentRecord>,
): AssignmentRecord => ({
  ...a,
  ...patch,
  updatedAt: now.toISOString(),
  version: a.version + 1,
});
