/**
 * Central's letters about an activity it holds with agencies (klarifikasi, mediasi, gelar
 * kasus): the invitation (surat undangan) each agency gets when the activity is planned with a
 * date, a letter when central moves it (perubahan jadwal) and one when it calls it off
 * (pembatalan), each naming the invitation it follows; a case's close calling it off writes the
 * same pembatalan. Written in the activity's own transaction (use-cases/invitation-letters.ts,
 * `withCancellationLetters`), sent by the outbox at once (central's act: no letter hours, and
 * none of the ladder's rules void it).
 */
import { emailsOf } from '../agency.ts';
import type { ActivityRecord } from '../activity.ts';
import { localDate } from '../calendar.ts';
import { agendaOf, type CaseRecord } from '../case.ts';
import { ACTIVITY_LABELS, LETTER_URGENCY } from '../labels.ts';
import { dayAndDate, hourIn, indonesianDate } from '../date-words.ts';
import { unaddressedReason } from '../letter-addresses.ts';
import { addressedTo, contactSentence, throughPantau } from '../letters.ts';
import type { NotificationRecord } from '../notification.ts';
import type { Agency } from '../schemas.ts';
import type { DocumentSettings } from '../schemas/documents.ts';
import { cutText } from '../text.ts';
import { type Actor, newEventId, type TimelineEvent } from '../timeline.ts';
import type { LetterDocument } from './letter-document.ts';

/** The three letters, by their `step` (the console labels each: "Surat undangan", …). */
export const INVITATION_STEPS = {
  invitation: 'invitation',
  moved: 'invitation_moved',
  cancelled: 'invitation_cancelled',
} as const;
export type InvitationLetterKind = keyof typeof INVITATION_STEPS;

/** One agency's letter an activity's change owes, and the invitation it follows. */
export interface InvitationDue {
  readonly agencyId: string;
  readonly kind: InvitationLetterKind;
  /** The agency's invitation to the activity (a new date and a cancellation name it). */
  readonly first?: NotificationRecord;
}

/**
 * A reason as the end of the letter's sentence: closed by its period when the officer's text
 * (or a close's, "Pengaduan ditutup (Terselesaikan)") has none.
 */
