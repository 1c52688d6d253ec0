import { Calendar } from '../../calendar.ts';
import { notFound } from '../../errors.ts';
import { DEFAULT_POLICY_ID, type SlaPolicy } from '../../policy.ts';
import type { CaseBundle } from '../../ports.ts';
import type { ServiceDeps } from './deps.ts';

/** The default SLA policy (new cases and forwards follow it). */
export const defaultPolicy = (deps: ServiceDeps): Promise<SlaPolicy> =>
  policyById(deps, DEFAULT_POLICY_ID);

/** A policy records point at; missing means the table was never seeded (a 500, not a 404). */
export async function policyById(deps: ServiceDeps, id: string): Promise<SlaPolicy> {
  const policy = await deps.store.getPolicy(id);
  if (!policy) throw new Error(`policy ${id} is missing: the table was not seeded`);
  return policy;
}

/** A calendar records point at; missing means the table was never seeded. */
export async function calendarById(deps: ServiceDeps, id: string): Promise<Calendar> {
  const calendar = await deps.store.getCalendar(id);
  if (!calendar) throw new Error(`calendar ${id} is missing: the table was not seeded`);
  return new Calendar(calendar);
}

/** A case with its assignments, ladders, extensions and activities (404 when absent). */
export async function loadCase(deps: ServiceDeps, caseId: string): Promise<CaseBundle> {
  const bundle = await deps.store.getCase(caseId);
  if (!bundle) throw notFound(`case ${caseId}`);
  return bundle;
}
