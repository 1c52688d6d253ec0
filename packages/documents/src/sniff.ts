/**
 * What an upload really is: its type detected from its bytes with `file-type` (never from its
 * name or the type the browser claimed), its size and its SHA-256.
 */
import { createHash } from 'node:crypto';
import type { Sniffed } from '@pantau/core';
import { fileTypeFromBuffer } from 'file-type';

export async function inspectUpload(bytes: Uint8Array): Promise<Sniffed> {
  const detected = await fileTypeFromBuffer(bytes);
  return {
    mime: detected?.mime,
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
