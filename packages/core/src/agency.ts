/**
 * Agencies and their contacts. A contact's `kind` says which letters reach it: the liaison
 * (penghubung) gets every warning and reminder, the head (kepala, pimpinan) only the rungs the
 * policy copies it on. Records stored before kinds existed are read compatibly here.
 */
import { DEFAULT_TIME_ZONE } from './calendar.ts';
import type { Agency, Contact, ContactInput, ContactKind, CreateAgencyInput } from './schemas.ts';

/** What a stored contact may look like: records older than `kind` carry only a free-text role. */
export type StoredContact = ContactInput;
export type StoredAgency = Omit<Agency, 'contacts'> & {
  readonly contacts: readonly StoredContact[];
};

/** The free-text roles that named a head before contacts had a kind. */
const HEAD_ROLE = /head|kepala|pimpinan/i;

/**
 * An agency as stored, with every contact's kind. A contact stored without one is a liaison,
 * unless its role names a head (head, kepala, pimpinan: the match letters used before kinds
 * existed) and another contact remains a liaison, so an agency never ends up with no one to
 * receive its reminders. The next write of the agency stores the kinds.
 */
export function readAgency(stored: StoredAgency): Agency {
  if (stored.contacts.every((c) => c.kind !== undefined)) return stored as Agency;
  const legacyHead = (c: StoredContact) => c.kind === undefined && HEAD_ROLE.test(c.role ?? '');
  const liaisonLeft = stored.contacts.some(
    (c) => c.kind === 'liaison' || (c.kind === undefined && !legacyHead(c)),
  );
  return {
    ...stored,
    contacts: stored.contacts.map((c) => ({
      ...c,
      kind: c.kind ?? (liaisonLeft && legacyHead(c) ? 'head' : 'liaison'),
    })),
  };
}

/** Contacts as given to the API: a contact without a kind is a liaison. */
export const contactsFrom = (input: readonly ContactInput[]): Contact[] =>
  input.map((c) => ({ ...c, kind: c.kind ?? 'liaison' }));

/**
 * A name as people tell names apart: spacing and case do not make another agency. Two agencies
 * never share one (`AGENCY_NAME_TAKEN`); the store claims it in the agency's write.
 */
export const sameName = (name: string): string =>
  name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');

/** A new agency record from its registration. */
export function newAgency(input: CreateAgencyInput, now: Date): Agency {
  const at = now.toISOString();
  return {
    id: input.id,
    name: input.name,
    kind: input.kind,
    focalPointId: input.focalPointId ?? null,
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    contacts: contactsFrom(input.contacts),
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** The email addresses of an agency's contacts of one kind. */
export const emailsOf = (agency: Agency | undefined, kind: ContactKind): string[] =>
  agency ? agency.contacts.filter((c) => c.kind === kind).map((c) => c.email) : [];
