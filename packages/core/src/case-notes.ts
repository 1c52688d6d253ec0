/**
 * What a case's life writes and refuses in words, without zod: the domain (`case.ts`) and the
 * ladder (Tick's close of a case left unanswered) read them from here, and `schemas.ts` gives
 * them to the contract's clients straight from here, not through `schemas/cases.ts`: a function
 * that never parses a complaint so loads none of its schemas, nor the phone numbers' metadata
 * (a name re-exported through a module keeps that module in the bundle).
 */
import type { CASE_STATUSES } from './vocabulary.ts';

/** Why an e-mail with its identity hidden is not accepted as it came (the field `description`). */
export const RESTATE_HIDDEN_EMAIL =
  'required to accept an e-mail whose complainant’s identity is hidden: the agencies read the ' +
  'complaint as restated here, without the signature, name, phone or address in the mail';

/**
 * Where central restates a case for the agencies after verifying it (`RestateCaseBody`): every
 * status an agency may read it in. Before, it restates while verifying; a rejected case no
 * agency reads.
 */
export const RESTATABLE: readonly (typeof CASE_STATUSES)[number][] = [
  'verified',
  'forwarded',
  'in_follow_up',
  'resolved',
  'reopened',
  'closed',
];

/**
 * The note of a case closed without central: by the complainant's "satisfied", or by its reply
 * window ending in silence. The console says each in the reader's language (and a note an
 * officer typed as it was typed).
 */
export const CLOSED_SATISFIED_NOTE = 'Pengadu menyatakan puas';
export const CLOSED_UNANSWERED_NOTE = 'Tidak ada tanggapan pengadu dalam jangka waktu';
