/**
 * The API client: openapi-fetch over the types generated from the API's own OpenAPI document
 * (`schema.d.ts`), so every path, parameter and body is checked against the contract.
 * Same origin everywhere (embedded runtime, Vite's proxy, CloudFront), so no base URL.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

let token: string | null = null;
let onUnauthorized: () => void = () => {};

/** Called by the session holder: the token every call carries, and what a 401 does. */
export function setApiToken(next: string | null, unauthorized?: () => void): void {
  token = next;
  if (unauthorized) onUnauthorized = unauthorized;
}

export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  // Looked up per call (not captured once), so tests can stand in for the network.
  fetch: (request) => globalThis.fetch(request),
});
api.use({
  onRequest({ request }) {
    if (token && !request.headers.has('authorization')) {
      request.headers.set('authorization', `Bearer ${token}`);
    }
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && request.headers.has('authorization')) onUnauthorized();
    return response;
  },
});

/** A failed call, carrying the API's problem+json (RFC 9457) when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
  /** The field errors of a 400, by dotted path (`complainant.name`). */
  get fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem?.errors ?? []).map((e) => [e.path, e.message]));
  }
}

/** The body of a successful call, or an `ApiError` (a network failure stays a TypeError). */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const problem =
    error && typeof error === 'object' && 'status' in error ? (error as Problem) : null;
  throw new ApiError(response.status, problem);
}

/** Every page of a list (a choice list wants all of them: the agencies to forward to). */
export async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const result = await page(cursor);
    items.push(...result.items);
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Downloads a CSV export with the session's token (a plain link could not carry it). */
export async function download(path: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${token ?? ''}` } });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(response.status, problem);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** One key per submission: a retry after a lost answer is the same request, not a second one. */
export const idempotencyKey = (): string => crypto.randomUUID();
