/**
 * One form pattern for every action: the API's own zod schema checks the input before it is
 * sent (same rules, same field paths as the server's 400), the server's field errors land on
 * the same fields, the values survive a failed submit, and one idempotency key per submission
 * makes a retry after a lost answer the same request rather than a second one.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError, idempotencyKey } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { type FieldIssue, fieldSentence, issueOf, serverIssue } from './field-errors';

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

/** Two values alike (as the form holds them: strings, numbers, lists, plain objects). */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A form's values with, per field, the value a colleague saved underneath the one the user
 * typed (the record read again changed the same field): said at the field until the user takes
 * theirs or keeps their own.
 */
export interface Rebased {
  readonly values: Values;
  readonly underneath: Readonly<Record<string, unknown>>;
}

/**
 * `values` moved on from `from` to `to` (a form following the record it was made from): each
 * value still as it was in `from` takes `to`'s, and each one the user changed stays. One the
 * user changed that changed in the record too (`from` ≠ `to`, and both ≠ the user's) is
 * `underneath`, with the record's new value, so the user decides before it overwrites it; one
 * the user changed to what the record now holds is no longer. `underneath` carries the notices
 * already given (a field the record leaves as it was keeps its own).
 */
export function rebase(
  values: Values,
  from: Values,
  to: Values,
  underneath: Readonly<Record<string, unknown>> = {},
): Rebased {
  const next: Values = { ...values };
  const still: Record<string, unknown> = { ...underneath };
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    if (same(values[key], from[key])) {
      if (key in to) next[key] = to[key];
      else delete next[key];
      delete still[key];
    } else if (same(values[key], to[key])) delete still[key];
    else if (!same(from[key], to[key])) still[key] = to[key];
  }
  return { values: next, underneath: still };
}

/** Field issues by dotted path, from a zod result (the first per field). */
export function issuesByPath(error: z.ZodError): Record<string, FieldIssue> {
  const errors: Record<string, FieldIssue> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || 'form';
    errors[path] ??= issueOf(issue);
  }
  return errors;
}

/** A control's label and element id, so its error names it and the summary links to it. */
export interface FieldInfo {
  readonly label: string;
  readonly id?: string;
  /** A group of choices (radio buttons): left empty, it is to be chosen, not filled in. */
  readonly choice?: boolean;
}

export interface Form<S extends z.ZodType> {
  readonly schema: S;
  readonly values: Values;
  /** Each field's error as a sentence naming it by its label, in the current language. */
  readonly errors: Record<string, string>;
  readonly busy: boolean;
  /** It started from a draft kept from before (`draftKey`): the unsent text came back. */
  readonly restored: boolean;
  /** The values differ from those it started from (or last followed): something unsent. */
  readonly dirty: boolean;
  /**
   * The fields the user changed that the record, read again, changed too (`follow`): the value
   * saved meanwhile, by field. Each is said at its field (the user's text stays) until the user
   * takes it (`take`) or keeps their own (`keep`); a submit refuses while one is undecided.
   */
  readonly underneath: Readonly<Record<string, unknown>>;
  /** Takes the value saved meanwhile at `path` in place of the user's. */
  take(path: string): void;
  /** Keeps the user's value at `path` over the one saved meanwhile (sent as typed). */
  keep(path: string): void;
  /** A failure that is not about one field (409, 404, 503, network): shown above the form. */
  readonly failure: ApiError | Error | null;
  /** Counts failed submits: the error summary takes focus on each one. */
  readonly failures: number;
  /**
   * Changes a value; the next submit is then a new request (a new idempotency key), unless
   * `sameRequest`: a value the server leaves out of the request's fingerprint (the complaint
   * form's proof of work, solved again when it expires), so a retry still replays.
   */
  set(path: string, value: unknown, options?: { readonly sameRequest?: boolean }): void;
  reset(values?: Values): void;
  /**
   * Called by a control as it renders: how its errors name it, and where the summary links.
   * Returns null, so a form can call it inline among its controls.
   */
  describe(path: string, info: FieldInfo): null;
  field(path: string): FieldInfo | undefined;
  /**
   * A control holds text that is not yet a value (an agency's name typed in a picker, not picked
   * from its list): while it does, submitting refuses with `message` (a message key, worded with
   * the field's label) at `path`, rather than send as if nothing had been typed. null: released.
   */
  hold(path: string, message: MessageKey | null): void;
  /**
   * The check a submit makes before sending (the schema and the holds): the body when it would
   * be sent, else null with the errors shown. An action that asks first checks with it, so a
   * form that would be refused is refused before the question, not after it.
   */
  check(): { readonly body: z.output<S> } | null;
  submit(send: (body: z.output<S>, key: string) => Promise<void>): Promise<boolean>;
}

