/** The append-only case timeline: every step anyone (or the engine) takes lands here. */
import { monotonicUlids } from './ids.ts';
import { CENTRAL_TENANT, type Principal } from './tenancy.ts';

const monotonic = monotonicUlids();
let latest = 0;
/** The ids of one instant earlier than `latest`, monotonic among themselves. */
let behind = { time: -1, next: monotonicUlids() };
/**
 * Timeline event ids: ULIDs, monotonic within this process for the same or a later instant, so
 * that events written together (an assignment, the status change it caused) keep their order
 * in the timeline. An instant earlier than the last one (a tick whose `now` was taken before a
 * long PDF render, while a request wrote in between) gets its own time, not the last one's:
 * ulid's monotonic factory would stamp it with the later time, and the timeline, ordered by
 * id, would list it after events that happened later. The events written together at that
 * earlier instant still keep their order: they share a factory of their own.
 */
export const newEventId = (at: Date): string => {
  const time = at.getTime();
  if (time < latest) {
    if (time !== behind.time) behind = { time, next: monotonicUlids() };
    return behind.next(time);
  }
  latest = time;
  return monotonic(time);
};

export type Actor =
  | { sub: string; agency: string; role: Principal['role'] }
  | { system: 'escalation' }
  /** A channel with no signed-in user: the public form, e-mail, LAPOR!. */
  | { system: 'intake' }
  | { complainant: true };

export const EVENT_TYPES = [
  'case_registered',
  'case_verified',
  'case_rejected',
  'case_needs_info',
  // Central restated a verified case for the agencies (its subject, the complaint they read).
  'case_restated',
  'case_status_changed',
  'case_closed',
  'assignment_forwarded',
  'assignment_acknowledged',
  'response_submitted',
  'assignment_redirected',
  'assignment_withdrawn',
  // Central settled a redirect without a re-forward (the other agencies settle the complaint).
  'redirect_settled',
  'escalation_step',
  'escalation_skipped',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'assignment_paused',
  'assignment_resumed',
  'deadlines_recomputed',
  'activity_planned',
  'activity_proposed',
  'activity_scheduled',
  'activity_reported',
  'activity_cancelled',
  'complainant_replied',
  // An e-mail of the complainant that joined their case (a reply, the papers central asked
  // for): central's alone (`CENTRAL_ONLY_EVENTS`).
  'complainant_mail',
  'assignment_delegated',
  'reply_window_ended',
  // Issue 15: the forwarding letter (surat penerusan) was written.
  'forwarding_letter',
  // Central's letter about an activity to one agency: its invitation, a new date or its
  // cancellation (`data.step`), the agency's own to read.
  'invitation_letter',
  // Central sent a failed letter again, to the agency's contacts as corrected.
  'letter_resent',
  // Central marked a failed letter handled without sending it again.
  'letter_dismissed',
  // Central changed who reads a file (shared it with the agencies, or took it back): central's
  // alone (`CENTRAL_ONLY_EVENTS`).
  'attachment_visibility_changed',
  // The receipt went to the complainant who e-mailed the complaint (`mail-receipt.ts`):
  // central's alone (`CENTRAL_ONLY_EVENTS`).
  'mail_receipt_sent',
  // The sweep stopped sending a receipt still refused `RECEIPT_GIVE_UP_MS` after the case
  // was written: central's alone, as the one above.
  'mail_receipt_failed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface TimelineEvent {
  readonly id: string;
  readonly caseId: string;
  readonly at: string;
  readonly type: EventType;
  readonly actor: Actor;
  /** The assignment's agency for assignment events; null for case-level events. */
  readonly agencyId: string | null;
  /** Never identity data: the timeline is shown to agencies. */
  readonly data: Readonly<Record<string, unknown>>;
}

export const actorOf = (p: Principal): Actor => ({ sub: p.sub, agency: p.agency, role: p.role });

/**
 * Events no agency reads, whatever the case: a complainant's e-mail to central is their own
 * words (it may name them, whatever the identity setting), for central to act on or restate;
 * who shared a file with the agencies or took it back is central's handling of what may be a
 * complainant's identity papers, and names the file (`KTP_Budi_Santoso.pdf`); that a receipt
 * went to the complainant's address is the e-mail intake's business with them.
 */
export const CENTRAL_ONLY_EVENTS: readonly EventType[] = [
  'complainant_mail',
  'attachment_visibility_changed',
  'mail_receipt_sent',
  'mail_receipt_failed',
];

/**
 * Whether an agency reading as `agencies` (its own, its member units', a focal point's that
 * delegated to it) sees an event: its assignments' events, and the case's own but those a
 * person of another agency caused (the case moving on that agency's answer) and those of an
 * activity it is not in (one with several agencies, or central's own with none: its events are
 * the case's, and name their agencies; one written before they did stays central's), and none
 * of the case's, nor of its activities, after its part ended without its doing the work
 * (`endedAt`). The actor cannot be shown without them: even "another agency" would tell it
 * someone else has the case.
 */
export const agencySeesEvent = (
  e: Pick<TimelineEvent, 'agencyId' | 'actor' | 'type' | 'data' | 'at'>,
  reader: TimelineReader,
): boolean => {
  const { agencies, actors = agencies } = reader;
  if (CENTRAL_ONLY_EVENTS.includes(e.type)) return false;
  // An activity's report or new date after its part ended is not its own either, even with it
  // alone (its events are then its own, `activityAgency`): the case's view lists none for it.
  if (reader.endedAt && e.at > reader.endedAt && e.type.startsWith('activity_')) return false;
  if (e.agencyId !== null) return agencies.has(e.agencyId);
  // Its part in the case ended (`partEndedAt`): what the case did after that is not its own.
  if (reader.endedAt && e.at > reader.endedAt) return false;
  if (e.type.startsWith('activity_')) {
    const held = e.data.agencyIds;
    return Array.isArray(held) && held.some((id) => agencies.has(String(id)));
  }
  if (!('agency' in e.actor) || e.actor.agency === CENTRAL_TENANT) return true;
  if (agencies.has(e.actor.agency)) return true;
  // Its focal point's people moved the case: read when they acted on its own assignment, not
  // on the focal point's own or a sibling unit's (that would tell it another has the case).
  // An event written before it said which (`on`) reads as before.
  if (!actors.has(e.actor.agency)) return false;
  const on = e.data.on;
  return typeof on !== 'string' || agencies.has(on);
};

/**
 * An agency reading a timeline: the agencies it reads as (whose assignments' events it sees),
 * and those whose people it may see act on the case's own events, when more: a member unit's
 * focal point, whose coordinator may act on the unit's assignment and so move the case.
 */
export interface TimelineReader {
  readonly agencies: ReadonlySet<string>;
  readonly actors?: ReadonlySet<string>;
  /**
   * When its part in the case ended without its doing the work (`partEndedAt`): the case's
   * own events after it are not read (its assignments' still are).
   */
  readonly endedAt?: string | null | undefined;
}
