/**
 * A letter ready to send: its MIME message with the PDF attached when the letter is a
 * document. The PDF renderer is imported here, lazily, on the first letter that needs it: the
 * ladder's Tick and the embedded mailer load it; the API's cold start does not.
 */
import type { LetterDocument, NotificationRecord } from '@pantau/core';
import { composeMime, type MimeOptions } from './mime.ts';

export async function letterMessage(
  n: NotificationRecord,
  options: Omit<MimeOptions, 'pdf'>,
): Promise<Buffer> {
  if (!n.document) return composeMime(n, options);
  const { renderLetterFile } = await import('./pdf/index.ts');
  return composeMime(n, { ...options, pdf: await renderLetterFile(n.document) });
}

/** A letter's PDF and file name, the renderer loaded on the first one (as `letterMessage` does). */
export async function renderLetterFileOnDemand(
  doc: LetterDocument,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { renderLetterFile } = await import('./pdf/index.ts');
  return renderLetterFile(doc);
}
