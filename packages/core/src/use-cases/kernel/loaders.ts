import { Calendar, type WorkingCalendar } from '../../calendar.ts';
import { notFound } from '../../errors.ts';
import { DEFAULT_POLICY_ID, type SlaPolicy } from '../../policy.ts';
import type { CaseBundle } from '../../ports.ts';
import type { ServiceDeps } from './deps.ts';

/**
 * The settings' version, read consistently: passed as `at` to a settings getter, it reads what
 * an edit that landed before it wrote, where a plain read may still answer the record as it was
 * (what an edit's retry after a conflict must not do: it would fail on the same conflict again).
 */
export const settingsVersion = async (deps: ServiceDeps): Promise<number> =>
  (await deps.store.getAgenciesAndSettingsVersion([])).settingsVersion;

/** The default SLA policy (new cases and forwards follow it); `at` as for `policyById`. */
export const defaultPolicy = (deps: ServiceDeps, at?: number): Promise<SlaPolicy> =>
  policyById(deps, DEFAULT_POLICY_ID, at);

/** A policy records point at; missing means the table was never seeded (a 500, not a 404). */
export async function policyById(deps: ServiceDeps, id: string, at?: number): Promise<SlaPolicy> {
  const policy = await deps.store.getPolicy(id, at);
  if (!policy) throw new Error(`policy ${id} is missing: the table was not seeded`);
  return policy;
}

/**
 * The calendar built once per record read: a store that keeps settings a few seconds hands
 * the same record to every request, and its index of days need not be built again.
 */
const calendars = new WeakMap<WorkingCalendar, Calendar>();

/**
 * A calendar records point at; missing means the table was never seeded. With `at` (the
 * settings' version, read consistently) it may be answered from what this process kept.
 */
export async function calendarById(deps: ServiceDeps, id: string, at?: number): Promise<Calendar> {
  const stored = await deps.store.getCalendar(id, at);
  if (!stored) throw new Error(`calendar ${id} is missing: the table was not seeded`);
  let calendar = calendars.get(stored);
  if (!calendar) calendars.set(stored, (calendar = new Calendar(stored)));
  return calendar;
}

/** The calendars `assignments` count on, each read once, by id. */
export async function calendarsOf(
  deps: ServiceDeps,
  assignments: readonly { readonly calendarId: string }[],
): Promise<ReadonlyMap<string, Calendar>> {
  const ids = [...new Set(assignments.map((a) => a.calendarId))];
  return new Map(
    await Promise.all(ids.map(async (id) => [id, await calendarById(deps, id)] as const)),
  );
}

/**
 * Reads that do not depend on each other, started together and awaited in the order the
 * use case checks them: a rejection of a later one is marked handled until it is awaited, so
 * that an earlier failure (a 404) is what the caller sees and nothing is left unhandled.
 */
export function inParallel<T extends readonly Promise<unknown>[]>(...reads: T): T {
  for (const read of reads) read.catch(() => undefined);
  return reads;
}

/** A case with its assignments, ladders, extensions and activities (404 when absent). */
export async function loadCase(deps: ServiceDeps, caseId: string): Promise<CaseBundle> {
  const bundle = await deps.store.getCase(caseId);
  if (!bundle) throw notFound(`case ${caseId}`);
  return bundle;
}
