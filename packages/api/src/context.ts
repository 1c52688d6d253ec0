/** What middleware puts on the Hono context, typed once for every handler. */
import type { Principal, Service } from '@pantau/core';
import type { RateLimitInfo } from 'hono-rate-limiter';

declare module 'hono' {
  interface ContextVariableMap {
    /** The verified caller; set by the auth middleware on /v1 routes. */
    auth: Principal;
    service: Service;
    /** The request's correlation id (correlation.ts), for its log lines. */
    correlationId: string;
    /** The client's count on a rate-limited public route; set by hono-rate-limiter. */
    rateLimit: RateLimitInfo;
  }
}
export {};
