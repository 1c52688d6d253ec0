/**
 * The letters the ladder sends (surat peringatan dini, pengingat, penegasan, intervensi), in
 * Indonesian. Never any identity of the complainant: agencies may not be allowed to see it.
 * A letter written and held, brought up to date before it goes, is letter-rewrites.ts's.
 */
import type { AssignmentRecord } from './assignment.ts';
import {
  type Calendar,
  localDate,
  shiftWorkingDays,
  startOfLocalDay,
  type TimeZone,
  workingDaysBetween,
} from './calendar.ts';
import { agendaOf, type CaseRecord } from './case.ts';
import { dayAndDate, formatLocal, hourIn, indonesianDate } from './date-words.ts';
import type { ActivityRecord } from './activity.ts';
import { ACTIVITY_LABELS, LETTER_URGENCY, TARGET_LABELS } from './labels.ts';
import type { LadderLetter } from './ladder/index.ts';
import { letterDateOf } from './ladder/letter-hours.ts';
import { type LadderNow, rungAfter } from './ladder/rules.ts';
import { type LetterParties, stepAddresses } from './letter-addresses.ts';
import { isLadderLetter, type NotificationRecord } from './notification.ts';
import type { LadderStep, Target } from './policy.ts';
import type { Agency } from './schemas.ts';
import { cutText } from './text.ts';

const TITLES: Record<LadderStep['action'], string> = {
  warning: 'Pemberitahuan Batas Waktu Tindak Lanjut',
  reminder: 'Surat Pengingat',
  formal_warning: 'Surat Penegasan',
  // Not "… Intervensi Asdep Pengaduan Masyarakat": its Hal adds "atas Pengaduan Masyarakat",
  // and the letter is the Asdep's own, under its letterhead and over its signature.
  central_intervention: 'Pemberitahuan Intervensi',
};

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

export interface Letter {
  readonly subject: string;
  readonly body: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /**
   * The date it bears (YYYY-MM-DD, in the agency's zone): the working day it goes out
   * (`letterDateOf`), in its e-mail and its PDF. A ladder letter's.
   */
  readonly datedOn?: string;
  /** The same letter in parts, for its PDF (documents/letter-document.ts). */
  readonly parts?: {
    readonly title: string;
    readonly opening: string;
    readonly lines: readonly string[];
    readonly request: string;
  };
}

/**
 * The activity a central intervention's agency is invited to already (`invitedActivity`), and
 * whether its invitation letter went out (`invitationSent`): only then does the letter say it
 * was sent ("undangannya telah kami sampaikan tersendiri"); one still in the outbox, or refused
 * (central's list of failed letters), is not claimed, and this letter invites by itself.
 */
export type InvitedTo = Pick<ActivityRecord, 'kind' | 'scheduledAt' | 'venue'> & {
  readonly sent: boolean;
};

/**
 * What a central intervention asks. The ladder proposes a clarification; central schedules it
 * and invites the agency (`proposedIntervention`): the head learns it is coming, and whom to
 * call meanwhile. Once central gives it a date, the agency gets its invitation letter (surat
 * undangan, `invitationLetterWrites`) and reads it in Pantau too, on its queue's coming
 * activities and on the case's page. An agency invited already to an activity still to be held
 * (`invitedTo`: the ladder proposes none for it) is told of that one: its kind, and its day,
 * hour and place once it has a date (it read "Waktu dan tempat … akan kami sampaikan kemudian",
 * holding an invitation for next Tuesday).
 */
