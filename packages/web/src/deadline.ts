/**
 * How a deadline reads at a glance. The API says whether a target is overdue (it knows the
 * working-day calendar); the console adds "due soon" for an open target due within the next
 * three calendar days — enough to span a weekend, about the horizon of the ladder's warning.
 * While the assignment's clock is paused an open target is "paused": its date is not the
 * deadline (it moves by the paused working days on resume), so it is neither running nor soon.
 */
import { TARGETS } from '@pantau/core/schemas';

export type DeadlineStatus = 'met' | 'met_late' | 'overdue' | 'due_soon' | 'open' | 'paused';

export const DUE_SOON_MS = 3 * 24 * 3600 * 1000;

export function deadlineStatus(
  target: { due: string; met: string | null; overdue?: boolean; paused?: boolean },
  now: Date,
): DeadlineStatus {
  const due = Date.parse(target.due);
  if (target.met !== null) return Date.parse(target.met) > due ? 'met_late' : 'met';
  // The API never calls a paused target overdue; nor is it soon, whatever its old date says.
  if (target.paused) return 'paused';
  // Overdue is the API's word (it knows the working-day calendar and its own clock).
  if (target.overdue) return 'overdue';
  // Past by this clock but not overdue by the API's (a clock that differs, or read before it
  // passed): not "soon" either.
  const left = due - now.getTime();
  return left >= 0 && left <= DUE_SOON_MS ? 'due_soon' : 'open';
}

export { TARGETS };
export type Target = (typeof TARGETS)[number];

/** An assignment's soonest open target and how it stands, for one line in a queue. */
export function nextDeadline(
  a: {
    due: Record<Target, string>;
    met: Record<Target, string | null>;
    overdue: Record<Target, boolean>;
    state: string;
    paused?: boolean;
  },
  now: Date,
): { target: Target; due: string; status: DeadlineStatus } | null {
  if (a.state === 'completed' || a.state === 'redirected' || a.state === 'withdrawn') return null;
  const open = TARGETS.filter((t) => a.met[t] === null).sort(
    (x, y) => Date.parse(a.due[x]) - Date.parse(a.due[y]),
  );
  const target = open[0];
  if (!target) return null;
  return {
    target,
    due: a.due[target],
    status: deadlineStatus(
      { due: a.due[target], met: null, overdue: a.overdue[target], paused: a.paused ?? false },
      now,
    ),
  };
}
