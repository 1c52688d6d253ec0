/**
 * The contract's shared vocabulary as plain values, without zod (schemas/common.ts builds the
 * enums from them): the functions that only need a state's name load no schema.
 */

export const AGENCY_KINDS = ['ministry', 'agency', 'local_government', 'soe', 'other'] as const;
/** How a complaint reached central; `web` is the public complaint form (`/adukan`). */
export const CHANNELS = [
  'letter',
  'email',
  'walk_in',
  'lapor',
  'social_media',
  'web',
  'other',
] as const;
export const CASE_STATUSES = [
  'received',
  'needs_info',
  'verified',
  'rejected',
  'forwarded',
  'in_follow_up',
  'resolved',
  // The complainant was not satisfied with the final answers: back to central, to forward again.
  'reopened',
  'closed',
] as const;
export const ASSIGNMENT_STATES = [
  'pending',
  'acknowledged',
  'responded',
  'completed',
  'redirected',
  'withdrawn',
] as const;
/** The states in which the agency still owes something. */
export const OPEN_ASSIGNMENT_STATES = ['pending', 'acknowledged', 'responded'] as const;
/** Whether an assignment in `state` is still open (the console reads states as strings). */
export const isOpenState = (state: string): boolean =>
  (OPEN_ASSIGNMENT_STATES as readonly string[]).includes(state);
export const CLOSE_OUTCOMES = ['resolved', 'unresolved', 'withdrawn'] as const;
export const RESPONSE_KINDS = ['progress', 'final'] as const;

/** A page's size when the request names none. */
export const DEFAULT_PAGE_LIMIT = 25;