function interventionRequest(
  invitedTo: InvitedTo | undefined,
  tz: TimeZone,
  consoleUrl: string | undefined,
  pantau: string,
): string {
  const kind = ACTIVITY_LABELS[invitedTo?.kind ?? 'clarification'].toLowerCase();
  if (invitedTo?.scheduledAt) {
    const at = invitedTo.scheduledAt;
    const place = invitedTo.venue ? ` di ${invitedTo.venue}` : '';
    const when = `pada ${dayAndDate(at, tz)} pukul ${hourIn(at, tz)}${place}`;
    return (
      (invitedTo.sent
        ? `Sehubungan dengan hal tersebut, Saudara telah kami undang dalam kegiatan ${kind} atas penanganan pengaduan ini ${when} (undangannya telah kami sampaikan tersendiri). `
        : `Sehubungan dengan hal tersebut, Saudara kami undang dalam kegiatan ${kind} atas penanganan pengaduan ini ${when}. `) +
      `Kami mengharapkan kehadiran Saudara atau pejabat yang Saudara tunjuk, dan kiranya tindak lanjut dapat disampaikan${consoleUrl ? ` ${pantau}` : ''} sebelum kegiatan tersebut.`
    );
  }
  return (
    `Sehubungan dengan hal tersebut, Asisten Deputi Pengaduan Masyarakat akan mengundang Saudara dalam kegiatan ${kind} atas penanganan pengaduan ini. ` +
    (consoleUrl
      ? `Waktu dan tempat pelaksanaannya akan kami sampaikan kemudian dan dapat Saudara lihat, beserta perkembangan penanganan pengaduan ini, ${pantau}.`
      : `Waktu dan tempat pelaksanaannya akan kami sampaikan kemudian dan dapat Saudara lihat ${pantau}.`)
  );
}

/**
 * The case's page in the console (`<console>/cases/<caseId>`), where a letter's reader acts on
 * it: signed out, the console signs them in and returns there. The case's id only: never its
 * tracking code, which answers as the complainant. `consoleUrl` is the deployment's (the stack's
 * console URL on AWS, `PANTAU_PUBLIC_URL` embedded).
 */
export function caseLink(consoleUrl: string, caseId: string): string {
  return `${consoleUrl.replace(/\/+$/, '')}/cases/${encodeURIComponent(caseId)}`;
}

/** "melalui Pantau", with the case's page when the console's address is known (`caseLink`). */
export const throughPantau = (consoleUrl: string | undefined, caseId: string): string =>
  consoleUrl ? `melalui Pantau (${caseLink(consoleUrl, caseId)})` : 'melalui Pantau';

/**
 * A letter to `agency` as it is addressed on paper: its head (pimpinan), for the attention
 * (u.p.) of its liaisons when the letter goes to them and not to the head as well.
 */
export function addressedTo(agency: Agency, headSent: boolean): string[] {
  const liaisons = agency.contacts.filter((x) => x.kind === 'liaison').map((x) => x.name);
  return [
    `Pimpinan ${agency.name}`,
    ...(!headSent && liaisons.length > 0 ? [`u.p. ${liaisons.join(', ')}`] : []),
  ];
}

/**
 * Whom a ladder letter is addressed to, in its PDF and its e-mail's greeting ("Yth. …"): the
 * agency's head, for the attention of its liaisons unless the head gets it too (`addressedTo`).
 * The e-mail said "Yth. <agency>" where the PDF said "Yth. Pimpinan <agency> u.p. …". An
 * intervention's e-mail goes to central, to act on, but it is central's letter to the agency.
 */
export const ladderAddressee = (
  agency: Agency,
  step: Pick<LadderStep, 'recipients' | 'cc'>,
): string[] => addressedTo(agency, [...step.recipients, ...step.cc].includes('agency_head'));

/**
 * A reminder's number, in Roman numerals: its place among the reminders of its ladder, not
 * among the rungs (after a penegasan, the next reminder is the second, not the third).
 */
function reminderNumeral(steps: readonly LadderStep[], name: string): string {
  const at = steps.findIndex((s) => s.name === name);
  const n = steps.slice(0, Math.max(at, 0)).filter((s) => s.action === 'reminder').length + 1;
  return ROMAN[n] ?? String(n);
}

/**
 * The start of the working day a letter written at `at` is read on, in `tz`: late is counted up
 * to it. One written on a weekend or a day off (the first instant after a Friday deadline)
 * counts to the next working day, as one written Friday after a Thursday deadline counts
 * Friday; both say 1 at the first reminder. The day a ladder letter is dated (`letterDateOf`),
 * but for one written after letter hours (dated, and read, the next working day); and the day
 * a letter written before letters recorded their date (`datedOn`) is read on.
 */
