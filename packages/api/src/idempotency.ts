import type { Idempotency } from '@pantau/core';
import type { Context } from 'hono';
import { createHash } from 'node:crypto';

/** The request's `Idempotency-Key` with a fingerprint of what it asks (path and body). */
export function idempotencyOf(c: Context, body: unknown): Idempotency | undefined {
  const key = c.req.header('idempotency-key');
  if (!key) return undefined;
  const fingerprint = createHash('sha256')
    .update(`${c.req.method} ${c.req.path}\n${JSON.stringify(body)}`)
    .digest('base64url');
  return { key, fingerprint };
}
