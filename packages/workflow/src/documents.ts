/**
 * Issue 15: what the Tick adds to its letters. Every letter is a document with a number from
 * the unit's letter numbering (a yearly counter, reserved just before the ladder's commit:
 * unique, and gapless unless a commit fails after reserving), and each forwarding's first
 * tick writes the forwarding letter (surat penerusan) with the attachments the agency may read.
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
} from '@pantau/core';

export interface LetterNumbering {
  readonly settings: DocumentSettings;
  next(): Promise<string>;
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
  const date = localDate(now, 'Asia/Jakarta');
  return {
    settings,
    next: async () =>
      formatNumber(
        settings.letterNumberPattern,
        await store.reserveSequence(sequenceName('letter', date)),
        date,
      ),
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
): Promise<LadderLetterWrite> {
  if (agency.id === CENTRAL_TENANT) throw new Error(`agency ${assignment.agencyId} missing`);
  const attachments = await store.listAttachments(assignment.caseId);
  return forwardingLetterWrite({
    case: c,
    assignment,
    agency,
    settings: numbering.settings,
    number: await numbering.next(),
    attachments,
    now,
  });
}