export function letterReadOn(at: string, tz: TimeZone, calendar: Calendar): Date {
  const dated = localDate(new Date(at), tz);
  return startOfLocalDay(
    calendar.isWorkingDay(dated) ? dated : shiftWorkingDays(calendar, dated, 1),
    tz,
  );
}

/**
 * The working days a deadline `due` (an instant, the end of a working day in `tz`) is late by
 * at `at`, as a ladder letter written at `at` says it (`terlambat N hari kerja`, `targetLine`):
 * up to the working day it is read on (`letterReadOn`, the letter's date), so the queue and the
 * case page say what the agency's letters say. 1 from the instant after a deadline, whether
 * that is a working day or the weekend after a Friday's.
 */
export function workingDaysLate(calendar: Calendar, due: string, at: Date, tz: TimeZone): number {
  return workingDaysBetween(
    calendar,
    new Date(due),
    letterReadOn(at.toISOString(), tz, calendar),
    tz,
  );
}

/** A text with its first letter a capital: a list item that is a statement of its own. */
export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A ladder letter's line about one target: `- <Label>: batas waktu <due>.` in a warning, and
 * in a rung `…, terlambat N hari kerja.`, late up to the day the letter is read (`readOn`: the
 * day it is dated). Each is a statement of its own, closed by its period, so it opens with a
 * capital, as the forwarding letter's list of deadlines does (it read "- konfirmasi …").
 * Written by `composeLetter`, and again by `letterRestating` when a held letter's deadline
 * moved before it went.
 */
export function targetLine(
  action: LadderStep['action'],
  target: Target,
  due: string,
  at: { readonly timeZone: TimeZone; readonly calendar: Calendar; readonly readOn: Date },
): string {
  const when = formatLocal(due, at.timeZone);
  const label = capitalise(TARGET_LABELS[target]);
  if (action === 'warning') return `- ${label}: batas waktu ${when}.`;
  const late = workingDaysBetween(at.calendar, new Date(due), at.readOn, at.timeZone);
  return `- ${label}: batas waktu ${when}, terlambat ${late} hari kerja.`;
}

/**
 * What a rung's letter says follows it: by when the agency must act (the end of the working day
 * before the next rung comes, as the ladder counts it: `rungAfter`) and what comes then,
 * central's intervention or the next letter by its title. A head copied on a penegasan read
 * only "segera", with no date and nothing of what comes next. None after the last rung, nor
 * before one counted from a deadline (not from this letter).
 */
export function nextRungNotice(
  event: Pick<LadderLetter, 'step' | 'scheduledAt' | 'at' | 'episode'>,
  steps: readonly LadderStep[],
  a: Pick<AssignmentRecord, 'timeZone'>,
  calendar: Calendar,
  ladder?: LadderNow,
): string | null {
  const next = rungAfter({ assignment: a, calendar, steps }, event, ladder);
  if (!next) return null;
  const by = new Date(next.at - 1).toISOString();
  const then =
    next.step.action === 'central_intervention'
      ? 'Asisten Deputi Pengaduan Masyarakat akan melakukan intervensi langsung atas penanganan pengaduan ini'
      : `kami akan menyampaikan ${
          next.step.action === 'reminder'
            ? `${TITLES.reminder} ${reminderNumeral(steps, next.step.name)}`
            : TITLES[next.step.action]
        }`;
  return `${NEXT_RUNG_OPENING}${formatLocal(by, a.timeZone)} tindak lanjut belum kami terima, ${then}.`;
}

/**
 * How `nextRungNotice` opens: what finds it again in a letter written (always the last
 * sentence of its request, in its e-mail's line and its PDF's paragraph: `letterFollowedNow`).
 */
export const NEXT_RUNG_OPENING = 'Apabila sampai dengan ';

