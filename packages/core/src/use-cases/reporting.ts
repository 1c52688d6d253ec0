/** Reporting: response-rate statistics, the spreadsheets, and the letters the ladders sent. */
import { endOfLocalDay, localDate, startOfLocalDay } from '../calendar.ts';
import { chainedPage, mapPage } from '../desk.ts';
import { DomainError, invalidInput, invalidTransition, notFound } from '../errors.ts';
import { letterVoidReason, openEpisodeOf, resent } from '../ladder/outbox.ts';
import { addressesNotReached, letterAddresses, reachedAddresses } from '../letter-addresses.ts';
import {
  isLadderLetter,
  letterPartlyRefused,
  type NotificationRecord,
  viewNotification,
} from '../notification.ts';
import { type Page, type PageRequest, WriteConflict } from '../ports.ts';
import {
  agencyStatsSheet,
  caseSheetRow,
  reportNotes,
  type Sheet,
  type SheetCell,
  type SheetNotes,
} from '../report-sheets.ts';
import type {
  DismissLetterInput,
  NotificationsFilter,
  NotificationView,
  StatsPeriod,
} from '../schemas.ts';
import { agencyReport, STATS_TIME_ZONE } from '../stats.ts';
import { CENTRAL_TENANT, isCentral, type Principal } from '../tenancy.ts';
import { newEventId } from '../timeline.ts';
import {
  CENTRAL_ROLES,
  defaultPolicy,
  focalPointOf,
  policyById,
  requireRole,
  type ServiceDeps,
} from './kernel/index.ts';

/**
 * Response-rate statistics per agency for assignments forwarded from–to (WIB dates,
 * inclusive), from the maintained counters: one Query per agency, whatever the volume.
 */
export async function agencyStats(deps: ServiceDeps, p: Principal, period: StatsPeriod) {
  requireRole(p, CENTRAL_ROLES);
  return (await statsReport(deps, period)).report;
}

/** The same statistics as a spreadsheet: agencies by name, in Indonesian. */
export async function agencyStatsExport(
  deps: ServiceDeps,
  p: Principal,
  period: StatsPeriod,
): Promise<{ from: string; to: string; sheet: Sheet; notes: SheetNotes }> {
  requireRole(p, CENTRAL_ROLES);
  const { report, names } = await statsReport(deps, period);
  return {
    from: report.from,
    to: report.to,
    sheet: agencyStatsSheet(report, names),
    notes: reportNotes({
      title: 'Statistik kinerja instansi',
      from: report.from,
      to: report.to,
      at: deps.clock(),
      minimumSample: report.minimumSample,
    }),
  };
}

/**
 * The period a cases export covers (the default resolved: the year so far) and its agency, for
 * its file's name: `pantau-cases[-agencyId]-from-to`, as the statistics' file is named.
 */
export function caseExportPeriod(
  deps: ServiceDeps,
  p: Principal,
  period: StatsPeriod,
): { from: string; to: string; agencyId?: string } {
  requireRole(p, CENTRAL_ROLES);
  return { ...periodOf(deps, period), ...(period.agencyId ? { agencyId: period.agencyId } : {}) };
}

/** What the cases export's workbook says about itself: its period (the default resolved), its agency. */
export async function caseExportNotes(
  deps: ServiceDeps,
  p: Principal,
  period: StatsPeriod,
): Promise<SheetNotes> {
  requireRole(p, CENTRAL_ROLES);
  const { from, to } = periodOf(deps, period);
  const names = period.agencyId ? await directoryFor(deps, period) : undefined;
  return reportNotes({
    title: 'Pengaduan yang diterima',
    from,
    to,
    at: deps.clock(),
    ...(period.agencyId ? { agency: names?.get(period.agencyId) ?? period.agencyId } : {}),
  });
}

async function statsReport(deps: ServiceDeps, period: StatsPeriod) {
  const names = await directoryFor(deps, period);
  const agencies = [...names.keys()].filter((id) => id !== CENTRAL_TENANT);
  const selected = period.agencyId ? agencies.filter((id) => id === period.agencyId) : agencies;
  const { from, to } = periodOf(deps, period);
  const counters = await deps.store.getAgencyCounters(selected, from, to);
  const policy = await defaultPolicy(deps);
  const report = {
    from,
    to,
    minimumSample: policy.minimumSample,
    ...agencyReport(counters, policy.minimumSample),
  };
  return { report, names };
}

/**
 * The directory, and the agency `period.agencyId` names in it: a name it does not have is a 400
 * on `agencyId`, not an empty report or file, which would read as "no cases" (a typo).
 */
