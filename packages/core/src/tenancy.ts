/** Who is asking: set once from a verified JWT (packages/api auth middleware). */
export const ROLES = [
  'central_admin',
  'central_officer',
  'agency_coordinator',
  'agency_officer',
] as const;
export type Role = (typeof ROLES)[number];

/** A tenant id: `setneg` for the central unit, otherwise an agency's id. */
export type AgencyId = string & { readonly __brand: 'AgencyId' };
export const asAgencyId = (id: string): AgencyId => id as AgencyId;

/** The central unit (Asdep Dumas, Kemensetneg). */
export const CENTRAL_TENANT = asAgencyId('setneg');

export interface Principal {
  readonly sub: string;
  readonly agency: AgencyId;
  readonly role: Role;
}

export const isCentral = (p: Principal): boolean =>
  p.agency === CENTRAL_TENANT && (p.role === 'central_admin' || p.role === 'central_officer');

/** Central roles belong to the central tenant and agency roles to agencies, never crossed. */
export const roleFitsTenant = (agency: string, role: Role): boolean =>
  (agency === CENTRAL_TENANT) === role.startsWith('central_');

/**
 * Who a view is for: central, which sees everything, or an agency with the agencies it reads
 * as (its own, its member units', a focal point's that delegated to it). Whatever names
 * another agency stays out of an agency's view: it must not learn who else has the case.
 * `endedAt`: its part in the case ended then without its doing the work (`partEndedAt`): it
 * reads the case as a hidden identity's, and nothing the case did after that.
 */
export type Reader =
  | { central: true }
  | {
      central: false;
      agencies: ReadonlySet<string>;
      readonly endedAt?: string | null | undefined;
    };

/** Whether `reader` may read that `agencyId` is on the case. */
export const readerSees = (reader: Reader, agencyId: string): boolean =>
  reader.central || reader.agencies.has(agencyId);
