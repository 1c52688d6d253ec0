/**
 * The one domain error type. `code` is stable and part of the API contract; the HTTP layer
 * maps each code to a status once (packages/api/src/problem.ts).
 */
export const ERROR_CODES = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'already_exists',
  'invalid_transition',
  'version_conflict',
  // A request's own precondition (`If-None-Match: *`: create only) did not hold: nothing written.
  'precondition_failed',
  'idempotency_key_reused',
  'limit_exceeded',
  // An upload whose bytes are not an accepted type (issue 15).
  'unsupported_media_type',
  // A download whose malware scan has not finished: the file is fine to ask for again shortly.
  'scan_pending',
  // A download the malware scan refused (a threat found, or the file could not be scanned):
  // never served, whoever asks, however often; a clean copy must be uploaded instead.
  'scan_refused',
  'service_unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The counts the domain caps, named on a `limit_exceeded` (`limit`) so that a reader can be told
 * what to do instead, in a sentence of its own. A record past DynamoDB's size names none.
 */
export const LIMITS = [
  'pauses',
  'extension_requests',
  'attachments',
  'import_rows',
  'open_activities',
] as const;
export type Limit = (typeof LIMITS)[number];

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly errors: readonly FieldIssue[] | undefined;
  /** Which cap a `limit_exceeded` reached (`LIMITS`), when it is one the domain sets. */
  readonly limit: Limit | undefined;
  /**
   * On the `not_found` of a case a member unit held by delegation and no longer does: its focal
   * point, which took it back, gave it to another unit, or was given it back (`readableCase`).
   */
  readonly takenBackBy: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      cause?: unknown;
      errors?: readonly FieldIssue[];
      limit?: Limit;
      takenBackBy?: string;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.errors = options.errors;
    this.limit = options.limit;
    this.takenBackBy = options.takenBackBy;
  }
}

/** Bad input naming the field, e.g. `invalidInput('agencyId', 'unknown agency')`. */
export const invalidInput = (path: string, message: string): DomainError =>
  new DomainError('validation_failed', `${path}: ${message}`, { errors: [{ path, message }] });

/**
 * A change made on version `seen` of `what` (a case, a policy, an agency), saved since as `now`
 * by someone else: refused (409), not written over what they did; read it again.
 */
export const savedSince = (what: string, seen: number, now: number): DomainError =>
  new DomainError(
    'version_conflict',
    `${what} was saved since version ${seen} (now ${now}): read it again`,
  );

/**
 * Absent, or not the caller's to read (404 either way: no existence leak). `takenBackBy`: see
 * `DomainError.takenBackBy`, the one thing a 404 may say beyond that.
 */
export const notFound = (what: string, takenBackBy?: string): DomainError =>
  new DomainError('not_found', `${what} not found`, takenBackBy ? { takenBackBy } : {});

export const invalidTransition = (message: string): DomainError =>
  new DomainError('invalid_transition', message);

/**
 * A record would pass a limit (a count the domain caps, or DynamoDB's 400 KB item): nothing was
 * written, and the message names the limit.
 */
export const limitExceeded = (message: string, limit?: Limit): DomainError =>
  new DomainError('limit_exceeded', message, limit ? { limit } : {});

/**
 * A dependency (the store, the workflow engine) is throttled or failing past its own retries:
 * nothing the caller did; try again shortly. Its adapter raises this, so no layer above knows
 * the dependency's error names.
 */
export const unavailable = (cause: unknown): DomainError =>
  new DomainError('service_unavailable', 'the service is busy, try again shortly', { cause });
