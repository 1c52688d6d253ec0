/**
 * The documents' use cases (issue 15): the unit's document settings, attachments (add, list,
 * complete, download, re-classify), and the letters and receipts as documents for the PDF
 * renderer. Tenancy is the case's: every read goes through the case service's access checks
 * first, so another tenant's case or attachment is "not found".
 */
import { ulid } from 'ulid';
import { DomainError, invalidInput, notFound } from '../errors.ts';
import type { Page, Store } from '../ports.ts';
import { retryOnConflict } from '../retry.ts';
import type { Service } from '../service.ts';
import { isCentral, type Principal } from '../tenancy.ts';
import {
  type AttachmentRecord,
  assertRoomFor,
  canRead,
  completeAttachment,
  defaultVisibility,
  downloadName,
  newAttachment,
  type Sniffed,
  viewAttachment,
  withVisibility,
} from './attachments.ts';
import {
  DEFAULT_DOCUMENT_SETTINGS,
  type LetterDocument,
  receiptDocument,
} from './letter-document.ts';
import type { BlobStore } from './ports.ts';
import { lostAgendaRace as lostRace } from './agenda.ts';

async function retryContended<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(await lostRace(error, i))) throw error;
    }
  }
}
import {
  type AttachmentView,
  type AttachmentVisibility,
  type CreateAttachmentInput,
  type DocumentSettings,
  type DocumentSettingsInput,
  MAX_ATTACHMENT_BYTES,
} from './schemas.ts';

/** How long a presigned upload form and a download link stay good. */
export const UPLOAD_TTL_SECONDS = 15 * 60;
export const DOWNLOAD_TTL_SECONDS = 5 * 60;

export interface DocumentServiceDeps {
  readonly store: Store;
  readonly cases: Service;
  readonly clock: () => Date;
  /** Absent: attachments answer 503 (no blob store configured). */
  readonly blobs?: BlobStore;
  /** Type (from the bytes), size and SHA-256 of an upload. */
  readonly inspect: (bytes: Uint8Array) => Promise<Sniffed>;
}

export class DocumentService {
  constructor(private readonly deps: DocumentServiceDeps) {}

  // ---- settings ---------------------------------------------------------------------

  /** The letterhead, signatory and numbering in force (the defaults until saved). */
  async settings(): Promise<DocumentSettings> {
    return (await this.deps.store.getDocumentSettings()) ?? DEFAULT_DOCUMENT_SETTINGS;
  }

  async putSettings(input: DocumentSettingsInput): Promise<DocumentSettings> {
    return retryOnConflict(async () => {
      const current = await this.deps.store.getDocumentSettings();
      const next: DocumentSettings = {
        ...input,
        version: (current?.version ?? 0) + 1,
        updatedAt: this.deps.clock().toISOString(),
      };
      await this.deps.store.putDocumentSettings(next, current ? current.version : null);
      return next;
    });
  }

  // ---- attachments ------------------------------------------------------------------

  /**
   * Starts an upload: the record (uploading) and a presigned form limited to 20 MB. Central
   * attaches to the case and to activity reports; an agency to its own responses. A case
   * holds at most 30 (the case is rewritten under its version, so two uploads racing for
   * the last place cannot both win).
   */
  async createAttachment(p: Principal, caseId: string, input: CreateAttachmentInput) {
    const blobs = this.blobs();
    const target = input.attachedTo ?? { kind: 'case' as const };
    const { bundle } = await this.deps.cases.readableCase(p, caseId);
    let attachedTo: AttachmentView['attachedTo'];
    if (target.kind === 'response') {
      // The caller must be able to act on that assignment (404 when it cannot see it).
      if (!isCentral(p)) await this.deps.cases.actableAssignment(p, caseId, target.agencyId);
      else if (!bundle.assignments.some((a) => a.agencyId === target.agencyId))
        throw invalidInput('attachedTo.agencyId', 'no assignment of this agency on the case');
      attachedTo = { kind: 'response', agencyId: target.agencyId, activityId: null };
    } else {
      if (!isCentral(p))
        throw new DomainError('forbidden', 'agencies attach documents to their responses only');
      if (target.kind === 'activity' && !bundle.activities.some((a) => a.id === target.activityId))
        throw invalidInput('attachedTo.activityId', 'no such activity on the case');
      attachedTo = {
        kind: target.kind,
        agencyId: null,
        activityId: target.kind === 'activity' ? target.activityId : null,
      };
    }
    // Uploads to one case serialize on its version: many at once (a batch of scans) retry with
    // a random pause, as registrations do for an agenda number.
    const created = await retryContended(async () => {
      const { bundle: fresh } = await this.deps.cases.readableCase(p, caseId);
      assertRoomFor(await this.deps.store.listAttachments(caseId));
      const now = this.deps.clock();
      const record = newAttachment({
        id: ulid(now.getTime()),
        caseId,
        body: input,
        attachedTo,
        visibility:
          input.visibility ?? defaultVisibility(attachedTo.kind, fresh.case.identityHidden),
        uploadedBy: { sub: p.sub, agency: p.agency },
        now,
      });
      await this.deps.store.commit({
        case: {
          record: { ...fresh.case, updatedAt: now.toISOString(), version: fresh.case.version + 1 },
          expectedVersion: fresh.case.version,
        },
        attachments: [{ record, expectedVersion: null }],
      });
      return record;
    });
    const upload = await blobs.presignUpload({
      key: created.key,
      maxBytes: MAX_ATTACHMENT_BYTES,
      expiresInSeconds: UPLOAD_TTL_SECONDS,
    });
    return {
      attachment: viewAttachment(created),
      upload: { ...upload, maxBytes: MAX_ATTACHMENT_BYTES },
    };
  }