async function directoryFor(deps: ServiceDeps, period: StatsPeriod): Promise<Map<string, string>> {
  const names = await agencyDirectory(deps);
  if (period.agencyId && !names.has(period.agencyId))
    throw invalidInput('agencyId', 'no such agency');
  return names;
}

/** Every agency's name by id, in the directory's order, 100 a read (there can be hundreds). */
async function agencyDirectory(deps: ServiceDeps): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await deps.store.listAgencies({ limit: 100, cursor });
    for (const a of page.items) names.set(a.id, a.name);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return names;
}

/**
 * The cases one read of the export asks for: as many as the store reads in one request at most
 * (its read budget, 1,000), so that a read takes about that many cases whether all of them are
 * kept or, with `agencyId`, a few (the agency is a filter over the period's cases, applied as
 * they are read).
 */
export const EXPORT_PAGE = 1_000;

/**
 * The reads (of at most `EXPORT_PAGE` cases each) one cases export may make: at most 30,000
 * cases read, some 300 Queries, about 6–15 s, within API Gateway's 29 s and the API's Lambda
 * timeout. A year of the unit's about 25,000 complaints is read whole, so one agency's year can
 * be exported; a longer period for one agency (few rows, so the file's byte bound never trips)
 * is refused as a period past the file's size is (`exportPeriodTooLong`). Without `agencyId`
 * the byte bound (`MAX_RESPONSE_BODY_BYTES`, about 22,000 typical rows) trips first.
 */
export const MAX_EXPORT_READS = 30;

/**
 * The cases export's refusal of its period (422 `limit_exceeded` naming `from`), whatever bound
 * it passed (the reads here, the file's bytes in the API): `detail` says which, and what to do.
 */
export const exportPeriodTooLong = (detail: string, message: string): DomainError =>
  new DomainError('limit_exceeded', `${detail}: export a shorter period`, {
    errors: [{ path: 'from', message }],
  });

/**
 * Cases received from–to (WIB dates), newest first, of the agency `agencyId` names (its cases
 * only) or of all, as pages of the cases spreadsheet's rows (`CASE_SHEET_COLUMNS`): no
 * complainant identity, no tracking code. At most `deps.exportReads` (`MAX_EXPORT_READS`) reads:
 * a period with cases left to read after them is refused (`exportPeriodTooLong`), never cut
 * short; the caller sends nothing of what was yielded before.
 */
export async function* exportCases(
  deps: ServiceDeps,
  p: Principal,
  period: StatsPeriod,
): AsyncGenerator<SheetCell[][]> {
  requireRole(p, CENTRAL_ROLES);
  const { from, to } = periodOf(deps, period);
  const now = deps.clock();
  const names = await directoryFor(deps, period);
  const budget = deps.exportReads ?? MAX_EXPORT_READS;
  let cursor: string | undefined;
  for (let reads = 1; ; reads += 1) {
    const page = await deps.store.listCases(
      {
        received: {
          from: startOfLocalDay(from, STATS_TIME_ZONE),
          to: endOfLocalDay(to, STATS_TIME_ZONE),
        },
        // One agency's cases only, for central: each row still names every agency on the case
        // and the case's own status, so it is not a file to send that agency as it is.
        ...(period.agencyId ? { agencyId: period.agencyId } : {}),
      },
      { limit: EXPORT_PAGE, cursor },
    );
    yield page.items.map((c) => caseSheetRow(c, now, names));
    cursor = page.nextCursor ?? undefined;
    if (!cursor) return;
    if (reads >= budget)
      throw exportPeriodTooLong(
        `the cases received in this period are more than one export can read in time ` +
          `(${budget} reads of up to ${EXPORT_PAGE.toLocaleString('en')} cases, fewer when cases are large; ${from} to ${to}` +
          `${period.agencyId ? `, looking for those of ${period.agencyId}` : ''})`,
        'the period holds more cases than one export can read',
      );
  }
}

/**
 * The period asked for, by default the current year up to today (WIB). `from` defaults to
 * 1 January of `to`'s year: `?to=2025-12-31` alone is last year, not a period ending before it begins.
 */
function periodOf(deps: ServiceDeps, period: StatsPeriod): { from: string; to: string } {
  const to = period.to ?? localDate(deps.clock(), STATS_TIME_ZONE);
  const from = period.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalidInput('from', 'must not be after to');
  return { from, to };
}

/**
 * Every letter the ladders sent, newest written first (one case's: oldest first); by case or
 * agency; since a visit (written after it), without the cancelled ones (the unread badge); in a
 * status, of a step, dated in a period (`letterDate`: what went out, or was to go, those days).
 */