const asSentence = (text: string): string => {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/**
 * The letters a change of activity `after` (from `before`, null: just planned) owes its
 * agencies, given the invitation letters written for it before (`earlier`, any of the case's:
 * those of other activities are passed over). Planned with a date: an invitation to each agency
 * not yet invited, and to each one invited a "perubahan jadwal" when its date or place moved;
 * cancelled: a "pembatalan" to each one invited. None otherwise (a plan without a date, a
 * proposal, a report), nor for a change that moved nothing (the same schedule again).
 */
export function invitationLettersDue(
  before: ActivityRecord | null,
  after: ActivityRecord,
  earlier: readonly NotificationRecord[],
): InvitationDue[] {
  const firstTo = (agencyId: string) =>
    earlier
      .filter(
        (n) =>
          n.activityId === after.id &&
          n.agencyId === agencyId &&
          n.step === INVITATION_STEPS.invitation,
      )
      .toSorted((x, y) => x.createdAt.localeCompare(y.createdAt))[0];
  if (after.status === 'cancelled')
    return after.agencyIds.flatMap((agencyId) => {
      const first = firstTo(agencyId);
      return first ? [{ agencyId, kind: 'cancelled' as const, first }] : [];
    });
  if (after.status !== 'planned' || after.scheduledAt === null) return [];
  const moved =
    before !== null &&
    (before.scheduledAt !== after.scheduledAt || (before.venue ?? null) !== (after.venue ?? null));
  return after.agencyIds.flatMap((agencyId): InvitationDue[] => {
    const first = firstTo(agencyId);
    if (!first) return [{ agencyId, kind: 'invitation' }];
    return moved ? [{ agencyId, kind: 'moved', first }] : [];
  });
}

/** What a letter's plan line may carry of a long plan (the whole text is in Pantau). */
const PLAN_MAX = 1_000;

/**
 * One agency's letter about activity `activity` (`due.kind`), with its PDF document and its
 * `invitation_letter` event (the agency's own: only it reads it). Addressed to the agency's
 * head (its letter copied to the head: `letterAddresses`), to its liaisons' mailboxes; dated and
 * numbered in WIB (central's act, from Jakarta); the day and hour in the agency's own zone.
 * Never the complainant's identity: the case by its agenda number and subject, as the other
 * letters name it. Written `failed` when the agency has no liaison's address (for central's
 * list of failed letters), never sent to no one.
 */
export function invitationLetterWrite(input: {
  due: InvitationDue;
  activity: ActivityRecord;
  /** The activity's time before a new date (`moved`). */
  previousAt?: string | null;
  case: CaseRecord;
  agency: Agency;
  /** The agency's assignment's generation on the case (0: it has none of its own). */
  generation: number;
  settings: DocumentSettings;
  number: string;
  now: Date;
  actor: Actor;
  consoleUrl?: string | undefined;
}): { notification: NotificationRecord; event: TimelineEvent } {
  const { due, activity: a, case: c, agency, settings, now } = input;
  const tz = agency.timeZone;
  const agenda = agendaOf(c);
  const kindLabel = ACTIVITY_LABELS[a.kind];
  const kindWord = kindLabel.toLowerCase();
  const pantau = throughPantau(input.consoleUrl, c.id);
  const place = a.venue ?? `Kantor ${settings.letterhead.unit}, ${settings.letterhead.address}`;
  const when = a.scheduledAt ?? input.previousAt ?? now.toISOString();
  const rows: (readonly [string, string])[] = [
    ['Hari/tanggal', dayAndDate(when, tz)],
    ['Pukul', hourIn(when, tz)],
    ['Tempat', place],
    [
      'Acara',
      a.plan
        ? `${kindLabel} — ${a.plan.length <= PLAN_MAX ? a.plan : `${cutText(a.plan, PLAN_MAX)}… (selengkapnya di Pantau)`}`
        : kindLabel,
    ],
  ];
  const about = `dalam rangka penanganan pengaduan masyarakat nomor agenda ${agenda}, perihal ${c.subject}`;
  const first = due.first;
  const followed = first
    ? `Menindaklanjuti surat kami nomor ${first.letterNumber ?? '-'} tanggal ${indonesianDate(
        localDate(new Date(first.createdAt), 'Asia/Jakarta'),
      )} perihal Undangan ${kindLabel} ${about}`
    : '';
  const previous =
    input.previousAt && due.kind === 'moved'
      ? ` yang semula dijadwalkan pada ${dayAndDate(input.previousAt, tz)} pukul ${hourIn(input.previousAt, tz)}`
      : '';
  const contact = contactSentence(
    { phone: settings.letterhead.phone, email: settings.letterhead.email },
    'Untuk konfirmasi kehadiran dan keterangan lebih lanjut, Saudara dapat',
  );
  const [title, opening, closing, listed] = ((): [string, string, string, boolean] => {
    switch (due.kind) {
      case 'invitation':
        return [
          `Undangan ${kindLabel}`,
          `Dalam rangka penanganan pengaduan masyarakat nomor agenda ${agenda}, perihal ${c.subject}, kami mengundang Saudara untuk menghadiri kegiatan ${kindWord} yang akan dilaksanakan pada:`,
          `Mengingat pentingnya acara tersebut, kami mengharapkan kehadiran Saudara atau pejabat yang Saudara tunjuk tepat pada waktunya. Perkembangan penanganan pengaduan ini dapat Saudara lihat ${pantau}.${contact} Atas perhatian dan kehadiran Saudara, kami ucapkan terima kasih.`,
          true,
        ];
      case 'moved':
        return [
          `Perubahan Jadwal ${kindLabel}`,
          `${followed}, dengan hormat kami sampaikan bahwa kegiatan ${kindWord}${previous} diubah menjadi:`,
          `Mengingat pentingnya acara tersebut, kami mengharapkan kehadiran Saudara atau pejabat yang Saudara tunjuk pada waktu dan tempat tersebut. Perkembangan penanganan pengaduan ini dapat Saudara lihat ${pantau}.${contact} Atas perhatian Saudara, kami ucapkan terima kasih.`,
          true,
        ];
      case 'cancelled':
        return [
          `Pembatalan ${kindLabel}`,
          `${followed}, dengan hormat kami sampaikan bahwa kegiatan ${kindWord} yang dijadwalkan pada ${dayAndDate(when, tz)} pukul ${hourIn(when, tz)} di ${place} dibatalkan, dengan alasan: ${asSentence(a.cancellation?.reason ?? '-')}`,
          `Perkembangan penanganan pengaduan ini dapat Saudara lihat ${pantau}.${contact} Atas perhatian Saudara, kami ucapkan terima kasih.`,
          false,
        ];
    }
  })();
  const recipients = emailsOf(agency, 'liaison');
  const cc = emailsOf(agency, 'head').filter((e) => !recipients.includes(e));
  // To its head; "u.p." its liaisons unless the head is copied (`addressedTo`).
  const to = addressedTo(agency, cc.length > 0);
  const document: LetterDocument = {
    kind: 'invitation',
    title: null,
    letterhead: settings.letterhead,
    number: input.number,
    placeAndDate: `${settings.letterhead.city}, ${indonesianDate(localDate(now, 'Asia/Jakarta'))}`,
    urgency: LETTER_URGENCY.invitation,
    enclosures: null,
    subject: title,
    to,
    blocks: [
      { kind: 'paragraph', text: opening },
      ...(listed ? [{ kind: 'fields' as const, rows }] : []),
      { kind: 'paragraph', text: closing },
    ],
    signatory: settings.signatory,
    tembusan: settings.tembusan,
  };
  const [greeted, ...more] = to;
  const body = [
    `Yth. ${greeted}`,
    ...more,
    '',
    `Perihal: ${title}`,
    `Sifat: ${LETTER_URGENCY.invitation}`,
    `Nomor surat: ${input.number} (terlampir dalam berkas PDF)`,
    '',
    opening,
    ...(listed ? rows.map(([label, value]) => `${label}: ${value}`) : []),
    '',
    closing,
    '',
    `Tanggal: ${indonesianDate(localDate(now, 'Asia/Jakarta'))}`,
    settings.signatory.position,
    settings.letterhead.ministry,
  ].join('\n');
  const step = INVITATION_STEPS[due.kind];
  const id = newEventId(now);
  const notification: NotificationRecord = {
    id,
    caseId: c.id,
    agencyId: agency.id,
    generation: input.generation,
    stepId: `${step}#${a.id}#${a.version}`,
    step,
    action: 'invitation',
    target: 'acknowledge',
    targets: [],
    channel: 'email',
    recipients,
    cc,
    status: recipients.length > 0 ? 'pending' : 'failed',
    subject: cutText(`${title} atas Pengaduan Masyarakat ${agenda}: ${c.subject}`, 250),
    body,
    scheduledAt: now.toISOString(),
    episode: null,
    createdAt: now.toISOString(),
    sentAt: null,
    attempts: 0,
    lastError:
      recipients.length > 0
        ? null
        : unaddressedReason(
            { recipients: ['agency'] },
            { agency, focalPoint: undefined, central: undefined },
          ),
    activityId: a.id,
    letterNumber: input.number,
    document,
  };
  return {
    notification,
    event: {
      id: newEventId(now),
      caseId: c.id,
      at: now.toISOString(),
      type: 'invitation_letter',
      actor: input.actor,
      agencyId: agency.id,
      data: {
        notificationId: id,
        letterNumber: input.number,
        activityId: a.id,
        kind: a.kind,
        step,
      },
    },
  };
}
