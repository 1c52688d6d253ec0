/**
 * What an attachment may be, and the words for its states, as plain values without zod
 * (schemas/documents.ts builds the contract's enums from them): the functions that write a
 * forwarding letter with its attachments load no schema.
 */

/** What may be attached, detected from the bytes (never the name): PDF, JPEG, PNG, DOCX. */
export const ATTACHMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
} as const;
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_CASE = 30;
/**
 * The names the e-mail intake keeps a message under (`message/rfc822`, central-only): the
 * complaint's own, and a follow-up's that joined the case. The console tells the two apart.
 */
export const ORIGINAL_MAIL_NAME = 'surel-asli.eml';
export const FOLLOW_UP_MAIL_NAME = 'surel-lanjutan.eml';
export const ATTACHMENT_VISIBILITIES = ['central', 'agencies'] as const;
export type AttachmentVisibility = (typeof ATTACHMENT_VISIBILITIES)[number];
export const ATTACHMENT_STATUSES = ['uploading', 'available', 'refused'] as const;
/**
 * A file's malware scan: `unscannable` the scanner cannot read it (a password-protected PDF),
 * `failed` the scan itself did not run (GuardDuty's FAILED or ACCESS_DENIED: an operator's
 * matter, not the file's).
 */
export const SCAN_STATUSES = ['pending', 'clean', 'infected', 'unscannable', 'failed'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];
/** The verdicts that refuse a file for good (`Attachment.scan`). */
export const REFUSED_SCANS = ['infected', 'unscannable'] as const;
export type RefusedScan = (typeof REFUSED_SCANS)[number];
export const isRefusedScan = (scan: ScanStatus): scan is RefusedScan =>
  (REFUSED_SCANS as readonly ScanStatus[]).includes(scan);

/** An attachment's name as given: shown and offered on download, never a path. */
export const MAX_FILE_NAME = 200;
