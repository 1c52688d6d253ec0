/**
 * Documents (issue 15): the unit's document settings, a case's attachments (presigned upload,
 * completion with type sniffing, short-lived download links), and letters and the walk-in
 * receipt as PDF. The PDF renderer is the composition root's (`renderPdf`), which loads it on
 * the first PDF request: it is not part of the API's cold start.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import {
  AttachmentSchema,
  AttachmentUploadSchema,
  CreateAttachmentBody,
  DismissLetterBody,
  DocumentSettingsBody,
  DocumentSettingsSchema,
  DownloadSchema,
  type LetterDocument,
  NotificationSchema,
  pageOf,
  UpdateAttachmentBody,
} from '@pantau/core';
import { DomainError } from '@pantau/core';
import type { Context } from 'hono';
import { idempotencyOf } from '../idempotency.ts';
import {
  createRoute,
  IdempotencyHeader,
  json,
  jsonBody,
  LIMIT_PROBLEM,
  problem,
  PROBLEMS,
  ProblemSchema,
  z,
} from '../openapi.ts';

const CaseParam = z.object({ id: z.string().min(1).max(64) });
const AttachmentParams = CaseParam.extend({ attachmentId: z.string().min(1).max(64) });
const LetterParams = CaseParam.extend({ letterId: z.string().min(1).max(64) });
const tags = ['Documents'];

const PDF = {
  description: 'The PDF (A4)',
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
};
const UNSUPPORTED = {
  415: {
    description: 'The bytes are not a PDF, JPEG, PNG or DOCX (`unsupported_media_type`)',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
};

/** A download the malware scan has not cleared: still running (ask again), or refused for good. */
const NOT_SCANNED_CLEAN = {
  409: {
    ...problem(
      '`scan_pending`: the malware scan has not finished; ask again after `Retry-After` seconds. ' +
        '`invalid_transition`: the attachment is not available (its upload not done, or refused)',
    ),
    headers: {
      'Retry-After': {
        description: 'On `scan_pending`: seconds until the scan has likely finished',
        schema: { type: 'integer', minimum: 1 },
      },
    },
  },
  422: problem(
    '`scan_refused`: the malware scan found a threat or could not scan the file (e.g. a ' +
      'password-protected PDF); it is never served: upload a clean copy',
  ),
} as const;

/** A letter document as a PDF file, and the name to download it as. */
export type PdfRenderer = (doc: LetterDocument) => Promise<{ bytes: Uint8Array; fileName: string }>;

export interface DocumentRoutesDeps {
  /** Absent: the PDF routes answer 503 (the OpenAPI document is built without one). */
  readonly renderPdf?: PdfRenderer;
  /** The public tracking page (for the receipt's QR code); the request's origin otherwise. */
  readonly trackingUrl?: string;
}

