/**
 * What a Lambda function loads on first use instead of at every cold start: a module behind a
 * dynamic `import()` becomes a chunk beside the handler (infra/bundle.ts splits them), read only
 * when a request needs it. Imports nothing heavy itself, so the handler can import it.
 */
import type { BlobStore, ComplainantMailer, Mailer } from '@pantau/core';

/**
 * `load`, run on the first call and shared by every call after it (and by calls made while it
 * is still loading). A failed load is not kept: the next call tries again.
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/**
 * A blob store built on its first use: the API's S3 client and presigners (about 200 KB of the
 * bundle, S3's protocol, checksums and XML among them) are needed by attachment requests only.
 */
export function onDemandBlobStore(load: () => Promise<BlobStore>): BlobStore {
  const store = onDemand(load);
  return {
    presignUpload: async (input) => (await store()).presignUpload(input),
    presignDownload: async (input) => (await store()).presignDownload(input),
    write: async (key, bytes, contentType, fileName) =>
      (await store()).write(key, bytes, contentType, fileName),
    read: async (key) => (await store()).read(key),
    delete: async (key) => (await store()).delete(key),
    scanStatus: async (key) => (await store()).scanStatus(key),
  };
}

/**
 * A mailer built on its first message: the ladder's Tick and sweep send in few of their runs, and
 * SES's client (about 60 KB) comes with the first letter or receipt they send.
 */
export function onDemandMailer(
  load: () => Promise<Mailer & ComplainantMailer>,
): Mailer & ComplainantMailer {
  const mailer = onDemand(load);
  return {
    send: async (n, at) => (await mailer()).send(n, at),
    reply: async (m) => (await mailer()).reply(m),
  };
}
