/** What the documents need from persistence and from a blob store (S3, or the data dir). */
import type { NotificationRecord } from '../notification.ts';
import type { VersionedPut } from '../ports.ts';
import type { AttachmentRecord } from './attachments.ts';
import type { DocumentSettings } from '../schemas/documents.ts';
import type { ScanStatus } from './attachment-vocabulary.ts';

/** A yearly counter claimed in the same transaction as the record it numbers. */
export interface SequenceClaim {
  readonly name: string;
  /** The value claimed (the stored value + 1). */
  readonly value: number;
  /** The value read: the write fails (a version conflict) when another writer moved it. */
  readonly expected: number;
}

export interface DocumentStore {
  /**
   * The unit's letterhead, signatory and numbering (undefined until an admin saves them); `at`
   * as for the store's getCalendar.
   */
  getDocumentSettings(at?: number): Promise<DocumentSettings | undefined>;
  putDocumentSettings(settings: DocumentSettings, expectedVersion: number | null): Promise<void>;
  /** A counter's current value (0 when it was never claimed). */
  getSequence(name: string): Promise<number>;
  /**
   * Adds `count` (1 when not given) to a counter and returns the first of the numbers it took,
   * the rest following it (unique, not gapless: letter numbers). One call for an activity's
   * letters to up to 18 agencies, not one each.
   */
  reserveSequence(name: string, count?: number): Promise<number>;
  /** A case's attachments, oldest first (every page). */
  listAttachments(caseId: string): Promise<AttachmentRecord[]>;
  putAttachment(put: VersionedPut<AttachmentRecord>): Promise<void>;
  /** One letter of a case. */
  getNotification(caseId: string, id: string): Promise<NotificationRecord | undefined>;
}

/** A form upload to POST: `fields`, then the file as `file`. */
export interface PresignedUpload {
  readonly url: string;
  readonly fields: Record<string, string>;
  readonly expiresAt: string;
}

/**
 * Where attachments' bytes live. On AWS a private S3 bucket (presigned POST and GET, the scan
 * verdict from GuardDuty's object tag); embedded, files under the data dir behind the same
 * shapes of URL (see the README, "Documents").
 */
export interface BlobStore {
  presignUpload(input: {
    key: string;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<PresignedUpload>;
  /**
   * A link to the object as stored: its type and download name are the object's own (set by
   * `write`), never in the link. File names may name people, and a URL is kept in access logs
   * and the browser's history.
   */
  presignDownload(input: {
    key: string;
    expiresInSeconds: number;
  }): Promise<{ url: string; expiresAt: string }>;
  /**
   * Stores bytes to be served: a public complaint's files, an e-mail's, an upload's checked copy
   * (written before the record that names them: bytes no record names are never listed or
   * served). `fileName` (`downloadName`) is kept with the object and given as its
   * Content-Disposition when it is downloaded.
   */
  write(key: string, bytes: Uint8Array, contentType: string, fileName: string): Promise<void>;
  /** The stored bytes, or undefined when nothing was uploaded under `key`. */
  read(key: string): Promise<Uint8Array | undefined>;
  delete(key: string): Promise<void>;
  /** The malware scan's verdict; only `clean` is ever served. */
  scanStatus(key: string): Promise<ScanStatus>;
}
