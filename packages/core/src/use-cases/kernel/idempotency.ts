import { DomainError } from '../../errors.ts';
import type { IdempotencyRecord } from '../../ports.ts';
import type { ServiceDeps } from './deps.ts';

/** An `Idempotency-Key` and a fingerprint of the request it came with. */
export interface Idempotency {
  readonly key: string;
  /** What a record of this request is stored with. */
  readonly fingerprint: string;
  /**
   * Fingerprints an earlier rule gave the same request: a record stored with one of them is
   * this request too (a retry across the deploy that changed the rule). Never stored.
   */
  readonly formerFingerprints?: readonly string[];
}

/**
 * Where the public form's keys are kept: apart from every tenant's (an agency id is lowercase),
 * so that no key a complainant sends can meet an officer's.
 */
export const PUBLIC_IDEMPOTENCY = 'PUBLIC';

/**
 * How long a key's first answer is kept and replayed: a day (Stripe's window). A retry is only
 * as old as the page or the client queue that holds its key, and the record holds a copy of the
 * answer (a registration's whole case, the public form's receipt with its tracking code in
 * plaintext) that must not outlive the retries it serves. The same key after it is a new request.
 */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Whether `record` has stopped answering at `now`: past its `expiresAt`, or (written before
 * records expired, without one) a window after its `createdAt`. The table's TTL deletes a record
 * up to days after its expiry (DynamoDB Local never does): what is read is checked here. A date
 * that does not parse counts as expired (a copy of an answer is not kept on a doubt).
 */
export function idempotencyExpired(record: IdempotencyRecord, now: Date): boolean {
  const until = record.expiresAt
    ? Date.parse(record.expiresAt)
    : Date.parse(record.createdAt) + IDEMPOTENCY_WINDOW_MS;
  return !(until > now.getTime());
}

/** The record to commit with a command's writes so that a repeat replays `body` (none without a key). */
export type Remember = (body: unknown) => IdempotencyRecord | undefined;

/**
 * Runs a command; with an idempotency key, replays its first result or refuses a different
 * body. The stored answer is the tenant's (`scope`: the caller's agency, or
 * `PUBLIC_IDEMPOTENCY` for the public form): a command whose access check is finer than the
 * tenant (the assignment's agency, its focal point's coordinator) makes it before calling
 * this, so that a replay answers only a caller who may make the request now.
 */
export async function idempotent<T>(
  deps: ServiceDeps,
  scope: string,
  idem: Idempotency | undefined,
  run: (remember: Remember) => Promise<T>,
): Promise<T> {
  if (!idem) return run(() => undefined);
  // An expired record read under the key: the new one replaces it (another body is no 409).
  let expired: IdempotencyRecord | undefined;
  const replay = async (): Promise<{ body: T } | undefined> => {
    const found = await deps.store.getIdempotency(scope, idem.key);
    if (!found) return undefined;
    if (idempotencyExpired(found, deps.clock())) {
      expired = found;
      return undefined;
    }
    if (
      found.fingerprint !== idem.fingerprint &&
      !idem.formerFingerprints?.includes(found.fingerprint)
    ) {
      throw new DomainError(
        'idempotency_key_reused',
        'this Idempotency-Key was used with a different request',
      );
    }
    return { body: found.body as T };
  };
  const earlier = await replay();
  if (earlier) return earlier.body;
  try {
    return await run((body) => {
      const now = deps.clock();
      return {
        tenant: scope,
        key: idem.key,
        fingerprint: idem.fingerprint,
        body,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_WINDOW_MS).toISOString(),
        ...(expired ? { replaces: expired.createdAt } : {}),
      };
    });
  } catch (error) {
    // The same request sent twice at once: the second may fail on anything the first wrote
    // (the case's version, a claim, an item that now exists, a transition the re-run finds
    // made), not only on the key's own record. If the first committed, its answer is this one's.
    const raced = await replay();
    if (raced) return raced.body;
    throw error;
  }
}