export async function listNotifications(
  deps: ServiceDeps,
  p: Principal,
  filter: NotificationsFilter,
): Promise<Page<NotificationView>> {
  if (filter.from && filter.to && filter.from > filter.to)
    throw invalidInput('from', 'must not be after to');
  // An agency reads the letters sent to it (a focal point's coordinator: its member units'
  // too); another agency's are not found.
  let agencyId = filter.agencyId;
  const since = filter.since ? new Date(filter.since) : undefined;
  // What narrows the letters whoever reads them, beside whose they are.
  const narrowed = {
    since,
    cancelled: filter.cancelled,
    status: filter.status,
    step: filter.step,
    ...(filter.from || filter.to ? { dated: { from: filter.from, to: filter.to } } : {}),
  };
  if (!isCentral(p)) {
    agencyId ??= p.agency;
    const members =
      p.role === 'agency_coordinator' && (agencyId !== p.agency || filter.caseId !== undefined)
        ? await deps.store.listMemberUnits(p.agency)
        : [];
    if (agencyId !== p.agency && !members.some((m) => m.id === agencyId))
      throw notFound(`agency ${agencyId}`);
    // A case's letters, as the coordinator reads the case: its own agency's, then each member
    // unit's with an assignment on it (each oldest first), never another agency's. A member unit
    // also reads those of its focal point's assignment delegated to it, which it works: they
    // went to the focal point, and its case page would otherwise list none of them.
    const caseId = filter.caseId;
    if (caseId !== undefined && filter.agencyId === undefined) {
      const agencies: string[] = [p.agency];
      if (members.length > 0) {
        const onCase = new Set(
          (await deps.store.getCase(caseId))?.assignments.map((a) => a.agencyId),
        );
        agencies.push(...members.map((m) => m.id).filter((id) => onCase.has(id)));
      }
      const focalPointId = await focalPointOf(deps, p);
      const [held] = focalPointId
        ? await deps.store.getAssignments([{ caseId, agencyId: focalPointId }])
        : [];
      if (held && held.delegatedTo === p.agency) agencies.push(held.agencyId);
      if (members.length > 0 || agencies.length > 1) {
        const page = await chainedPage(
          agencies.map(
            (id) => (request: PageRequest) =>
              deps.store.listNotifications({ caseId, agencyId: id, ...narrowed }, request),
          ),
          filter,
        );
        return mapPage(page, (n) => viewNotification(n, false));
      }
    }
  }
  // An agency's own log (its Letters page, its badge) also lists, as a member unit, the letters
  // of its focal point's assignments delegated to it now, which it works (they went to the focal
  // point): shared with it by the delegation and by the ladder (`LetterShares`).
  const own = !isCentral(p) && agencyId === p.agency && filter.caseId === undefined;
  const page = await deps.store.listNotifications(
    {
      caseId: filter.caseId,
      agencyId,
      ...narrowed,
      ...(own ? { sharedWith: p.agency } : {}),
    },
    filter,
  );
  return mapPage(page, (n) => viewNotification(n, isCentral(p)));
}

/**
 * Letters the mailer refused until their last attempt (`failed`), oldest first: they were not
 * delivered, and central follows them up (checks the agency's address, sends another way).
 */
export async function listFailedNotifications(
  deps: ServiceDeps,
  p: Principal,
  filter: PageRequest & { readonly agencyId?: string | undefined },
): Promise<Page<NotificationView>> {
  requireRole(p, CENTRAL_ROLES);
  const { agencyId, ...page } = filter;
  // With its total when asked: the desk's card says how many, as every desk list does.
  return mapPage(await deps.store.listFailedNotifications(page, { agencyId }), (n) =>
    viewNotification(n),
  );
}

/**
 * A failed letter central may act on (not yet marked handled), or one sent with an address
 * refused (`letterPartlyRefused`: its copy to that address did not arrive); else 404/409.
 */
async function failedLetter(deps: ServiceDeps, caseId: string, id: string) {
  const n = await deps.store.getNotification(caseId, id);
  if (!n) throw notFound(`letter ${id}`);
  if ((n.status !== 'failed' && !letterPartlyRefused(n)) || n.handled)
    throw invalidTransition(
      `letter ${id} is ${n.handled ? 'marked handled' : n.status}: central acts only on a failed letter`,
    );
  return n;
}