/**
 * The date ladder letter `n` bears, as it says it: the day it went out (`datedOn`), or, written
 * before letters recorded it, the day it was written in `tz`.
 */
const dateOfLetter = (n: NotificationRecord, tz: TimeZone): string =>
  indonesianDate(n.datedOn ?? localDate(new Date(n.createdAt), tz));

/** A ladder letter's title, read from its e-mail's subject (`<title> atas Pengaduan …`). */
const titleOf = (n: NotificationRecord) => n.subject.split(' atas Pengaduan Masyarakat')[0]!;

/**
 * What a rung's letter follows: the rungs of its episode sent before it (never a warning, nor
 * one cancelled or failed: those told no one), by title, number and date, and the contacts they
 * went to (by name as the agency names them now, with the address). A penegasan is the first
 * letter the agency's head reads: it said only "kami belum menerima", not that reminders had
 * gone to the liaison, nor which. Null when none was.
 */
function earlierRungs(
  event: LadderLetter,
  earlier: readonly NotificationRecord[],
  agency: Agency,
  tz: TimeZone,
): string | null {
  const before = earlier
    .filter(
      (n) =>
        n.status === 'sent' &&
        n.action !== 'warning' &&
        isLadderLetter(n) &&
        event.episode !== null &&
        n.episode === event.episode &&
        n.step !== event.step,
    )
    .toSorted((x, y) => x.createdAt.localeCompare(y.createdAt));
  if (before.length === 0) return null;
  const named = before.map(
    (n) =>
      `${titleOf(n)}${n.letterNumber ? ` nomor ${n.letterNumber}` : ''} tanggal ${dateOfLetter(n, tz)}`,
  );
  const contactNamed = (email: string) => {
    const contact = agency.contacts.find((c) => c.email === email);
    return contact ? `${contact.name} (${email})` : email;
  };
  const to = [...new Set(before.flatMap((n) => n.recipients))];
  // Copies to the agency's own contacts (its head on a penegasan); another agency's are not
  // the agency's to know of.
  const copied = [...new Set(before.flatMap((n) => n.cc))].filter(
    (email) => !to.includes(email) && agency.contacts.some((c) => c.email === email),
  );
  return (
    `Menindaklanjuti ${inWords(named)} yang telah kami sampaikan kepada ${inWords(to.map(contactNamed))}` +
    (copied.length > 0 ? ` dengan tembusan kepada ${inWords(copied.map(contactNamed))}` : '')
  );
}

