/**
 * What a case's life writes and refuses in words, without zod: the domain (`case.ts`) reads them
 * from here, the contract (`schemas/cases.ts`) gives them to its clients. A function that never
 * parses a complaint (the ladder's, the event handlers') so loads none of the contract's schemas
 * (nor the phone numbers' metadata) for them.
 */
import type { CASE_STATUSES } from './schemas/common.ts';

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