/**
 * Drafts: what was typed in a form that names a `draftKey`, kept while it is unsent, so that a
 * page taken away (an expired session's 401 sends the officer to sign in) gives it back when it
 * comes again. In sessionStorage, never localStorage: the text is about a complainant, and a
 * tab's storage ends with the tab. Forgotten once sent, and on signing out.
 */
const DRAFT_PREFIX = 'pantau.draft:';

/**
 * A draft as kept: the values, and the values the form followed then (`from`: the record as the
 * page had read it) with the notices not yet decided (`underneath`), so a form following its
 * record gives it back rebased on the record as it is now, rather than undo a change saved
 * since. A draft kept before `from` was stored is its values alone.
 */
interface Draft {
  readonly values: Values;
  readonly from: Values | null;
  readonly underneath?: Readonly<Record<string, unknown>> | undefined;
}

const isValues = (v: unknown): v is Values =>
  Boolean(v) && typeof v === 'object' && !Array.isArray(v);

function readDraft(key: string | undefined): Draft | null {
  if (!key) return null;
  try {
    const raw = sessionStorage.getItem(DRAFT_PREFIX + key);
    const saved = raw ? (JSON.parse(raw) as unknown) : null;
    if (!isValues(saved)) return null;
    return saved.kept === 2 && isValues(saved.values)
      ? {
          values: saved.values,
          from: isValues(saved.from) ? saved.from : null,
          underneath: isValues(saved.underneath) ? saved.underneath : {},
        }
      : { values: saved, from: null };
  } catch {
    return null; // storage refused (private mode) or a damaged entry: start empty
  }
}

function writeDraft(key: string, draft: Draft | null): void {
  try {
    if (draft) sessionStorage.setItem(DRAFT_PREFIX + key, JSON.stringify({ kept: 2, ...draft }));
    else sessionStorage.removeItem(DRAFT_PREFIX + key);
  } catch {
    // Full or refused: the form still works, only without its safety copy.
  }
}

/**
 * What a form keeps beside its draft that is not a value (the names of the files chosen, which
 * sessionStorage cannot hold): under the drafts' prefix, so signing out forgets it with them.
 */
export function readKept(key: string): unknown {
  try {
    const raw = sessionStorage.getItem(DRAFT_PREFIX + key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

/** Keeps `value` beside a draft (`readKept`), or forgets it (null). */
export function keep(key: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(DRAFT_PREFIX + key);
    else sessionStorage.setItem(DRAFT_PREFIX + key, JSON.stringify(value));
  } catch {
    // Full or refused: only the reminder is lost.
  }
}

/** Forgets every form's draft in this tab (signing out: the next person must not read them). */
export function forgetDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage))
      if (key.startsWith(DRAFT_PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // No storage: no drafts.
  }
}