/** Writes central's change of a failed letter with its event; a second click is a 409. */
async function changeFailed(
  deps: ServiceDeps,
  p: Principal,
  previous: NotificationRecord,
  next: NotificationRecord,
  type: 'letter_resent' | 'letter_dismissed',
  data: Record<string, unknown>,
): Promise<NotificationView> {
  const now = deps.clock();
  try {
    await deps.store.changeFailedNotification(next, previous, {
      id: newEventId(now),
      caseId: previous.caseId,
      at: now.toISOString(),
      type,
      actor: p,
      agencyId: previous.agencyId,
      data: { notificationId: previous.id, step: previous.step, ...data },
    });
  } catch (error) {
    if (error instanceof WriteConflict)
      throw invalidTransition(`letter ${previous.id} was acted on already`);
    throw error;
  }
  return viewNotification(next);
}

/**
 * Central sends a failed letter again once the agency's contacts are corrected: back to the
 * outbox, addressed as the letter's parties' contacts are now (a forwarding letter to the
 * agency's liaisons; a ladder letter as its policy step says), for the sweep to deliver within
 * minutes. The letter is the one written (its date, number and text). Only a failed letter of
 * an assignment still open under the generation it was written for: a reminder to an agency
 * that has since answered, or was withdrawn, would say what is no longer true. One sent with an
 * address refused goes to those of its addresses now that it did not reach (the copy to the
 * corrected address); those it reached, and when, stay in the event's `reached` and `sentAt`.
 */
export async function resendLetter(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  notificationId: string,
): Promise<NotificationView> {
  requireRole(p, CENTRAL_ROLES);
  const [n, bundle] = await Promise.all([
    failedLetter(deps, caseId, notificationId),
    deps.store.getCase(caseId),
  ]);
  const assignment = bundle?.assignments.find((a) => a.agencyId === n.agencyId);
  // As the sweep will judge it: a rung of the episode its ladder is still in goes, its line
  // written again with the deadline in force (an agency's zone corrected since it failed).
  const episode = openEpisodeOf(
    bundle?.ladders.find((l) => l.agencyId === n.agencyId),
    n.generation,
  );
  const untrue = letterVoidReason(n, assignment, deps.clock(), episode);
  // An invitation needs no assignment (a focal point invited through its member unit's).
  if (untrue || (!assignment && isLadderLetter(n)))
    throw invalidTransition(
      `letter ${notificationId} no longer holds (${untrue ?? 'ended'}): it is not sent again`,
    );
  const agency = await deps.store.getAgency(n.agencyId);
  if (!agency) throw notFound(`agency ${n.agencyId}`);
  const [focalPoint, central, policy] = await Promise.all([
    agency.focalPointId ? deps.store.getAgency(agency.focalPointId) : undefined,
    deps.store.getAgency(CENTRAL_TENANT),
    isLadderLetter(n) && assignment ? policyById(deps, assignment.policyId) : undefined,
  ]);
  // A forwarding letter, or a step the policy has since dropped: the agency's liaisons.
  const step = policy?.ladder.find((s) => s.name === n.step);
  const current = letterAddresses(n.action, step, { agency, focalPoint, central });
  // Sent with an address refused (or so before, and refused since): not again to those it
  // reached. Kept of them: those still its addresses (the others it does not go to anyway), so
  // the record stays bounded by its parties' contacts however often it is sent again.
  const partly = letterPartlyRefused(n);
  const addressed = new Set([...current.to, ...current.cc].map((a) => a.toLowerCase()));
  const reached = (partly ? reachedAddresses(n) : [...(n.reached ?? [])]).filter((a) =>
    addressed.has(a),
  );
  const addresses = reached.length > 0 ? addressesNotReached(current, reached) : current;
  if (addresses.to.length === 0)
    throw invalidInput(
      'recipients',
      reached.length > 0
        ? `${agency.name} has no e-mail address for this letter but those it reached: correct the address refused first`
        : `${agency.name} has no e-mail address for this letter: add one to the agency first`,
    );
  return changeFailed(deps, p, n, resent(n, addresses, deps.clock(), reached), 'letter_resent', {
    recipients: addresses.to,
    cc: addresses.cc,
    ...(partly ? { reached: reachedAddresses(n), sentAt: n.sentAt } : {}),
  });
}

/**
 * Central marks a failed letter handled without sending it again, saying how (delivered by
 * hand or another channel, or no longer needed: its assignment ended): it leaves the list of
 * failed letters, stays `failed` (it never reached the mailbox), and the timeline keeps the note.
 * A letter sent with an address refused is marked so too (its copy delivered another way, or
 * the contact corrected): it stays `sent`.
 */
export async function dismissLetter(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  notificationId: string,
  input: DismissLetterInput,
): Promise<NotificationView> {
  requireRole(p, CENTRAL_ROLES);
  const n = await failedLetter(deps, caseId, notificationId);
  const handled = { at: deps.clock().toISOString(), note: input.note };
  return changeFailed(deps, p, n, { ...n, handled }, 'letter_dismissed', { note: input.note });
}
