/**
 * Attachments on AWS: a private S3 bucket. Uploads by presigned POST (a policy with
 * content-length-range, so S3 itself refuses anything past the limit), downloads by presigned
 * GET of a few minutes, issued by the API only after the case's tenancy checks. The download
 * name and type are the object's own metadata (Content-Disposition, Content-Type, set when the
 * checked bytes are written, with Cache-Control `private, no-store`), never `response-*` overrides in the link: a name may name a
 * person, and S3's access logs keep each request's whole URI, as browsers keep it in their
 * history. GuardDuty
 * Malware Protection for S3 scans each new object and tags it; only `NO_THREATS_FOUND` is
 * served (the bucket policy also denies reading anything else to every other principal).
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  attachmentDisposition,
  type BlobStore,
  type PresignedUpload,
  type ScanStatus,
} from '@pantau/core';
import { SCAN_TAG, scanStatusOf } from './guardduty.ts';

export { SCAN_TAG, scanStatusOf } from './guardduty.ts';

export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly clock: () => Date;

  constructor(client: S3Client, bucket: string, clock: () => Date = () => new Date()) {
    this.client = client;
    this.bucket = bucket;
    this.clock = clock;
  }

  async presignUpload(input: {
    key: string;
    maxBytes: number;
    expiresInSeconds: number;
  }): Promise<PresignedUpload> {
    const post = await createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: input.key,
      Conditions: [['content-length-range', 1, input.maxBytes]],
      Expires: input.expiresInSeconds,
    });
    return { url: post.url, fields: post.fields, expiresAt: this.expiry(input.expiresInSeconds) };
  }

  /**
   * No `response-*` overrides: S3 answers with the object's own Content-Disposition and type.
   * An object written before they were set (no Content-Disposition) is still served, under
   * its key's last segment as the browser names it.
   */
  async presignDownload(input: { key: string; expiresInSeconds: number }) {
    const url = await getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.bucket, Key: input.key }),
      { expiresIn: input.expiresInSeconds },
    );
    return { url, expiresAt: this.expiry(input.expiresInSeconds) };
  }

  async write(key: string, bytes: Uint8Array, contentType: string, fileName: string) {
    // Scanned like an upload: GuardDuty tags every new object, whoever wrote it.
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: contentType,
        ContentDisposition: attachmentDisposition(fileName),
        // No browser keeps a copy (a scanned identity card on a shared office computer), as
        // the embedded blob store answers.
        CacheControl: 'private, no-store',
        // Read while the case is worked, rarely after: Intelligent-Tiering moves it to its
        // cheaper tiers after 30 and 90 days unread and back on a read, with no retrieval fee,
        // and GuardDuty scans it there (a new object starts in the Frequent Access tier).
        // Written there at once: no month in S3 Standard and no transition request later.
        StorageClass: 'INTELLIGENT_TIERING',
      }),
    );
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return out.Body ? await out.Body.transformToByteArray() : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async scanStatus(key: string): Promise<ScanStatus> {
    const out = await this.client.send(
      new GetObjectTaggingCommand({ Bucket: this.bucket, Key: key }),
    );
    return scanStatusOf(out.TagSet?.find((t) => t.Key === SCAN_TAG)?.Value);
  }

  private expiry(seconds: number): string {
    return new Date(this.clock().getTime() + seconds * 1000).toISOString();
  }
}