/** "a", "a dan b", "a, b dan c". */
const inWords = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} dan ${xs.at(-1)}`;

/** The unit's telephone and e-mail, from its document settings (`letterhead.phone`, `.email`). */
export interface UnitContact {
  readonly phone?: string | undefined;
  readonly email?: string | undefined;
}

/**
 * " Sementara itu, Saudara dapat menghubungi … melalui telepon … atau pos-el …", naming what
 * the unit has of the two; empty when it has neither. `lead` opens it in place of "Sementara
 * itu, Saudara dapat" (an invitation: "Untuk konfirmasi kehadiran, Saudara dapat").
 */
export function contactSentence(
  contact: UnitContact | undefined,
  lead = 'Sementara itu, Saudara dapat',
): string {
  const ways = [
    ...(contact?.phone ? [`telepon ${contact.phone}`] : []),
    ...(contact?.email ? [`pos-el ${contact.email}`] : []),
  ];
  if (ways.length === 0) return '';
  return ` ${lead} menghubungi Asisten Deputi Pengaduan Masyarakat melalui ${ways.join(' atau ')}.`;
}

export function composeLetter(input: {
  event: LadderLetter;
  step: LadderStep;
  /** The ladder `step` is a rung of (the policy's steps as the letter is written). */
  steps: readonly LadderStep[];
  case: CaseRecord;
  assignment: AssignmentRecord;
  parties: LetterParties;
  calendar: Calendar;
  /**
   * The letters the assignment's agency was written before (the case's, this agency's): a rung
   * names those of its episode that went (`earlierRungs`). None given: it names none.
   */
  earlier?: readonly NotificationRecord[];
  /**
   * The console's address (`caseLink`): the letter names the case's page where it says
   * "melalui Pantau". None (a deployment that names none): "melalui Pantau" alone.
   */
  consoleUrl?: string | undefined;
  /**
   * The unit's own telephone and e-mail, as its document settings name them (the letterhead's):
   * an intervention says the agency may reach it there meanwhile. None, or neither: it says
   * nothing of it (never an empty "telepon").
   */
  unitContact?: UnitContact | undefined;
  /**
   * A central intervention's: the activity still to be held on the case that the agency is
   * invited to already (`invitedActivity`), which the letter names instead of one to come.
   */
  invitedTo?: InvitedTo | undefined;
}): Letter {
  const { event, step, assignment: a, parties, calendar } = input;
  const c = input.case;
  const title =
    step.action === 'reminder'
      ? `${TITLES.reminder} ${reminderNumeral(input.steps, step.name)}`
      : TITLES[step.action];
  // Dated the working day it goes out, with no hour (it said "11 April 2026 pukul 00.00 WIB", a
  // Saturday); late is counted up to that day, the one it is read on.
  const datedOn = letterDateOf(calendar, a.timeZone, new Date(event.at));
  const readOn = startOfLocalDay(datedOn, a.timeZone);
  const lines = event.targets.map((t) =>
    targetLine(step.action, t, a.due[t], { timeZone: a.timeZone, calendar, readOn }),
  );
  const followed =
    step.action === 'warning'
      ? null
      : earlierRungs(event, input.earlier ?? [], parties.agency, a.timeZone);
  const opening =
    step.action === 'warning'
      ? 'Bersama ini kami sampaikan bahwa batas waktu berikut akan berakhir dalam waktu dekat:'
      : followed
        ? `${followed}, sampai dengan tanggal surat ini kami belum menerima pemenuhan atas:`
        : 'Sampai dengan tanggal surat ini, kami belum menerima pemenuhan atas:';
  const then = step.action === 'warning' ? null : nextRungNotice(event, input.steps, a, calendar);
  const pantau = throughPantau(input.consoleUrl, c.id);
  const request =
    step.action === 'warning'
      ? input.consoleUrl
        ? `Mohon kiranya tindak lanjut dapat disampaikan ${pantau} sebelum batas waktu tersebut.`
        : 'Mohon kiranya tindak lanjut dapat disampaikan sebelum batas waktu tersebut.'
      : step.action === 'central_intervention'
        ? interventionRequest(input.invitedTo, a.timeZone, input.consoleUrl, pantau) +
          contactSentence(input.unitContact)
        : `Mohon kiranya Saudara segera menyampaikan tindak lanjut ${pantau}.${then ? ` ${then}` : ''}`;
  const [first, ...more] = ladderAddressee(parties.agency, step);
  const body = [
    `Yth. ${first}`,
    ...more,
    '',
    `Perihal: ${title} atas Pengaduan Masyarakat`,
    // As the PDF's head block: a clerk who reads only the e-mail routes it by it too.
    `Sifat: ${LETTER_URGENCY[step.action]}`,
    `Nomor agenda: ${agendaOf(c)}`,
    `Pokok pengaduan: ${c.subject}`,
    `Diteruskan pada: ${formatLocal(a.forwardedAt, a.timeZone)}`,
    '',
    opening,
    ...lines,
    '',
    request,
    '',
    `Tanggal: ${indonesianDate(datedOn)}`,
    'Asisten Deputi Pengaduan Masyarakat',
    'Kementerian Sekretariat Negara Republik Indonesia',
  ].join('\n');
  return {
    // As the forwarding letter's: an agency files the case's letters by its agenda number.
    subject: cutText(`${title} atas Pengaduan Masyarakat ${agendaOf(c)}: ${c.subject}`, 250),
    body,
    ...stepAddresses(step, parties),
    datedOn,
    parts: { title, opening, lines, request },
  };
}
