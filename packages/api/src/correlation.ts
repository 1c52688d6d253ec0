/**
 * The correlation id of a request: the caller's `x-correlation-id` when it is a plain token,
 * else the request id. Every log line of the request names it, the response echoes it, and
 * work the request starts (a ladder's execution, on AWS and embedded) carries it on, so one
 * search finds the request, the ticks of the ladder it armed and the letters they sent.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export const CORRELATION_HEADER = 'x-correlation-id';

/** What a caller may send: anything else is replaced by the request id, never echoed. */
const PLAIN = /^[A-Za-z0-9_.:-]{1,128}$/;

const current = new AsyncLocalStorage<string>();

/** The correlation id of the request being served, if any (the ladder starters read it). */
export const currentCorrelationId = (): string | undefined => current.getStore();

export const correlationIdOf = (header: string | undefined, requestId: string): string =>
  header !== undefined && PLAIN.test(header) ? header : requestId;

/** Runs `work` (the rest of the request) under `id`. */
export const withCorrelationId = <T>(id: string, work: () => Promise<T>): Promise<T> =>
  current.run(id, work);
