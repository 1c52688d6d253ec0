/**
 * A case's timeline as its reader reads it: central all of it; an agency its own assignments'
 * events and the case's, without central's own words and without what names another agency.
 */
import { clockAsRead } from '../assignment.ts';
import type { Page, PageRequest, TimelineView } from '../ports.ts';
import { type Principal, type Reader, readerSees } from '../tenancy.ts';
import type { TimelineEvent } from '../timeline.ts';
import { focalPointOf, readableCase, type ServiceDeps } from './kernel/index.ts';

/**
 * The case's timeline, oldest first (or newest first). An agency sees the case's events and
 * its own assignments' (`agencySeesEvent`: not those another agency's person caused), not what
 * central asked the complainant for, and no other agency's id in a forwarding. One whose part
 * ended without its doing the work reads none of the case's events after that, and the earlier
 * ones as a hidden identity's.
 */
export async function timeline(
  deps: ServiceDeps,
  p: Principal,
  caseId: string,
  page: PageRequest & TimelineView,
): Promise<Page<TimelineEvent>> {
  const { reader, bundle } = await readableCase(deps, p, caseId);
  const { order, agencyId, type, ...request } = page;
  const view = { order, agencyId, type };
  if (reader.central) return deps.store.listTimeline(caseId, request, undefined, view);
  // Its focal point's people may act on its assignment, moving the case: it reads those moves.
  const focalPoint = await focalPointOf(deps, p);
  const actors = new Set(focalPoint ? [...reader.agencies, focalPoint] : reader.agencies);
  const events = await deps.store.listTimeline(
    caseId,
    request,
    { agencies: reader.agencies, actors, endedAt: reader.endedAt },
    view,
  );
  // The complainant's own words may name them: kept from the agencies when the identity is,
  // and from one whose part in the case ended without its doing the work (`partEndedAt`).
  const own = bundle.case.identityHidden || reader.endedAt ? HIDDEN_IDENTITY_DATA : {};
  return {
    ...events,
    items: events.items.map((e) => {
      const hidden = [...(CENTRAL_ONLY_DATA[e.type] ?? []), ...(own[e.type] ?? [])];
      const kept = hidden.some((k) => k in e.data)
        ? {
            ...e,
            data: Object.fromEntries(Object.entries(e.data).filter(([k]) => !hidden.includes(k))),
          }
        : e;
      return kept.type === 'assignment_forwarded' ? forwardingAsRead(kept, reader) : kept;
    }),
  };
}

/**
 * A forwarding as an agency reads it. A re-forward names the redirected assignments it
 * answered, and an inherited clock whose date it took: other agencies (those that said "not
 * ours"), unless the reader reads as them. It keeps that it was a re-forward and that the
 * clock was inherited, not whose (`agencyId: null`, as the assignment's `inheritedFrom`).
 */
function forwardingAsRead(e: TimelineEvent, reader: Reader): TimelineEvent {
  const { reforwardOf, clock } = e.data;
  return {
    ...e,
    data: {
      ...e.data,
      ...(Array.isArray(reforwardOf)
        ? {
            reforwardOf: reforwardOf.map((r: unknown) =>
              isRecord(r) && typeof r.agencyId === 'string' && readerSees(reader, r.agencyId)
                ? r
                : { agencyId: null },
            ),
          }
        : {}),
      ...(isRecord(clock) && typeof clock.inheritedFrom === 'string'
        ? { clock: clockAsRead({ ...clock, inheritedFrom: clock.inheritedFrom }, reader) }
        : {}),
    },
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * What of an event's data stays with central, by event type. What central asked the
 * complainant for is between them (it may name the complainant's papers). The subject as it
 * came in, and as it was before central restated it, may name people: central restates a
 * subject to take them out, so agencies read only the restated one (the case's own).
 */
const CENTRAL_ONLY_DATA: Partial<Record<TimelineEvent['type'], readonly string[]>> = {
  // `followUpOf`: a complainant's mail answering a case that had ended (another case), or
  // claiming to from a sender not authenticated (`followUpUnverified`).
  // `forwardedBy`: the staff member whose forward it came in (and their note).
  case_registered: [
    'subject',
    'followUpOf',
    'followUpOfNumber',
    'followUpUnverified',
    'forwardedBy',
    'forwardNote',
  ],
  // The subject as verified or restated then: a later restatement may have taken a name out
  // of it (the agency reads the case's own subject, as it is now).
  case_verified: ['subject', 'previousSubject'],
  case_rejected: ['previousSubject', 'reason', 'note'],
  case_needs_info: ['missing', 'previousSubject', 'note'],
  // What the agencies read before a restatement may be what it took out (a signature).
  case_restated: ['subject', 'previousSubject', 'previousDescription'],
  // The addresses a letter went to again include the focal point's and central's contacts,
  // which a delegated member unit reading its focal point's events may not hold; how central
  // handled a failed letter is central's own note.
  letter_resent: ['recipients', 'cc'],
  letter_dismissed: ['note'],
};

/**
 * What the agencies do not read of a case whose complainant's identity is hidden: the
 * complainant's own words, and the number of the letter they wrote (an imported row's, kept on
 * its registration when the case has no letter of its own: that is withheld too).
 */
const HIDDEN_IDENTITY_DATA: Partial<Record<TimelineEvent['type'], readonly string[]>> = {
  case_registered: ['letterNumber'],
  complainant_replied: ['message'],
};
