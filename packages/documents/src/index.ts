/**
 * Documents at the edges (issue 15): type sniffing of uploads, the letter's MIME message. The
 * PDF renderer is its own entry point (`@pantau/documents/pdf`), imported lazily.
 */
export { inspectUpload } from './sniff.ts';
export { composeMime, composeReply, type MimeOptions } from './mime.ts';
export { letterMessage, renderLetterFileOnDemand } from './letter-mail.ts';
