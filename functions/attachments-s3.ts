import type { Tracer } from '@aws-lambda-powertools/tracer';
import { S3Client } from '@aws-sdk/client-s3';
import { S3BlobStore } from '@pantau/documents/blob-s3';
import { sdkOptions } from './aws-clients.ts';

/**
 * The API's attachments in S3 (presigned POST and GET). The API imports this module with its
 * first attachment request (`onDemandBlobStore`): S3's client and presigners, about 200 KB of
 * the bundle, are a chunk beside the handler instead of part of every cold start.
 */
export const s3BlobStore = (tracer: Tracer, bucket: string): S3BlobStore =>
  new S3BlobStore(tracer.captureAWSv3Client(new S3Client(sdkOptions)), bucket);
