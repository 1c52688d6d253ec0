/**
 * Issue 15: what the Tick adds to its letters. Every letter is a document with a number from
 * the unit's letter numbering (a yearly counter, reserved just before the ladder's commit:
 * unique, and gapless unless a commit fails after reserving), and each forwarding's first
 * tick writes the forwarding letter (surat penerusan) with the attachments the agency may read.
 * A letter's number takes its month, year and yearly series from the date the letter bears:
 * in WIB for the forwarding letter, in the agency's zone for a ladder letter (the working day
 * it goes out, `letterDateOf`).
 */
import {
  type Agency,
  type AssignmentRecord,
  type CaseRecord,
  CENTRAL_TENANT,
  DEFAULT_DOCUMENT_SETTINGS,
  type DocumentSettings,
  formatNumber,
  forwardingLetterWrite,
  type LadderLetterWrite,
  type LadderRecord,
  localDate,
  sequenceName,
  type Store,
  type TimeZone,
} from '@pantau/core';

export interface LetterNumbering {
  readonly settings: DocumentSettings;
  /**
   * The next number of a letter dated `date` (YYYY-MM-DD), by default `now`'s date in
   * `timeZone` (WIB by default). A ladder letter to an agency in WIT written at 00:30 on 1
   * January is dated that day (22:30 on 31 December in Jakarta): it takes January's month and
   * 2027's series, as its date says; one written at 00:00 on Saturday 31 October is dated, and
   * numbered, on Monday 2 November, the day it goes out (`letterDateOf`).
   */
  next(timeZone?: TimeZone, date?: string): Promise<string>;
  /**
   * The numbers of letters dated `dates` (YYYY-MM-DD), in that order: one reservation per
   * yearly series (one call, unless the letters span a year's end), consecutive in the order
   * given, as central's invitation letters take theirs.
   */
  numbers(dates: readonly string[]): Promise<string[]>;
}

/**
 * The settings in force (as of the settings version `at`) and a source of letter numbers for
 * letters written `now`.
 */
export async function letterNumbering(
  store: Store,
  now: Date,
  at: number,
): Promise<LetterNumbering> {
  const settings = (await store.getDocumentSettings(at)) ?? DEFAULT_DOCUMENT_SETTINGS;
  const numbers = async (dates: readonly string[]) => {
    const series = Map.groupBy(dates, (date) => sequenceName('letter', date));
    const first = new Map(
      await Promise.all(
        [...series].map(
          async ([name, dated]) => [name, await store.reserveSequence(name, dated.length)] as const,
        ),
      ),
    );
    return dates.map((date) => {
      const name = sequenceName('letter', date);
      const seq = first.get(name)!;
      first.set(name, seq + 1);
      return formatNumber(settings.letterNumberPattern, seq, date);
    });
  };
  return {
    settings,
    next: async (timeZone = 'Asia/Jakarta', date = localDate(now, timeZone)) =>
      (await numbers([date]))[0]!,
    numbers,
  };
}

/** Whether this tick owes the forwarding's letter (armed by forward, written once). */
export const forwardingDue = (ladder: LadderRecord): boolean => ladder.forwardingLetter === 'due';

/** The forwarding letter to `agency` (the assignment's, read by the tick). */
export async function forwardingWrite(
  store: Store,
  c: CaseRecord,
  assignment: AssignmentRecord,
  agency: Agency,
  numbering: LetterNumbering,
  now: Date,
  consoleUrl?: string,
): Promise<LadderLetterWrite> {
  if (agency.id === CENTRAL_TENANT) throw new Error(`agency ${assignment.agencyId} missing`);
  const attachments = await store.listAttachments(assignment.caseId);
  return forwardingLetterWrite({
    case: c,
    assignment,
    agency,
    settings: numbering.settings,
    // Dated in WIB (central's act, from Jakarta), and numbered so.
    number: await numbering.next('Asia/Jakarta'),
    attachments,
    now,
    consoleUrl,
  });
}
