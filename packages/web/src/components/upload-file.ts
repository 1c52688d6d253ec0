/**
 * The one upload routine, for central's upload form and an agency's answer (attachments.tsx,
 * answer-files.tsx): start (the record and a presigned form), POST the file straight to
 * storage (S3 on AWS), then complete (the type is read from the bytes).
 */
import { api, ApiError, idempotencyKey, type Schemas, unwrap } from '../api/client';
import type { Translate } from '../i18n/i18n';
import { Refusal, saying } from './ui';

export type Attachment = Schemas['Attachment'];
export type Visibility = Attachment['visibility'];
export type Target = NonNullable<Schemas['CreateAttachment']['attachedTo']>;

export const MAX_BYTES = 20 * 1024 * 1024;
/** What the file chooser offers: the types the API keeps (it reads the type from the bytes). */
export const ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function formatSize(bytes: number | null, lang: 'id' | 'en'): string {
  if (bytes === null) return '—';
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024)
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(bytes / 1024)} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

const complete = (caseId: string, attachmentId: string) =>
  unwrap(
    api.POST('/v1/cases/{id}/attachments/{attachmentId}/complete', {
      params: { path: { id: caseId, attachmentId } },
    }),
  );

/**
 * Start, POST the form, complete: the attachment as the API holds it after. `begun` keeps the
 * attachment an earlier try under the same key started: its start replayed once that upload
 * is done (the answer to "complete" lost) is a 409, and completing it again answers the file.
 */
async function upload(
  caseId: string,
  file: File,
  target: Target,
  visibility: Visibility | '',
  key: string,
  begun: { current: string | null },
) {
  let started;
  try {
    started = await unwrap(
      api.POST('/v1/cases/{id}/attachments', {
        params: { path: { id: caseId } },
        body: {
          name: file.name,
          size: file.size,
          attachedTo: target,
          ...(visibility ? { visibility } : {}),
        },
        headers: { 'idempotency-key': key },
      }),
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && begun.current)
      return complete(caseId, begun.current);
    throw error;
  }
  begun.current = started.attachment.id;
  const form = new FormData();
  for (const [k, v] of Object.entries(started.upload.fields)) form.append(k, v);
  form.append('file', file, file.name);
  const posted = await fetch(started.upload.url, { method: 'POST', body: form });
  if (!posted.ok) throw new ApiError(posted.status, null);
  return complete(caseId, started.attachment.id);
}

/**
 * One file on its way to a case, kept while it is retried (a lost answer, a dropped
 * connection): one key for its upload, so that sent again it is the same attachment, not a
 * second place among the 30, and the attachment that key started, once it did (`upload`).
 */
export interface FileUpload {
  readonly file: File;
  key: string | null;
  readonly begun: { current: string | null };
}

export const fileUpload = (file: File): FileUpload => ({
  file,
  key: null,
  begun: { current: null },
});

/**
 * The one upload routine, for central's form and an agency's answer: `item` stored on `target`,
 * the attachment as kept; else what stopped it, in the reader's words where the API's would
 * mislead. Refused (a 4xx), the next try is a new request; otherwise it may have arrived, and
 * the key stays.
 */
export async function storeFile(
  caseId: string,
  item: FileUpload,
  target: Target,
  visibility: Visibility | '',
  { t, central }: { t: Translate; central: boolean },
): Promise<Attachment> {
  item.key ??= idempotencyKey();
  let stored: Attachment;
  try {
    stored = await upload(caseId, item.file, target, visibility, item.key, item.begun);
  } catch (failure) {
    // Nothing begun: the start itself was refused (not storage, not "complete").
    const atStart = item.begun.current === null;
    if (failure instanceof ApiError && failure.status < 500) {
      item.key = null;
      item.begun.current = null;
    }
    // An agency's start refused as "not in this state": the assignment it answers has ended
    // since the page was read (answered in full, handed back, withdrawn), and no reload
    // changes that. Central attaches at any time: its 409s keep their sentence.
    throw central || !atStart
      ? failure
      : saying('invalid_transition', t('attachments.closedRefused'))(failure);
  }
  item.key = null;
  item.begun.current = null;
  // A completion sent again after its refusal (the 415 lost on the way) is refused again; an
  // API that answers the record as it is instead must not read as "saved".
  if (stored.status === 'refused') {
    const why = stored.scan ? t('attachments.scanRefusedWhy') : t('attachments.refusedWhy');
    throw new Refusal(t('attachments.refusedFile', { name: stored.name, why }));
  }
  return stored;
}
