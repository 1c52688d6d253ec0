/**
 * A request's fingerprint is of what was sent, not of what a release's schema made of it: two
 * releases that parse the same bytes differently give it the same one.
 */
import type { Idempotency } from '@pantau/core';
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idempotencyOf } from './idempotency.ts';

/** A route as a release parses it: `normalise` stands for its schema's output. */
function release(normalise: (body: Record<string, unknown>) => Record<string, unknown>) {
  return new Hono().post(
    '/v1/cases/:id/things',
    validator('json', (value) => normalise(value as Record<string, unknown>)),
    async (c) => c.json((await idempotencyOf(c, c.req.valid('json'))) ?? null),
  );
}
const asTyped = release((b) => b);
const toE164 = release((b) => ({
  ...b,
  phone: `+62${String(b.phone).replace(/\D/g, '').slice(1)}`,
}));

async function fingerprintOf(
  app: ReturnType<typeof release>,
  body: string,
  path = '/v1/cases/c1/things',
): Promise<Idempotency> {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'k1' },
    body,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Idempotency;
}

const sent = JSON.stringify({ name: 'Siti', phone: '0812-3456-7890', tags: ['a', 'b'] });

describe('idempotencyOf', () => {
  it('gives the same bytes the same fingerprint under a release that parses them otherwise', async () => {
    const before = await fingerprintOf(asTyped, sent);
    const after = await fingerprintOf(toE164, sent);
    expect(after.fingerprint).toBe(before.fingerprint);
  });

  it('still recognises the fingerprints the rule before it gave (the body as parsed, and its values as sent)', async () => {
    const oldRule = (body: unknown) =>
      createHash('sha256')
        .update(`POST /v1/cases/c1/things\n${JSON.stringify(body)}`)
        .digest('base64url');
    const after = await fingerprintOf(toE164, sent);
    // Stored by the release before this one (same schema): the body as parsed now.
    expect(after.formerFingerprints).toContain(
      oldRule({ name: 'Siti', phone: '+6281234567890', tags: ['a', 'b'] }),
    );
    // Stored by a release that did not yet parse the phone: the body as sent.
    expect(after.formerFingerprints).toContain(oldRule(JSON.parse(sent)));
  });

  it('is the same for the same JSON however it is laid out (key order, whitespace)', async () => {
    const reordered = JSON.stringify(
      { tags: ['a', 'b'], phone: '0812-3456-7890', name: 'Siti' },
      null,
      2,
    );
    expect((await fingerprintOf(asTyped, reordered)).fingerprint).toBe(
      (await fingerprintOf(asTyped, sent)).fingerprint,
    );
  });

  it('differs for another value, another order of a list, another route', async () => {
    const base = (await fingerprintOf(asTyped, sent)).fingerprint;
    const others = [
      await fingerprintOf(asTyped, sent.replace('Siti', 'Sita')),
      await fingerprintOf(asTyped, sent.replace('["a","b"]', '["b","a"]')),
      await fingerprintOf(asTyped, sent.replace('"0812-3456-7890"', '"081234567890"')),
      await fingerprintOf(asTyped, sent, '/v1/cases/c2/things'),
    ].map((f) => f.fingerprint);
    expect(new Set([base, ...others]).size).toBe(5);
  });
});
