import type { Idempotency } from '@pantau/core';
import type { Context } from 'hono';
import { createHash } from 'node:crypto';

/**
 * The request's `Idempotency-Key` with a fingerprint of what it asks: the method, the path and
 * the body **as sent** (its JSON with every object's keys sorted), not as this release's schema
 * parses it. A release that normalises input otherwise (a phone to E.164, a trim, a default)
 * then leaves the fingerprint of the same bytes as it was, so a client retrying across the
 * deploy gets its first answer again instead of a 409. A client that serialises the body again
 * (another key order, other whitespace) sends the same request; another value, or a field added
 * or left out, is another request.
 *
 * `parsed` is the body as the route parsed it, for the former rule only (below). `unsent`:
 * top-level fields of the body that are not part of the request (the public form's proof of
 * work, solved again when it expires).
 */
export async function idempotencyOf(
  c: Context,
  parsed: unknown,
  options: { readonly unsent?: readonly string[] } = {},
): Promise<Idempotency | undefined> {
  const key = c.req.header('idempotency-key');
  if (!key) return undefined;
  const route = `${c.req.method} ${c.req.path}`;
  // The validator has read the body already: Hono keeps its text, so this reads no stream.
  const text = await c.req.text();
  const sent = jsonOf(text);
  const asSent = sent.ok ? canonicalJson(without(sent.value, options.unsent)) : text;
  return {
    key,
    fingerprint: sha256(`${route}\nas sent\n${asSent}`),
    formerFingerprints: [
      sha256(`${route}\n${JSON.stringify(parsed)}`),
      ...(sent.ok ? [sha256(`${route}\n${JSON.stringify(valuesAsSent(parsed, sent.value))}`)] : []),
    ],
  };
}

/*
 * TRANSITION (added 2026-12-02, audit s25 upgrade 2, finding 3). Releases before this one stored
 * `sha256("<METHOD> <path>\n" + JSON.stringify(<the body as their schema parsed it>))`. Both
 * `formerFingerprints` are that rule: over the body as this release parses it (a record the
 * release before this one stored: same schema), and over that body with each value as sent (a
 * record from a release whose schema did not yet normalise a value this one does, as before
 * 32ae71b the phone). A record answers for a day (core's `IDEMPOTENCY_WINDOW_MS`), and a retry
 * is only as old as the page or the client queue that holds its key: remove `formerFingerprints` (here and in core's
 * `idempotent`) in the first release deployed a week or more after this one. Until then, a
 * record stored under the old rule replays to the same request and a different body is still a
 * 409 (`idempotency.int.test.ts`).
 */

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function jsonOf(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false }; // no JSON body (a route whose body is optional): its bytes as they came
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null);

function without(value: unknown, fields: readonly string[] | undefined): unknown {
  if (!fields?.length || !isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !fields.includes(k)));
}

/** JSON with every object's keys in one order: the same value however it was laid out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** `parsed`'s shape (its keys in its order, its defaults) with each value as `sent` had it. */
function valuesAsSent(parsed: unknown, sent: unknown): unknown {
  if (Array.isArray(parsed))
    return Array.isArray(sent) && sent.length === parsed.length
      ? parsed.map((p, i) => valuesAsSent(p, sent[i]))
      : parsed;
  if (isPlainObject(parsed))
    return isPlainObject(sent)
      ? Object.fromEntries(
          Object.entries(parsed).map(([k, p]) => [
            k,
            Object.hasOwn(sent, k) ? valuesAsSent(p, sent[k]) : p,
          ]),
        )
      : parsed;
  return sent === null || (typeof sent !== 'object' && sent !== undefined) ? sent : parsed;
}
