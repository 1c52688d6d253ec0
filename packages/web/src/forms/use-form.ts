/**
 * One form pattern for every action: the API's own zod schema checks the input before it is
 * sent (same rules, same field paths as the server's 400), the server's field errors land on
 * the same fields, the values survive a failed submit, and one idempotency key per submission
 * makes a retry after a lost answer the same request rather than a second one.
 */
import { useCallback, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError, idempotencyKey } from '../api/client';

export type Values = { [key: string]: unknown };

/** Drops what the user left empty, so optional fields are absent rather than `""`. */
export function compact(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return value.map(compact).filter((v) => v !== undefined);
  if (value && typeof value === 'object') {
    // An emptied group stays `{}`, so a required one reports its own missing fields
    // (`complainant.name`) rather than "complainant: required".
    return Object.fromEntries(
      Object.entries(value)
        .map(([k, v]) => [k, compact(v)] as const)
        .filter(([, v]) => v !== undefined),
    );
  }
  return value;
}

export function setPath(values: Values, path: string, value: unknown): Values {
  return setIn(values, path.split('.'), value) as Values;
}

/** Copies along the path (arrays stay arrays: `ladder.0.name`). */
function setIn(container: unknown, keys: readonly string[], value: unknown): unknown {
  const [head, ...rest] = keys;
  if (head === undefined) return value;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(container)
    ? [...(container as unknown[])]
    : { ...(container as Record<string, unknown> | undefined) };
  const child = (copy as Record<string, unknown>)[head];
  (copy as Record<string, unknown>)[head] = setIn(child ?? {}, rest, value);
  return copy;
}

export function getPath(values: Values, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Values)[key] : undefined),
      values,
    );
}

/** Field errors by dotted path, from a zod result. */
export function issuesByPath(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || 'form';
    errors[path] ??= issue.message;
  }
  return errors;
}

export interface Form<S extends z.ZodType> {
  readonly values: Values;
  readonly errors: Record<string, string>;
  readonly busy: boolean;
  /** A failure that is not about one field (409, 404, 503, network): shown above the form. */
  readonly failure: ApiError | Error | null;
  set(path: string, value: unknown): void;
  reset(values?: Values): void;
  submit(send: (body: z.output<S>, key: string) => Promise<void>): Promise<boolean>;
}

export function useForm<S extends z.ZodType>(
  schema: S,
  initial: Values,
  /** When the form's shape is not the body's (checkbox lists, say): values → body. */
  toBody: (values: Values) => unknown = compact,
): Form<S> {
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | Error | null>(null);
  const key = useRef<string | null>(null);

  const set = useCallback((path: string, value: unknown) => {
    setValues((v) => setPath(v, path, value));
    setErrors(({ [path]: _, ...rest }) => rest);
    // Changed input is a new request (the old key with another body would be a 409).
    key.current = null;
  }, []);

  const reset = useCallback(
    (next?: Values) => {
      setValues(next ?? initial);
      setErrors({});
      setFailure(null);
      key.current = null;
    },
    [initial],
  );

  const submit = async (send: (body: z.output<S>, key: string) => Promise<void>) => {
    setFailure(null);
    const parsed = schema.safeParse(toBody(values));
    if (!parsed.success) {
      setErrors(issuesByPath(parsed.error));
      return false;
    }
    setErrors({});
    setBusy(true);
    key.current ??= idempotencyKey();
    try {
      await send(parsed.data, key.current);
      key.current = null;
      return true;
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : {};
      if (Object.keys(fields).length > 0) setErrors(fields);
      else setFailure(error as Error);
      // A 4xx was an answer: the next submit is a new request. A network failure or a 5xx may
      // not have been: keep the key so a retry cannot write twice.
      if (error instanceof ApiError && error.status < 500) key.current = null;
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { values, errors, busy, failure, set, reset, submit };
}