  /** The attachments the caller may see, oldest first. */
  async listAttachments(p: Principal, caseId: string): Promise<Page<AttachmentView>> {
    const { reader } = await this.deps.cases.readableCase(p, caseId);
    const all = await this.deps.store.listAttachments(caseId);
    return { items: all.filter((a) => canRead(a, reader)).map(viewAttachment), nextCursor: null };
  }

  /**
   * The upload is done: its bytes are read back, their type detected (never from the name),
   * hashed and measured. A type outside PDF/JPEG/PNG/DOCX is refused (415) and its bytes
   * deleted; nothing uploaded yet is a 409.
   */
  async completeAttachment(p: Principal, caseId: string, id: string): Promise<AttachmentView> {
    const blobs = this.blobs();
    const a = await this.readable(p, caseId, id);
    if (!isCentral(p) && a.uploadedBy.agency !== p.agency)
      throw new DomainError('forbidden', 'only the uploader’s unit completes an upload');
    if (a.status !== 'uploading') return viewAttachment(a);
    const bytes = await blobs.read(a.key);
    if (!bytes)
      throw new DomainError('invalid_transition', 'nothing was uploaded for this attachment yet');
    const { record, refusal } = completeAttachment(
      a,
      await this.deps.inspect(bytes),
      this.deps.clock(),
    );
    await this.deps.store.putAttachment({ record, expectedVersion: a.version });
    if (refusal) {
      await blobs.delete(a.key);
      throw refusal;
    }
    return viewAttachment(record);
  }

  /**
   * A download link of a few minutes, after the same tenancy checks as the case, and only
   * for a file the malware scan marked clean.
   */
  async downloadAttachment(p: Principal, caseId: string, id: string) {
    const blobs = this.blobs();
    const a = await this.readable(p, caseId, id);
    if (a.status !== 'available' || !a.contentType)
      throw new DomainError('invalid_transition', `the attachment is ${a.status}, not available`);
    const scan = await blobs.scanStatus(a.key);
    if (scan !== 'clean')
      throw new DomainError(
        'invalid_transition',
        scan === 'pending'
          ? 'the malware scan has not finished yet: try again in a minute'
          : `the malware scan did not mark this file clean (${scan}): it is not served`,
      );
    return blobs.presignDownload({
      key: a.key,
      fileName: downloadName(a),
      contentType: a.contentType,
      expiresInSeconds: DOWNLOAD_TTL_SECONDS,
    });
  }

  /** Central re-classifies an attachment (central only, or the agencies). */
  async updateAttachment(
    p: Principal,
    caseId: string,
    id: string,
    visibility: AttachmentVisibility,
  ): Promise<AttachmentView> {
    if (!isCentral(p)) throw new DomainError('forbidden', 'central unit only');
    return retryOnConflict(async () => {
      const a = await this.readable(p, caseId, id);
      const next = withVisibility(a, visibility, this.deps.clock());
      await this.deps.store.putAttachment({ record: next, expectedVersion: a.version });
      return viewAttachment(next);
    });
  }

  // ---- letters and receipts as documents ---------------------------------------------

  /**
   * A letter's document, for its PDF: central, or the agency it was sent to (a focal point's
   * coordinator also its member units', as on the Letters page).
   */
  async letter(p: Principal, caseId: string, notificationId: string): Promise<LetterDocument> {
    const { reader } = await this.deps.cases.readableCase(p, caseId);
    const n = await this.deps.store.getNotification(caseId, notificationId);
    if (!n || (!reader.central && !reader.agencies.has(n.agencyId)))
      throw notFound(`letter ${notificationId}`);
    if (!n.document)
      throw new DomainError('not_found', 'this letter was written before letters had PDFs');
    return n.document;
  }

  /** The walk-in receipt (central: it carries the tracking code). */
  async receipt(p: Principal, caseId: string, trackingUrl: string): Promise<LetterDocument> {
    if (!isCentral(p)) throw new DomainError('forbidden', 'central unit only');
    const { bundle } = await this.deps.cases.readableCase(p, caseId);
    return receiptDocument({ case: bundle.case, settings: await this.settings(), trackingUrl });
  }

  private async readable(p: Principal, caseId: string, id: string): Promise<AttachmentRecord> {
    const { reader } = await this.deps.cases.readableCase(p, caseId);
    const a = (await this.deps.store.listAttachments(caseId)).find((x) => x.id === id);
    if (!a || !canRead(a, reader)) throw notFound(`attachment ${id}`);
    return a;
  }

  private blobs(): BlobStore {
    if (!this.deps.blobs)
      throw new DomainError('service_unavailable', 'no file storage is configured');
    return this.deps.blobs;
  }
}
