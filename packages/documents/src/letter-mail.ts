/**
 * A letter ready to send: its MIME message with the PDF attached when the letter is a
 * document. The PDF renderer and the MIME composer (nodemailer's, 135 KB) are imported here,
 * lazily, on the first letter sent: a Tick that only sets a timer, or writes letters held for
 * letter hours, loads neither, nor does the API.
 */
import type { ComplainantMessage, LetterDocument, NotificationRecord } from '@pantau/core';
import type { MimeOptions } from './mime.ts';

export async function letterMessage(
  n: NotificationRecord,
  options: Omit<MimeOptions, 'pdf'>,
): Promise<Buffer> {
  const { composeMime } = await import('./mime.ts');
  if (!n.document) return composeMime(n, options);
  const { renderLetterFile } = await import('./pdf/index.ts');
  return composeMime(n, { ...options, pdf: await renderLetterFile(n.document) });
}

/** A message to a complainant (`composeReply`), the composer loaded on the first one. */
export async function replyMessage(
  m: ComplainantMessage,
  options: Omit<MimeOptions, 'pdf' | 'replyTo'>,
): Promise<Buffer> {
  const { composeReply } = await import('./mime.ts');
  return composeReply(m, options);
}

/** A letter's PDF and file name, the renderer loaded on the first one (as `letterMessage` does). */
export async function renderLetterFileOnDemand(
  doc: LetterDocument,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { renderLetterFile } = await import('./pdf/index.ts');
  return renderLetterFile(doc);
}
