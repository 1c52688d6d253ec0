/**
 * Guards at the app's edge, before any route: the origin secret that proves a request came
 * through CloudFront (AWS), and the per-client limits on the public routes (embedded;
 * `TRACKING_ROUTES` and `COMPLAINT_ROUTES` in public-routes.ts say which), with a stricter one
 * on sending a complaint. Each one is on only when `createApp` is given its configuration.
 */
import { DomainError } from '@pantau/core';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { createHash, timingSafeEqual } from 'node:crypto';
import { TooManyRequests } from './problem.ts';

/** A header CloudFront adds to every request it forwards to the API, with a secret value. */
export interface OriginSecret {
  /** Lower-case header name. */
  readonly header: string;
  readonly value: string;
}

/**
 * Refuses (403) every request that lacks the origin secret, so the API's own execute-api URL
 * cannot be used to go around CloudFront and its WAF. `GET /health` stays open: uptime
 * monitors probe the API itself, and it returns no data.
 */
export function requireOriginSecret(secret: OriginSecret): MiddlewareHandler {
  const expected = digest(secret.value);
  return async (c, next) => {
    if (c.req.path === '/health') return next();
    const given = c.req.header(secret.header);
    // Compared as digests: equal lengths for timingSafeEqual, and no timing hint either way.
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      throw new DomainError('forbidden', 'requests reach this API through its CloudFront origin');
    }
    await next();
  };
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

export interface PublicRateLimit {
  /** Requests one client may make to the public routes per window. */
  readonly limit: number;
  readonly windowMs: number;
  /**
   * The client's address, the key the requests are counted under (the socket's remote address
   * on Node; never a forwarded header, which the client writes). Unknown: one shared key.
   */
  readonly clientAddress: (c: Context) => string | undefined;
  /**
   * Complaints one client may send per window (`POST /v1/complaints`), on top of `limit`:
   * `COMPLAINT_RATE_LIMIT` unless given; null, none.
   */
  readonly complaints?: { readonly limit: number; readonly windowMs: number } | null;
}

/**
 * Complaints one client address may send in ten minutes, on top of the public routes' limit.
 * Writing one takes a person minutes, so 20 leaves room for an office helping citizens or a
 * carrier-grade NAT (many phones behind one address), while a script gets two a minute, each
 * after a proof of work, and each case costs central an officer's verification. The WAF's
 * rule on AWS has the same figures (infra/edge.ts, `COMPLAINT_RATE_LIMIT`).
 */
export const COMPLAINT_RATE_LIMIT = { limit: 20, windowMs: 10 * 60_000 } as const;

/**
 * A fixed-window limit per client on the public routes (hono-rate-limiter, its in-memory
 * store: one process). Over the limit, a 429 problem through the app's error mapping, with
 * `Retry-After` in whole seconds until the client's window resets; the answers under it carry
 * the `RateLimit-*` headers (IETF draft 6).
 */
export function publicRateLimit(options: PublicRateLimit): MiddlewareHandler {
  return rateLimiter({
    limit: options.limit,
    windowMs: options.windowMs,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => options.clientAddress(c) ?? 'unknown',
    handler: (c) => {
      const resetTime = c.get('rateLimit').resetTime;
      const remainingMs = resetTime ? resetTime.getTime() - Date.now() : options.windowMs;
      throw new TooManyRequests(Math.max(1, Math.ceil(remainingMs / 1000)));
    },
  });
}