export function documentRoutes({ renderPdf, trackingUrl }: DocumentRoutesDeps) {
  /** Renders a letter document and answers it as a PDF download. */
  async function pdfResponse(c: Context, doc: LetterDocument) {
    if (!renderPdf) throw new DomainError('service_unavailable', 'no PDF renderer is configured');
    const { bytes, fileName } = await renderPdf(doc);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'private, no-store',
    });
  }

  return new OpenAPIHono()
    .openapi(
      createRoute({
        method: 'get',
        path: '/settings/documents',
        tags,
        summary: 'The letterhead, signatory, tembusan and numbering patterns in force',
        responses: { 200: json(DocumentSettingsSchema, 'The settings'), ...PROBLEMS },
      }),
      async (c) => c.json(await c.get('service').documentSettings(c.get('auth')), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/settings/documents',
        tags,
        summary: 'Replace them (central admin); numbers already given stay as they are',
        description:
          '409 `version_conflict` when `version` is given and another admin has saved them since: nothing changes, read them again.',
        request: { body: jsonBody(DocumentSettingsBody) },
        responses: { 200: json(DocumentSettingsSchema, 'The settings'), ...PROBLEMS },
      }),
      async (c) =>
        c.json(await c.get('service').putDocumentSettings(c.get('auth'), c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/cases/{id}/attachments',
        tags,
        summary:
          'Start an upload (central: the case or an activity report; an agency: its responses): POST the form to `upload.url`, then complete it',
        request: {
          params: CaseParam,
          headers: IdempotencyHeader,
          body: jsonBody(CreateAttachmentBody),
        },
        responses: {
          201: json(
            AttachmentUploadSchema,
            'The attachment (uploading) and its upload form (sent again under the same key: the same attachment, a fresh form)',
          ),
          ...PROBLEMS,
          ...LIMIT_PROBLEM,
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const started = await c
          .get('service')
          .createAttachment(
            c.get('auth'),
            c.req.valid('param').id,
            body,
            await idempotencyOf(c, body),
          );
        return c.json(started, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/cases/{id}/attachments',
        tags,
        summary: 'The attachments the caller may see (central-only ones never reach an agency)',
        request: { params: CaseParam },
        responses: {
          200: json(pageOf(AttachmentSchema, 'AttachmentPage'), 'The attachments'),
          ...PROBLEMS,
        },
      }),
      async (c) =>
        c.json(await c.get('service').listAttachments(c.get('auth'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/cases/{id}/attachments/{attachmentId}/complete',
        tags,
        summary:
          'The upload is done: its type is detected from the bytes, hashed (SHA-256) and measured; anything but PDF, JPEG, PNG or DOCX is refused and deleted',
        description:
          'Sent again once done, the same answer: the file (200), or its refusal (415; 422 `scan_refused` once the malware scan refused it), never 200 for a file not kept. ' +
          '409 `invalid_transition`: nothing uploaded yet, or an agency’s upload to an assignment that has ended since it began (as a start would be).',
        request: { params: AttachmentParams },
        responses: {
          200: json(AttachmentSchema, 'The attachment, available'),
          ...PROBLEMS,
          ...UNSUPPORTED,
          422: problem(
            '`limit_exceeded`: an upload abandoned (an hour past its form) completed when the case holds 30 files. ' +
              '`scan_refused`: sent again after the malware scan refused the file',
          ),
        },
      }),
      async (c) => {
        const { id, attachmentId } = c.req.valid('param');
        return c.json(
          await c.get('service').completeAttachment(c.get('auth'), id, attachmentId),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/cases/{id}/attachments/{attachmentId}/download',
        tags,
        summary:
          'A download link of a few minutes, after the case’s tenancy checks, for a file the malware scan marked clean',
        request: { params: AttachmentParams },
        responses: { 200: json(DownloadSchema, 'The link'), ...PROBLEMS, ...NOT_SCANNED_CLEAN },
      }),
      async (c) => {
        const { id, attachmentId } = c.req.valid('param');
        return c.json(
          await c.get('service').downloadAttachment(c.get('auth'), id, attachmentId),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/cases/{id}/attachments/{attachmentId}',
        tags,
        summary: 'Change who sees it: central only, or the agencies (central)',
        description:
          'A change is recorded on the case’s timeline with the file’s new version (`attachment_visibility_changed`: the file, from → to, who; central’s alone, no agency reads it); the visibility it already has changes nothing and records nothing. ' +
          '409 `invalid_transition` for a case’s original e-mail (`surel-asli.eml`, `message/rfc822`) made the agencies’: it names the complainant even when the case hides the identity, so it stays central’s.',
        request: { params: AttachmentParams, body: jsonBody(UpdateAttachmentBody) },
        responses: { 200: json(AttachmentSchema, 'The attachment'), ...PROBLEMS },
      }),
      async (c) => {
        const { id, attachmentId } = c.req.valid('param');
        return c.json(
          await c
            .get('service')
            .updateAttachment(c.get('auth'), id, attachmentId, c.req.valid('json').visibility),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/cases/{id}/letters/{letterId}/pdf',
        tags,
        summary:
          'A letter as PDF: the forwarding letter or a ladder letter (central, or the agency it was sent to)',
        request: { params: LetterParams },
        responses: { 200: PDF, ...PROBLEMS },
      }),
      async (c) => {
        const { id, letterId } = c.req.valid('param');
        return pdfResponse(c, await c.get('service').letterDocument(c.get('auth'), id, letterId));
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/cases/{id}/letters/{letterId}/resend',
        tags: ['Escalation'],
        summary:
          'Central sends a failed letter again, to the agency’s contacts as they are now (correct them first): back in the outbox, delivered by the next sweep (every 15 minutes)',
        description:
          'A letter sent with addresses refused (`refusedAddresses`) goes to its addresses now but those it reached (`reached`). 409 `invalid_transition` when the letter is neither failed nor sent with an address refused (sent again already, or marked handled), its assignment has ended, or what it says no longer holds (its targets met since, the clock paused, a warning’s deadline passed or moved); 400 naming `recipients` when the agency has no address for it (or none but those it reached).',
        request: { params: LetterParams },
        responses: { 200: json(NotificationSchema, 'The letter, pending again'), ...PROBLEMS },
      }),
      async (c) => {
        const { id, letterId } = c.req.valid('param');
        return c.json(await c.get('service').resendLetter(c.get('auth'), id, letterId), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/cases/{id}/letters/{letterId}/dismiss',
        tags: ['Escalation'],
        summary:
          'Central marks a failed letter handled without sending it again, saying how (delivered another way, or no longer needed): it leaves the list of failed letters and stays `failed`',
        description:
          '409 `invalid_transition` when the letter is not failed, or was marked handled or sent again already.',
        request: { params: LetterParams, body: jsonBody(DismissLetterBody) },
        responses: { 200: json(NotificationSchema, 'The letter, marked handled'), ...PROBLEMS },
      }),
      async (c) => {
        const { id, letterId } = c.req.valid('param');
        return c.json(
          await c.get('service').dismissLetter(c.get('auth'), id, letterId, c.req.valid('json')),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/cases/{id}/receipt/pdf',
        tags,
        summary:
          'The walk-in receipt (tanda terima pengaduan) with the agenda number, tracking code and a QR code of the tracking page (central)',
        request: { params: CaseParam },
        responses: { 200: PDF, ...PROBLEMS },
      }),
      async (c) =>
        pdfResponse(
          c,
          await c
            .get('service')
            .receiptDocument(
              c.get('auth'),
              c.req.valid('param').id,
              trackingUrl ?? `${new URL(c.req.url).origin}/track`,
            ),
        ),
    );
}
