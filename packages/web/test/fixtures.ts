/** API answers the console's tests share. */
import type { Schemas } from '../src/api/client';

const at = '2026-03-16T03:00:00.000Z';

/** A re-arming job of the calendar, still listing unless `over` says otherwise. */
export const jobOf = (over: Partial<Schemas['Job']> = {}): Schemas['Job'] => ({
  id: '01JQ0000000000000000000000',
  kind: 'calendar',
  scope: { kind: 'calendar', calendarId: 'id' },
  state: 'listing',
  total: 0,
  done: 0,
  failed: 0,
  moved: 0,
  skipped: 0,
  supersededBy: null,
  createdAt: at,
  updatedAt: at,
  finishedAt: null,
  failures: [],
  ...over,
});

/** A monitoring activity as the API lists it: a clarification planned without a date. */
export const activityOf = (over: Partial<Schemas['Activity']> = {}): Schemas['Activity'] => ({
  id: 'a',
  caseId: 'c1',
  caseSubject: 'Jalan rusak di sepanjang jalur provinsi',
  kind: 'clarification',
  status: 'planned',
  scheduledAt: null,
  agencyIds: [],
  participants: [],
  plan: null,
  venue: null,
  heldAt: null,
  outcome: null,
  summary: null,
  overdueToReport: false,
  cancellation: null,
  createdBy: 'u1',
  createdAt: at,
  version: 1,
  ...over,
});
