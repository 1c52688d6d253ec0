/**
 * Documents at the edges (issue 15): type sniffing of uploads, the letter's MIME message. The
 * PDF renderer is its own entry point (`@pantau/documents/pdf`), imported lazily, as is the MIME
 * composer (`letterMessage`, `replyMessage`: loaded with the first message sent).
 */
export { inspectUpload } from './sniff.ts';
export type { MimeOptions } from './mime.ts';
export { letterMessage, renderLetterFileOnDemand, replyMessage } from './letter-mail.ts';