export function useForm<S extends z.ZodType>(
  schema: S,
  initial: Values,
  /** When the form's shape is not the body's (checkbox lists, say): values → body. */
  toBody: (values: Values) => unknown = compact,
  options: {
    /**
     * Keeps the unsent values in sessionStorage under this key (the user, the record and the
     * action: `u1:c1:polri:response`), and starts from them when the form mounts again.
     */
    readonly draftKey?: string | undefined;
    /**
     * Follows `initial` as it changes (the record read again after an action): each value the
     * user left as it was takes the new one, and what they changed stays; one changed in the
     * record too is `underneath` (said at its field, to decide on before sending). A draft kept
     * from an older record is given back so too. Without it the form keeps the values it
     * started with (a form for another record is remade with a `key`). `'defaults'`: `initial`
     * holds defaults, not what a record saved (the working agencies a new plan starts with), so
     * sending overwrites nothing: what the user changed stays, and nothing is `underneath`.
     */
    readonly follow?: boolean | 'defaults' | undefined;
  } = {},
): Form<S> {
  const { t } = useI18n();
  const { draftKey, follow = false } = options;
  // Read once, as the form mounts: the values it starts from, and whether they were a draft.
  const [draft] = useState(() => readDraft(draftKey));
  // The values, and the fields a colleague changed underneath the user's (`follow`).
  // Defaults followed overwrite nothing a record saved: nothing to say underneath.
  const followed = (r: Rebased): Rebased =>
    follow === 'defaults' ? { values: r.values, underneath: {} } : r;
  const [state, setState] = useState<Rebased>(() =>
    !draft
      ? { values: initial, underneath: {} }
      : follow && draft.from
        ? followed(rebase(draft.values, draft.from, initial, draft.underneath))
        : { values: { ...initial, ...draft.values }, underneath: {} },
  );
  const { values, underneath } = state;
  const [restored, setRestored] = useState(draft !== null);
  // What the form started from (or last followed): the values that are nothing to keep.
  const initialJson = JSON.stringify(initial);
  const [base, setBase] = useState({ json: initialJson, values: initial });
  if (follow && base.json !== initialJson) {
    setBase({ json: initialJson, values: initial });
    setState((h) => followed(rebase(h.values, base.values, initial, h.underneath)));
  }
  const dirty = JSON.stringify(values) !== base.json;
  const [issues, setErrors] = useState<Record<string, FieldIssue>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | Error | null>(null);
  const [failures, setFailures] = useState(0);
  const key = useRef<string | null>(null);
  const fields = useRef(new Map<string, FieldInfo>());
  // Bumped when a control's label changes (the language switched): errors already shown are
  // worded again with the new label. Outside the render that noticed it (a microtask).
  const [labels, setLabels] = useState(0);
  const describe = useCallback((path: string, info: FieldInfo) => {
    const before = fields.current.get(path);
    fields.current.set(path, info);
    if (before && before.label !== info.label) queueMicrotask(() => setLabels((n) => n + 1));
    return null;
  }, []);
  const field = useCallback((path: string) => fields.current.get(path), []);
  const holds = useRef(new Map<string, MessageKey>());
  const hold = useCallback((path: string, message: MessageKey | null) => {
    if (message) holds.current.set(path, message);
    else holds.current.delete(path);
  }, []);
  // Saved as typed (the 401 that ends the session unmounts the form at once, with no chance to
  // save then); nothing kept while the values are still the ones the form started with.
  useEffect(() => {
    if (!draftKey) return;
    writeDraft(
      draftKey,
      dirty ? { values, ...(follow ? { from: base.values, underneath } : { from: null }) } : null,
    );
  }, [draftKey, values, dirty, follow, base, underneath]);
  // The draft lives as long as the tab (sessionStorage): closing the tab, or leaving the
  // console for another site, would lose what was typed without a word. The browser asks first
  // (in its own words and language; the text is not ours to set).
  useEffect(() => {
    if (!draftKey || !dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [draftKey, dirty]);
  // Worded at render time: a change of language rewords the errors already shown.
  const errors = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(issues).map(([path, issue]) => [
          path,
          fieldSentence(
            t,
            issue,
            fields.current.get(path)?.label,
            fields.current.get(path)?.choice,
          ),
        ]),
      ),
    [issues, t, labels],
  );

  const set = useCallback(
    (path: string, value: unknown, options?: { readonly sameRequest?: boolean }) => {
      setState((h) => {
        const next = setPath(h.values, path, value);
        // Typed to what was saved meanwhile: nothing left to decide there.
        const still = Object.entries(h.underneath).filter(
          ([key, v]) => !same(getPath(next, key), v),
        );
        return {
          values: next,
          underneath:
            still.length === Object.keys(h.underneath).length
              ? h.underneath
              : Object.fromEntries(still),
        };
      });
      setErrors(({ [path]: _, ...rest }) => rest);
      // Changed input is a new request (the old key with another body would be a 409).
      if (!options?.sameRequest) key.current = null;
    },
    [],
  );

  /** The notice at `path` settled: with the value saved meanwhile (`take`), or the user's. */
  const decide = useCallback((path: string, take: boolean) => {
    setState(({ values: v, underneath: { [path]: theirs, ...rest } }) => ({
      values: take ? setPath(v, path, theirs) : v,
      underneath: rest,
    }));
    setErrors(({ [path]: _, ...rest }) => rest);
    if (take) key.current = null;
  }, []);
  const take = useCallback((path: string) => decide(path, true), [decide]);
  const keep = useCallback((path: string) => decide(path, false), [decide]);

  const reset = useCallback(
    (next?: Values) => {
      setState({ values: next ?? initial, underneath: {} });
      setRestored(false);
      setErrors({});
      setFailure(null);
      key.current = null;
    },
    [initial],
  );

  const check = (): { readonly body: z.output<S> } | null => {
    setFailure(null);
    const parsed = schema.safeParse(toBody(values));
    const held = [
      ...holds.current,
      // Changed meanwhile by a colleague too: sent as it is, it would overwrite theirs unseen.
      ...Object.keys(underneath).map((path) => [path, 'fieldError.changedUnderneath'] as const),
    ].map(([path, message]): [string, FieldIssue] => [path, { code: 'custom', message }]);
    if (!parsed.success || held.length > 0) {
      setErrors({
        ...(parsed.success ? {} : issuesByPath(parsed.error)),
        ...Object.fromEntries(held),
      });
      setFailures((n) => n + 1);
      return null;
    }
    setErrors({});
    return { body: parsed.data };
  };

  const submit = async (send: (body: z.output<S>, key: string) => Promise<void>) => {
    const checked = check();
    if (!checked) return false;
    setBusy(true);
    key.current ??= idempotencyKey();
    try {
      await send(checked.body, key.current);
      key.current = null;
      // Sent: nothing to give back any more (even if the form keeps showing the values).
      if (draftKey) writeDraft(draftKey, null);
      return true;
    } catch (error) {
      const server = error instanceof ApiError ? error.fieldErrors : {};
      if (Object.keys(server).length > 0)
        setErrors(
          Object.fromEntries(
            Object.entries(server).map(([path, message]) => [path, serverIssue(message)]),
          ),
        );
      else setFailure(error as Error);
      setFailures((n) => n + 1);
      // A 4xx was an answer: the next submit is a new request. A network failure or a 5xx may
      // not have been: keep the key so a retry cannot write twice.
      if (error instanceof ApiError && error.status < 500) key.current = null;
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    schema,
    values,
    errors,
    busy,
    restored,
    dirty,
    underneath,
    take,
    keep,
    failure,
    failures,
    set,
    reset,
    describe,
    field,
    hold,
    check,
    submit,
  };
}

/**
 * The longest text the schema takes at a path (`complainant.address` → 500), for the counter
 * under a long field: the limit is the API's own, never a second copy of it.
 */
export function maxLengthAt(schema: z.ZodType, path: string): number | undefined {
  let node: unknown = schema;
  for (const key of [...path.split('.'), '']) {
    // Through wrappers (optional, nullable, default, a pipe's input) to the shape below.
    for (let i = 0; i < 8; i += 1) {
      const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
      if (!def) return undefined;
      const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
      if (!inner) break;
      node = inner;
    }
    if (key === '') break;
    const def = (node as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'object') node = (def.shape as Record<string, unknown>)[key];
    else if (def.type === 'array') node = def.element;
    else return undefined;
    if (!node) return undefined;
  }
  const max = (node as { maxLength?: number | null }).maxLength;
  return typeof max === 'number' ? max : undefined;
}
