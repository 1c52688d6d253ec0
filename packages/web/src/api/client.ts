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
let renew: (() => Promise<string | null>) | null = null;
let renewing: Promise<string | null> | null = null;

/** Called by the session holder: the token every call carries, and what a 401 does. */
export function setApiToken(next: string | null, unauthorized?: () => void): void {
  token = next;
  if (unauthorized) onUnauthorized = unauthorized;
}

/**
 * How a session whose token the API refused gets a new one without the person signing in again
 * (Cognito's refresh token; `null` embedded, whose token is not renewed). A tab asleep past its
 * token's hour (a phone's frozen timers, a laptop's lid) missed the background renewal: its next
 * call is refused once, renewed, and sent again; only a renewal that fails ends the session.
 */
export function setTokenRenewal(next: (() => Promise<string | null>) | null): void {
  renew = next;
}

/**
 * One renewal for every call the API refused meanwhile; none if the token changed since (the
 * background renewal got there first, or finished while this one failed beside it).
 */
async function renewedToken(refused: string): Promise<string | null> {
  const changed = () => (token !== null && token !== refused ? token : null);
  if (changed() || !renew) return changed();
  renewing ??= renew()
    .catch(() => null)
    .finally(() => {
      renewing = null;
    });
  return (await renewing) ?? changed();
}

/**
 * Every call the console makes with the session: carries its token; a 401 is sent again once
 * with a renewed token (the API refused it before reading it, so a write is not made twice: the
 * same request, its idempotency key included), and ends the session only when that fails.
 */
async function send(request: Request): Promise<Response> {
  const sent = token;
  if (sent && !request.headers.has('authorization')) {
    request.headers.set('authorization', `Bearer ${sent}`);
  }
  const again = sent && renew ? request.clone() : null;
  // `globalThis.fetch` looked up per call (not captured once): tests stand in for the network.
  const response = await globalThis.fetch(request);
  if (response.status !== 401 || !request.headers.has('authorization')) return response;
  const renewed = sent && again ? await renewedToken(sent) : null;
  if (renewed && again) {
    again.headers.set('authorization', `Bearer ${renewed}`);
    const retried = await globalThis.fetch(again);
    if (retried.status !== 401) return retried;
  }
  onUnauthorized();
  return response;
}

export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  fetch: send,
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

/**
 * Downloads a file (a CSV or workbook export, a letter's PDF) with the session's token (a plain
 * link could not carry it), saved under the name the API gives it (`Content-Disposition`: the
 * period, the agenda number), else `filename`.
 */
export async function download(path: string, filename: string): Promise<void> {
  const response = await send(new Request(new URL(path, globalThis.location?.origin)));
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(response.status, problem);
  }
  const given = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), {
    href: url,
    download: given ?? filename,
  });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** One key per submission: a retry after a lost answer is the same request, not a second one. */
export const idempotencyKey = (): string => crypto.randomUUID();
