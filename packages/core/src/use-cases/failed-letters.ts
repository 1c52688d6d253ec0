/**
 * Central's failed letters per agency: a few agencies with wrong addresses make most of them
 * (three made 106 in five weeks, the ladder writing on), so the desk works through them agency
 * by agency, and says which agencies no letter reaches now.
 */
import { reachedAddresses } from '../letter-addresses.ts';
import { letterFailureOf, letterPartlyRefused, type NotificationRecord } from '../notification.ts';
import type { Agency, FailedLetterGroupsView } from '../schemas.ts';
import { CENTRAL_TENANT, type Principal } from '../tenancy.ts';
import { CENTRAL_ROLES, requireRole, type ServiceDeps } from './kernel/index.ts';

/** How many failed letters one summary reads at most (20 pages of 100). */
export const FAILED_LETTERS_READ_MAX = 2_000;

/** How many of an agency's latest letters are looked through for the latest one tried. */
const LATEST_LOOKED_AT = 20;

/**
 * Failed letters not yet handled, per agency, the most first: how many, when the oldest and
 * newest were written, why the newest failed and where it went, whether the agency's latest
 * letter failed (no letter reaches it now) and whether the address refused is still its.
 */
export async function failedLettersByAgency(
  deps: ServiceDeps,
  p: Principal,
): Promise<FailedLetterGroupsView> {
  requireRole(p, CENTRAL_ROLES);
  const letters: NotificationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listFailedNotifications({ limit: 100, cursor });
    letters.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && letters.length < FAILED_LETTERS_READ_MAX);
  // Central's own, left out of the addresses said to have failed: an intervention goes to it.
  const centralAddresses = contactAddresses(deps, CENTRAL_TENANT);
  const items = await Promise.all(
    // Oldest first, as the index holds them: each agency's newest is its last.
    [...Map.groupBy(letters, (n) => n.agencyId)].map(async ([agencyId, list]) => {
      const latest = list.at(-1)!;
      const central = await centralAddresses;
      const [latestFailed, contacts] = await Promise.all([
        latestTriedFailed(deps, agencyId, central),
        contactAddresses(deps, agencyId),
      ]);
      // A letter sent with an address refused: that address alone did not get it.
      const addresses = (
        latest.refusedAddresses?.length
          ? latest.refusedAddresses.map((r) => r.address)
          : [...latest.recipients, ...latest.cc]
      ).filter((a) => !central.has(a.toLowerCase()));
      return {
        agencyId,
        count: list.length,
        firstAt: list[0]!.createdAt,
        latestAt: latest.createdAt,
        failure:
          letterFailureOf(latest) ?? (letterPartlyRefused(latest) ? 'address_refused' : 'mailer'),
        addresses,
        lastError: latest.lastError,
        latestFailed,
        addressUnchanged: addresses.some((a) => contacts.has(a.toLowerCase())),
      };
    }),
  );
  return {
    items: items.sort((x, y) => y.count - x.count || y.latestAt.localeCompare(x.latestAt)),
    complete: cursor === undefined,
  };
}

/**
 * Whether the agency's latest letter that was tried (sent or failed; one queued or cancelled
 * says nothing of its address) failed, or went to central alone: newest written first, as its
 * letters log reads.
 */
async function latestTriedFailed(
  deps: ServiceDeps,
  agencyId: string,
  /** Central's own addresses, lower-cased. */
  central: ReadonlySet<string>,
): Promise<boolean> {
  const page = await deps.store.listNotifications(
    { agencyId, cancelled: false },
    { limit: LATEST_LOOKED_AT },
  );
  const tried = page.items.find((n) => n.status === 'sent' || n.status === 'failed');
  if (!tried) return false;
  if (tried.status === 'failed') return true;
  // Sent to central alone, every address of the agency's refused (an intervention goes to
  // central, copied to the agency): it reached no one there.
  return letterPartlyRefused(tried) && reachedAddresses(tried).every((a) => central.has(a));
}

/** The addresses of an agency's contacts and its focal point's, lower-cased. */
async function contactAddresses(deps: ServiceDeps, agencyId: string): Promise<Set<string>> {
  const agency = await deps.store.getAgency(agencyId);
  const focalPoint = agency?.focalPointId
    ? await deps.store.getAgency(agency.focalPointId)
    : undefined;
  return new Set(
    [agency, focalPoint]
      .filter((a): a is Agency => a !== undefined)
      .flatMap((a) => a.contacts.map((c) => c.email.toLowerCase())),
  );
}
